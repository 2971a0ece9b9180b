import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { lockTicketRow, withTicket } from '../ticket-transaction.ts';
import { insertTicket, prepareTicket } from './create-ticket.ts';

export interface SplitInput {
  articleId: number;
  /** defaults: the source ticket's queue and the article's subject */
  queueId?: number;
  title?: string;
}

/** Reads the article to split, with its attachments, as an actor who can see the ticket. */
function readArticle(ctx: DomainContext, actor: Actor, ticketId: number, articleId: number) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('ro');
    tx.refuseInStates(FINAL_STATE_TYPES);
    const article = await tx.trx
      .selectFrom('articles')
      .selectAll()
      .where('id', '=', articleId)
      .where('ticketId', '=', ticketId)
      .executeTakeFirst();
    if (!article) throw notFound('error.not_found.article', articleId);
    const files = await tx.trx
      .selectFrom('attachments')
      .innerJoin('attachmentContents', 'attachmentContents.sha256', 'attachments.sha256')
      .select(['filename', 'contentType', 'contentId', 'inline', 'content'])
      .where('articleId', '=', article.id)
      .execute();
    const attachments = files.map((file) => ({ ...file, contentId: file.contentId ?? undefined }));
    return { source: tx.ticket, article, attachments };
  });
}

/**
 * Splits an article off into a new ticket (OTRS "Split"): the new ticket gets a copy of the article
 * and its attachments, the same customer, and is linked as a child of the source ticket.
 */
export async function splitArticle(ctx: DomainContext, actor: Actor, ticketId: number, input: SplitInput) {
  const { source, article, attachments } = await readArticle(ctx, actor, ticketId, input.articleId);
  const prepared = await prepareTicket(ctx, actor, {
    title: input.title ?? (article.subject || source.title),
    queueId: input.queueId ?? source.queueId,
    priorityId: source.priorityId,
    typeId: source.typeId,
    customerUserId: source.customerUserId,
    customerId: source.customerId,
    customerContact: source.customerContact,
    article: {
      channel: article.channel,
      senderType: article.senderType,
      visibleToCustomer: article.visibleToCustomer,
      from: article.fromAddress,
      to: article.toAddress,
      cc: article.ccAddress,
      subject: article.subject,
      bodyText: article.bodyText,
      bodyHtml: article.bodyHtml,
      attachments,
    },
  });
  return ctx.db.transaction().execute(async (trx) => {
    // the source may have been merged or removed since it was read
    const parent = await lockTicketRow(ctx, trx, actor, ticketId);
    parent.refuseInStates(FINAL_STATE_TYPES);
    const created = await insertTicket(ctx, trx, actor, prepared);
    await trx
      .insertInto('ticketLinks')
      .values({
        sourceTicketId: ticketId,
        targetTicketId: created.id,
        type: 'parent_child',
        createdBy: prepared.agentId,
      })
      .execute();
    const data = { source: source.tn, target: created.tn, type: 'parent_child', splitFromArticleId: article.id };
    await parent.history('TicketLinkAdd', data);
    // both ends of a link show it in their history, as with linkTickets
    const child = await lockTicketRow(ctx, trx, actor, created.id);
    await child.history('TicketLinkAdd', data);
    await parent.event('ticket.linked', { ...data, otherTicketId: created.id });
    await child.event('ticket.linked', { ...data, otherTicketId: ticketId });
    return created;
  });
}
