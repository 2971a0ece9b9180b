/**
 * What Windows-1252 puts at 0x80–0x9F, where ISO-8859-1 has C1 control codes; one UTF-16 unit
 * each. The five bytes Windows-1252 leaves undefined keep their control code.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Node's TextDecoder decodes windows-1252 (and so iso-8859-1, us-ascii and unknown labels,
 * which postal-mime reads as windows-1252) through a Latin-1 fast path that turns 0x80–0x9F into
 * C1 control codes instead of € “ ” ‘ ’ … – — (nodejs/node#56542). C1 controls never belong in
 * mail text, so every one found is read as the Windows-1252 character of the same byte, as
 * browsers do for any Latin-1 label.
 */
export function repairC1(text: string): string {
  return /[\u0080-\u009f]/.test(text)
    ? text.replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH[char.charCodeAt(0) - 0x80] ?? char)
    : text;
}

const CP1252_BYTE = new Map([...CP1252_HIGH].map((char, index) => [char, 0x80 + index]));

/** A UTF-8 lead byte read as Windows-1252, followed by a continuation byte read the same way. */
const MOJIBAKE =
  /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]/;

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-8 text that was read as Windows-1252 ("perchÃ©" for "perché"): a mislabelled or
 * unknown charset, or a sender that converted twice. The text is turned back into the bytes it
 * was read from; if they are valid UTF-8 they were UTF-8. Text really written in a Western
 * charset almost never passes: an accented letter there is followed by a plain letter or space,
 * which is not a UTF-8 continuation byte.
 */
export function repairMojibake(text: string): string {
  if (!MOJIBAKE.test(text)) return text;
  const bytes = new Uint8Array(text.length);
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const byte = code <= 0xff ? code : CP1252_BYTE.get(text.charAt(index));
    if (byte === undefined) return text;
    bytes[index] = byte;
  }
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return text;
  }
}
