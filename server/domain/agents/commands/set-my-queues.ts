import { DomainError } from '../../../platform/errors.ts';
import { diffChanges, recordAdminChange } from '../../admin-log/index.ts';
import { configTransaction, requireExisting, requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import { type Actor, hasGroupPermission } from '../../permissions/actor.ts';
import { loadAgentActor } from '../../permissions/load-actor.ts';
import { requireOwnOrAdmin } from '../my-queues-access.ts';

/**
 * Sets an agent's "my queues" (OTRS personal queues): the queues whose new tickets they hear
 * about and that their "my queues" view shows. As in OTRS, only queues they may read (ro).
 */
export async function setMyQueues(ctx: DomainContext, actor: Actor, agentId: number, queueIds: readonly number[]) {
  requireOwnOrAdmin(actor, agentId);
  await configTransaction(ctx, async (trx) => {
    await requireRow(trx, 'agents', agentId, 'error.not_found.agent');
    await requireExisting(trx, 'queues', queueIds, 'queueIds', 'error.not_found.queue');
    const agent = await loadAgentActor(trx, agentId);
    const queues =
      queueIds.length === 0
        ? []
        : await trx.selectFrom('queues').select(['id', 'name', 'groupId']).where('id', 'in', queueIds).execute();
    for (const queue of queues) {
      if (!agent || !hasGroupPermission(agent, queue.groupId, 'ro')) {
        const login = agent?.login ?? String(agentId);
        throw new DomainError(
          'validation',
          'error.agent_lacks_permission',
          { agent: login, permission: 'ro', queue: queue.name },
          'queueIds',
        );
      }
    }
    const before = await trx.deleteFrom('agentQueues').where('agentId', '=', agentId).returning('queueId').execute();
    if (queueIds.length > 0) {
      await trx
        .insertInto('agentQueues')
        .values(queueIds.map((queueId) => ({ agentId, queueId })))
        .execute();
    }
    // an admin choosing for someone else is an admin change; one's own choice is not
    if (actor.kind === 'agent' && actor.agentId !== agentId) {
      const from = before.map((row) => row.queueId).sort((a, b) => a - b);
      const to = [...new Set(queueIds)].sort((a, b) => a - b);
      const changes = diffChanges({ queueIds: from }, { queueIds: to });
      if (Object.keys(changes).length > 0) {
        const objectName = agent?.login ?? null;
        await recordAdminChange(trx, actor, {
          objectType: 'agents',
          objectId: agentId,
          objectName,
          action: 'my_queues',
          changes,
        });
      }
    }
  });
}
