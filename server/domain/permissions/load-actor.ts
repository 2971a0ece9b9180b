import type { Database } from '../../db/connect.ts';
import type { Permission } from '../../db/schema.ts';
import type { AgentActor, CustomerActor } from './actor.ts';

const ADMIN_GROUP = 'admin';

/** Effective permissions of an agent: direct grants ∪ grants of their valid roles, valid groups only. */
export async function loadAgentActor(db: Database, agentId: number): Promise<AgentActor | undefined> {
  const agent = await db
    .selectFrom('agents')
    .select(['id', 'login'])
    .where('id', '=', agentId)
    .where('valid', '=', true)
    .executeTakeFirst();
  if (!agent) return undefined;
  const direct = db
    .selectFrom('groupAgentPermissions as p')
    .select(['p.groupId', 'p.permission'])
    .where('p.agentId', '=', agentId);
  const viaRoles = db
    .selectFrom('groupRolePermissions as p')
    .innerJoin('roleAgents as ra', 'ra.roleId', 'p.roleId')
    .innerJoin('roles as r', 'r.id', 'p.roleId')
    .select(['p.groupId', 'p.permission'])
    .where('ra.agentId', '=', agentId)
    .where('r.valid', '=', true);
  const rows = await db
    .selectFrom(direct.union(viaRoles).as('g'))
    .innerJoin('groups', 'groups.id', 'g.groupId')
    .select(['g.groupId', 'g.permission', 'groups.name'])
    .where('groups.valid', '=', true)
    .execute();
  const groups = new Map<number, Set<Permission>>();
  let isAdmin = false;
  for (const row of rows) {
    const keys = groups.get(row.groupId) ?? new Set<Permission>();
    keys.add(row.permission);
    groups.set(row.groupId, keys);
    if (row.name === ADMIN_GROUP && row.permission === 'rw') isAdmin = true;
  }
  return { kind: 'agent', agentId: agent.id, login: agent.login, isAdmin, groups };
}

export async function loadCustomerActor(db: Database, customerUserId: number): Promise<CustomerActor | undefined> {
  const user = await db
    .selectFrom('customerUsers')
    .select(['id', 'login'])
    .where('id', '=', customerUserId)
    .where('valid', '=', true)
    .executeTakeFirst();
  if (!user) return undefined;
  const links = await db
    .selectFrom('customerUserCustomers as cuc')
    .innerJoin('customers as c', 'c.id', 'cuc.customerId')
    .select(['cuc.customerId', 'cuc.canSeeAll'])
    .where('cuc.customerUserId', '=', customerUserId)
    .where('c.valid', '=', true)
    .execute();
  return {
    kind: 'customer',
    customerUserId: user.id,
    login: user.login,
    customerIds: links.map((link) => link.customerId),
    customerIdsAllTickets: links.filter((link) => link.canSeeAll).map((link) => link.customerId),
  };
}

/** The actor of the local command line (over the owner-only socket) and of the demo loader. */
export function systemActor(): AgentActor {
  return { kind: 'agent', agentId: 1, login: 'root@localhost', isAdmin: true, groups: new Map(), system: true };
}
