import { keepAnAdmin } from '../../agents/admin-guard.ts';
import { configTransaction, requireAdmin, requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';

/** Takes an agent out of a role, and with it the role's grants; never the last admin's admin rights. */
export async function removeRoleMember(ctx: DomainContext, actor: Actor, roleId: number, agentId: number) {
  requireAdmin(actor);
  await configTransaction(ctx, (trx) =>
    keepAnAdmin(trx, async () => {
      await requireRow(trx, 'roles', roleId, 'error.not_found.role');
      await requireRow(trx, 'agents', agentId, 'error.not_found.agent');
      await trx.deleteFrom('roleAgents').where('roleId', '=', roleId).where('agentId', '=', agentId).execute();
    }),
  );
}
