import type { DomainContext } from '../../context.ts';
import { sendQueuedMail } from '../outbound/send-queued-mail.ts';
import { queueSender } from '../outbound/sender-address.ts';
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
  await sendQueuedMail(
    ctx,
    'intakeReplies',
    reply.id,
    { name: INTAKE_REPLY_JOB, data: { replyId: reply.id } },
    {
      from: { name: sender.name, address: sender.address },
      to: reply.address,
      subject: reply.subject,
      text: reply.bodyText,
      messageId: reply.messageId,
      ...(reply.inReplyTo ? { inReplyTo: reply.inReplyTo, references: reply.inReplyTo } : {}),
      headers: { 'Auto-Submitted': 'auto-replied', 'X-Auto-Response-Suppress': 'All', 'X-Loop': sender.address },
    },
  );
}
