import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMessage } from '../../server/domain/mail/inbound/parse-message.ts';

const CORPUS = new URL('./corpus/', import.meta.url);
const raw = (name: string) => readFileSync(new URL(name, CORPUS));
const parse = (name: string) => parseMessage(raw(name));
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('charsets and transfer encodings', () => {
  it('reads plain UTF-8 Italian, addresses lower-cased, the subject trimmed', async () => {
    const mail = await parse('01-plain-utf8.eml');
    expect(mail.subject).toBe('La stampante del terzo piano non funziona');
    expect(mail.text).toBe(
      'Buongiorno,\n\nla stampante del terzo piano è guasta: perché non stampa più?\n' +
        "L'ho già spenta e riaccesa, però niente. Città: Forlì.\n\nGrazie, buon caffè a tutti.\n" +
        'Mario Rossi\nTel. 0543 123456\n',
    );
    expect(mail.html).toBeNull();
    expect(mail.from).toEqual({ address: 'mario.rossi@cliente.it', name: 'Mario Rossi' });
    expect(mail.to).toEqual([
      { address: 'assistenza@sportello.test', name: 'Assistenza Sportello' },
      { address: 'vendite@sportello.test', name: '' },
    ]);
    expect(mail.cc).toEqual([{ address: 'laura.bianchi@cliente.it', name: 'Bianchi, Laura' }]);
    expect(mail.replyTo).toEqual([{ address: 'acquisti@cliente.it', name: 'Ufficio Acquisti' }]);
    // Delivered-To and X-Original-To name the same mailbox in different case: one entry
    expect(mail.deliveredTo).toEqual([{ address: 'assistenza@sportello.test', name: '' }]);
    expect(mail.messageId).toBe('20180911091358.1234@cliente.it');
    expect(mail.date?.toISOString()).toBe('2018-09-11T07:13:58.000Z');
    expect(mail.headers.get('received')?.[0]).toMatch(/^from mx\.cliente\.it .*\sfor <assistenza@sportello\.test>;/);
    expect(mail.headers.get('x-original-to')).toEqual(['Assistenza@Sportello.test']);
    expect(mail.attachments).toEqual([]);
    expect(mail.bounce).toBeNull();
  });

  it('reads ISO-8859-1 quoted-printable, soft line breaks joined', async () => {
    const mail = await parse('02-latin1-qp.eml');
    expect(mail.subject).toBe('Fattura già pagata');
    expect(mail.text).toBe(
      'Gentili signori,\n\nla fattura n. 2018/117 è già stata pagata il 3 settembre, però non è ancora arrivata ' +
        "la conferma dell'avvenuto pagamento né la ricevuta.\n\nCordiali saluti,\nNiccolò Bertolà\n",
    );
  });

  it('reads ISO-8859-15 with the euro sign', async () => {
    const mail = await parse('03-latin9-euro.eml');
    expect(mail.text).toBe('Totale: 120 € (IVA inclusa), consegna entro venerdì.\n');
  });

  it('reads Windows-1252 curly quotes, euro, ellipsis and dash, in the body and in the subject', async () => {
    const mail = await parse('04-windows-1252.eml');
    expect(mail.subject).toBe('“Preventivo” approvato');
    expect(mail.text).toBe('Il “preventivo” da 1.250 € è ‘ok’… procediamo pure.\nSaluti – Giò\n');
  });

  it('reads a base64 body', async () => {
    const mail = await parse('05-base64-body.eml');
    expect(mail.text).toBe("Salve,\nallego il numero di serie: SN-4521-ÀÈÌÒÙ.\nUn saluto dall'ufficio di Cesena.\n");
  });

  it('decodes RFC 2047 words in B and Q, split across words (even inside a character)', async () => {
    const mail = await parse('06-encoded-headers.eml');
    expect(mail.subject).toBe('Richiesta urgente: però la città è ferma');
    expect(mail.from).toEqual({ address: 'n.bertola@example.it', name: 'Niccolò Bertolà' });
    expect(mail.to).toEqual([{ address: 'assistenza@sportello.test', name: 'Ufficio Assistenza – Sportello' }]);
    expect(mail.headers.get('subject')).toEqual(['Richiesta urgente: però la città è ferma']);
    expect(mail.headers.get('thread-topic')).toEqual(['Città ferma']);
    expect(mail.text).toBe('La città è ferma, per favore richiamatemi.\n');
  });
});

describe('structure and attachments', () => {
  it('decodes RFC 2231 file names, with a charset and split into continuations', async () => {
    const mail = await parse('07-rfc2231-filename.eml');
    expect(mail.attachments.map(({ filename, contentType, inline }) => ({ filename, contentType, inline }))).toEqual([
      { filename: 'fattura n°1.pdf', contentType: 'application/pdf', inline: false },
      { filename: 'preventivo città.pdf', contentType: 'application/pdf', inline: false },
    ]);
    expect(text(mail.attachments[0]?.content ?? new Uint8Array())).toMatch(/^%PDF-1\.4\n/);
    expect(mail.text).toBe('In allegato la fattura e il preventivo.\n');
  });

  it('keeps both sides of multipart/alternative, the HTML without its document shell', async () => {
    const mail = await parse('08-alternative.eml');
    expect(mail.text).toContain('il server di posta è lento da stamattina.');
    expect(mail.html).toBe('<p>Buongiorno,</p><p>il <b>server di posta</b> è lento da stamattina.</p><p>Grazie</p>');
  });

  it('keeps an inline image of multipart/related by its Content-ID, referenced as cid:', async () => {
    const mail = await parse('09-related-inline-image.eml');
    expect(mail.html).toContain('<img src="cid:schermata.png@01D44C1E" alt="schermata" width="1" height="1">');
    expect(mail.attachments).toHaveLength(1);
    const [image] = mail.attachments;
    expect(image).toMatchObject({
      filename: 'schermata.png',
      contentType: 'image/png',
      contentId: 'schermata.png@01D44C1E',
      inline: true,
    });
    expect([...(image?.content.subarray(0, 4) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('keeps attachments of any type with their names and exact bytes', async () => {
    const mail = await parse('10-attachments.eml');
    expect(mail.text).toBe('Vi mando inventario, manuale e archivio dei log.\n');
    expect(mail.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual([
      ['manuale.pdf', 'application/pdf'],
      ['inventario.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['log settembre.zip', 'application/zip'],
    ]);
    const zip = mail.attachments[2]?.content ?? new Uint8Array();
    expect([...zip.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04]);
    expect(zip.length).toBe(10 + 256 + 4 + 18);
  });

  it('keeps a forwarded message whole, as an .eml named after its subject', async () => {
    const mail = await parse('11-forwarded.eml');
    expect(mail.text).toBe("Vi inoltro l'ordine del fornitore, vedete voi.\n");
    expect(mail.attachments).toHaveLength(1);
    const [forwarded] = mail.attachments;
    expect(forwarded).toMatchObject({ filename: 'Ordine 4521 – conferma.eml', contentType: 'message/rfc822' });
    // the forwarded message's own attachment stays inside it
    const inner = await parseMessage(forwarded?.content ?? new Uint8Array());
    expect(inner.messageId).toBe('ordine-4521@fornitore.it');
    expect(inner.attachments.map((attachment) => attachment.filename)).toEqual(['ordine.pdf']);
  });

  it('keeps a calendar invite as an attachment, not as body text', async () => {
    const mail = await parse('12-calendar-invite.eml');
    expect(mail.text).toBe('Riunione assistenza, martedì 18 settembre alle 11.\n');
    expect(mail.attachments.map(({ filename, contentType }) => [filename, contentType])).toEqual([
      ['invite.ics', 'text/calendar'],
      ['invite.ics', 'application/ics'],
    ]);
    const invite = text(mail.attachments[0]?.content ?? new Uint8Array());
    expect(invite).toContain('METHOD:REQUEST');
    expect(invite).toContain('SUMMARY;LANGUAGE=it-IT:Riunione assistenza');
  });

  it('keeps winmail.dat as an attachment', async () => {
    const mail = await parse('13-winmail-dat.eml');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({ filename: 'winmail.dat', contentType: 'application/ms-tnef' });
    expect([...(mail.attachments[0]?.content.subarray(0, 4) ?? [])]).toEqual([0x78, 0x9f, 0x3e, 0x22]);
  });

  it('keeps a 15 MB attachment byte for byte', async () => {
    const payload = randomBytes(15 * 1024 * 1024);
    const base64 = payload.toString('base64').replace(/.{76}/g, '$&\r\n');
    const message = Buffer.from(
      'From: grafica@cliente.it\r\nTo: assistenza@sportello.test\r\nSubject: Bozza volantino\r\n' +
        'MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary="big"\r\n\r\n' +
        '--big\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nEcco la bozza.\r\n' +
        '--big\r\nContent-Type: image/tiff; name="volantino.tif"\r\nContent-Transfer-Encoding: base64\r\n\r\n' +
        `${base64}\r\n--big--\r\n`,
    );
    const mail = await parseMessage(message);
    expect(mail.text).toBe('Ecco la bozza.\n');
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]?.filename).toBe('volantino.tif');
    expect(Buffer.from(mail.attachments[0]?.content ?? new Uint8Array()).equals(payload)).toBe(true);
  });
});

describe('HTML', () => {
  it('shows hostile HTML sanitised, and derives the text from it when there is no text part', async () => {
    const mail = await parse('14-html-hostile.eml');
    const html = mail.html ?? '';
    for (const forbidden of [
      '<script',
      '<style',
      '<form',
      '<input',
      '<iframe',
      '<meta',
      'onclick',
      'onerror',
      'onload',
      'javascript:',
      'url(',
      'position',
      ' src="https://',
      ' background="https://',
      'document.cookie',
      'segreta',
    ]) {
      expect(html, forbidden).not.toContain(forbidden);
    }
    expect(html).toContain('<p style="color: #c00; font-weight: bold">Gentile cliente,</p>');
    expect(html).toContain('data-sportello-remote-src="https://tracker.example.net/open.gif?id=42"');
    expect(html).toContain(
      '<a href="https://www.cliente.it/rinnovo?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">qui</a>',
    );
    expect(mail.text).toBe(
      'Gentile cliente,\n\nla sua password è scaduta & va rinnovata.\n\nRinnova qui oppure qui\n\nInvia\n\n' +
        'Riga 1\tColonna 2\n\n- primo\n- secondo',
    );
  });
});

describe('threading', () => {
  it('reads In-Reply-To and folded References without angle brackets, and flowed text', async () => {
    const mail = await parse('20-thunderbird-reply.eml');
    expect(mail.subject).toBe('Re: [Ticket#2018091110000018] Stampante guasta');
    expect(mail.messageId).toBe('5b9e1f2a-7c3d-4e5f-8a9b-0c1d2e3f4a5b@cliente.it');
    expect(mail.inReplyTo).toEqual(['out-1@sportello.test']);
    expect(mail.references).toEqual(['20180911091358.1234@cliente.it', 'out-1@sportello.test']);
    expect(mail.text).toContain('Il tecnico è stato molto gentile e veloce.');
    expect(mail.text).toContain('> Gentile cliente, abbiamo inviato un tecnico.');
  });

  it('gives null for a missing Message-ID and Date', async () => {
    const mail = await parse('19-no-message-id.eml');
    expect(mail.messageId).toBeNull();
    expect(mail.date).toBeNull();
    expect(mail.subject).toBe('Toner quasi esaurito');
    expect(mail.text).toBe('Livello toner nero: 5%.\n');
  });

  it('reads ids written without brackets or separated by commas, and every delivery header', async () => {
    const mail = await parseMessage(
      Buffer.from(
        'Message-ID: senza-parentesi@cliente.it\nIn-Reply-To: a@x.it\nReferences: <a@x.it>,<b@x.it>\n' +
          'Delivered-To: uno@sportello.test\nEnvelope-To: DUE@sportello.test\nResent-To: Tre <tre@sportello.test>\n' +
          'X-Original-To: uno@sportello.test\nSubject:\n\nciao\n',
      ),
    );
    expect(mail.messageId).toBe('senza-parentesi@cliente.it');
    expect(mail.inReplyTo).toEqual(['a@x.it']);
    expect(mail.references).toEqual(['a@x.it', 'b@x.it']);
    expect(mail.deliveredTo.map((address) => address.address)).toEqual([
      'uno@sportello.test',
      'due@sportello.test',
      'tre@sportello.test',
    ]);
    expect(mail.subject).toBe('');
  });

  it('keeps the headers of an auto-reply for the loop rules, and does not take it for a bounce', async () => {
    const mail = await parse('17-auto-reply.eml');
    expect(mail.subject).toBe('Fuori ufficio: Re: [Ticket#2018091110000018] Stampante guasta');
    expect(mail.headers.get('auto-submitted')).toEqual(['auto-replied']);
    expect(mail.headers.get('precedence')).toEqual(['auto_reply']);
    expect(mail.text).toContain('Sono fuori ufficio fino a lunedì 24 settembre');
    expect(mail.bounce).toBeNull();
  });
});

describe('bounces', () => {
  it('reads a delivery status notification: the original Message-ID, recipient, status and action', async () => {
    const mail = await parse('15-bounce-dsn.eml');
    expect(mail.bounce).toEqual({
      originalMessageId: 'out-1@sportello.test',
      recipients: ['sconosciuto@cliente.it'],
      status: '5.1.1',
      action: 'failed',
    });
    expect(mail.text).toContain('Recipient address rejected: User unknown');
    expect(mail.attachments.map((attachment) => attachment.contentType)).toEqual([
      'message/delivery-status',
      'text/rfc822-headers',
    ]);
  });

  it('recognises a MAILER-DAEMON message carrying the original, without a delivery-status part', async () => {
    const mail = await parse('16-bounce-mailer-daemon.eml');
    expect(mail.bounce).toEqual({
      originalMessageId: 'out-2@sportello.test',
      recipients: ['casella.piena@esempio.it'],
      status: '',
      action: 'failed',
    });
  });

  it('takes no other message of the corpus for a bounce', async () => {
    const names = readdirSync(CORPUS).filter((name) => name.endsWith('.eml'));
    expect(names.length).toBeGreaterThanOrEqual(20);
    for (const name of names) {
      const mail = await parse(name);
      expect(mail.bounce !== null, name).toBe(name.includes('bounce'));
    }
  });
});

describe('broken input', () => {
  it('reads broken MIME without failing: unknown charset, bad base64, boundary never closed', async () => {
    const mail = await parse('18-broken-mime.eml');
    expect(mail.subject).toBe('Rapporto notturno');
    // "x-unknown" is read as the Western default, which is what such old systems send
    expect(mail.text).toContain('Elaborazione completata: 3 errori, perché il disco è pieno.');
    expect(mail.text).toContain('Fine del rapporto.');
    expect(mail.attachments.map((attachment) => attachment.filename)).toEqual(['rapporto.bin']);
  });

  it('recovers UTF-8 sent under a wrong or unknown charset label', async () => {
    const mail = await parseMessage(
      Buffer.from(
        'Subject: =?iso-8859-1?Q?Perch=C3=A9_non_funziona?=\nContent-Type: text/plain; charset=x-unknown\n' +
          'Content-Transfer-Encoding: 8bit\n\nLa città è ferma, 120 € “subito”.\n',
      ),
    );
    expect(mail.subject).toBe('Perché non funziona');
    expect(mail.text).toBe('La città è ferma, 120 € “subito”.\n');
  });

  it('takes input without any header as the text of the message', async () => {
    const mail = await parseMessage(Buffer.from('Ciao, la stampante è guasta.\nSeconda riga: non stampa.\n'));
    expect(mail.text).toBe('Ciao, la stampante è guasta.\nSeconda riga: non stampa.');
    expect(mail.headers.size).toBe(0);
    expect(mail.from).toBeNull();
  });

  it('reads Windows-1252 bytes that are not UTF-8 in input without headers', async () => {
    const mail = await parseMessage(Buffer.from([0x93, 0x6f, 0x6b, 0x94, 0x20, 0x80, 0x20, 0xe8]));
    expect(mail.text).toBe('“ok” € è');
  });

  it('keeps the raw text when the parser refuses the structure (nesting beyond its limit)', async () => {
    let message = 'Subject: annidato\nContent-Type: multipart/mixed; boundary=b0\n\n';
    for (let depth = 1; depth <= 300; depth++) {
      message += `--b${depth - 1}\nContent-Type: multipart/mixed; boundary=b${depth}\n\n`;
    }
    const mail = await parseMessage(Buffer.from(`${message}testo in fondo\n`));
    expect(mail.text).toContain('testo in fondo');
  });

  it('survives binary garbage, empty input and NUL bytes, giving text that can be stored', async () => {
    for (let round = 0; round < 20; round++) {
      const mail = await parseMessage(randomBytes(4096));
      expect(mail.text).not.toContain('\0');
    }
    expect((await parseMessage(new Uint8Array())).text).toBe('');
    const nul = await parseMessage(Buffer.from('Subject: a\0b\n\nte\0sto\n'));
    expect(nul.subject).toBe('ab');
    expect(nul.text).toBe('testo\n');
  });
});
