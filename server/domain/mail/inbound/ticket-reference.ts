import type { Kysely, Transaction } from 'kysely';
import type { Config, TicketHookTag } from '../../../config/config.ts';
import type { DB } from '../../../db/schema.ts';
import { noMemo, type ReadMemo } from '../../read-memo.ts';
import type { ParsedMail } from './parsed-mail.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/** A merged ticket's follow-ups go to the ticket it was merged into; OTRS follows 10 hops. */
const MAX_MERGE_HOPS = 10;

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The hooks a subject may name a ticket with: the configured hook and divider first, then those
 * an admin replaced (system settings), so that replies to older mail still find their ticket.
 */
export function ticketHookTags(config: Config): TicketHookTag[] {
  return [{ hook: config.ticketHook, divider: config.ticketHookDivider }, ...config.formerTicketHooks];
}

/**
 * The ticket numbers a subject names: "[Ticket#2018091110000018]" with a hook and divider, or
 * "Ticket#: 2018…" as some mail programs rewrite it (OTRS GetTNByString).
 */
export function ticketNumbersIn(subject: string, tags: TicketHookTag[]): string[] {
  const numbers: string[] = [];
  const patterns = tags.flatMap(({ hook, divider }) => [
    new RegExp(`${escapeRegex(hook + divider)}(\\d{5,40})`, 'gi'),
    new RegExp(`${escapeRegex(hook)}:\\s{0,2}(\\d{5,40})`, 'gi'),
  ]);
  for (const pattern of patterns) {
    for (const match of subject.matchAll(pattern)) if (match[1]) numbers.push(match[1]);
  }
  return numbers;
}

/** Removes the ticket number tags from a subject, for a new ticket opened from a follow-up. */
export function withoutTicketNumber(subject: string, tags: TicketHookTag[]): string {
  let rest = subject;
  for (const { hook, divider } of tags) {
    rest = rest.replace(new RegExp(`\\[?${escapeRegex(hook + divider)}\\d{5,40}\\]?\\s*`, 'gi'), '');
  }
  return rest.trim();
}

/** What planning a follow-up needs to know of the ticket a message names. */
const referencedTickets = (db: Reader) =>
  db
    .selectFrom('tickets')
    .innerJoin('states', 'states.id', 'tickets.stateId')
    .innerJoin('queues', 'queues.id', 'tickets.queueId')
    .select([
      'tickets.id',
      'tickets.tn',
      'tickets.mergedIntoId',
      'tickets.queueId',
      'tickets.customerUserId',
      'tickets.customerId',
      'states.type',
      'queues.followUpPolicy',
    ]);

export type ReferencedTicket = Awaited<ReturnType<ReturnType<typeof referencedTickets>['executeTakeFirstOrThrow']>>;

const byNumber = (tn: string) => `ticket-by-number:${tn}`;
const byId = (id: number) => `ticket-for-follow-up:${id}`;

/**
 * Reads, with one statement, the tickets the subjects of a batch of messages name, into the
 * batch's memo: followUpTicket and referencedTicket then find them there.
 */
export async function readNamedTickets(db: Reader, mails: ParsedMail[], tags: TicketHookTag[], memo: ReadMemo) {
  const numbers = [...new Set(mails.flatMap((mail) => ticketNumbersIn(mail.subject, tags)))];
  if (numbers.length === 0) return;
  const rows = await referencedTickets(db).where('tickets.tn', 'in', numbers).execute();
  const found = new Map(rows.map((row) => [row.tn, row]));
  for (const tn of numbers) {
    const row = found.get(tn) ?? null;
    void memo(byNumber(tn), async () => row);
    if (row) void memo(byId(row.id), async () => row);
  }
}

/** The ticket a follow-up goes to, as planning needs it (the batch's memo may hold it already). */
export function referencedTicket(db: Reader, ticketId: number, memo: ReadMemo = noMemo): Promise<ReferencedTicket> {
  return memo(byId(ticketId), () => referencedTickets(db).where('tickets.id', '=', ticketId).executeTakeFirstOrThrow());
}

async function followMerges(db: Reader, ticketId: number): Promise<number> {
  let id = ticketId;
  for (let hop = 0; hop < MAX_MERGE_HOPS; hop++) {
    const row = await db.selectFrom('tickets').select('mergedIntoId').where('id', '=', id).executeTakeFirst();
    if (!row?.mergedIntoId) return id;
    id = row.mergedIntoId;
  }
  return id;
}

/**
 * The existing ticket a message follows up, if any: first a ticket number in the subject, then a
 * Message-ID we stored (In-Reply-To, then References newest first), as OTRS's follow-up modules.
 */
export async function followUpTicket(
  db: Reader,
  mail: ParsedMail,
  tags: TicketHookTag[],
  memo: ReadMemo = noMemo,
): Promise<{ ticketId: number; by: 'subject' | 'references' } | null> {
  for (const tn of ticketNumbersIn(mail.subject, tags)) {
    const ticket = await memo(
      byNumber(tn),
      async () => (await referencedTickets(db).where('tickets.tn', '=', tn).executeTakeFirst()) ?? null,
    );
    // a merged ticket's follow-ups go where it was merged
    if (ticket)
      return { ticketId: ticket.mergedIntoId ? await followMerges(db, ticket.mergedIntoId) : ticket.id, by: 'subject' };
  }
  const ids = [...mail.inReplyTo, ...[...mail.references].reverse()].filter(Boolean);
  if (ids.length > 0) {
    const article = await db
      .selectFrom('articles')
      .select(['ticketId', 'messageId'])
      .where('messageId', 'in', [...new Set(ids.flatMap((id) => [id, `<${id}>`]))])
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (article) return { ticketId: await followMerges(db, article.ticketId), by: 'references' };
  }
  return null;
}
