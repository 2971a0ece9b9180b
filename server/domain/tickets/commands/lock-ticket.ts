import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

/** Lock: the agent takes the ticket and becomes its owner, so nobody else works on it meanwhile. */
export function lockTicket(ctx: DomainContext, actor: Actor, ticketId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await tx.refuseIfLockedByOther();
    if (tx.ticket.lock === 'lock') throw new DomainError('conflict', 'error.already_locked', { tn: tx.ticket.tn });
    await tx.setLock('lock');
    await tx.changeOwner(tx.agent.agentId);
  });
}
