import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { hasGroupPermission } from '../../permissions/actor.ts';
import { queueScope } from '../lookups.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

/**
 * Moves the ticket to another queue: "move_into" is needed on both queues. As in OTRS
 * (ForceUnlockOnMove) a locked ticket is released, so the new queue's agents can take it.
 */
export function moveTicket(ctx: DomainContext, actor: Actor, ticketId: number, queueId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('move_into');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await tx.refuseIfLockedByOther();
    const target = await queueScope(tx.trx, queueId);
    if (!hasGroupPermission(tx.agent, target.groupId, 'move_into')) {
      throw new DomainError('forbidden', 'error.forbidden', { permission: 'move_into', queue: target.name });
    }
    if (target.id === tx.ticket.queueId) {
      throw new DomainError('conflict', 'error.same_queue', { tn: tx.ticket.tn, queue: target.name });
    }
    const from = { id: tx.ticket.queueId, name: tx.ticket.queueName };
    await tx.update({ queueId: target.id });
    await tx.history('Move', { from: from.name, to: target.name, fromId: from.id, toId: target.id });
    await tx.event('ticket.moved', { fromQueueId: from.id, toQueueId: target.id });
    await tx.setLock('unlock');
  });
}
