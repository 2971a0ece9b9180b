import { isDeepStrictEqual } from 'node:util';
import { sql } from 'kysely';
import type { Database } from '../server/db/connect.ts';
import type { DomainContext } from '../server/domain/context.ts';
import type { Actor } from '../server/domain/permissions/actor.ts';
import { loadCustomerActor } from '../server/domain/permissions/load-actor.ts';
import { getTicket } from '../server/domain/tickets/queries/get-ticket.ts';
import { listTickets, TICKET_SORTS, type TicketFilter } from '../server/domain/tickets/queries/list-tickets.ts';
import { prefixTsQuery } from '../server/domain/tickets/queries/search-text.ts';
import { presentTicket, type TicketRow } from '../server/domain/tickets/queries/ticket-select.ts';
import { visibleTo } from '../server/domain/tickets/queries/ticket-visibility.ts';
import { CLOSED_STATE_TYPES, OPEN_STATE_TYPES } from '../server/domain/tickets/rules/states.ts';
import type { GeneratedDesk } from './generate-data.ts';
import { loadAgent, type SearchWord, zoomTicketIds } from './measure.ts';
import { type Latency, summarize } from './stats.ts';

/**
 * The ticket list as it was before it was split into finding the page and dressing it (commit
 * 090109d): one statement joining all eleven tables. Kept here only to check, on the bench's
 * data, that the faster queries return exactly the same tickets, totals and fields.
 */
function referenceSelect(db: Database) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .innerJoin('states as s', 's.id', 't.stateId')
    .innerJoin('priorities as p', 'p.id', 't.priorityId')
    .innerJoin('agents as o', 'o.id', 't.ownerId')
    .innerJoin('agents as r', 'r.id', 't.responsibleId')
    .leftJoin('ticketTypes as ty', 'ty.id', 't.typeId')
    .leftJoin('services as sv', 'sv.id', 't.serviceId')
    .leftJoin('slas as sl', 'sl.id', 't.slaId')
    .leftJoin('customers as c', 'c.id', 't.customerId')
    .leftJoin('customerUsers as cu', 'cu.id', 't.customerUserId');
}

const referenceColumns = [
  't.id',
  't.tn',
  't.title',
  't.lock',
  't.customerContact',
  't.pendingUntil',
  't.accountedMinutes',
  't.mergedIntoId',
  't.createdAt',
  't.changedAt',
  'q.id as queueId',
  'q.name as queueName',
  's.id as stateId',
  's.name as stateName',
  's.type as stateType',
  'p.id as priorityId',
  'p.name as priorityName',
  'ty.id as typeId',
  'ty.name as typeName',
  'sv.id as serviceId',
  'sv.name as serviceName',
  'sl.id as slaId',
  'sl.name as slaName',
  'o.id as ownerId',
  'o.login as ownerLogin',
  'o.firstName as ownerFirstName',
  'o.lastName as ownerLastName',
  'r.id as responsibleId',
  'r.login as responsibleLogin',
  'r.firstName as responsibleFirstName',
  'r.lastName as responsibleLastName',
  'c.id as customerId',
  'c.customerKey',
  'c.name as customerName',
  'cu.id as customerUserId',
  'cu.login as customerUserLogin',
  'cu.firstName as customerUserFirstName',
  'cu.lastName as customerUserLastName',
  'cu.email as customerUserEmail',
] as const;

const REFERENCE_SORTS = {
  created: 't.id',
  changed: 't.changedAt',
  priority: 't.priorityId',
  tn: 't.tn',
  title: 't.title',
  state: 's.name',
  queue: 'q.name',
  pending: 't.pendingUntil',
  owner: sql<string>`o.last_name || ' ' || o.first_name`,
  customer: sql<string>`c.name`,
} as const;

async function referenceList(ctx: DomainContext, actor: Actor, filter: TicketFilter) {
  const pageSize = filter.pageSize ?? 50;
  const page = filter.page ?? 1;
  let query = referenceSelect(ctx.db).where(visibleTo(actor));
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
    const tsquery = prefixTsQuery(filter.text) ?? '';
    const digits = filter.text.trim();
    const matches = ctx.db
      .selectFrom('articles')
      .select('ticketId as id')
      .where(sql<boolean>`search_vector @@ to_tsquery('simple', ${tsquery})`)
      .$if(actor.kind === 'customer', (articles) => articles.where('visibleToCustomer', '=', true))
      .union(
        ctx.db.selectFrom('tickets').select('id').where(sql<boolean>`title_search @@ to_tsquery('simple', ${tsquery})`),
      );
    query = query.where((eb) =>
      eb.or([eb('t.id', 'in', matches), ...(/^\d{4,}$/.test(digits) ? [eb('t.tn', 'like', `${digits}%`)] : [])]),
    );
  }
  const total = await query.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  const direction = filter.order ?? 'desc';
  const rows: TicketRow[] = await query
    .select(referenceColumns)
    .orderBy(REFERENCE_SORTS[filter.sort ?? 'created'], direction)
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

async function referenceGet(ctx: DomainContext, actor: Actor, ticketId: number) {
  const row: TicketRow | undefined = await referenceSelect(ctx.db)
    .select(referenceColumns)
    .where('t.id', '=', ticketId)
    .where(visibleTo(actor))
    .executeTakeFirst();
  return row && presentTicket(row, actor.kind === 'agent');
}

/**
 * Compares listTickets and getTicket with the reference on many filters, sorts, pages and readers.
 * Returns how many cases were compared; throws on the first difference.
 */
const AGENT_ONLY = ['lock', 'ownerId', 'responsibleId', 'myQueues'] as const;

export async function verifyTicketLists(ctx: DomainContext, desk: GeneratedDesk, words: SearchWord[]) {
  const reader = await loadAgent(ctx, desk.reader.agentId);
  const writer = await loadAgent(ctx, desk.writer.agentId);
  const seesAll = await loadCustomerActor(ctx.db, desk.customerUserIds.first);
  const ownOnly = await loadCustomerActor(ctx.db, desk.customerUserIds.first + 1);
  if (!seesAll || !ownOnly) throw new Error('customer users missing');
  const someTn = await ctx.db.selectFrom('tickets').select('tn').where('id', '=', 4242).executeTakeFirst();
  const open = [...OPEN_STATE_TYPES];
  const word = words[0]?.word ?? 'otranto';
  const filters: TicketFilter[] = [
    {},
    ...TICKET_SORTS.flatMap((sort) => [
      { sort, order: 'asc' as const },
      { sort, order: 'desc' as const, page: 3, pageSize: 20 },
    ]),
    { stateTypes: open, queueIds: desk.reader.queueIds },
    { stateTypes: open, queueIds: desk.reader.queueIds, page: 5 },
    { stateTypes: open, myQueues: true },
    { stateTypes: open, myQueues: true, sort: 'priority', order: 'asc' },
    { stateTypes: [...CLOSED_STATE_TYPES], sort: 'changed' },
    { stateTypes: ['merged'] },
    { stateIds: [4], stateTypes: open },
    { ownerId: desk.reader.agentId, stateTypes: open },
    { responsibleId: desk.reader.agentId },
    { lock: 'lock', sort: 'pending', order: 'asc' },
    { customerId: 1 },
    { customerUserId: desk.customerUserIds.first },
    ...words.map((w) => ({ text: w.word })),
    { text: word, stateTypes: open },
    { text: `${word} richiesta`, sort: 'title', order: 'asc' },
    { text: '!!!' },
    { text: word, page: 1_000 },
    ...(someTn ? [{ text: someTn.tn.slice(0, 10) }, { text: someTn.tn }] : []),
    { page: 100_000 },
  ];
  let cases = 0;
  for (const [name, actor] of [
    ['reader', reader],
    ['writer', writer],
    ['customer user seeing all of their customer', seesAll],
    ['customer user', ownOnly],
  ] as const) {
    for (const filter of filters) {
      // lock, owner, responsible and my queues are agents' filters: customer users are refused them
      if (actor.kind === 'customer' && AGENT_ONLY.some((key) => filter[key] !== undefined)) continue;
      const [actual, expected] = [await listTickets(ctx, actor, filter), await referenceList(ctx, actor, filter)];
      if (!isDeepStrictEqual(actual, expected)) {
        throw new Error(`listTickets differs from the reference for ${name}, ${JSON.stringify(filter)}`);
      }
      cases += 1;
    }
    for (const item of (await referenceList(ctx, actor, { pageSize: 5 })).items) {
      if (!isDeepStrictEqual(await getTicket(ctx, actor, item.id), await referenceGet(ctx, actor, item.id))) {
        throw new Error(`getTicket differs from the reference for ${name}, ticket ${item.id}`);
      }
      cases += 1;
    }
  }
  return cases;
}

export interface Comparison {
  reference: Latency;
  current: Latency;
}

/**
 * The reads as query functions, the reference (the earlier single-join queries) against the
 * current ones, run alternately so that both see the same machine load.
 */
export async function compareWithReference(
  ctx: DomainContext,
  desk: GeneratedDesk,
  words: SearchWord[],
  limits: { runs: number; warmup: number; seconds: number },
): Promise<Record<string, Comparison>> {
  const reader = await loadAgent(ctx, desk.reader.agentId);
  const open = [...OPEN_STATE_TYPES];
  const [ticketId] = await zoomTicketIds(ctx, desk, 1);
  const reads: [string, TicketFilter | number][] = [
    ['queue view', { stateTypes: open, queueIds: desk.reader.queueIds, pageSize: 50 }],
    ['my queues', { stateTypes: open, myQueues: true, pageSize: 50 }],
    ['search', { text: words[0]?.word ?? 'otranto', pageSize: 50 }],
    ['ticket', ticketId ?? 1],
  ];
  const result: Record<string, Comparison> = {};
  for (const [name, input] of reads) {
    const run = async (reference: boolean) => {
      if (typeof input === 'number') {
        await (reference ? referenceGet(ctx, reader, input) : getTicket(ctx, reader, input));
      } else {
        await (reference ? referenceList(ctx, reader, input) : listTickets(ctx, reader, input));
      }
    };
    const samples = { reference: [] as number[], current: [] as number[] };
    const deadline = Date.now() + limits.seconds * 1000;
    for (let i = 0; i < limits.warmup + limits.runs && Date.now() < deadline; i++) {
      for (const reference of i % 2 === 0 ? [true, false] : [false, true]) {
        const started = performance.now();
        await run(reference);
        if (i >= limits.warmup) samples[reference ? 'reference' : 'current'].push(performance.now() - started);
      }
    }
    result[name] = { reference: summarize(samples.reference), current: summarize(samples.current) };
  }
  return result;
}
