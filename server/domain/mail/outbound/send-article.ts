import type { DomainContext } from '../../context.ts';
import { systemActor } from '../../permissions/load-actor.ts';
import { recordEvent } from '../../tickets/ticket-records.ts';
import { articleMessage, formatAddress } from './article-message.ts';
import { newMessageId } from './message-id.ts';
import { nextAttemptAt } from './retry-schedule.ts';
import { enqueueArticleSend } from './send-queue.ts';
import { queueSender } from './sender-address.ts';
import { isPermanentFailure } from './smtp-failure.ts';
import { smtpErrorText, smtpSend } from './smtp-send.ts';

/**
 * The mail-send job: hands one queued article to the SMTP server. Only an article still 'queued'
 * is sent, so a job that runs again after a recorded success (or a second job for the same
 * article) sends nothing. A failure is recorded on the article (error, attempts) and the next
 * attempt scheduled in the same transaction; after the last one, or a permanent refusal, the
 * article is 'failed' and its ticket gets the event 'article.send_failed'.
 */
export async function sendArticle(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  const articleId = Number(data.articleId);
  const article = await ctx.db
    .selectFrom('articles as a')
    .innerJoin('tickets as t', 't.id', 'a.ticketId')
    .select([
      'a.id',
      'a.ticketId',
      'a.senderType',
      'a.fromAddress',
      'a.toAddress',
      'a.ccAddress',
      'a.subject',
      'a.bodyText',
      'a.bodyHtml',
      'a.messageId',
      'a.inReplyTo',
      'a.references',
      'a.sendStatus',
      't.tn',
      't.queueId',
    ])
    .where('a.id', '=', articleId)
    .executeTakeFirst();
  if (article?.sendStatus !== 'queued') return;

  // articles queued before Message-IDs were given at insert get theirs now, before the first try
  let messageId = article.messageId;
  if (!messageId) {
    messageId = newMessageId(ctx.config);
    await ctx.db.updateTable('articles').set({ messageId }).where('id', '=', article.id).execute();
  }
  const sender = await queueSender(ctx.db, ctx.config, article.queueId);
  const files = await ctx.db
    .selectFrom('attachments as f')
    .innerJoin('attachmentContents as c', 'c.sha256', 'f.sha256')
    .select(['f.filename', 'f.contentType', 'f.contentId', 'f.inline', 'c.content'])
    .where('f.articleId', '=', article.id)
    .orderBy('f.id')
    .execute();
  const message = articleMessage(ctx.config, { ...article, messageId }, sender, files);

  const failure = await smtpSend(ctx.config, message).then(
    () => undefined,
    (error: unknown) => ({ text: smtpErrorText(error), permanent: isPermanentFailure(error) }),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('articles')
      .set((eb) => ({
        sendAttempts: eb('sendAttempts', '+', 1),
        ...(failure
          ? { sendError: failure.text }
          : {
              sendStatus: 'sent' as const,
              sendError: null,
              sentAt: ctx.now(),
              fromAddress: article.fromAddress || formatAddress(sender),
            }),
      }))
      .where('id', '=', article.id)
      .where('sendStatus', '=', 'queued')
      .returning('sendAttempts')
      .executeTakeFirst();
    if (!row) return;
    if (!failure) {
      await recordEvent(ctx, trx, systemActor(), article.ticketId, 'article.sent', { articleId: article.id });
      return;
    }
    // pg-boss compares startAfter with the real clock, never with a test's moved one
    const next = failure.permanent ? undefined : nextAttemptAt(new Date(), row.sendAttempts);
    if (next) {
      await enqueueArticleSend(ctx, trx, article.id, next);
      return;
    }
    await trx.updateTable('articles').set({ sendStatus: 'failed' }).where('id', '=', article.id).execute();
    await recordEvent(ctx, trx, systemActor(), article.ticketId, 'article.send_failed', {
      articleId: article.id,
      error: failure.text,
      attempts: row.sendAttempts,
    });
  });
}
