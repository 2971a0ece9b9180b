import type { Language } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import { systemActor } from '../../permissions/load-actor.ts';
import type { ReadMemo } from '../../read-memo.ts';
import { customerMemoKey, prepareTicket } from '../../tickets/commands/create-ticket.ts';
import { isClosed } from '../../tickets/rules/states.ts';
import { mailLanguage } from '../outbound/mail-language.ts';
import { systemAddresses } from '../outbound/sender-address.ts';
import type { DeliveryPlan } from './delivery-plan.ts';
import { destinationOf, JUNK_QUEUE_ID } from './destination.ts';
import { checkIntakeRules } from './intake-rules.ts';
import { autoResponseBlocker } from './loop-signals.ts';
import { mailArticle } from './mail-article.ts';
import type { ParsedMail } from './parsed-mail.ts';
import { applyPostmasterFilters, type FilterOutcome } from './postmaster-filters.ts';
import { senderCustomer } from './sender-customer.ts';
import { followUpTicket, referencedTicket, ticketHookTags, withoutTicketNumber } from './ticket-reference.ts';
import { trustedHeaders } from './trusted-headers.ts';

/** Where the memo keeps what senderCustomer said of an address (the batch reads all senders at once). */
export const senderKey = (address: string) => `sender:${address}`;

/**
 * Decides, from reads alone, what the message becomes; `memo` shares the reads of configuration
 * with the other messages of the batch. A new ticket's number is taken afterwards for the whole
 * batch, still outside the transaction (as every creation does), so the transaction stays short.
 */
export async function planDelivery(
  ctx: DomainContext,
  mailMessageId: number,
  mail: ParsedMail,
  envelopeTo: string[],
  accountId: number | null,
  memo: ReadMemo,
): Promise<DeliveryPlan> {
  const account = accountId
    ? await memo(`account:${accountId}`, () =>
        ctx.db
          .selectFrom('mailAccounts')
          .select(['dispatch', 'queueId', 'trusted'])
          .where('id', '=', accountId)
          .executeTakeFirst(),
      )
    : undefined;
  // the admins' filters have the last word over what a trusted message says of itself
  const matched = await applyPostmasterFilters(ctx.db, mail, memo);
  const trusted = account?.trusted ? await trustedHeaders(ctx.db, mail) : {};
  const filters: FilterOutcome = {
    ...matched,
    queueId: matched.queueId ?? trusted.queueId,
    priorityId: matched.priorityId ?? trusted.priorityId,
    disposition: matched.disposition === 'normal' ? (trusted.disposition ?? 'normal') : matched.disposition,
  };
  const base = { mail, mailMessageId, filters: filters.matched };
  // numbered later, for the whole batch at once (numberTickets)
  const numbering = { memo, numbered: false };
  if (filters.disposition === 'ignore') return { ...base, kind: 'ignore' };

  const blocker =
    filters.disposition === 'junk'
      ? 'junk'
      : autoResponseBlocker(mail, await memo('systemAddresses', () => systemAddresses(ctx.db)));
  const sender = await memo(senderKey(mail.from?.address ?? ''), () => senderCustomer(ctx.db, mail.from));
  // prepareTicket asks which customer the sender's ticket is for: senderCustomer has just answered
  if (sender.customerUserId) {
    void memo(customerMemoKey(sender.customerUserId, sender.customerId), async () => sender.customerId);
  }
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

  const reference = await followUpTicket(ctx.db, mail, ticketHookTags(ctx.config), memo);
  if (reference) {
    const target = await referencedTicket(ctx.db, reference.ticketId, memo);
    const closed = isClosed(target.type) || target.type === 'removed' || target.type === 'merged';
    if (!closed || target.followUpPolicy !== 'new_ticket') {
      return { ...base, kind: 'follow_up', ticketId: reference.ticketId, article: article([]), answer };
    }
    // the queue opens a new ticket for a follow-up to a closed one, linked to the old ticket
    const prepared = await prepareTicket(
      ctx,
      systemActor(),
      {
        title: withoutTicketNumber(mail.subject, ticketHookTags(ctx.config)) || mail.subject,
        queueId: target.queueId,
        // whoever wrote now is the new ticket's customer (a colleague of another body may answer an old thread)
        customerUserId: sender.customerUserId,
        customerId: sender.customerId,
        customerContact: sender.contact,
        article: article([]),
      },
      numbering,
    );
    return { ...base, kind: 'new_ticket', prepared, closedTicketId: reference.ticketId, answer, createCustomer: false };
  }

  const destination = await destinationOf(
    ctx.db,
    mail,
    envelopeTo,
    account?.dispatch === 'queue' ? account.queueId : null,
    memo,
  );
  const queueId = filters.disposition === 'junk' ? JUNK_QUEUE_ID : (filters.queueId ?? destination.queueId);
  const verdict = await checkIntakeRules(ctx.db, queueId, destination.systemAddressId, mail.subject, mail.text, memo);
  if (verdict.rejections.length > 0) {
    // a refusal nobody can be told of (an automatic sender, junk) would lose the request: flag it instead
    if (!blocker && replyTo) return { ...base, kind: 'reject_intake', queueId, rejections: verdict.rejections, answer };
    verdict.flags.push(...verdict.rejections);
  }
  const prepared = await prepareTicket(
    ctx,
    systemActor(),
    {
      title: `${filters.titlePrefix}${mail.subject || firstLine(mail.text)}`,
      queueId,
      priorityId: filters.priorityId,
      typeId: filters.typeId,
      customerUserId: sender.customerUserId,
      // a filter names the customer of senders we do not know; a known user's own customers stand
      customerId: sender.customerUserId ? sender.customerId : (filters.customerId ?? null),
      customerContact: sender.contact,
      article: article(sender.ambiguous ? [...verdict.flags, 'customer_ambiguous'] : verdict.flags),
    },
    numbering,
  );
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
