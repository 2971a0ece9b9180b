import { configTransaction, requireAdmin, requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';

/** Puts an agent in a role; adding one already in it changes nothing. */
export async function addRoleMember(ctx: DomainContext, actor: Actor, roleId: number, agentId: number): Promise<void> {
  requireAdmin(actor);
  await configTransaction(ctx, async (trx) => {
    await requireRow(trx, 'roles', roleId, 'error.not_found.role');
    await requireRow(trx, 'agents', agentId, 'error.not_found.agent');
    await trx
      .insertInto('roleAgents')
      .values({ roleId, agentId })
      .onConflict((oc) => oc.doNothing())
      .execute();
  });
}
