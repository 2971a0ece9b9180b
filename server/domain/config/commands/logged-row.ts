import type { Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { ConfigTable, Row } from '../config-table.ts';
import { loose } from '../loose-db.ts';
import { presentRows } from '../queries/present-rows.ts';

/** Kysely's camelCase table name as the database spells it: customerUsers → customer_users. */
export const snakeCase = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

/**
 * A row as the admin change log compares it: every column (secrets too, which the log shows as
 * "***": a new password differs only there), what the API adds (linked ids) and what the table
 * keeps elsewhere (an agent's grants). The id and timestamps are the log entry's own.
 */
export async function loggedRow<C extends object, I>(
  trx: Transaction<DB>,
  table: ConfigTable<C, I>,
  id: number,
): Promise<Row | undefined> {
  const row = await loose(trx).selectFrom(table.table).selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [item] = await presentRows(trx, table, [row]);
  const extra = (await table.loggedFields?.(trx, id)) ?? {};
  const { id: _id, createdAt: _created, changedAt: _changed, ...fields } = { ...row, ...(item as Row), ...extra };
  return fields;
}

/** The readable name a log entry keeps, so that it stays readable once the row is gone. */
export function nameOf(row: Row): string | null {
  for (const field of ['name', 'login', 'email', 'subject']) {
    const value = row[field];
    if (typeof value === 'string' && value !== '') return value;
  }
  return null;
}
