import { type ExpressionBuilder, sql } from 'kysely';
import type { Database } from '../../../db/connect.ts';
import type { DB } from '../../../db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import { type Actor, groupsWith } from '../../permissions/actor.ts';

/**
 * The tickets an actor may see, as a WHERE clause on `t` (tickets) joined with `q` (queues):
 * agents see their queues (ro) and the tickets they own or are responsible for; customer users
 * see their own tickets and, where allowed, their customers' tickets.
 */
export function visibleTo(actor: Actor) {
  return (eb: ExpressionBuilder<DB & { t: DB['tickets']; q: DB['queues'] }, 't' | 'q'>) => {
    if (actor.kind === 'agent') {
      if (actor.system) return sql<boolean>`true`;
      const groups = groupsWith(actor, 'ro');
      return eb.or([
        eb('t.ownerId', '=', actor.agentId),
        eb('t.responsibleId', '=', actor.agentId),
        ...(groups.length > 0 ? [eb('q.groupId', 'in', groups)] : []),
      ]);
    }
    return eb.or([
      eb('t.customerUserId', '=', actor.customerUserId),
      ...(actor.customerIdsAllTickets.length > 0 ? [eb('t.customerId', 'in', actor.customerIdsAllTickets)] : []),
    ]);
  };
}

/**
 * Throws "not found" unless the actor may see the ticket: the check before showing its articles,
 * history or links, without loading everything a ticket line shows (as getTicket does).
 */
export async function requireVisibleTicket(db: Database, actor: Actor, ticketId: number): Promise<void> {
  const ticket = await db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .select('t.id')
    .where('t.id', '=', ticketId)
    .where(visibleTo(actor))
    .executeTakeFirst();
  if (!ticket) throw notFound('error.not_found.ticket', ticketId);
}
