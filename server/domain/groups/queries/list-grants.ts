import type { Permission } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { PERMISSIONS } from '../../permissions/actor.ts';

export interface GrantFilter {
  groupId?: number;
  agentId?: number;
  roleId?: number;
}

export interface Grant {
  group: { id: number; name: string };
  agent: { id: number; login: string } | null;
  role: { id: number; name: string } | null;
  permissions: Permission[];
}

/** Gathers one grant per (group, holder), keys in the order OTRS lists them. */
function collect<K>(rows: { key: K; permission: Permission }[], build: (key: K) => Omit<Grant, 'permissions'>) {
  const grants = new Map<string, Grant>();
  for (const row of rows) {
    const base = build(row.key);
    const id = `${base.group.id}:${base.agent?.id ?? ''}:${base.role?.id ?? ''}`;
    const grant = grants.get(id) ?? { ...base, permissions: [] };
    grant.permissions.push(row.permission);
    grants.set(id, grant);
  }
  for (const grant of grants.values())
    grant.permissions.sort((a, b) => PERMISSIONS.indexOf(a) - PERMISSIONS.indexOf(b));
  return [...grants.values()];
}

/**
 * The grants as stored: agents' direct ones and roles' ones (an agent's effective permissions
 * are in agents/queries/effective-permissions.ts). Asking by agent gives no role rows, and back.
 */
export async function listGrants(ctx: DomainContext, filter: GrantFilter): Promise<Grant[]> {
  const grants: Grant[] = [];
  if (filter.roleId === undefined) {
    let query = ctx.db
      .selectFrom('groupAgentPermissions as p')
      .innerJoin('groups as g', 'g.id', 'p.groupId')
      .innerJoin('agents as a', 'a.id', 'p.agentId')
      .select(['g.id as groupId', 'g.name as groupName', 'a.id as agentId', 'a.login', 'p.permission'])
      .orderBy('g.name')
      .orderBy('a.login');
    if (filter.groupId !== undefined) query = query.where('p.groupId', '=', filter.groupId);
    if (filter.agentId !== undefined) query = query.where('p.agentId', '=', filter.agentId);
    const rows = await query.execute();
    grants.push(
      ...collect(
        rows.map((row) => ({ key: row, permission: row.permission })),
        (row) => ({
          group: { id: row.groupId, name: row.groupName },
          agent: { id: row.agentId, login: row.login },
          role: null,
        }),
      ),
    );
  }
  if (filter.agentId === undefined) {
    let query = ctx.db
      .selectFrom('groupRolePermissions as p')
      .innerJoin('groups as g', 'g.id', 'p.groupId')
      .innerJoin('roles as r', 'r.id', 'p.roleId')
      .select(['g.id as groupId', 'g.name as groupName', 'r.id as roleId', 'r.name as roleName', 'p.permission'])
      .orderBy('g.name')
      .orderBy('r.name');
    if (filter.groupId !== undefined) query = query.where('p.groupId', '=', filter.groupId);
    if (filter.roleId !== undefined) query = query.where('p.roleId', '=', filter.roleId);
    const rows = await query.execute();
    grants.push(
      ...collect(
        rows.map((row) => ({ key: row, permission: row.permission })),
        (row) => ({
          group: { id: row.groupId, name: row.groupName },
          agent: null,
          role: { id: row.roleId, name: row.roleName },
        }),
      ),
    );
  }
  return grants;
}
