import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DomainError } from '../../platform/errors.ts';

/** Admin rights are rw on the valid group named "admin" (as permissions/load-actor.ts reads them). */
const ADMIN_GROUP = 'admin';
/** The system user holds them from the default data, but nobody logs in as it: it does not count. */
const SYSTEM_AGENT_ID = 1;
/** One change to who administers at a time (migrations lock 727274, database set-up 727275). */
const ADMIN_CHANGE_LOCK = 727276;

/** Whether a valid agent other than the system user holds rw on the admin group, directly or through a valid role. */
async function anyAdmin(trx: Transaction<DB>): Promise<boolean> {
  const direct = trx
    .selectFrom('groupAgentPermissions as p')
    .innerJoin('groups as g', 'g.id', 'p.groupId')
    .select('p.agentId')
    .where('p.permission', '=', 'rw')
    .where('g.name', '=', ADMIN_GROUP)
    .where('g.valid', '=', true);
  const viaRoles = trx
    .selectFrom('roleAgents as ra')
    .innerJoin('roles as r', 'r.id', 'ra.roleId')
    .innerJoin('groupRolePermissions as p', 'p.roleId', 'ra.roleId')
    .innerJoin('groups as g', 'g.id', 'p.groupId')
    .select('ra.agentId')
    .where('r.valid', '=', true)
    .where('p.permission', '=', 'rw')
    .where('g.name', '=', ADMIN_GROUP)
    .where('g.valid', '=', true);
  const admin = await trx
    .selectFrom('agents')
    .select('id')
    .where('valid', '=', true)
    .where('id', '<>', SYSTEM_AGENT_ID)
    .where('id', 'in', direct.union(viaRoles))
    .limit(1)
    .executeTakeFirst();
  return admin !== undefined;
}

/**
 * Runs a change to agents, roles, grants or role membership inside its transaction and refuses
 * it (409, rolled back) if it leaves no admin where there was one: deactivating or deleting the
 * last admin, taking away their rw on the admin group or the role that gives it, deactivating
 * that role. The transaction first takes a lock held until it ends, so two admins removing each
 * other at the same moment are checked one after the other; the guard's lock comes before any
 * row lock of the change, so that guarded changes always lock in the same order.
 */
export async function keepAnAdmin<T>(trx: Transaction<DB>, write: () => Promise<T>): Promise<T> {
  await sql`SELECT pg_advisory_xact_lock(${sql.lit(ADMIN_CHANGE_LOCK)})`.execute(trx);
  const before = await anyAdmin(trx);
  const result = await write();
  if (before && !(await anyAdmin(trx))) throw new DomainError('conflict', 'error.last_admin');
  return result;
}
