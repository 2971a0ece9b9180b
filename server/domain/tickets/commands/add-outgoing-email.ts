import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { addArticle } from '../article-step.ts';
import type { AttachmentInput } from '../article-writer.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { changeState } from '../state-change.ts';
import { withTicket } from '../ticket-transaction.ts';

export interface OutgoingEmailInput {
  to: string;
  cc?: string;
  subject: string;
  bodyText: string;
  bodyHtml?: string | null;
  /** the article answered (reply) or passed on (forward); its Message-ID threads the answer */
  replyToArticleId?: number;
  forward?: boolean;
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
        attachments: input.attachments,
      },
      { historyType, timeMinutes: input.timeMinutes },
    );
    if (input.nextStateId) await changeState(tx, input.nextStateId, input.pendingUntil);
    return { articleId };
  });
}
