import { sql } from 'kysely';
import type { StateType } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { prefixTsQuery } from './search-text.ts';
import { presentTicket, ticketBase, ticketRows } from './ticket-select.ts';
import { visibleTo } from './ticket-visibility.ts';

export const TICKET_SORTS = [
  'created',
  'changed',
  'priority',
  'tn',
  'title',
  'state',
  'queue',
  'pending',
  'owner',
  'customer',
] as const;
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
  /** created at or after / before these moments */
  createdFrom?: Date;
  createdBefore?: Date;
  /** my queues: the agent's chosen queues (OTRS personal_queues) */
  myQueues?: boolean;
  /** full text over titles and article bodies, with prefixes; also a ticket number's start */
  text?: string;
  sort?: TicketSort;
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** Sort keys on `ticketBase` (t, q, s), and the same keys on the dressed rows of `ticketRows`. */
const SORT_COLUMNS = {
  created: ['t.id', 't.id'],
  changed: ['t.changedAt', 't.changedAt'],
  priority: ['t.priorityId', 't.priorityId'],
  tn: ['t.tn', 't.tn'],
  title: ['t.title', 't.title'],
  state: ['s.name', 't.stateName'],
  queue: ['q.name', 't.queueName'],
  pending: ['t.pendingUntil', 't.pendingUntil'],
  // names that live in other tables: looked up per ticket on the base, joined on the dressed rows
  owner: [
    sql<string>`(select a.last_name || ' ' || a.first_name from agents a where a.id = t.owner_id)`,
    sql<string>`o.last_name || ' ' || o.first_name`,
  ],
  customer: [sql<string>`(select c.name from customers c where c.id = t.customer_id)`, sql<string>`c.name`],
} as const;

/**
 * Filters that name a set of rows elsewhere (state types, my queues) become lists of ids first:
 * the planner estimates `t.state_id IN (1, 4, 6)` from the column's statistics and picks an index
 * for the few open tickets, while through a join it guessed half the table and read all of it.
 * `undefined`: no such filter.
 */
async function resolveIds(ctx: DomainContext, actor: Actor, filter: TicketFilter) {
  const [stateIdsOfTypes, myQueueIds] = await Promise.all([
    filter.stateTypes?.length
      ? ctx.db.selectFrom('states').select('id').where('type', 'in', filter.stateTypes).execute()
      : undefined,
    filter.myQueues && actor.kind === 'agent'
      ? ctx.db.selectFrom('agentQueues').select('queueId as id').where('agentId', '=', actor.agentId).execute()
      : undefined,
  ]);
  return {
    stateIdsOfTypes: stateIdsOfTypes?.map((row) => row.id),
    myQueueIds: myQueueIds?.map((row) => row.id),
  };
}

/**
 * Lock, owner and responsible are hidden from customer users; filtering on them would reveal them
 * one query at a time, so a customer's list refuses those filters, and sorting by owner (the order
 * would tell which of their tickets share an owner, and the owners' names' order).
 */
const AGENT_ONLY_FILTERS = ['ownerId', 'responsibleId', 'lock', 'myQueues'] as const;
const AGENT_ONLY_SORTS: readonly TicketSort[] = ['owner'];

/** Ticket lists and searches, always within what the actor may see, with the total for paging. */
export async function listTickets(ctx: DomainContext, actor: Actor, filter: TicketFilter) {
  if (actor.kind === 'customer') {
    const field = AGENT_ONLY_FILTERS.find((name) => filter[name] !== undefined);
    if (field) throw new DomainError('validation', 'error.agent_only_filter', { field }, field);
    if (filter.sort && AGENT_ONLY_SORTS.includes(filter.sort)) {
      throw new DomainError('validation', 'error.agent_only_sort', { sort: filter.sort }, 'sort');
    }
  }
  const pageSize = filter.pageSize ?? 50;
  const page = filter.page ?? 1;
  const { stateIdsOfTypes, myQueueIds } = await resolveIds(ctx, actor, filter);
  if (stateIdsOfTypes?.length === 0 || myQueueIds?.length === 0) return { total: 0, page, pageSize, items: [] };
  let query = ticketBase(ctx.db).where(visibleTo(actor));
  if (filter.queueIds?.length) query = query.where('t.queueId', 'in', filter.queueIds);
  if (stateIdsOfTypes) query = query.where('t.stateId', 'in', stateIdsOfTypes);
  if (filter.stateIds?.length) query = query.where('t.stateId', 'in', filter.stateIds);
  if (filter.ownerId !== undefined) query = query.where('t.ownerId', '=', filter.ownerId);
  if (filter.responsibleId !== undefined) query = query.where('t.responsibleId', '=', filter.responsibleId);
  if (filter.lock) query = query.where('t.lock', '=', filter.lock);
  if (filter.customerId !== undefined) query = query.where('t.customerId', '=', filter.customerId);
  if (filter.customerUserId !== undefined) query = query.where('t.customerUserId', '=', filter.customerUserId);
  if (filter.createdFrom) query = query.where('t.createdAt', '>=', filter.createdFrom);
  if (filter.createdBefore) query = query.where('t.createdAt', '<', filter.createdBefore);
  if (myQueueIds) query = query.where('t.queueId', 'in', myQueueIds);
  if (filter.text !== undefined) {
    // The matching tickets are looked up first, once; the page (with the total) then fetches just
    // those by key. As a subquery of both the count and the page the search ran twice, and the
    // planner, guessing how many it finds, read every ticket. Text without a word finds nothing.
    // Customer users search only the articles they may read: internal notes stay unseen.
    const tsquery = prefixTsQuery(filter.text);
    const matched = tsquery
      ? await ctx.db
          .selectFrom('articles')
          .select('ticketId as id')
          .where(sql<boolean>`search_vector @@ to_tsquery('simple', ${tsquery})`)
          .$if(actor.kind === 'customer', (articles) => articles.where('visibleToCustomer', '=', true))
          .union(
            ctx.db
              .selectFrom('tickets')
              .select('id')
              .where(sql<boolean>`title_search @@ to_tsquery('simple', ${tsquery})`),
          )
          .execute()
      : [];
    const ids = matched.map((row) => row.id);
    const digits = filter.text.trim();
    const byNumber = /^\d{4,}$/.test(digits);
    if (ids.length === 0 && !byNumber) return { total: 0, page, pageSize, items: [] };
    query = query.where((eb) =>
      eb.or([
        ...(ids.length > 0 ? [eb('t.id', '=', eb.fn.any(eb.val(ids)))] : []),
        ...(byNumber ? [eb('t.tn', 'like', `${digits}%`)] : []),
      ]),
    );
  }
  const direction = filter.order ?? 'desc';
  const [baseSort, rowSort] = SORT_COLUMNS[filter.sort ?? 'created'];
  const pageOfTickets = query
    .orderBy(baseSort, direction)
    .orderBy('t.id', direction)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  // A search goes through all of its matches anyway: its total comes with the page, in one
  // statement. Lists count apart, at the same time (PostgreSQL: on another connection): the count
  // reads an index, the page only the newest tickets.
  const withTotal = filter.text !== undefined;
  const [rows, counted] = await Promise.all([
    ticketRows(ctx.db, pageOfTickets, withTotal).orderBy(rowSort, direction).orderBy('t.id', direction).execute(),
    withTotal ? undefined : query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  // a search's page past the last match has no row to carry the total: count then
  const total =
    counted?.count ??
    rows[0]?.total ??
    (await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow()).count;
  return {
    total: Number(total),
    page,
    pageSize,
    items: rows.map((row) => presentTicket(row, actor.kind === 'agent')),
  };
}
