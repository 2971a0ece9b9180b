import { sql } from 'kysely';
import type { MailStatus } from '../../../db/schema.ts';
import { notFound } from '../../../platform/errors.ts';
import type { Language } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import { systemActor } from '../../permissions/load-actor.ts';
import { prepareTicket } from '../../tickets/commands/create-ticket.ts';
import { isClosed } from '../../tickets/rules/states.ts';
import { mailLanguage } from '../outbound/mail-language.ts';
import { systemAddresses } from '../outbound/sender-address.ts';
import { deliverMail } from './deliver-mail.ts';
import type { DeliveryPlan } from './delivery-plan.ts';
import { destinationOf, JUNK_QUEUE_ID } from './destination.ts';
import { checkIntakeRules } from './intake-rules.ts';
import { autoResponseBlocker } from './loop-signals.ts';
import { mailArticle } from './mail-article.ts';
import { parseMessage } from './parse-message.ts';
import type { ParsedMail } from './parsed-mail.ts';
import { applyPostmasterFilters, type FilterOutcome } from './postmaster-filters.ts';
import { senderCustomer } from './sender-customer.ts';
import { followUpTicket, ticketHookTags, withoutTicketNumber } from './ticket-reference.ts';
import { trustedHeaders } from './trusted-headers.ts';

export interface Processed {
  status: MailStatus;
  outcome: string | null;
  ticketId: number | null;
  articleId: number | null;
}

const PROCESSED_COLUMNS = ['status', 'outcome', 'ticketId', 'articleId'] as const;

/**
 * Turns a stored message into a ticket, a follow-up, a bounce note, or a kept refusal. Everything
 * it writes — the ticket or article, history, events, auto-response, the message's new status —
 * commits in one transaction, and only for a message still queued: run twice (the safety-net job
 * after a crash, two processes) it does the work once. A message that cannot be understood is
 * kept, marked failed with the reason, for admins to see and reprocess.
 */
export async function processMail(ctx: DomainContext, id: number, stored?: Uint8Array): Promise<Processed> {
  const row = await ctx.db
    .selectFrom('mailMessages')
    .select([...PROCESSED_COLUMNS, 'accountId', 'envelopeTo'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('error.not_found.mail_message', id);
  if (row.status !== 'queued') return pick(row);
  try {
    // the receiver still holds the message it just stored: no need to read it back
    const raw = stored ?? (await rawMessage(ctx, id));
    const mail = await parseMessage(raw);
    const envelopeTo = row.envelopeTo ? row.envelopeTo.split(/,\s*/) : [];
    const plan = await planDelivery(ctx, id, mail, envelopeTo, row.accountId);
    return await ctx.db.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('mailMessages')
        .select(PROCESSED_COLUMNS)
        .where('id', '=', id)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (current.status !== 'queued') return current;
      const result = await deliverMail(ctx, trx, plan);
      await trx
        .updateTable('mailMessages')
        .set({ ...result, error: null, processedAt: ctx.now(), attempts: sql`attempts + 1` })
        .where('id', '=', id)
        .execute();
      return result;
    });
  } catch (error) {
    // a deadlock, a conflict with a concurrent write or a lost connection: the message stays queued
    // and the caller (or the safety-net job, through pg-boss's retries) tries again
    if (isTransient(error)) throw error;
    const message = error instanceof Error ? error.message : String(error);
    await ctx.db
      .updateTable('mailMessages')
      .set({ status: 'failed', error: message.slice(0, 2000), attempts: sql`attempts + 1`, processedAt: ctx.now() })
      .where('id', '=', id)
      .where('status', '=', 'queued')
      .execute();
    return { status: 'failed', outcome: null, ticketId: null, articleId: null };
  }
}

/** serialization failure, deadlock, unique violation (a concurrent twin), the server going away */
const TRANSIENT_SQLSTATES = new Set(['40001', '40P01', '23505', '57P01', '57P02', '57P03', '08000', '08003', '08006']);

function isTransient(error: unknown): boolean {
  if (!(error instanceof Error) || !('code' in error)) return false;
  const code = String(error.code);
  return TRANSIENT_SQLSTATES.has(code) || code === 'ECONNRESET' || code === 'ECONNREFUSED' || code === 'EPIPE';
}

async function rawMessage(ctx: DomainContext, id: number): Promise<Uint8Array> {
  const row = await ctx.db.selectFrom('mailMessages').select('raw').where('id', '=', id).executeTakeFirstOrThrow();
  return row.raw;
}

const pick = (row: Processed): Processed => ({
  status: row.status,
  outcome: row.outcome,
  ticketId: row.ticketId,
  articleId: row.articleId,
});

/**
 * Decides, from reads alone, what the message becomes; the ticket number of a new ticket is taken
 * here too, outside the transaction (as every creation does), so the transaction stays short.
 */
async function planDelivery(
  ctx: DomainContext,
  mailMessageId: number,
  mail: ParsedMail,
  envelopeTo: string[],
  accountId: number | null,
): Promise<DeliveryPlan> {
  const account = accountId
    ? await ctx.db
        .selectFrom('mailAccounts')
        .select(['dispatch', 'queueId', 'trusted'])
        .where('id', '=', accountId)
        .executeTakeFirst()
    : undefined;
  // the admins' filters have the last word over what a trusted message says of itself
  const matched = await applyPostmasterFilters(ctx.db, mail);
  const trusted = account?.trusted ? await trustedHeaders(ctx.db, mail) : {};
  const filters: FilterOutcome = {
    ...matched,
    queueId: matched.queueId ?? trusted.queueId,
    priorityId: matched.priorityId ?? trusted.priorityId,
    disposition: matched.disposition === 'normal' ? (trusted.disposition ?? 'normal') : matched.disposition,
  };
  const base = { mail, mailMessageId, filters: filters.matched };
  if (filters.disposition === 'ignore') return { ...base, kind: 'ignore' };

  const blocker = filters.disposition === 'junk' ? 'junk' : autoResponseBlocker(mail, await systemAddresses(ctx.db));
  const sender = await senderCustomer(ctx.db, mail.from);
  const language = sender.language ?? guessLanguage(mail, ctx.config.defaultLanguage);
  const article = (flags: string[]) =>
    mailArticle(
      mail,
      mailMessageId,
      ctx.config.attachmentMaxBytes,
      { senderType: 'customer', visibleToCustomer: true },
      flags,
    );
  const replyTo = mail.replyTo[0] ?? mail.from;
  const answer = { blocker, language, replyTo, customerName: mail.from?.name || mail.from?.address || '' };

  if (mail.bounce?.originalMessageId) {
    const id = mail.bounce.originalMessageId.replace(/^<|>$/g, '');
    const original = await ctx.db
      .selectFrom('articles')
      .select(['id', 'ticketId'])
      .where('messageId', 'in', [`<${id}>`, id])
      // only mail we sent can bounce: a customer's message with that id is no outgoing mail
      .where('sendStatus', 'is not', null)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (original) {
      // a report of delay ("will retry") is told to the agent but the mail is not lost yet
      const action = (mail.bounce.action ?? '').toLowerCase();
      const failed = action === 'failed' || (action === '' && !mail.bounce.status.startsWith('4'));
      const note = mailArticle(
        mail,
        mailMessageId,
        ctx.config.attachmentMaxBytes,
        { senderType: 'system', visibleToCustomer: false },
        [failed ? 'bounce' : 'delivery_delayed'],
      );
      return {
        ...base,
        kind: 'bounce',
        ticketId: original.ticketId,
        reportedArticleId: original.id,
        failed,
        article: note,
      };
    }
  }

  const reference = await followUpTicket(ctx.db, mail, ticketHookTags(ctx.config));
  if (reference) {
    const target = await ctx.db
      .selectFrom('tickets')
      .innerJoin('states', 'states.id', 'tickets.stateId')
      .innerJoin('queues', 'queues.id', 'tickets.queueId')
      .select([
        'states.type',
        'queues.followUpPolicy',
        'tickets.queueId',
        'tickets.customerUserId',
        'tickets.customerId',
      ])
      .where('tickets.id', '=', reference.ticketId)
      .executeTakeFirstOrThrow();
    const closed = isClosed(target.type) || target.type === 'removed' || target.type === 'merged';
    if (!closed || target.followUpPolicy !== 'new_ticket') {
      return { ...base, kind: 'follow_up', ticketId: reference.ticketId, article: article([]), answer };
    }
    // the queue opens a new ticket for a follow-up to a closed one, linked to the old ticket
    const prepared = await prepareTicket(ctx, systemActor(), {
      title: withoutTicketNumber(mail.subject, ticketHookTags(ctx.config)) || mail.subject,
      queueId: target.queueId,
      // whoever wrote now is the new ticket's customer (a colleague of another body may answer an old thread)
      customerUserId: sender.customerUserId,
      customerId: sender.customerId,
      customerContact: sender.contact,
      article: article([]),
    });
    return { ...base, kind: 'new_ticket', prepared, closedTicketId: reference.ticketId, answer, createCustomer: false };
  }

  const destination = await destinationOf(
    ctx.db,
    mail,
    envelopeTo,
    account?.dispatch === 'queue' ? account.queueId : null,
  );
  const queueId = filters.disposition === 'junk' ? JUNK_QUEUE_ID : (filters.queueId ?? destination.queueId);
  const verdict = await checkIntakeRules(ctx.db, queueId, destination.systemAddressId, mail.subject, mail.text);
  if (verdict.rejections.length > 0) {
    // a refusal nobody can be told of (an automatic sender, junk) would lose the request: flag it instead
    if (!blocker && replyTo) return { ...base, kind: 'reject_intake', queueId, rejections: verdict.rejections, answer };
    verdict.flags.push(...verdict.rejections);
  }
  const prepared = await prepareTicket(ctx, systemActor(), {
    title: `${filters.titlePrefix}${mail.subject || firstLine(mail.text)}`,
    queueId,
    priorityId: filters.priorityId,
    typeId: filters.typeId,
    customerUserId: sender.customerUserId,
    // a filter names the customer of senders we do not know; a known user's own customers stand
    customerId: sender.customerUserId ? sender.customerId : (filters.customerId ?? null),
    customerContact: sender.contact,
    article: article(sender.ambiguous ? [...verdict.flags, 'customer_ambiguous'] : verdict.flags),
  });
  const createCustomer = ctx.config.mailCreateCustomerUsers && !sender.customerUserId && mail.from !== null;
  return {
    ...base,
    kind: 'new_ticket',
    prepared,
    closedTicketId: null,
    answer,
    createCustomer,
  };
}

/** A message without a subject is titled by its first words, so the queue view says something. */
function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((candidate) => candidate.trim() !== '') ?? '';
  return line.trim().slice(0, 80);
}

/** An unknown sender is answered in the language the message declares, if ours, else in the default one. */
function guessLanguage(mail: ParsedMail, fallback: Language): Language {
  return mailLanguage(mail.headers.get('content-language')?.[0], fallback);
}
