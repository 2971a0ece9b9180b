import { createHash } from 'node:crypto';

/**
 * Headers each hop adds on the way in (or a fetcher adds on the way out of the mailbox): a message
 * delivered twice differs only in these, so they do not count as its content.
 */
const TRACE_HEADERS = new Set([
  'received',
  'return-path',
  'delivered-to',
  'x-original-to',
  'envelope-to',
  'x-received',
  'authentication-results',
  'arc-seal',
  'arc-message-signature',
  'arc-authentication-results',
  'received-spf',
  'x-spam-status',
  'x-spam-score',
  'x-spam-flag',
  'x-spam-level',
  'status',
  'x-status',
  'x-uid',
  'x-keywords',
  'content-length',
  'lines',
]);

const HEADER_END = /\r?\n\r?\n/;

/**
 * The identity of a message: its Message-ID and its content, without the trace headers. The same
 * message fetched again after a crash, or delivered both by IMAP and by the MTA, has the same key;
 * two different messages that reuse a Message-ID (broken mailers do) do not.
 */
export function dedupeKey(raw: Uint8Array): { key: string; messageId: string | null } {
  const buffer = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  // headers are ASCII (RFC 5322); latin1 maps every byte to one character, so offsets stay bytes
  const head = buffer.subarray(0, Math.min(buffer.length, 256 * 1024)).toString('latin1');
  const end = HEADER_END.exec(head);
  const headerText = end ? head.slice(0, end.index) : head;
  const bodyStart = end ? end.index + end[0].length : buffer.length;
  const kept: string[] = [];
  let messageId: string | null = null;
  for (const field of headerText.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if (TRACE_HEADERS.has(name)) continue;
    const value = field
      .slice(colon + 1)
      .replace(/\r?\n[ \t]+/g, ' ')
      .trim();
    if (name === 'message-id' && messageId === null) messageId = value.replace(/^<|>$/g, '') || null;
    kept.push(`${name}:${value}`);
  }
  const hash = createHash('sha256');
  hash.update(kept.join('\n'));
  hash.update('\n\n');
  // line endings differ between transports (CRLF on SMTP and IMAP, LF from a pipe)
  hash.update(buffer.subarray(bodyStart).toString('latin1').replace(/\r\n/g, '\n'));
  return { key: `${messageId ?? ''} ${hash.digest('hex')}`, messageId };
}
