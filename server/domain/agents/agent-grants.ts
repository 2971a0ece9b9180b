import type { Static } from '@sinclair/typebox';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { requireExisting } from '../config/index.ts';
import type { GroupGrantInput } from './agent-schemas.ts';

type GrantInput = Static<typeof GroupGrantInput>;

/** Finds the group each grant names, by id or by name; the field at fault is named (groups.1.groupName). */
async function groupIdOf(trx: Transaction<DB>, grant: GrantInput, field: string): Promise<number> {
  if ((grant.groupId === undefined) === (grant.groupName === undefined)) {
    throw invalid(field, 'error.group_reference');
  }
  const row =
    grant.groupId !== undefined
      ? await trx.selectFrom('groups').select('id').where('id', '=', grant.groupId).executeTakeFirst()
      : await trx
          .selectFrom('groups')
          .select('id')
          .where('name', '=', grant.groupName ?? '')
          .executeTakeFirst();
  if (!row) {
    const named = grant.groupId !== undefined ? 'groupId' : 'groupName';
    throw new DomainError(
      'validation',
      'error.not_found.group',
      { id: grant.groupId ?? grant.groupName ?? '' },
      `${field}.${named}`,
    );
  }
  return row.id;
}

/** Replaces an agent's direct grants with those given. */
export async function replaceAgentGrants(trx: Transaction<DB>, agentId: number, grants: readonly GrantInput[]) {
  const rows: { agentId: number; groupId: number; permission: GrantInput['permissions'][number] }[] = [];
  const seen = new Set<number>();
  for (const [index, grant] of grants.entries()) {
    const groupId = await groupIdOf(trx, grant, `groups.${index}`);
    if (seen.has(groupId)) throw invalid('groups', 'error.listed_twice', { value: grant.groupName ?? groupId });
    seen.add(groupId);
    for (const permission of grant.permissions) rows.push({ agentId, groupId, permission });
  }
  await trx.deleteFrom('groupAgentPermissions').where('agentId', '=', agentId).execute();
  if (rows.length > 0) await trx.insertInto('groupAgentPermissions').values(rows).execute();
}

/** Replaces the roles an agent is in. */
export async function replaceAgentRoles(trx: Transaction<DB>, agentId: number, roleIds: readonly number[]) {
  await requireExisting(trx, 'roles', roleIds, 'roleIds', 'error.not_found.role');
  await trx.deleteFrom('roleAgents').where('agentId', '=', agentId).execute();
  if (roleIds.length > 0) {
    await trx
      .insertInto('roleAgents')
      .values(roleIds.map((roleId) => ({ roleId, agentId })))
      .execute();
  }
}

/**
 * An agent's direct grants ({group name: keys}) and roles (ids), as written by an agent's create
 * and update: what the admin change log compares.
 */
export async function agentGrants(trx: Transaction<DB>, agentId: number) {
  const grants = await trx
    .selectFrom('groupAgentPermissions as p')
    .innerJoin('groups as g', 'g.id', 'p.groupId')
    .select(['g.name', 'p.permission'])
    .where('p.agentId', '=', agentId)
    .orderBy('g.name')
    .orderBy('p.permission')
    .execute();
  const groups: Record<string, string[]> = {};
  for (const grant of grants) groups[grant.name] = [...(groups[grant.name] ?? []), grant.permission];
  const roles = await trx
    .selectFrom('roleAgents')
    .select('roleId')
    .where('agentId', '=', agentId)
    .orderBy('roleId')
    .execute();
  return { groups, roleIds: roles.map((role) => role.roleId) };
}
