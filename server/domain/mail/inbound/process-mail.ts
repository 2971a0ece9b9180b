import type { MailStatus } from '../../../db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import { readMemo } from '../../read-memo.ts';
import { numberTickets } from '../../tickets/commands/create-ticket.ts';
import {
  deliverBatch,
  errorText,
  isTransient,
  type Outcomes,
  type Planned,
  PROCESSED_COLUMNS,
  pick,
} from './deliver-batch.ts';
import { parseMessage } from './parse-message.ts';
import type { ParsedMail } from './parsed-mail.ts';
import { planDelivery, senderKey } from './plan-delivery.ts';
import { senderCustomers } from './sender-customer.ts';
import { readNamedTickets, ticketHookTags } from './ticket-reference.ts';

export interface Processed {
  status: MailStatus;
  outcome: string | null;
  ticketId: number | null;
  articleId: number | null;
}

export interface MailToProcess {
  id: number;
  /** the receiver still holds the message it just stored: no need to read it back */
  raw?: Uint8Array;
}

/**
 * Turns stored messages into tickets, follow-ups, bounce notes, or kept refusals. Each is planned
 * from reads alone (the configuration read once for all of them), then everything they write —
 * tickets or articles, history, events, auto-responses, the messages' new status — commits in one
 * transaction, and only for messages still queued: run twice (the safety-net job after a crash,
 * two processes) the work is done once. A message that cannot be understood is kept, marked
 * failed with the reason, for admins to see and reprocess.
 */
export async function processMails(ctx: DomainContext, messages: MailToProcess[]): Promise<Outcomes> {
  const ids = [...new Set(messages.map((message) => message.id))];
  const rows = await ctx.db
    .selectFrom('mailMessages')
    .select(['id', ...PROCESSED_COLUMNS, 'accountId', 'envelopeTo'])
    .where('id', 'in', ids)
    .execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const held = new Map(messages.flatMap((message) => (message.raw ? [[message.id, message.raw] as const] : [])));
  const outcomes: Outcomes = new Map();
  const planned: Planned[] = [];
  const parsed: { id: number; mail: ParsedMail; envelopeTo: string[]; accountId: number | null }[] = [];
  const failed = (id: number, error: unknown) => {
    // a deadlock or a lost connection: the message stays queued, and its receiver (or the
    // safety-net job, through pg-boss's retries) tries again
    if (isTransient(error)) outcomes.set(id, error as Error);
    else planned.push({ id, failure: errorText(error) });
  };
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) throw notFound('error.not_found.mail_message', id);
    if (row.status !== 'queued') {
      outcomes.set(id, pick(row));
      continue;
    }
    try {
      const mail = await parseMessage(held.get(id) ?? (await rawMessage(ctx, id)));
      const envelopeTo = row.envelopeTo ? row.envelopeTo.split(/,\s*/) : [];
      parsed.push({ id, mail, envelopeTo, accountId: row.accountId });
    } catch (error) {
      failed(id, error);
    }
  }
  const memo = readMemo();
  // the senders of the whole batch with one statement
  const senders = await senderCustomers(
    ctx.db,
    parsed.map(({ mail }) => mail.from),
  );
  for (const [address, sender] of senders) void memo(senderKey(address), async () => sender);
  // and the tickets their subjects name
  await readNamedTickets(
    ctx.db,
    parsed.map(({ mail }) => mail),
    ticketHookTags(ctx.config),
    memo,
  );
  for (const { id, mail, envelopeTo, accountId } of parsed) {
    try {
      planned.push({ id, plan: await planDelivery(ctx, id, mail, envelopeTo, accountId, memo) });
    } catch (error) {
      failed(id, error);
    }
  }
  // the new tickets' numbers, with one reservation of the counter for the batch
  await numberTickets(
    ctx,
    planned.flatMap((item) => ('plan' in item && item.plan.kind === 'new_ticket' ? [item.plan.prepared] : [])),
  );
  for (const [id, outcome] of await deliverBatch(ctx, planned)) outcomes.set(id, outcome);
  return outcomes;
}

/** One stored message through processMails; a transient failure is thrown (the message stays queued). */
export async function processMail(ctx: DomainContext, id: number, stored?: Uint8Array): Promise<Processed> {
  const outcome = (await processMails(ctx, [{ id, raw: stored }])).get(id);
  if (outcome instanceof Error) throw outcome;
  if (!outcome) throw notFound('error.not_found.mail_message', id);
  return outcome;
}

async function rawMessage(ctx: DomainContext, id: number): Promise<Uint8Array> {
  const row = await ctx.db.selectFrom('mailMessages').select('raw').where('id', '=', id).executeTakeFirstOrThrow();
  return row.raw;
}
