import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireValid } from '../lookups.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

/** Sets the priority (1 very low … 5 very high); needs "priority" and takes the lock, as in OTRS. */
export function setPriority(ctx: DomainContext, actor: Actor, ticketId: number, priorityId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('priority');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await requireValid(tx.trx, 'priorities', priorityId, 'priorityId');
    await tx.refuseIfLockedByOther();
    const from = tx.ticket.priorityId;
    // asking for the priority it has changes nothing: no lock taken, no owner changed
    if (from === priorityId) return;
    await tx.takeLock();
    await tx.update({ priorityId });
    await tx.history('PriorityUpdate', { from, to: priorityId });
    await tx.event('ticket.priority_changed', { from, to: priorityId });
  });
}
