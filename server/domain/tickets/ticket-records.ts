import { type Insertable, sql, type Transaction } from 'kysely';
import type {
  ArticlesTable,
  AttachmentContentsTable,
  AttachmentsTable,
  DB,
  TicketEventsTable,
  TicketHistoryTable,
} from '../../db/schema.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

/** The job that hands committed ticket events to their handlers (notifications, live views …). */
export const TICKET_EVENT_JOB = 'ticket-event';

interface Snapshot {
  id: number;
  queueId: number;
  ownerId: number;
  priorityId: number;
  stateId: number;
  typeId: number | null;
}

/** Rows a transaction holds back, to write them with one statement per table at its end. */
export interface HeldRows {
  articles: Insertable<ArticlesTable>[];
  /** article ids taken from the sequence ahead and not used yet, and how many to take next time */
  articleIds: { free: number[]; next: number };
  contents: Insertable<AttachmentContentsTable>[];
  attachments: Insertable<AttachmentsTable>[];
  history: Insertable<TicketHistoryTable>[];
  events: Insertable<TicketEventsTable>[];
}

const holding = new WeakMap<Transaction<DB>, HeldRows>();

const LARGEST_RESERVATION = 256;

/** The rows `trx` holds back, if it does (see holdingRows): nothing must be read back before its end. */
export const heldRows = (trx: Transaction<DB>): HeldRows | undefined => holding.get(trx);

/**
 * The id a held article will have: taken from the articles' sequence ahead, as many as holdingRows
 * was told to expect, then twice as many as the last time if more come. Ids left over when the
 * transaction ends are skipped, as the sequence skips a rolled-back insert's.
 */
export async function heldArticleId(trx: Transaction<DB>, held: HeldRows): Promise<number> {
  const pool = held.articleIds;
  if (pool.free.length === 0) {
    const { rows } = await sql<{ id: number }>`
      SELECT nextval('articles_id_seq')::int AS id FROM generate_series(1, ${pool.next})`.execute(trx);
    pool.free = rows.map((row) => row.id);
    pool.next = Math.min(pool.next * 2, LARGEST_RESERVATION);
  }
  return pool.free.shift() as number;
}

/**
 * Runs `body` holding back the articles, attachments, history rows and events it writes in `trx`,
 * and writes them at its end, still inside the transaction, one statement per table (the events'
 * jobs after them). For work that only adds these rows and never reads them back — a batch of
 * received mail, where they were most of the statements. A row that refers to a held article
 * (a message's status) is written after holdingRows returns.
 */
export async function holdingRows<T>(
  ctx: DomainContext,
  trx: Transaction<DB>,
  expectedArticles: number,
  body: () => Promise<T>,
): Promise<T> {
  if (holding.has(trx)) return body();
  const held: HeldRows = {
    articles: [],
    articleIds: { free: [], next: Math.max(1, expectedArticles) },
    contents: [],
    attachments: [],
    history: [],
    events: [],
  };
  holding.set(trx, held);
  try {
    const result = await body();
    if (held.articles.length > 0) await trx.insertInto('articles').values(held.articles).execute();
    // the contents before the attachments that refer to them, by hash: two transactions carrying
    // the same ones (a logo in every signature) wait for each other instead of deadlocking
    if (held.contents.length > 0) {
      await trx
        .insertInto('attachmentContents')
        .values(held.contents.sort((a, b) => (a.sha256 < b.sha256 ? -1 : a.sha256 > b.sha256 ? 1 : 0)))
        .onConflict((oc) => oc.column('sha256').doNothing())
        .execute();
    }
    if (held.attachments.length > 0) await trx.insertInto('attachments').values(held.attachments).execute();
    if (held.history.length > 0) await trx.insertInto('ticketHistory').values(held.history).execute();
    if (held.events.length > 0) {
      const rows = await trx.insertInto('ticketEvents').values(held.events).returning('id').execute();
      for (const row of rows) await ctx.jobs.enqueue(trx, TICKET_EVENT_JOB, { eventId: Number(row.id) });
    }
    return result;
  } finally {
    holding.delete(trx);
  }
}

/** A history row, with OTRS's snapshot of queue, owner, priority, state and type for reports. */
export async function recordHistory(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticket: Snapshot,
  type: string,
  data: Record<string, unknown>,
  articleId?: number,
): Promise<void> {
  const row = {
    ticketId: ticket.id,
    articleId: articleId ?? null,
    type,
    data: JSON.stringify(data),
    queueId: ticket.queueId,
    ownerId: ticket.ownerId,
    priorityId: ticket.priorityId,
    stateId: ticket.stateId,
    typeId: ticket.typeId,
    createdBy: actor.kind === 'agent' ? actor.agentId : 1,
    createdByCustomerUserId: actor.kind === 'customer' ? actor.customerUserId : null,
    createdAt: ctx.now(),
  };
  const held = heldRows(trx);
  if (held) held.history.push(row);
  else await trx.insertInto('ticketHistory').values(row).execute();
}

/** An outbox row and its job, in the command's transaction: both exist exactly when the change does. */
export async function recordEvent(
  ctx: DomainContext,
  trx: Transaction<DB>,
  actor: Actor,
  ticketId: number,
  type: string,
  payload: Record<string, unknown>,
): Promise<void> {
  const event = {
    type,
    ticketId,
    actorAgentId: actor.kind === 'agent' ? actor.agentId : null,
    actorCustomerUserId: actor.kind === 'customer' ? actor.customerUserId : null,
    payload: JSON.stringify(payload),
    createdAt: ctx.now(),
  };
  const held = heldRows(trx);
  if (held) {
    held.events.push(event);
    return;
  }
  const row = await trx.insertInto('ticketEvents').values(event).returning('id').executeTakeFirstOrThrow();
  await ctx.jobs.enqueue(trx, TICKET_EVENT_JOB, { eventId: Number(row.id) });
}
