import { DomainError } from '../platform/errors.ts';

/**
 * NUL and unpaired UTF-16 surrogates cannot be stored: PostgreSQL refuses NUL in text and lone
 * surrogates in jsonb. They never come from a real keyboard or mail client, so a request carrying
 * one is refused, naming the field, before it reaches a command.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what this refuses
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Throws a validation error for the first string in `value` that cannot be stored. */
export function refuseUnstorableText(value: unknown, where: string): void {
  const field = findUnstorable(value, '');
  if (field !== undefined) {
    const name = field || where;
    throw new DomainError('validation', 'error.unstorable_text', { field: name }, name);
  }
}

function findUnstorable(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return UNSTORABLE.test(value) ? path : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (UNSTORABLE.test(key)) return path ? `${path}.${key}` : key;
    const found = findUnstorable(item, path ? `${path}.${key}` : key);
    if (found !== undefined) return found;
  }
  return undefined;
}
