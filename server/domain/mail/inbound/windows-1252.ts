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
