import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { ConfigTable } from '../config-table.ts';
import { loose } from '../loose-db.ts';
import { presentRows } from './present-rows.ts';

export async function getConfigRow<C extends object, I>(ctx: DomainContext, table: ConfigTable<C, I>, id: number) {
  const row = await loose(ctx.db).selectFrom(table.table).select(table.columns).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound(table.notFound, id);
  const [item] = await presentRows(ctx.db, table, [row]);
  if (item === undefined) throw notFound(table.notFound, id);
  return item;
}
