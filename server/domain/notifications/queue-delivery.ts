import type { Selectable, Transaction } from 'kysely';
import type { DB, TicketEventsTable } from '../../db/schema.ts';
import type { DomainContext } from '../context.ts';
import { fillVariables } from '../mail/outbound/fill-variables.ts';
import { formatDateTime, mailLanguage } from '../mail/outbound/mail-language.ts';
import { newMessageId } from '../mail/outbound/message-id.ts';
import { ticketSubject } from '../mail/outbound/ticket-subject.ts';
import { NOTIFICATION_SEND_JOB } from './notification-queue.ts';
import { NOTIFICATION_TEMPLATES, type NotificationKind } from './templates.ts';

/** The values a notification text is filled with; time is shown in the recipient's zone. */
export interface DeliveryText {
  title: string;
  tn: string;
  queue: string;
  actor: string;
  customer: string;
  articleSubject: string;
  articleText: string;
  error: string;
  time: Date;
}

interface Recipient {
  type: 'agent' | 'customer';
  agentId?: number;
  customerUserId?: number;
  email: string;
  firstName: string;
  lastName: string;
  language: string;
  timeZone: string | null;
}

export interface Delivery {
  event: Selectable<TicketEventsTable>;
  ticket: { id: number; tn: string };
  kind: NotificationKind;
  recipient: Recipient;
  url: string;
  text: DeliveryText;
}

/**
 * Renders one notification in the recipient's language and time zone and queues it. The row is
 * unique per event and address: an event handled twice queues nothing more.
 */
export async function queueDelivery(ctx: DomainContext, trx: Transaction<DB>, delivery: Delivery): Promise<void> {
  const { recipient, text } = delivery;
  const language = mailLanguage(recipient.language, ctx.config.defaultLanguage);
  const template = NOTIFICATION_TEMPLATES[delivery.kind][language];
  const vars = {
    ...text,
    time: formatDateTime(text.time, language, recipient.timeZone ?? ctx.config.timeZone),
    url: delivery.url,
    recipientName: `${recipient.firstName} ${recipient.lastName}`.trim() || recipient.email,
  };
  const row = await trx
    .insertInto('notificationDeliveries')
    .values({
      eventId: Number(delivery.event.id),
      ticketId: delivery.ticket.id,
      kind: delivery.kind,
      agentId: recipient.type === 'agent' ? (recipient.agentId ?? null) : null,
      customerUserId: recipient.type === 'customer' ? (recipient.customerUserId ?? null) : null,
      address: recipient.email.toLowerCase(),
      language,
      subject: ticketSubject(ctx.config, delivery.ticket.tn, fillVariables(template.subject, vars)),
      bodyText: fillVariables(template.body, vars),
      messageId: newMessageId(ctx.config),
      createdAt: ctx.now(),
    })
    .onConflict((oc) => oc.columns(['eventId', 'address']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (row) await ctx.jobs.enqueue(trx, NOTIFICATION_SEND_JOB, { deliveryId: Number(row.id) });
}
