import type { DomainContext } from '../context.ts';
import { sendQueuedMail } from '../mail/outbound/send-queued-mail.ts';
import { queueSender } from '../mail/outbound/sender-address.ts';
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
  await sendQueuedMail(
    ctx,
    'notificationDeliveries',
    delivery.id,
    { name: NOTIFICATION_SEND_JOB, data: { deliveryId: delivery.id } },
    {
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
    },
  );
}
