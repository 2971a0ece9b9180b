import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';
import { requireEligibleAgent } from './agent-eligibility.ts';

/** Names the agent who supervises the ticket; they must at least be able to read the queue. */
export function setResponsible(ctx: DomainContext, actor: Actor, ticketId: number, responsibleId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await requireEligibleAgent(tx, responsibleId, 'ro', 'responsibleId');
    const from = tx.ticket.responsibleId;
    if (from === responsibleId) return;
    await tx.update({ responsibleId });
    await tx.history('ResponsibleUpdate', { from, to: responsibleId });
    await tx.event('ticket.responsible_changed', { from, to: responsibleId });
  });
}
