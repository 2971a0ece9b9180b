import type { DomainContext } from '../context.ts';
import { nextAttemptAt } from '../mail/outbound/retry-schedule.ts';
import { queueSender } from '../mail/outbound/sender-address.ts';
import { isPermanentFailure } from '../mail/outbound/smtp-failure.ts';
import { smtpErrorText, smtpSend } from '../mail/outbound/smtp-send.ts';
import { NOTIFICATION_SEND_JOB } from './notification-queue.ts';

/**
 * The notification-send job: sends one queued delivery from the ticket queue's address, with the
 * same retry schedule as articles. A delivery already sent or failed is left alone.
 */
export async function sendNotification(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  const delivery = await ctx.db
    .selectFrom('notificationDeliveries as n')
    .innerJoin('tickets as t', 't.id', 'n.ticketId')
    .select(['n.id', 'n.address', 'n.subject', 'n.bodyText', 'n.messageId', 'n.status', 'n.language', 't.queueId'])
    .where('n.id', '=', Number(data.deliveryId))
    .executeTakeFirst();
  if (delivery?.status !== 'queued') return;
  const sender = await queueSender(ctx.db, ctx.config, delivery.queueId);
  const failure = await smtpSend(ctx.config, {
    from: { name: sender.name, address: sender.address },
    to: delivery.address,
    subject: delivery.subject,
    text: delivery.bodyText,
    messageId: delivery.messageId,
    // a notification is machine-made: no auto-responder should answer it
    headers: {
      'Auto-Submitted': 'auto-generated',
      'X-Auto-Response-Suppress': 'All',
      'Content-Language': delivery.language,
    },
  }).then(
    () => undefined,
    (error: unknown) => ({ text: smtpErrorText(error), permanent: isPermanentFailure(error) }),
  );
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('notificationDeliveries')
      .set((eb) => ({
        attempts: eb('attempts', '+', 1),
        ...(failure ? { lastError: failure.text } : { status: 'sent' as const, lastError: null, sentAt: ctx.now() }),
      }))
      .where('id', '=', delivery.id)
      .where('status', '=', 'queued')
      .returning('attempts')
      .executeTakeFirst();
    if (!row || !failure) return;
    const next = failure.permanent ? undefined : nextAttemptAt(new Date(), row.attempts);
    if (next) {
      await ctx.jobs.enqueue(trx, NOTIFICATION_SEND_JOB, { deliveryId: delivery.id }, { startAfter: next });
      return;
    }
    await trx.updateTable('notificationDeliveries').set({ status: 'failed' }).where('id', '=', delivery.id).execute();
  });
}
