import { configTransaction, requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { logRoleMember, roleAndAgent } from './role-member-log.ts';

/** Puts an agent in a role; adding one already in it changes nothing (and logs nothing). */
export async function addRoleMember(ctx: DomainContext, actor: Actor, roleId: number, agentId: number): Promise<void> {
  requireAdmin(actor);
  await configTransaction(ctx, async (trx) => {
    const names = await roleAndAgent(trx, roleId, agentId);
    const added = await trx
      .insertInto('roleAgents')
      .values({ roleId, agentId })
      .onConflict((oc) => oc.doNothing())
      .returning('roleId')
      .executeTakeFirst();
    if (added) await logRoleMember(trx, actor, agentId, names, 'grant');
  });
}
