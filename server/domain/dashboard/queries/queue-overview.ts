import type { StateType } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { type AgentActor, groupsWith } from '../../permissions/actor.ts';

/** The state types OTRS's queue overview counts, in its column order. */
const COUNTED_TYPES: readonly StateType[] = ['new', 'open', 'pending_reminder'];

export interface QueueOverviewRow {
  queue: { id: number; name: string };
  new: number;
  open: number;
  pendingReminder: number;
  total: number;
}

/**
 * OTRS's queue overview: each valid queue the agent may read (ro on its group, as the ticket list
 * decides which queues an agent sees) with its new, open and pending reminder tickets counted;
 * `myQueues` keeps only the agent's chosen queues. Every ticket of a readable queue is visible, so
 * nothing else is checked. One statement: for each queue and counted state the planner reads the
 * index on (queue_id, state_id) alone (100k tickets, 25 queues: a few ms); the states are a subquery
 * so that the closed tickets, most of them, are never visited.
 */
export async function queueOverview(
  ctx: DomainContext,
  actor: AgentActor,
  options: { myQueues?: boolean } = {},
): Promise<QueueOverviewRow[]> {
  const groups = actor.system ? undefined : groupsWith(actor, 'ro');
  if (groups?.length === 0) return [];
  const rows = await ctx.db
    .selectFrom('queues as q')
    .leftJoin('tickets as t', (join) =>
      join
        .onRef('t.queueId', '=', 'q.id')
        .on('t.stateId', 'in', (eb) => eb.selectFrom('states').select('id').where('type', 'in', COUNTED_TYPES)),
    )
    .leftJoin('states as s', 's.id', 't.stateId')
    .select((eb) => {
      const count = (type: StateType) =>
        eb.cast<number>(eb.fn.count('t.id').filterWhere('s.type', '=', type), 'integer');
      return [
        'q.id',
        'q.name',
        count('new').as('new'),
        count('open').as('open'),
        count('pending_reminder').as('pendingReminder'),
      ];
    })
    .where('q.valid', '=', true)
    .$if(groups !== undefined, (query) => query.where('q.groupId', 'in', groups ?? []))
    .$if(options.myQueues === true, (query) =>
      query.where('q.id', 'in', (eb) =>
        eb.selectFrom('agentQueues').select('queueId').where('agentId', '=', actor.agentId),
      ),
    )
    .groupBy(['q.id', 'q.name'])
    .orderBy('q.name')
    .orderBy('q.id')
    .execute();
  return rows.map((row) => ({
    queue: { id: row.id, name: row.name },
    new: row.new,
    open: row.open,
    pendingReminder: row.pendingReminder,
    total: row.new + row.open + row.pendingReminder,
  }));
}
