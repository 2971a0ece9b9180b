import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';
import { requireVisibleTicket } from '../tickets/queries/ticket-visibility.ts';

/** The notifications a ticket's events caused, newest first: who got what, and whether it left. */
export async function ticketNotifications(ctx: DomainContext, actor: Actor, ticketId: number) {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const rows = await ctx.db
    .selectFrom('notificationDeliveries')
    .select([
      'id',
      'eventId',
      'kind',
      'agentId',
      'customerUserId',
      'address',
      'language',
      'subject',
      'status',
      'attempts',
      'lastError',
      'createdAt',
      'sentAt',
    ])
    .where('ticketId', '=', ticketId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    ...row,
    id: Number(row.id),
    eventId: Number(row.eventId),
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  }));
}
