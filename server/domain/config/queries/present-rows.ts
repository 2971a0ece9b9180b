import type { ConfigTable, Row } from '../config-table.ts';
import type { Reader } from '../loose-db.ts';

/** Dates leave the API as ISO strings. */
function isoDates(row: Row): Row {
  const out: Row = {};
  for (const [key, value] of Object.entries(row)) out[key] = value instanceof Date ? value.toISOString() : value;
  return out;
}

/**
 * Rows as the API returns them. The rows were read with the table's own column list, the
 * columns its item schema describes, so they are taken as items unless the table adds data.
 */
export async function presentRows<C extends object, I>(db: Reader, table: ConfigTable<C, I>, rows: Row[]) {
  const plain = rows.map(isoDates);
  if (table.present) return table.present(db, plain);
  return plain as I[];
}
