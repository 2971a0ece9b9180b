import { keepAnAdmin } from '../../agents/admin-guard.ts';
import { configTransaction, requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { logRoleMember, roleAndAgent } from './role-member-log.ts';

/** Takes an agent out of a role, and with it the role's grants; never the last admin's admin rights. */
export async function removeRoleMember(ctx: DomainContext, actor: Actor, roleId: number, agentId: number) {
  requireAdmin(actor);
  await configTransaction(ctx, (trx) =>
    keepAnAdmin(trx, async () => {
      const names = await roleAndAgent(trx, roleId, agentId);
      const removed = await trx
        .deleteFrom('roleAgents')
        .where('roleId', '=', roleId)
        .where('agentId', '=', agentId)
        .returning('roleId')
        .executeTakeFirst();
      if (removed) await logRoleMember(trx, actor, agentId, names, 'revoke');
    }),
  );
}
