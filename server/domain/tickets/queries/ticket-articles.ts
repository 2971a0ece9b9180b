import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import { inlineImagesToUrls } from '../../mail/inbound/inline-image-urls.ts';
import type { Actor } from '../../permissions/actor.ts';
import { requireVisibleTicket } from './ticket-visibility.ts';

/**
 * The articles of a ticket, oldest first; customer users get only those visible to them, without
 * the mail server's error on an email that could not be delivered.
 */
export async function listArticles(ctx: DomainContext, actor: Actor, ticketId: number) {
  let query = ctx.db
    .selectFrom('articles as a')
    .leftJoin('agents as ag', 'ag.id', 'a.createdByAgentId')
    .select([
      'a.id',
      'a.senderType',
      'a.channel',
      'a.visibleToCustomer',
      'a.fromAddress',
      'a.toAddress',
      'a.ccAddress',
      'a.subject',
      'a.bodyText',
      'a.bodyHtml',
      'a.messageId',
      'a.inReplyTo',
      'a.sendStatus',
      'a.sendError',
      'a.sendAttempts',
      'a.sentAt',
      'a.createdAt',
      'ag.login as agentLogin',
      'ag.firstName as agentFirstName',
      'ag.lastName as agentLastName',
    ])
    .where('a.ticketId', '=', ticketId)
    .orderBy('a.id');
  if (actor.kind === 'customer') query = query.where('a.visibleToCustomer', '=', true);
  // the permission check runs alongside: if it fails, the articles are thrown away unseen
  const [, articles] = await Promise.all([requireVisibleTicket(ctx.db, actor, ticketId), query.execute()]);
  const ids = articles.map((article) => article.id);
  const attachments = ids.length
    ? await ctx.db
        .selectFrom('attachments')
        .select(['id', 'articleId', 'filename', 'contentType', 'size', 'contentId', 'inline'])
        .where('articleId', 'in', ids)
        .orderBy('id')
        .execute()
    : [];
  const attachmentUrl = (attachmentId: number) => `/api/v1/tickets/${ticketId}/attachments/${attachmentId}`;
  return articles.map((article, index) => ({
    id: article.id,
    number: index + 1,
    senderType: article.senderType,
    channel: article.channel,
    visibleToCustomer: article.visibleToCustomer,
    from: article.fromAddress || (article.agentLogin ? `${article.agentFirstName} ${article.agentLastName}` : ''),
    to: article.toAddress,
    cc: article.ccAddress,
    subject: article.subject,
    bodyText: article.bodyText,
    // inline images (cid:) shown in place, through the attachment download route
    bodyHtml:
      article.bodyHtml &&
      inlineImagesToUrls(
        article.bodyHtml,
        attachments.filter((attachment) => attachment.articleId === article.id),
        attachmentUrl,
      ),
    messageId: article.messageId,
    inReplyTo: article.inReplyTo,
    sendStatus: article.sendStatus,
    // the mail server's answer (its host, addresses, the desk's own mail set-up) is the desk's business
    sendError: actor.kind === 'agent' ? article.sendError : null,
    sendAttempts: article.sendAttempts,
    sentAt: article.sentAt?.toISOString() ?? null,
    createdAt: article.createdAt.toISOString(),
    attachments: attachments
      .filter((attachment) => attachment.articleId === article.id)
      .map(({ articleId, ...attachment }) => attachment),
  }));
}

/** One attachment's bytes, if the actor may see its article. */
export async function getAttachment(ctx: DomainContext, actor: Actor, ticketId: number, attachmentId: number) {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  let query = ctx.db
    .selectFrom('attachments as f')
    .innerJoin('articles as a', 'a.id', 'f.articleId')
    .innerJoin('attachmentContents as c', 'c.sha256', 'f.sha256')
    .select(['f.filename', 'f.contentType', 'c.content'])
    .where('f.id', '=', attachmentId)
    .where('a.ticketId', '=', ticketId);
  if (actor.kind === 'customer') query = query.where('a.visibleToCustomer', '=', true);
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('error.not_found.attachment', attachmentId);
  return row;
}
