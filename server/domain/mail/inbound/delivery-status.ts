import { messageIds, readHeaderBlock } from './header-block.ts';
import type { MailAddress, ParsedAttachment, ParsedMail } from './parsed-mail.ts';

const DELIVERY_STATUS = new Set(['message/delivery-status', 'message/global-delivery-status']);
const ORIGINAL_MESSAGE = new Set([
  'message/rfc822',
  'message/global',
  'text/rfc822-headers',
  'message/rfc822-headers',
  'message/global-headers',
]);
const MAILER = /^(?:mailer-daemon|postmaster|mail-daemon|mailerdaemon)@/i;
const STATUS_CODE = /\b([245]\.\d{1,3}\.\d{1,3})\b/;

const decoder = new TextDecoder();

/** "rfc822; user@example.com" → "user@example.com" */
function recipientAddress(value: string): string {
  const address = value.includes(';') ? value.slice(value.indexOf(';') + 1) : value;
  return address.trim().replace(/^<|>$/g, '').toLowerCase();
}

/** The Message-ID of the returned message, from its attached copy or headers. */
function originalMessageId(attachments: ParsedAttachment[], text: string): string | null {
  for (const attachment of attachments) {
    if (!ORIGINAL_MESSAGE.has(attachment.contentType)) continue;
    // the head is at the start; the returned message itself may be megabytes
    const head = decoder.decode(attachment.content.subarray(0, 64 * 1024));
    const field = readHeaderBlock(head).find(([name]) => name === 'message-id');
    const id = field && messageIds(field[1])[0];
    if (id) return id;
  }
  // mailers such as qmail quote the original below a line of their own, in the body
  const quoted = /^Message-ID:[ \t]*<([^<>\s]+)>/im.exec(text);
  return quoted?.[1] ?? null;
}

/** Recipients a nonstandard bounce names: Exim's header, qmail's "<address>:" lines. */
function quotedRecipients(headers: Map<string, string[]>, text: string): string[] {
  const failed = (headers.get('x-failed-recipients') ?? []).flatMap((value) => value.split(','));
  const listed = [...text.matchAll(/^[ \t]*<([^\s<>@]+@[^\s<>]+)>:?[ \t]*$/gm)].map((match) => match[1] ?? '');
  return [...new Set([...failed, ...listed].map(recipientAddress).filter(Boolean))];
}

/**
 * Recognises a delivery status notification. The standard form (RFC 3464) carries a
 * message/delivery-status part: one block of per-message fields, then one block per recipient
 * with Final-Recipient, Action and Status. Many mailers still send a plain message from
 * MAILER-DAEMON or postmaster with the original attached or quoted; those are recognised by
 * the sender and what they carry.
 */
export function detectBounce(
  mail: Pick<ParsedMail, 'from' | 'headers' | 'text' | 'attachments'>,
): ParsedMail['bounce'] {
  const report = mail.attachments.find((attachment) => DELIVERY_STATUS.has(attachment.contentType));
  if (report) {
    const recipients: string[] = [];
    const outcomes: { action: string; status: string }[] = [];
    for (const [name, value] of readHeaderBlock(decoder.decode(report.content), true)) {
      if (name === 'final-recipient') recipients.push(recipientAddress(value));
      else if (name === 'action') outcomes.push({ action: value.toLowerCase(), status: '' });
      else if (name === 'status') {
        const last = outcomes[outcomes.length - 1];
        const code = STATUS_CODE.exec(value)?.[1] ?? value;
        if (last && !last.status) last.status = code;
        else outcomes.push({ action: '', status: code });
      }
    }
    // the failure matters more than a delay or success reported alongside it
    const outcome = outcomes.find((entry) => entry.action === 'failed') ?? outcomes[0];
    return {
      originalMessageId: originalMessageId(mail.attachments, mail.text),
      recipients: [...new Set(recipients.filter(Boolean))],
      status: outcome?.status ?? '',
      action: outcome?.action ?? '',
    };
  }

  if (!isMailer(mail.from)) return null;
  const originalMessageIdFound = originalMessageId(mail.attachments, mail.text);
  const hasOriginal = mail.attachments.some((attachment) => ORIGINAL_MESSAGE.has(attachment.contentType));
  if (!hasOriginal && !originalMessageIdFound) return null;
  return {
    originalMessageId: originalMessageIdFound,
    recipients: quotedRecipients(mail.headers, mail.text),
    status: STATUS_CODE.exec(mail.text)?.[1] ?? '',
    action: 'failed',
  };
}

function isMailer(from: MailAddress | null): boolean {
  return from !== null && MAILER.test(from.address);
}
