import PostalMime, { type Address, addressParser, decodeWords, type Email } from 'postal-mime';
import { detectBounce } from './delivery-status.ts';
import { messageIds, readHeaderBlock } from './header-block.ts';
import { htmlToText } from './html-to-text.ts';
import type { MailAddress, ParsedAttachment, ParsedMail } from './parsed-mail.ts';
import { sanitizeHtml } from './sanitize-html.ts';
import { repairC1, repairMojibake } from './windows-1252.ts';

/** Headers naming where the message was really delivered, in the order MTAs add them. */
const DELIVERY_HEADERS = ['delivered-to', 'x-original-to', 'envelope-to', 'resent-to'];

/** Names for parts that carry none, so that every attachment can be downloaded as a file. */
const DEFAULT_NAMES: Record<string, string> = {
  'application/ms-tnef': 'winmail.dat',
  'application/pdf': 'attachment.pdf',
  'application/ics': 'invite.ics',
  'image/gif': 'image.gif',
  'image/jpeg': 'image.jpg',
  'image/png': 'image.png',
  'message/delivery-status': 'delivery-status.txt',
  'message/global-delivery-status': 'delivery-status.txt',
  'message/rfc822': 'message.eml',
  'text/calendar': 'invite.ics',
  'text/html': 'attachment.html',
  'text/plain': 'attachment.txt',
  'text/rfc822-headers': 'headers.txt',
};

const utf8 = new TextDecoder();

/** A header name as RFC 5322 allows it; a line of body text mistaken for a header has spaces. */
const FIELD_NAME = /^[!-9;-~]+$/;

/**
 * Decoded text as it may be stored and shown: Windows-1252 characters restored (see repairC1),
 * UTF-8 read under a wrong label restored (see repairMojibake), NUL removed (PostgreSQL text
 * refuses it; it only comes from broken or binary input).
 */
function clean(text: string): string {
  return repairMojibake(repairC1(text)).replace(/\0/g, '');
}

function mailbox(address: string, name: string): MailAddress {
  return { address: clean(address).trim().toLowerCase(), name: clean(name).trim() };
}

/** Groups ("Team: a@x, b@y;") flattened into their members; entries without an address dropped. */
function flatten(addresses: Address[] | undefined): MailAddress[] {
  const list: MailAddress[] = [];
  for (const entry of addresses ?? []) {
    if (entry.group) {
      for (const member of entry.group) if (member.address) list.push(mailbox(member.address, member.name));
    } else if (entry.address) {
      list.push(mailbox(entry.address, entry.name));
    }
  }
  return list;
}

function headerMap(email: Email): Map<string, string[]> {
  const headers = new Map<string, string[]>();
  for (const { key, value } of email.headers) {
    if (!FIELD_NAME.test(key)) continue;
    const values = headers.get(key) ?? [];
    values.push(clean(decodeWords(value)).trim());
    headers.set(key, values);
  }
  return headers;
}

function deliveredTo(email: Email): MailAddress[] {
  const seen = new Map<string, MailAddress>();
  for (const { key, value } of email.headers) {
    if (!DELIVERY_HEADERS.includes(key)) continue;
    for (const address of flatten(addressParser(value)))
      if (!seen.has(address.address)) seen.set(address.address, address);
  }
  return [...seen.values()];
}

/** The subject of an attached message, to name its .eml after it as mail programs do. */
function attachedSubject(content: Uint8Array): string {
  const field = readHeaderBlock(utf8.decode(content.subarray(0, 64 * 1024))).find(([name]) => name === 'subject');
  return field ? clean(decodeWords(field[1])).trim() : '';
}

/** A name safe to offer as a download: no directory part, no control characters. */
function safeFilename(name: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
}

function filenameFor(mimeType: string, given: string | null, content: Uint8Array): string {
  const name = safeFilename(clean(given ?? ''));
  if (name) return name;
  if (mimeType === 'message/rfc822') {
    const subject = safeFilename(attachedSubject(content)).slice(0, 120);
    if (subject) return `${subject}.eml`;
  }
  return DEFAULT_NAMES[mimeType] ?? 'attachment';
}

function toBytes(content: ArrayBuffer | Uint8Array | string): Uint8Array {
  if (typeof content === 'string') return new TextEncoder().encode(content);
  return content instanceof Uint8Array ? content : new Uint8Array(content);
}

function attachmentsOf(email: Email): ParsedAttachment[] {
  return email.attachments.map((attachment) => {
    const content = toBytes(attachment.content);
    const contentId = attachment.contentId?.trim().replace(/^<|>$/g, '').trim();
    return {
      filename: filenameFor(attachment.mimeType, attachment.filename, content),
      contentType: attachment.mimeType || 'application/octet-stream',
      content,
      ...(contentId ? { contentId } : {}),
      inline: attachment.disposition === 'inline' || attachment.related === true,
    };
  });
}

function dateOf(value: string | undefined): Date | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Reads raw text that is not MIME at all: UTF-8 if it is valid, else the Western default. */
function rawText(raw: Uint8Array): string {
  try {
    return clean(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    return clean(new TextDecoder('windows-1252').decode(raw));
  }
}

function fromEmail(email: Email, raw: Uint8Array): ParsedMail {
  const headers = headerMap(email);
  const attachments = attachmentsOf(email);
  const sourceHtml = email.html ? clean(email.html) : null;
  const html = sourceHtml === null ? null : sanitizeHtml(sourceHtml).trim();
  let text = clean(email.text ?? '').replace(/\r\n?/g, '\n');
  if (!text.trim() && sourceHtml !== null) text = htmlToText(sourceHtml);
  // input with no header the parser recognised is not a message head but its text
  if (!text && !html && !attachments.length && !headers.size) text = rawText(raw).trim();
  const from = flatten(email.from ? [email.from] : [])[0] ?? null;
  const messageId = email.messageId ? (messageIds(email.messageId)[0] ?? null) : null;
  const mail = {
    messageId,
    inReplyTo: email.inReplyTo ? messageIds(email.inReplyTo) : [],
    references: email.references ? messageIds(email.references) : [],
    from,
    replyTo: flatten(email.replyTo),
    to: flatten(email.to),
    cc: flatten(email.cc),
    deliveredTo: deliveredTo(email),
    subject: clean(email.subject ?? '')
      .replace(/\s+/g, ' ')
      .trim(),
    date: dateOf(email.date),
    headers,
    text,
    html,
    attachments,
  };
  return { ...mail, bounce: detectBounce(mail) };
}

/**
 * Reads a received message (see ParsedMail). Broken MIME gives the best reading possible rather
 * than an error: an unclosed boundary ends at the end of the message, undecodable base64 keeps
 * what decodes, an unknown charset is read as Windows-1252 (or as UTF-8 when the bytes are
 * UTF-8); only the parser refusing the input outright (nesting or header size limits) falls back
 * to the raw text as the body.
 */
export async function parseMessage(raw: Uint8Array): Promise<ParsedMail> {
  const email = await PostalMime.parse(raw, {
    // a forwarded message is a file the agent opens, not text merged into the body
    forceRfc822Attachments: true,
  }).catch(() => null);
  if (email) return fromEmail(email, raw);
  return {
    messageId: null,
    inReplyTo: [],
    references: [],
    from: null,
    replyTo: [],
    to: [],
    cc: [],
    deliveredTo: [],
    subject: '',
    date: null,
    headers: new Map(),
    text: rawText(raw),
    html: null,
    attachments: [],
    bounce: null,
  };
}
