/**
 * Turns what a user types into a PostgreSQL tsquery with prefix matching ("bibliot" finds
 * "biblioteca"): words are letters and digits only, so no tsquery syntax can be injected.
 * Returns undefined when nothing searchable is left.
 */
export function prefixTsQuery(text: string): string | undefined {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words
    .slice(0, 16)
    .map((word) => `${word}:*`)
    .join(' & ');
}
