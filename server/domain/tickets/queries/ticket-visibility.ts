import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
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
