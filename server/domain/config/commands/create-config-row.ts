import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import type { ConfigTable, Row } from '../config-table.ts';
import { configTransaction } from '../config-transaction.ts';
import { loose } from '../loose-db.ts';
import { getConfigRow } from '../queries/get-config-row.ts';
import { requireAdmin } from '../require-admin.ts';
import { pickColumns } from './pick-columns.ts';

/** Creates a configuration row (and its related rows) in one transaction; returns it as the API shows it. */
export async function createConfigRow<C extends object, I>(
  ctx: DomainContext,
  actor: Actor,
  table: ConfigTable<C, I>,
  body: C,
  /** columns computed before the transaction (a password hash: scrypt is slow on purpose) */
  computed: Row = {},
): Promise<I> {
  requireAdmin(actor);
  const id = await configTransaction(ctx, async (trx) => {
    const values = {
      ...pickColumns(body, table.writable),
      ...computed,
      ...(await table.prepare?.(trx, body, undefined)),
    };
    const row = await loose(trx).insertInto(table.table).values(values).returning('id').executeTakeFirstOrThrow();
    await table.afterWrite?.(trx, row.id, body);
    return row.id;
  });
  return getConfigRow(ctx, table, id);
}
