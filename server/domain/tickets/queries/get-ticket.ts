import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { presentTicket, ticketBase, ticketRows } from './ticket-select.ts';
import { visibleTo } from './ticket-visibility.ts';

/** One ticket as its reader may see it. */
export async function getTicket(ctx: DomainContext, actor: Actor, ticketId: number) {
  const ticket = await findTicket(ctx, actor, ticketId);
  if (!ticket) throw notFound('error.not_found.ticket', ticketId);
  return ticket;
}

/**
 * The ticket as its reader may see it, or undefined where they may not (any more: an agent who
 * moved a ticket into a queue they cannot read, or handed it over, no longer sees it).
 */
export async function findTicket(ctx: DomainContext, actor: Actor, ticketId: number) {
  // LIMIT 1 changes nothing for a key but keeps the subquery whole: PostgreSQL then plans three
  // tables and five instead of one join of seven (0.7 ms planning instead of 1.7)
  const ticket = ticketBase(ctx.db).where('t.id', '=', ticketId).where(visibleTo(actor)).limit(1);
  const row = await ticketRows(ctx.db, ticket).executeTakeFirst();
  return row ? presentTicket(row, actor.kind === 'agent') : null;
}
