import type { Row } from '../config-table.ts';

/** The body fields stored as they are; absent (undefined) ones are left alone. */
export function pickColumns(body: object, columns: readonly string[]): Row {
  const values: Row = {};
  for (const [key, value] of Object.entries(body)) {
    if (value !== undefined && (key === 'valid' || columns.includes(key))) values[key] = value;
  }
  return values;
}
