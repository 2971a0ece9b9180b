import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { presentTicket, ticketColumns, ticketSelect } from './ticket-select.ts';
import { visibleTo } from './ticket-visibility.ts';

/** One ticket as its reader may see it. */
export async function getTicket(ctx: DomainContext, actor: Actor, ticketId: number) {
  const row = await ticketSelect(ctx.db)
    .select(ticketColumns)
    .where('t.id', '=', ticketId)
    .where(visibleTo(actor))
    .executeTakeFirst();
  if (!row) throw notFound('error.not_found.ticket', ticketId);
  return presentTicket(row, actor.kind === 'agent');
}
