import type { DomainContext } from '../../context.ts';
import type { ConfigTable } from '../config-table.ts';
import { loose } from '../loose-db.ts';
import { presentRows } from './present-rows.ts';

export interface ListParams {
  /** case-insensitive substring of the table's search columns */
  q?: string;
  valid?: boolean;
  page?: number;
  pageSize?: number;
  /** the table's own filters, by query parameter */
  filters?: Record<string, number | undefined>;
}

/** `%` and `_` typed by a user are literal characters, not patterns. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function listConfigRows<C extends object, I>(
  ctx: DomainContext,
  table: ConfigTable<C, I>,
  params: ListParams,
) {
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? 50;
  let query = loose(ctx.db).selectFrom(table.table);
  const text = params.q?.trim();
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb) => eb.or(table.search.map((column) => eb(column, 'ilike', pattern))));
  }
  if (params.valid !== undefined) query = query.where('valid', '=', params.valid);
  for (const [name, value] of Object.entries(params.filters ?? {})) {
    const condition = table.filters?.[name];
    if (condition && value !== undefined) query = query.where(condition(value));
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .select(table.columns)
    .orderBy(table.orderBy)
    .orderBy('id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return { total: Number(count.total), page, pageSize, items: await presentRows(ctx.db, table, rows) };
}
