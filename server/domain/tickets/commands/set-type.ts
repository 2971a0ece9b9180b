import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireValid } from '../lookups.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

export function setType(ctx: DomainContext, actor: Actor, ticketId: number, typeId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await tx.refuseIfLockedByOther();
    await requireValid(tx.trx, 'ticketTypes', typeId, 'typeId');
    const from = tx.ticket.typeId;
    if (from === typeId) return;
    await tx.update({ typeId });
    await tx.history('TypeUpdate', { from, to: typeId });
    await tx.event('ticket.type_changed', { from, to: typeId });
  });
}
