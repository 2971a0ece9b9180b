import type { Mailbox } from 'postal-mime';
import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireVisibleTicket } from '../../tickets/queries/ticket-visibility.ts';
import { formatAddress } from '../inbound/mail-article.ts';
import {
  DEFAULT_SALUTATION,
  DEFAULT_SIGNATURE,
  forwardHeader,
  GENERIC_SALUTATION,
  quoteHeader,
  quoteLines,
  tidyBlanks,
} from './compose-texts.ts';
import { fillVariables } from './fill-variables.ts';
import { formatDateTime, mailLanguage } from './mail-language.ts';
import { systemAddresses } from './sender-address.ts';
import { ticketTag } from './ticket-subject.ts';
import { mailboxes, ticketTextVariables, writingAgent } from './ticket-variables.ts';

export type DraftMode = 'reply' | 'reply_all' | 'forward';

export interface ReplyDraft {
  to: string;
  cc: string;
  subject: string;
  bodyText: string;
  language: 'it' | 'en';
  /** forward: the original's attachments, for the agent to pass on */
  attachments: { id: number; filename: string; contentType: string; size: number }[];
}

const formatMailbox = (box: Mailbox) => formatAddress({ address: box.address, name: box.name });

/** The subject without reply/forward prefixes (Re:, R:, AW:, Fwd:, I:, Rif:) or our ticket tags. */
function cleanSubject(subject: string, tag: string): string {
  let text = subject.split(`[${tag}]`).join(' ');
  for (;;) {
    const next = text.replace(/^\s*(re|r|aw|fw|fwd|i|rif|inoltro)\s*(\[\d+\])?\s*:\s*/i, '');
    if (next === text) break;
    text = next;
  }
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * What OTRS's compose screen shows for an answer to (or a forward of) an article: recipients,
 * subject with the ticket tag, and the queue's salutation, room to write, the signature and the
 * quoted original, in the customer user's language (Italian when unknown). Reading only.
 */
export async function replyDraft(
  ctx: DomainContext,
  actor: Actor,
  ticketId: number,
  articleId: number,
  mode: DraftMode,
): Promise<ReplyDraft> {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const article = await ctx.db
    .selectFrom('articles')
    .select(['id', 'senderType', 'fromAddress', 'toAddress', 'ccAddress', 'subject', 'bodyText', 'createdAt'])
    .where('id', '=', articleId)
    .where('ticketId', '=', ticketId)
    .executeTakeFirst();
  if (!article) throw notFound('error.not_found.article', articleId);
  const ticket = await ctx.db
    .selectFrom('tickets as t')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .leftJoin('salutations as sa', (join) => join.onRef('sa.id', '=', 'q.salutationId').on('sa.valid', '=', true))
    .leftJoin('signatures as si', (join) => join.onRef('si.id', '=', 'q.signatureId').on('si.valid', '=', true))
    .leftJoin('customerUsers as cu', 'cu.id', 't.customerUserId')
    .select([
      't.tn',
      't.title',
      'q.name as queueName',
      'sa.text as salutation',
      'si.text as signature',
      'cu.firstName',
      'cu.lastName',
      'cu.email',
      'cu.language',
      'cu.timeZone',
    ])
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow();
  const agent = await writingAgent(ctx.db, actor);

  const language = mailLanguage(ticket.language, ctx.config.defaultLanguage);
  const ours = await systemAddresses(ctx.db);
  const notOurs = (box: Mailbox) => !ours.has(box.address.toLowerCase());
  const from = mailboxes(article.fromAddress);
  const fromCustomer = article.senderType === 'customer';
  // an answer goes to who wrote; to our own message's recipients when we wrote it
  let to: Mailbox[] = [];
  if (mode !== 'forward') {
    to = (fromCustomer ? from : mailboxes(article.toAddress)).filter(notOurs);
    if (to.length === 0 && ticket.email) to = [{ name: '', address: ticket.email }];
  }
  const cc: Mailbox[] = [];
  if (mode === 'reply_all') {
    const seen = new Set(to.map((box) => box.address.toLowerCase()));
    const others = [...(fromCustomer ? mailboxes(article.toAddress) : from), ...mailboxes(article.ccAddress)];
    for (const box of others.filter(notOurs)) {
      if (seen.has(box.address.toLowerCase())) continue;
      seen.add(box.address.toLowerCase());
      cc.push(box);
    }
  }

  // the customer's name: the ticket's customer user, else the name the sender wrote
  const senderName = fromCustomer ? (from[0]?.name ?? '') : '';
  const vars = ticketTextVariables({ ticket, agent, senderName });
  const named = Boolean(vars.customerFirstName || vars.customerLastName);
  const salutation = tidyBlanks(
    fillVariables(ticket.salutation ?? (named ? DEFAULT_SALUTATION : GENERIC_SALUTATION)[language], vars),
  );
  const signature = tidyBlanks(fillVariables(ticket.signature ?? DEFAULT_SIGNATURE[language], vars));
  const date = formatDateTime(article.createdAt, language, ticket.timeZone ?? ctx.config.timeZone);
  const originalFrom = article.fromAddress || (senderName ? senderName : ticket.queueName);

  const tag = ticketTag(ctx.config, ticket.tn);
  const subjectText = cleanSubject(article.subject, tag) || ticket.title;
  const subject = `${mode === 'forward' ? 'Fwd' : 'Re'}: [${tag}] ${subjectText}`;

  const bodyText =
    mode === 'forward'
      ? [
          '',
          '',
          signature,
          '',
          forwardHeader(language, {
            from: originalFrom,
            date,
            to: article.toAddress,
            subject: article.subject,
          }),
          '',
          article.bodyText.trimEnd(),
        ].join('\n')
      : [
          salutation,
          '',
          '',
          '',
          signature,
          '',
          quoteHeader(language, date, originalFrom),
          quoteLines(article.bodyText),
        ].join('\n');

  const attachments =
    mode === 'forward'
      ? await ctx.db
          .selectFrom('attachments')
          .select(['id', 'filename', 'contentType', 'size'])
          .where('articleId', '=', article.id)
          .orderBy('id')
          .execute()
      : [];
  return {
    to: to.map(formatMailbox).join(', '),
    cc: cc.map(formatMailbox).join(', '),
    subject,
    bodyText,
    language,
    attachments,
  };
}
