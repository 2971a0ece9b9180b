import { DomainError, notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import type { AttachmentInput } from '../article-writer.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { changeState } from '../state-change.ts';
import { type TicketTransaction, withTicket } from '../ticket-transaction.ts';

export interface OutgoingEmailInput {
  to: string;
  cc?: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  /** the article answered (reply) or passed on (forward); its Message-ID threads the answer */
  replyToArticleId?: number;
  forward?: boolean;
  /** attachments already on this ticket to send along: a forward's originals */
  attachmentIds?: number[];
  nextStateId?: number;
  pendingUntil?: Date | null;
  timeMinutes?: number;
  attachments?: AttachmentInput[];
}

/**
 * Stores an outgoing email on the ticket, queued for sending (the mail channel sends it).
 * Like OTRS's compose screen it takes the lock.
 */
export function addOutgoingEmail(ctx: DomainContext, actor: Actor, ticketId: number, input: OutgoingEmailInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('rw');
    tx.refuseInStates(FINAL_STATE_TYPES);
    await tx.takeLock();
    let threading: { inReplyTo: string | null; references: string | null } = { inReplyTo: null, references: null };
    if (input.replyToArticleId) {
      const original = await tx.trx
        .selectFrom('articles')
        .select(['messageId', 'references'])
        .where('id', '=', input.replyToArticleId)
        .where('ticketId', '=', tx.ticket.id)
        .executeTakeFirst();
      if (!original) throw notFound('error.not_found.article', input.replyToArticleId);
      threading = {
        inReplyTo: original.messageId,
        references: [original.references, original.messageId].filter(Boolean).join(' ') || null,
      };
    }
    const kept = await ticketAttachments(tx, input.attachmentIds ?? []);
    const historyType = input.forward ? 'Forward' : input.replyToArticleId ? 'SendAnswer' : 'EmailAgent';
    const articleId = await addArticle(
      tx,
      {
        channel: 'email',
        senderType: 'agent',
        visibleToCustomer: true,
        to: input.to,
        cc: input.cc,
        subject: input.subject,
        bodyText: input.bodyText,
        bodyHtml: input.bodyHtml,
        sendStatus: 'queued',
        ...threading,
        attachments: [...kept, ...(input.attachments ?? [])],
      },
      { historyType, timeMinutes: input.timeMinutes },
    );
    if (input.nextStateId) await changeState(tx, input.nextStateId, input.pendingUntil);
    return { articleId };
  });
}

/** The named attachments of this ticket's articles, to be sent again; any other id is refused. */
async function ticketAttachments(tx: TicketTransaction, ids: number[]): Promise<AttachmentInput[]> {
  if (ids.length === 0) return [];
  const rows = await tx.trx
    .selectFrom('attachments')
    .innerJoin('articles', 'articles.id', 'attachments.articleId')
    .innerJoin('attachmentContents', 'attachmentContents.sha256', 'attachments.sha256')
    .select([
      'attachments.id',
      'attachments.filename',
      'attachments.contentType',
      'attachments.contentId',
      'attachments.inline',
      'attachmentContents.content',
    ])
    .where('attachments.id', 'in', ids)
    .where('articles.ticketId', '=', tx.ticket.id)
    .execute();
  const missing = ids.find((id) => !rows.some((row) => row.id === id));
  if (missing !== undefined) {
    throw new DomainError('validation', 'error.not_found.attachment', { id: missing }, 'attachmentIds');
  }
  return rows.map((row) => ({
    filename: row.filename,
    contentType: row.contentType,
    content: row.content,
    contentId: row.contentId ?? undefined,
    inline: row.inline,
  }));
}
