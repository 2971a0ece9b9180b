import { notFound } from '../../../platform/errors.ts';
import { diffChanges, recordAdminChange } from '../../admin-log/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import type { ConfigTable, Row } from '../config-table.ts';
import { configTransaction } from '../config-transaction.ts';
import { guarded } from '../guarded.ts';
import { loose } from '../loose-db.ts';
import { getConfigRow } from '../queries/get-config-row.ts';
import { requireAdmin } from '../require-admin.ts';
import { loggedRow, nameOf, snakeCase } from './logged-row.ts';
import { pickColumns } from './pick-columns.ts';

/**
 * Changes the fields given. `valid: false` deactivates: the row stays, so tickets and history
 * that name it keep their meaning, but it can no longer be chosen. The admin change log gets the
 * fields that changed, from and to.
 */
export async function updateConfigRow<C extends object, I>(
  ctx: DomainContext,
  actor: Actor,
  table: ConfigTable<C, I>,
  id: number,
  body: Partial<C>,
  /** columns computed before the transaction (a password hash: scrypt is slow on purpose) */
  computed: Row = {},
): Promise<I> {
  requireAdmin(actor);
  await configTransaction(ctx, (trx) =>
    guarded(table, trx, async () => {
      const row = await loose(trx)
        .selectFrom(table.table)
        .select('id')
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirst();
      if (!row) throw notFound(table.notFound, id);
      const before = (await loggedRow(trx, table, id)) ?? {};
      const values = { ...pickColumns(body, table.writable), ...computed, ...(await table.prepare?.(trx, body, id)) };
      await loose(trx)
        .updateTable(table.table)
        .set({ ...values, changedAt: ctx.now() })
        .where('id', '=', id)
        .execute();
      await table.afterWrite?.(trx, id, body);
      const after = (await loggedRow(trx, table, id)) ?? {};
      const changes = diffChanges(before, after);
      // saving what is already there changes nothing: nothing to log
      if (Object.keys(changes).length === 0) return;
      await recordAdminChange(trx, actor, {
        objectType: snakeCase(table.table),
        objectId: id,
        objectName: nameOf(after),
        action: 'update',
        changes,
      });
    }),
  );
  return getConfigRow(ctx, table, id);
}
