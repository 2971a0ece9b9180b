/**
 * The fields of a block of RFC 5322-style header lines (a message's head, a DSN's
 * message/delivery-status fields), names lower-cased, folded lines joined. Reading stops at the
 * first empty line unless `acrossBlankLines` is set, since a delivery-status part is several
 * blocks in a row.
 */
export function readHeaderBlock(text: string, acrossBlankLines = false): [string, string][] {
  const fields: [string, string][] = [];
  for (const line of text.split(/\r?\n/)) {
    if (!line.trim()) {
      if (acrossBlankLines) continue;
      break;
    }
    const last = fields[fields.length - 1];
    if (/^[ \t]/.test(line) && last) {
      last[1] = `${last[1]} ${line.trim()}`;
      continue;
    }
    const match = /^([!-9;-~]+):[ \t]*(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) fields.push([match[1].toLowerCase(), match[2].trim()]);
  }
  return fields;
}

/** The ids of a Message-ID, In-Reply-To or References value, without angle brackets. */
export function messageIds(value: string): string[] {
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((match) => match[1] ?? '');
  if (bracketed.length) return bracketed.filter(Boolean);
  // some mailers drop the brackets (or separate by commas)
  return value.split(/[\s,]+/).filter(Boolean);
}
