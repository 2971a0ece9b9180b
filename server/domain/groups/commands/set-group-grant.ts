import type { Transaction } from 'kysely';
import type { DB, Permission } from '../../../db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import { recordAdminChange } from '../../admin-log/index.ts';
import { keepAnAdmin } from '../../agents/admin-guard.ts';
import { configTransaction, requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';

export interface GroupGrant {
  groupId: number;
  permissions: readonly Permission[];
}

async function groupName(trx: Transaction<DB>, groupId: number): Promise<string> {
  const group = await trx.selectFrom('groups').select('name').where('id', '=', groupId).executeTakeFirst();
  if (!group) throw notFound('error.not_found.group', groupId);
  return group.name;
}

/**
 * The admin change log's entry for a grant, on the agent or role that holds it: "grant" when keys
 * remain, "revoke" when the group is taken away; nothing when the keys stay the same.
 */
async function logGrant(
  trx: Transaction<DB>,
  actor: Actor,
  holder: { objectType: 'agents' | 'roles'; objectId: number; objectName: string },
  group: string,
  before: readonly Permission[],
  after: readonly Permission[],
) {
  const from = [...before].sort();
  const to = [...after].sort();
  if (from.join() === to.join()) return;
  await recordAdminChange(trx, actor, {
    ...holder,
    action: to.length > 0 ? 'grant' : 'revoke',
    changes: { group, permissions: { from, to } },
  });
}

/**
 * Sets which keys an agent holds directly on a group, replacing what they held; an empty list
 * takes the group away. Takes effect with the agent's next request. The last admin keeps rw on
 * the admin group.
 */
export async function setAgentGrant(ctx: DomainContext, actor: Actor, agentId: number, grant: GroupGrant) {
  requireAdmin(actor);
  await configTransaction(ctx, (trx) =>
    keepAnAdmin(trx, async () => {
      const group = await groupName(trx, grant.groupId);
      const agent = await trx.selectFrom('agents').select('login').where('id', '=', agentId).executeTakeFirst();
      if (!agent) throw notFound('error.not_found.agent', agentId);
      const held = await trx
        .deleteFrom('groupAgentPermissions')
        .where('groupId', '=', grant.groupId)
        .where('agentId', '=', agentId)
        .returning('permission')
        .execute();
      if (grant.permissions.length > 0) {
        await trx
          .insertInto('groupAgentPermissions')
          .values(grant.permissions.map((permission) => ({ groupId: grant.groupId, agentId, permission })))
          .execute();
      }
      const holder = { objectType: 'agents', objectId: agentId, objectName: agent.login } as const;
      await logGrant(
        trx,
        actor,
        holder,
        group,
        held.map((row) => row.permission),
        grant.permissions,
      );
    }),
  );
  return { groupId: grant.groupId, agentId, permissions: [...grant.permissions] };
}

/** The same for a role: every agent in the role holds these keys on the group. */
export async function setRoleGrant(ctx: DomainContext, actor: Actor, roleId: number, grant: GroupGrant) {
  requireAdmin(actor);
  await configTransaction(ctx, (trx) =>
    keepAnAdmin(trx, async () => {
      const group = await groupName(trx, grant.groupId);
      const role = await trx.selectFrom('roles').select('name').where('id', '=', roleId).executeTakeFirst();
      if (!role) throw notFound('error.not_found.role', roleId);
      const held = await trx
        .deleteFrom('groupRolePermissions')
        .where('groupId', '=', grant.groupId)
        .where('roleId', '=', roleId)
        .returning('permission')
        .execute();
      if (grant.permissions.length > 0) {
        await trx
          .insertInto('groupRolePermissions')
          .values(grant.permissions.map((permission) => ({ groupId: grant.groupId, roleId, permission })))
          .execute();
      }
      const holder = { objectType: 'roles', objectId: roleId, objectName: role.name } as const;
      await logGrant(
        trx,
        actor,
        holder,
        group,
        held.map((row) => row.permission),
        grant.permissions,
      );
    }),
  );
  return { groupId: grant.groupId, roleId, permissions: [...grant.permissions] };
}
