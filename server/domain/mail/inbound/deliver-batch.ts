import { sql, type Transaction } from 'kysely';
import type { DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { systemActor } from '../../permissions/load-actor.ts';
import { readMemo } from '../../read-memo.ts';
import { insertTicketRows } from '../../tickets/commands/create-ticket.ts';
import { holdingRows } from '../../tickets/ticket-records.ts';
import { lockTicketRows } from '../../tickets/ticket-transaction.ts';
import { countingAutoResponses } from './auto-reply.ts';
import { type BatchHolds, deliverMail, makesCustomerUser } from './deliver-mail.ts';
import type { DeliveryPlan } from './delivery-plan.ts';
import type { Processed } from './process-mail.ts';

/** A message of a batch: what it becomes, or why it could not be understood (it is kept as failed). */
export type Planned = { id: number; plan: DeliveryPlan } | { id: number; failure: string };

/** What became of each message, or the error its receiver must see (the message stays queued). */
export type Outcomes = Map<number, Processed | Error>;

export const PROCESSED_COLUMNS = ['status', 'outcome', 'ticketId', 'articleId'] as const;

export const pick = (row: Processed): Processed => ({
  status: row.status,
  outcome: row.outcome,
  ticketId: row.ticketId,
  articleId: row.articleId,
});

const FAILED: Processed = { status: 'failed', outcome: null, ticketId: null, articleId: null };

/** serialization failure, deadlock, unique violation (a concurrent twin), the server going away */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '23505', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

export function isTransient(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  const code = String(error.code);
  return TRANSIENT_SQLSTATES.has(code) || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE';
}

export const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 2000);

/**
 * Writes what a batch of messages became in one transaction: every ticket, article, history row,
 * event, auto-response and job, and the messages' new status. A message no longer queued (done
 * meanwhile by the safety-net job or another process) is left as it is. Should one message spoil
 * the transaction, the others are not held hostage: each goes again in a transaction of its own,
 * and only then does a failure count — a deadlock or a lost connection leaves the message queued
 * for a retry, anything else marks it failed, with the reason, for an admin to reprocess.
 */
export async function deliverBatch(ctx: DomainContext, planned: Planned[]): Promise<Outcomes> {
  if (planned.length === 0) return new Map();
  try {
    return await ctx.db
      .transaction()
      .execute((trx) => ctx.jobs.buffered(trx, () => deliverInTransaction(ctx, trx, planned)));
  } catch (error) {
    if (planned.length > 1) {
      const outcomes: Outcomes = new Map();
      for (const one of planned) for (const [id, outcome] of await deliverBatch(ctx, [one])) outcomes.set(id, outcome);
      return outcomes;
    }
    const id = (planned[0] as Planned).id;
    if (isTransient(error)) return new Map([[id, error as Error]]);
    await ctx.db
      .updateTable('mailMessages')
      .set({ ...FAILED, error: errorText(error), attempts: sql`attempts + 1`, processedAt: ctx.now() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    return new Map([[id, FAILED]]);
  }
}

async function deliverInTransaction(ctx: DomainContext, trx: Transaction<DB>, planned: Planned[]): Promise<Outcomes> {
  const rows = await trx
    .selectFrom('mailMessages')
    .select(['id', ...PROCESSED_COLUMNS])
    .where(
      'id',
      'in',
      planned.map((item) => item.id),
    )
    .orderBy('id')
    .forUpdate()
    .execute();
  const current = new Map(rows.map((row) => [row.id, row]));
  const batch: BatchHolds = {
    // the queues and auto-response texts, read once for the batch (inside its transaction)
    memo: readMemo(),
    tickets: await lockTickets(ctx, trx, planned),
    // a sender made a customer user first is written with the rest of their ticket
    newTickets: await insertTicketRows(
      trx,
      planned.flatMap((item) =>
        'plan' in item &&
        item.plan.kind === 'new_ticket' &&
        !makesCustomerUser(item.plan) &&
        current.get(item.id)?.status === 'queued'
          ? [item.plan.prepared]
          : [],
      ),
    ),
  };
  const outcomes: Outcomes = new Map();
  const written: StatusRow[] = [];
  await countingAutoResponses(ctx, trx, answered(planned), () =>
    // a message usually makes two articles: its own and the auto-response
    holdingRows(ctx, trx, 2 * planned.length, async () => {
      for (const item of planned) {
        const row = current.get(item.id);
        if (row?.status !== 'queued') {
          // gone (cannot be: it was just read) or done meanwhile by someone else
          if (row) outcomes.set(item.id, pick(row));
          continue;
        }
        const result = 'plan' in item ? await deliverMail(ctx, trx, item.plan, batch) : FAILED;
        written.push({
          id: item.id,
          status: result.status,
          outcome: result.outcome,
          ticket_id: result.ticketId,
          article_id: result.articleId,
          error: 'failure' in item ? item.failure : null,
        });
        outcomes.set(item.id, result);
      }
    }),
  );
  // after the held articles it refers to
  await writeStatuses(ctx, trx, written);
  return outcomes;
}

/**
 * Takes, before anything else, the tickets the batch's messages follow up, in id order (and then
 * their senders' auto-response counts, in address order: countingAutoResponses): two batches
 * delivered at once (several SMTP connections, two mail accounts) then wait for each other instead
 * of deadlocking. The messages of the batch share these holds.
 */
function lockTickets(ctx: DomainContext, trx: Transaction<DB>, planned: Planned[]) {
  const tickets = planned.flatMap((item) => {
    if (!('plan' in item)) return [];
    const { plan } = item;
    if (plan.kind === 'follow_up' || plan.kind === 'bounce') return [plan.ticketId];
    if (plan.kind === 'new_ticket' && plan.closedTicketId) return [plan.closedTicketId];
    return [];
  });
  return lockTicketRows(ctx, trx, systemActor(), tickets);
}

/** The addresses the batch may answer. */
const answered = (planned: Planned[]) =>
  planned.flatMap((item) =>
    'plan' in item && 'answer' in item.plan && !item.plan.answer.blocker && item.plan.answer.replyTo
      ? [item.plan.answer.replyTo.address.toLowerCase()]
      : [],
  );

interface StatusRow {
  id: number;
  status: string;
  outcome: string | null;
  ticket_id: number | null;
  article_id: number | null;
  error: string | null;
}

/** The messages' new status, all with one statement. */
async function writeStatuses(ctx: DomainContext, trx: Transaction<DB>, rows: StatusRow[]): Promise<void> {
  if (rows.length === 0) return;
  await sql`
    UPDATE mail_messages AS m
    SET status = v.status, outcome = v.outcome, ticket_id = v.ticket_id, article_id = v.article_id,
      error = v.error, processed_at = ${ctx.now()}, attempts = m.attempts + 1
    FROM jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
      AS v(id bigint, status text, outcome text, ticket_id integer, article_id integer, error text)
    WHERE m.id = v.id`.execute(trx);
}
