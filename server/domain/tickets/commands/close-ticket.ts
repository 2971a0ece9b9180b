import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { stateOfType } from '../lookups.ts';
import { setState } from './set-state.ts';

export interface CloseTicketInput {
  successful: boolean;
  note?: { subject: string; bodyText: string; visibleToCustomer?: boolean };
}

/** Close successful (the request was met) or unsuccessful (it could not be). */
export async function closeTicket(ctx: DomainContext, actor: Actor, ticketId: number, input: CloseTicketInput) {
  const state = await stateOfType(ctx.db, input.successful ? 'closed_successful' : 'closed_unsuccessful');
  return setState(ctx, actor, ticketId, { stateId: state.id, note: input.note });
}
