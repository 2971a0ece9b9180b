import type { Language } from '../../../platform/i18n.ts';

/** What a queue without its own salutation or signature puts around an answer. */
export const DEFAULT_SALUTATION: Record<Language, string> = {
  it: 'Gentile {customerFirstName} {customerLastName},',
  en: 'Dear {customerFirstName} {customerLastName},',
};
export const GENERIC_SALUTATION: Record<Language, string> = { it: 'Gentile cliente,', en: 'Dear customer,' };
export const DEFAULT_SIGNATURE: Record<Language, string> = {
  it: 'Cordiali saluti\n\n{agentFirstName} {agentLastName}\n{queueName}',
  en: 'Kind regards\n\n{agentFirstName} {agentLastName}\n{queueName}',
};

/** The line above a quoted message: "Il 3 dicembre 2026 alle ore 10:15, Paolo <…> ha scritto:". */
export function quoteHeader(language: Language, date: string, from: string): string {
  return language === 'it' ? `Il ${date}, ${from} ha scritto:` : `On ${date}, ${from} wrote:`;
}

/** The block a forwarded message starts with, as mail programs write it. */
export function forwardHeader(
  language: Language,
  original: { from: string; date: string; to: string; subject: string },
): string {
  const labels =
    language === 'it'
      ? ['---------- Messaggio inoltrato ----------', 'Da', 'Data', 'A', 'Oggetto']
      : ['---------- Forwarded message ----------', 'From', 'Date', 'To', 'Subject'];
  return [
    labels[0],
    `${labels[1]}: ${original.from}`,
    `${labels[2]}: ${original.date}`,
    `${labels[3]}: ${original.to}`,
    `${labels[4]}: ${original.subject}`,
  ].join('\n');
}

/** "> " before every line, as replies quote. */
export function quoteLines(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .trimEnd()
    .split('\n')
    .map((line) => (line.startsWith('>') ? `>${line}` : `> ${line}`))
    .join('\n');
}

/**
 * Blanks left by empty variables ("Gentile  ," → "Gentile,"), line by line; a line's indentation
 * (a response template's list) stays as written.
 */
export function tidyBlanks(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const indent = /^ */.exec(line)?.[0] ?? '';
      const rest = line
        .slice(indent.length)
        .replace(/ {2,}/g, ' ')
        .replace(/ +([,.;:!?])/g, '$1');
      return `${indent}${rest}`.trimEnd();
    })
    .join('\n');
}
