import { type ExpressionBuilder, sql } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import type { AgentActor } from '../../permissions/actor.ts';
import { visibleTo } from '../../tickets/queries/ticket-visibility.ts';

export interface ScopeCounts {
  owner: number;
  responsible: number;
  myQueues: number;
  all: number;
}

/** newOwner, openMyQueues …: camelCase, as the connection's CamelCasePlugin gives result keys back. */
const alias = (widget: string, scope: string) => `${widget}${scope[0]?.toUpperCase()}${scope.slice(1)}`;

type Row = ExpressionBuilder<DB & { t: DB['tickets']; s: DB['states'] }, 't' | 's'>;

/**
 * The counts of the dashboard's "New tickets" (new, not locked) and "Open tickets" (open) widgets
 * for each of their filters — assigned to me, I'm responsible, in my queues, all — in one statement
 * over the tickets the agent may see: the same numbers as the ticket list's totals for those
 * filters, in one query instead of eight.
 */
export async function ticketCounts(
  ctx: DomainContext,
  actor: AgentActor,
): Promise<{ new: ScopeCounts; open: ScopeCounts }> {
  const mine = await ctx.db.selectFrom('agentQueues').select('queueId').where('agentId', '=', actor.agentId).execute();
  const myQueueIds = mine.map((row) => row.queueId);
  const scopes = {
    owner: (eb: Row) => eb('t.ownerId', '=', actor.agentId),
    responsible: (eb: Row) => eb('t.responsibleId', '=', actor.agentId),
    myQueues: (eb: Row) => (myQueueIds.length > 0 ? eb('t.queueId', 'in', myQueueIds) : sql<boolean>`false`),
    all: () => sql<boolean>`true`,
  };
  const widgets = {
    new: (eb: Row) => eb.and([eb('s.type', '=', 'new'), eb('t.lock', '=', 'unlock')]),
    open: (eb: Row) => eb('s.type', '=', 'open'),
  };
  const row = await ctx.db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .innerJoin('states as s', 's.id', 't.stateId')
    .where(visibleTo(actor))
    .where('t.stateId', 'in', (eb) => eb.selectFrom('states').select('id').where('type', 'in', ['new', 'open']))
    .select((eb) =>
      (Object.keys(widgets) as Array<keyof typeof widgets>).flatMap((widget) =>
        (Object.keys(scopes) as Array<keyof typeof scopes>).map((scope) =>
          eb
            .cast<number>(
              eb.fn.countAll().filterWhere((f) => f.and([widgets[widget](f as Row), scopes[scope](f as Row)])),
              'integer',
            )
            .as(alias(widget, scope)),
        ),
      ),
    )
    .executeTakeFirstOrThrow();

  const counts = row as Record<string, number>;
  const of = (widget: 'new' | 'open'): ScopeCounts => ({
    owner: counts[alias(widget, 'owner')] ?? 0,
    responsible: counts[alias(widget, 'responsible')] ?? 0,
    myQueues: counts[alias(widget, 'myQueues')] ?? 0,
    all: counts[alias(widget, 'all')] ?? 0,
  });
  return { new: of('new'), open: of('open') };
}
