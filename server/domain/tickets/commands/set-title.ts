import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

export function setTitle(ctx: DomainContext, actor: Actor, ticketId: number, title: string) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await tx.refuseIfLockedByOther();
    const from = tx.ticket.title;
    if (from === title) return;
    await tx.update({ title });
    await tx.history('TitleUpdate', { from, to: title });
    await tx.event('ticket.title_changed', { from, to: title });
  });
}
