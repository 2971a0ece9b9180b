import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireValid, resolveCustomer } from '../lookups.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';

export interface SetCustomerInput {
  customerUserId: number | null;
  customerId?: number | null;
}

/**
 * Sets who the ticket is for: a customer user and the customer (of theirs) the request concerns.
 * Naming the ones already set writes nothing.
 */
export function setCustomer(ctx: DomainContext, actor: Actor, ticketId: number, input: SetCustomerInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    let customerId = input.customerId ?? null;
    if (input.customerUserId !== null) {
      customerId = await resolveCustomer(tx.trx, input.customerUserId, input.customerId);
    } else if (customerId !== null) {
      await requireValid(tx.trx, 'customers', customerId, 'customerId');
    }
    const from = { customerId: tx.ticket.customerId, customerUserId: tx.ticket.customerUserId };
    const to = { customerId, customerUserId: input.customerUserId };
    if (from.customerId === to.customerId && from.customerUserId === to.customerUserId) return;
    await tx.update(to);
    await tx.history('CustomerUpdate', { from, to });
    await tx.event('ticket.customer_changed', { from, to });
  });
}
