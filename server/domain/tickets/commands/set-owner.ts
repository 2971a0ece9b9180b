import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';
import { requireEligibleAgent } from './agent-eligibility.ts';

/**
 * Hands the ticket to another agent, who must hold "owner" on the queue. As in OTRS the ticket is
 * locked to the new owner: it is now theirs to work on.
 */
export function setOwner(ctx: DomainContext, actor: Actor, ticketId: number, ownerId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('owner');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await requireEligibleAgent(tx, ownerId, 'owner', 'ownerId');
    await tx.changeOwner(ownerId);
    await tx.setLock('lock');
  });
}
