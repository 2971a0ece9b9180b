import { sql } from 'kysely';
import type { StateType } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { prefixTsQuery } from './search-text.ts';
import { presentTicket, ticketColumns, ticketSelect } from './ticket-select.ts';
import { visibleTo } from './ticket-visibility.ts';

export const TICKET_SORTS = ['created', 'changed', 'priority', 'tn', 'title', 'state', 'queue', 'pending'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

export interface TicketFilter {
  queueIds?: number[];
  /** state types; "open" as a shorthand for every open type is resolved by the route */
  stateTypes?: StateType[];
  stateIds?: number[];
  ownerId?: number;
  responsibleId?: number;
  lock?: 'lock' | 'unlock';
  customerId?: number;
  customerUserId?: number;
  /** my queues: the agent's chosen queues (OTRS personal_queues) */
  myQueues?: boolean;
  /** full text over titles and article bodies, with prefixes; also a ticket number's start */
  text?: string;
  sort?: TicketSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const SORT_COLUMNS = {
  created: 't.id',
  changed: 't.changedAt',
  priority: 't.priorityId',
  tn: 't.tn',
  title: 't.title',
  state: 's.name',
  queue: 'q.name',
  pending: 't.pendingUntil',
} as const;

/** Ticket lists and searches, always within what the actor may see, with the total for paging. */
export async function listTickets(ctx: DomainContext, actor: Actor, filter: TicketFilter) {
  const pageSize = filter.pageSize ?? 50;
  const page = filter.page ?? 1;
  let query = ticketSelect(ctx.db).where(visibleTo(actor));
  if (filter.queueIds?.length) query = query.where('t.queueId', 'in', filter.queueIds);
  if (filter.stateTypes?.length) query = query.where('s.type', 'in', filter.stateTypes);
  if (filter.stateIds?.length) query = query.where('t.stateId', 'in', filter.stateIds);
  if (filter.ownerId !== undefined) query = query.where('t.ownerId', '=', filter.ownerId);
  if (filter.responsibleId !== undefined) query = query.where('t.responsibleId', '=', filter.responsibleId);
  if (filter.lock) query = query.where('t.lock', '=', filter.lock);
  if (filter.customerId !== undefined) query = query.where('t.customerId', '=', filter.customerId);
  if (filter.customerUserId !== undefined) query = query.where('t.customerUserId', '=', filter.customerUserId);
  if (filter.myQueues && actor.kind === 'agent') {
    const mine = ctx.db.selectFrom('agentQueues').select('queueId').where('agentId', '=', actor.agentId);
    query = query.where('t.queueId', 'in', mine);
  }
  if (filter.text !== undefined) {
    // an empty tsquery matches nothing, so text without a single word finds no ticket
    const tsquery = prefixTsQuery(filter.text) ?? '';
    const digits = filter.text.trim();
    const matches = ctx.db
      .selectFrom('articles')
      .select('ticketId as id')
      .where(sql<boolean>`search_vector @@ to_tsquery('simple', ${tsquery})`)
      .union(
        ctx.db.selectFrom('tickets').select('id').where(sql<boolean>`title_search @@ to_tsquery('simple', ${tsquery})`),
      );
    query = query.where((eb) =>
      eb.or([eb('t.id', 'in', matches), ...(/^\d{4,}$/.test(digits) ? [eb('t.tn', 'like', `${digits}%`)] : [])]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const direction = filter.order ?? 'desc';
  const rows = await query
    .select(ticketColumns)
    .orderBy(SORT_COLUMNS[filter.sort ?? 'created'], direction)
    .orderBy('t.id', direction)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total: Number(total.count),
    page,
    pageSize,
    items: rows.map((row) => presentTicket(row, actor.kind === 'agent')),
  };
}
