import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import type { ConfigTable } from './config-table.ts';

/** Runs a table's update or delete through its guard, if it has one (see ConfigTable.guard). */
export function guarded<C extends object, I>(
  table: ConfigTable<C, I>,
  trx: Transaction<DB>,
  write: () => Promise<void>,
): Promise<void> {
  return table.guard ? table.guard(trx, write) : write();
}
