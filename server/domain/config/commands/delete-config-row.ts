import { sql } from 'kysely';
import { DomainError, notFound } from '../../../platform/errors.ts';
import { recordAdminChange } from '../../admin-log/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import type { ConfigTable } from '../config-table.ts';
import { configTransaction } from '../config-transaction.ts';
import { guarded } from '../guarded.ts';
import { loose } from '../loose-db.ts';
import { requireAdmin } from '../require-admin.ts';
import { loggedRow, nameOf, snakeCase } from './logged-row.ts';

/**
 * Deletes a row nothing refers to. References with a foreign key are the database's to find
 * (configTransaction turns its refusal into "in use"); history snapshots have none, so they are
 * looked up here. The row's own grants, memberships and links go with it; the admin change log
 * keeps what the row held.
 */
export async function deleteConfigRow<C extends object, I>(
  ctx: DomainContext,
  actor: Actor,
  table: ConfigTable<C, I>,
  id: number,
): Promise<void> {
  requireAdmin(actor);
  const subject = { kind: table.kind, id };
  if (table.protectedIds?.includes(id))
    throw new DomainError('conflict', 'error.default_row', { what: table.kind, id });
  await configTransaction(
    ctx,
    (trx) =>
      guarded(table, trx, async () => {
        const db = loose(trx);
        const row = await db.selectFrom(table.table).select('id').where('id', '=', id).forUpdate().executeTakeFirst();
        if (!row) throw notFound(table.notFound, id);
        for (const usage of table.usedBy ?? []) {
          const used = await db
            .selectFrom(usage.table)
            .select(sql<number>`1`.as('used'))
            .where(usage.column, '=', id)
            .limit(1)
            .executeTakeFirst();
          if (used) throw new DomainError('conflict', 'error.in_use', { what: table.kind, id });
        }
        const deleted = (await loggedRow(trx, table, id)) ?? {};
        for (const owned of table.owned ?? []) await db.deleteFrom(owned.table).where(owned.column, '=', id).execute();
        await db.deleteFrom(table.table).where('id', '=', id).execute();
        await recordAdminChange(trx, actor, {
          objectType: snakeCase(table.table),
          objectId: id,
          objectName: nameOf(deleted),
          action: 'delete',
          changes: deleted,
        });
      }),
    subject,
  );
}
