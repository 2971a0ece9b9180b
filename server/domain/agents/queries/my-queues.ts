import { requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireOwnOrAdmin } from '../my-queues-access.ts';

export async function myQueues(ctx: DomainContext, actor: Actor, agentId: number) {
  requireOwnOrAdmin(actor, agentId);
  await requireRow(ctx.db, 'agents', agentId, 'error.not_found.agent');
  return ctx.db
    .selectFrom('agentQueues as aq')
    .innerJoin('queues as q', 'q.id', 'aq.queueId')
    .select(['q.id', 'q.name'])
    .where('aq.agentId', '=', agentId)
    .orderBy('q.name')
    .execute();
}
