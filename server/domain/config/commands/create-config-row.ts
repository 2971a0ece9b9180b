import { recordAdminChange } from '../../admin-log/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import type { ConfigTable, Row } from '../config-table.ts';
import { configTransaction } from '../config-transaction.ts';
import { loose } from '../loose-db.ts';
import { getConfigRow } from '../queries/get-config-row.ts';
import { requireAdmin } from '../require-admin.ts';
import { loggedRow, nameOf, snakeCase } from './logged-row.ts';
import { pickColumns } from './pick-columns.ts';

/**
 * Creates a configuration row (and its related rows) in one transaction, with its entry in the
 * admin change log; returns it as the API shows it.
 */
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
      ...table.defaults?.(ctx.config),
      ...pickColumns(body, table.writable),
      ...computed,
      ...(await table.prepare?.(trx, body, undefined)),
    };
    const row = await loose(trx).insertInto(table.table).values(values).returning('id').executeTakeFirstOrThrow();
    await table.afterWrite?.(trx, row.id, body);
    const created = (await loggedRow(trx, table, row.id)) ?? {};
    await recordAdminChange(trx, actor, {
      objectType: snakeCase(table.table),
      objectId: row.id,
      objectName: nameOf(created),
      action: 'create',
      changes: created,
    });
    return row.id;
  });
  return getConfigRow(ctx, table, id);
}
