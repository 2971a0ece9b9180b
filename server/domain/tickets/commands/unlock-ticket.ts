import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { agentLogin, withTicket } from '../ticket-transaction.ts';

/** Release: only the owner may; the owner stays, and the ticket is back in the queue for others. */
export function unlockTicket(ctx: DomainContext, actor: Actor, ticketId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('ro');
    if (tx.ticket.lock !== 'lock') throw new DomainError('conflict', 'error.not_locked', { tn: tx.ticket.tn });
    if (tx.ticket.ownerId !== tx.agent.agentId && !tx.agent.system) {
      throw new DomainError('forbidden', 'error.unlock_not_owner', {
        tn: tx.ticket.tn,
        agent: await agentLogin(tx.trx, tx.ticket.ownerId),
      });
    }
    await tx.setLock('unlock');
  });
}
