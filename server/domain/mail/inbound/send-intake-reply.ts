import type { DomainContext } from '../../context.ts';
import { nextAttemptAt } from '../outbound/retry-schedule.ts';
import { queueSender } from '../outbound/sender-address.ts';
import { isPermanentFailure } from '../outbound/smtp-failure.ts';
import { smtpErrorText, smtpSend } from '../outbound/smtp-send.ts';
import { INTAKE_REPLY_JOB } from './intake-reply.ts';

/**
 * The intake-reply-send job: sends one queued reply from the queue's address, and schedules the
 * next attempt on failure as the article and notification jobs do. One already sent is left alone.
 */
export async function sendIntakeReply(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  const reply = await ctx.db
    .selectFrom('intakeReplies')
    .selectAll()
    .where('id', '=', Number(data.replyId))
    .executeTakeFirst();
  if (reply?.status !== 'queued') return;
  const sender = await queueSender(ctx.db, ctx.config, reply.queueId);
  const failure = await smtpSend(ctx.config, {
    from: { name: sender.name, address: sender.address },
    to: reply.address,
    subject: reply.subject,
    text: reply.bodyText,
    messageId: reply.messageId,
    ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo, references: reply.inReplyTo } : {}),
    headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Loop': sender.address },
  }).then(
    () => undefined,
    (error: unknown) => ({ text: smtpErrorText(error), permanent: isPermanentFailure(error) }),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('intakeReplies')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        ...(failure ? { lastError: failure.text } : { status: 'sent' as const, lastError: null, sentAt: ctx.now() }),
      }))
      .where('id', '=', reply.id)
      .where('status', '=', 'queued')
      .returning('attempts')
      .executeTakeFirst();
    if (!row || !failure) return;
    const next = failure.permanent ? undefined : nextAttemptAt(new Date(), row.attempts);
    if (next) {
      await ctx.jobs.enqueue(trx, INTAKE_REPLY_JOB, { replyId: reply.id }, { startAfter: next });
      return;
    }
    await trx.updateTable('intakeReplies').set({ status: 'failed' }).where('id', '=', reply.id).execute();
  });
}
