import { sql, type Transaction } from 'kysely';
import type { AutoResponseKind, DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import { addArticle } from '../../tickets/article-step.ts';
import type { TicketTransaction } from '../../tickets/ticket-transaction.ts';
import { renderAutoResponse } from '../outbound/auto-response.ts';
import { customerTicketUrl } from '../outbound/ticket-links.ts';
import { formatAddress } from './mail-article.ts';
import type { MailAddress } from './parsed-mail.ts';

/** OTRS's history types for the auto-responses it sends. */
const HISTORY_TYPE: Record<AutoResponseKind, string> = {
  new_ticket: 'SendAutoReply',
  follow_up: 'SendAutoFollowUp',
  reject: 'SendAutoReject',
  new_ticket_for_closed: 'SendAutoReply',
  intake_reject: 'SendAutoReject',
};

export interface AutoReplyRequest {
  kind: AutoResponseKind;
  /** Reply-To if the message had one, else From */
  to: MailAddress;
  language: 'it' | 'en';
  /** why none may be sent (loop signals), from autoResponseBlocker */
  blocker: string | null;
  inReplyTo: string | null;
  references: string | null;
  subject: string;
  customerName: string;
  reasons?: string;
}

/** The day auto-responses are counted in (UTC). */
export const countDay = (ctx: DomainContext) => ctx.now().toISOString().slice(0, 10);

/** Today's counts of a batch's senders, kept in memory while its transaction holds their rows. */
const counting = new WeakMap<Transaction<DB>, Map<string, number>>();

/**
 * Runs `body` counting the auto-responses to `addresses` in memory: their rows are taken (locked,
 * made with 0 for a new address) and read with one statement, in address order so two batches
 * wait for each other instead of deadlocking, and the new counts written with one at the end.
 */
export async function countingAutoResponses<T>(
  ctx: DomainContext,
  trx: Transaction<DB>,
  addresses: string[],
  body: () => Promise<T>,
): Promise<T> {
  if (addresses.length === 0 || counting.has(trx)) return body();
  const day = countDay(ctx);
  const rows = await trx
    .insertInto('autoResponseCounts')
    .values([...new Set(addresses)].sort().map((address) => ({ address, day, sent: 0 })))
    .onConflict((oc) => oc.columns(['address', 'day']).doUpdateSet({ sent: sql`auto_response_counts.sent` }))
    .returning(['address', 'sent'])
    .execute();
  const counts = new Map(rows.map((row) => [row.address, row.sent]));
  const before = new Map(counts);
  counting.set(trx, counts);
  try {
    const result = await body();
    const changed = [...counts].filter(([address, sent]) => before.get(address) !== sent);
    if (changed.length > 0) {
      await sql`
        UPDATE auto_response_counts AS c SET sent = v.sent
        FROM jsonb_to_recordset(${JSON.stringify(changed.map(([address, sent]) => ({ address, sent })))}::jsonb)
          AS v(address text, sent integer)
        WHERE c.address = v.address AND c.day = ${day}`.execute(trx);
    }
    return result;
  } finally {
    counting.delete(trx);
  }
}

/** Counts one auto-response to an address today; false once the day's limit is reached. */
export async function withinDailyLimit(ctx: DomainContext, trx: Transaction<DB>, address: string): Promise<boolean> {
  const counts = counting.get(trx);
  const held = counts?.get(address);
  if (counts && held !== undefined) {
    counts.set(address, held + 1);
    return held + 1 <= ctx.config.autoResponseMaxPerDay;
  }
  const day = countDay(ctx);
  const row = await trx
    .insertInto('autoResponseCounts')
    .values({ address, day, sent: 1 })
    .onConflict((oc) => oc.columns(['address', 'day']).doUpdateSet({ sent: sql`auto_response_counts.sent + 1` }))
    .returning('sent')
    .executeTakeFirstOrThrow();
  return row.sent <= ctx.config.autoResponseMaxPerDay;
}

/**
 * Queues the queue's auto-response as a system article (sent by the outgoing mail job), unless
 * the message must not be answered (loop protection); a skipped one is written in the history.
 * A batch of mail shares its reads of the queues and texts through `memo`.
 */
export async function sendAutoReply(
  tx: TicketTransaction,
  request: AutoReplyRequest,
  memo: ReadMemo = noMemo,
): Promise<number | null> {
  const address = request.to.address.toLowerCase();
  const skipped = request.blocker ?? ((await withinDailyLimit(tx.ctx, tx.trx, address)) ? null : 'daily-limit');
  if (skipped) {
    await tx.history('AutoResponseSkipped', { kind: request.kind, to: address, reason: skipped });
    return null;
  }
  const { queueId } = tx.ticket;
  const queue = await memo(`replyQueue:${queueId}`, () =>
    tx.trx
      .selectFrom('queues')
      .leftJoin('systemAddresses', 'systemAddresses.id', 'queues.systemAddressId')
      .select(['queues.name', 'systemAddresses.email', 'systemAddresses.displayName'])
      .where('queues.id', '=', queueId)
      .executeTakeFirstOrThrow(),
  );
  const text = await renderAutoResponse(
    tx.trx,
    {
      queueId,
      kind: request.kind,
      language: request.language,
      vars: {
        ticketNumber: tx.ticket.tn,
        ticketUrl: customerTicketUrl(tx.ctx.config, tx.ticket.tn),
        subject: request.subject,
        customerName: request.customerName,
        queueName: queue.name,
        reasons: request.reasons ?? '',
      },
    },
    memo,
  );
  return addArticle(
    tx,
    {
      channel: 'email',
      senderType: 'system',
      visibleToCustomer: true,
      from: queue.email ? formatAddress({ address: queue.email, name: queue.displayName ?? '' }) : '',
      to: formatAddress(request.to),
      subject: text.subject,
      bodyText: text.bodyText,
      inReplyTo: request.inReplyTo,
      references: request.references,
      sendStatus: 'queued',
    },
    { historyType: HISTORY_TYPE[request.kind] },
  );
}
