import { randomBytes } from 'node:crypto';

/** About 20 KB: a few kilobytes of Italian text and a small PDF-like attachment, base64-encoded. */
const PARAGRAPH =
  'Buongiorno, dopo l’aggiornamento di ieri la procedura di stampa dei mandati si blocca al cinquanta per cento ' +
  'e non produce il file per la tesoreria. Abbiamo provato a riavviare il servizio senza risultato. ';

function wrap(base64: string): string {
  return base64.replace(/.{1,76}/g, '$&\r\n');
}

export interface BenchMessageOptions {
  index: number;
  from: string;
  to: string;
  /** a ticket number to follow up, or none for a new request */
  followUpTn?: string;
}

/** A realistic customer message of about 20 KB (text, signature with a phone number, an attachment). */
export function benchMessage(options: BenchMessageOptions): Uint8Array {
  const boundary = `b${options.index}-${randomBytes(6).toString('hex')}`;
  const subject = options.followUpTn
    ? `Re: [Ticket#${options.followUpTn}] Stampa mandati bloccata`
    : `Stampa mandati bloccata, ufficio ${options.index % 97}`;
  const text = `${PARAGRAPH.repeat(30)}\r\n\r\nCordiali saluti\r\nUfficio Ragioneria\r\nTel. 0364 ${String(100000 + options.index).slice(-6)}\r\n`;
  const attachment = wrap(randomBytes(9_000).toString('base64'));
  return new TextEncoder().encode(
    [
      `From: Utente ${options.index} <${options.from}>`,
      `To: ${options.to}`,
      `Subject: ${subject}`,
      `Message-ID: <bench-${options.index}-${randomBytes(8).toString('hex')}@comune.test>`,
      'Date: Thu, 03 Dec 2026 09:00:00 +0100',
      'MIME-Version: 1.0',
      `Content-Type: multipart/mixed; boundary="${boundary}"`,
      '',
      `--${boundary}`,
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: 8bit',
      '',
      text,
      `--${boundary}`,
      'Content-Type: application/pdf; name="schermata.pdf"',
      'Content-Disposition: attachment; filename="schermata.pdf"',
      'Content-Transfer-Encoding: base64',
      '',
      attachment,
      `--${boundary}--`,
      '',
    ].join('\r\n'),
  );
}
