import { decodeWords } from 'postal-mime';

/** How much of a stored message the admin list reads: the headers of any real message fit. */
export const HEAD_BYTES = 16 * 1024;

export interface HeaderSummary {
  from: string;
  subject: string;
}

/**
 * From and Subject out of the first bytes of a raw message, decoded (RFC 2047), without parsing
 * the whole message: the admin list shows them for every row, including messages whose MIME is
 * too broken for the intake parser.
 */
export function summarizeHeaders(head: Uint8Array): HeaderSummary {
  // Latin-1 maps each byte to one character, so the offset found is a byte offset
  const end = /\r?\n\r?\n/.exec(new TextDecoder('latin1').decode(head));
  const block = decodeHeaderBytes(end ? head.subarray(0, end.index) : head);
  const found: Partial<Record<'from' | 'subject', string>> = {};
  for (const field of block.split(/\r?\n(?![ \t])/)) {
    const colon = field.indexOf(':');
    if (colon <= 0) continue;
    const name = field.slice(0, colon).trim().toLowerCase();
    if ((name === 'from' || name === 'subject') && found[name] === undefined) {
      found[name] = decodeValue(field.slice(colon + 1));
    }
  }
  return { from: found.from ?? '', subject: found.subject ?? '' };
}

function decodeValue(value: string): string {
  const unfolded = value.replace(/\r?\n[ \t]+/g, ' ').trim();
  try {
    return decodeWords(unfolded).slice(0, 500);
  } catch {
    return unfolded.slice(0, 500);
  }
}

/** Headers should be ASCII; mailers that send 8-bit headers mostly send UTF-8, the rest Latin-1. */
function decodeHeaderBytes(head: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(head);
  } catch {
    return new TextDecoder('latin1').decode(head);
  }
}
