import { sql } from 'kysely';
import { requireAdmin } from '../config/require-admin.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

export interface AdminChangeQuery {
  objectType?: string;
  objectId?: number;
  agentId?: number;
  /** case-insensitive substring of the object's name or type */
  q?: string;
  /** changed at or after this instant (ISO date-time) */
  from?: string;
  /** changed before this instant (ISO date-time) */
  before?: string;
  page?: number;
  pageSize?: number;
}

/** `%` and `_` typed by a user are literal characters, not patterns. */
const likePattern = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** The admin change log, newest first, page by page: admins only, as it tells who holds which rights. */
export async function listAdminChanges(ctx: DomainContext, actor: Actor, params: AdminChangeQuery) {
  requireAdmin(actor);
  const page = params.page ?? 1;
  const pageSize = params.pageSize ?? 50;
  let query = ctx.db.selectFrom('adminChanges as c');
  if (params.objectType !== undefined) query = query.where('c.objectType', '=', params.objectType);
  if (params.objectId !== undefined) query = query.where('c.objectId', '=', params.objectId);
  if (params.agentId !== undefined) query = query.where('c.agentId', '=', params.agentId);
  if (params.from !== undefined) query = query.where('c.changedAt', '>=', new Date(params.from));
  if (params.before !== undefined) query = query.where('c.changedAt', '<', new Date(params.before));
  const text = params.q?.trim();
  if (text) {
    const pattern = likePattern(text);
    query = query.where((eb) => eb.or([eb('c.objectName', 'ilike', pattern), eb('c.objectType', 'ilike', pattern)]));
  }
  const count = await query.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await query
    .leftJoin('agents as a', 'a.id', 'c.agentId')
    .select([
      'c.id',
      'c.changedAt',
      'c.agentId',
      'a.login',
      'a.firstName',
      'a.lastName',
      'c.objectType',
      'c.objectId',
      'c.objectName',
      'c.action',
      // as text: the CamelCasePlugin would rename the keys of a JSON value read as one (note_added)
      sql<string>`c.changes::text`.as('changes'),
    ])
    .orderBy('c.changedAt', 'desc')
    .orderBy('c.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const items = rows.map((row) => ({
    id: row.id,
    changedAt: row.changedAt.toISOString(),
    agent:
      row.agentId === null
        ? null
        : { id: row.agentId, login: row.login ?? '', name: `${row.firstName ?? ''} ${row.lastName ?? ''}`.trim() },
    objectType: row.objectType,
    objectId: row.objectId,
    objectName: row.objectName,
    action: row.action,
    changes: JSON.parse(row.changes) as Record<string, unknown>,
  }));
  return { total: Number(count.total), page, pageSize, items };
}
