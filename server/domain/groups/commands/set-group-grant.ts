import type { Permission } from '../../../db/schema.ts';
import { keepAnAdmin } from '../../agents/admin-guard.ts';
import { configTransaction, requireAdmin, requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';

export interface GroupGrant {
  groupId: number;
  permissions: readonly Permission[];
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
      await requireRow(trx, 'groups', grant.groupId, 'error.not_found.group');
      await requireRow(trx, 'agents', agentId, 'error.not_found.agent');
      await trx
        .deleteFrom('groupAgentPermissions')
        .where('groupId', '=', grant.groupId)
        .where('agentId', '=', agentId)
        .execute();
      if (grant.permissions.length === 0) return;
      await trx
        .insertInto('groupAgentPermissions')
        .values(grant.permissions.map((permission) => ({ groupId: grant.groupId, agentId, permission })))
        .execute();
    }),
  );
  return { groupId: grant.groupId, agentId, permissions: [...grant.permissions] };
}

/** The same for a role: every agent in the role holds these keys on the group. */
export async function setRoleGrant(ctx: DomainContext, actor: Actor, roleId: number, grant: GroupGrant) {
  requireAdmin(actor);
  await configTransaction(ctx, (trx) =>
    keepAnAdmin(trx, async () => {
      await requireRow(trx, 'groups', grant.groupId, 'error.not_found.group');
      await requireRow(trx, 'roles', roleId, 'error.not_found.role');
      await trx
        .deleteFrom('groupRolePermissions')
        .where('groupId', '=', grant.groupId)
        .where('roleId', '=', roleId)
        .execute();
      if (grant.permissions.length === 0) return;
      await trx
        .insertInto('groupRolePermissions')
        .values(grant.permissions.map((permission) => ({ groupId: grant.groupId, roleId, permission })))
        .execute();
    }),
  );
  return { groupId: grant.groupId, roleId, permissions: [...grant.permissions] };
}
