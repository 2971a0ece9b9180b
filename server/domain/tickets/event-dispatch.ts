import type { DomainContext } from '../context.ts';

/**
 * Consumes one committed outbox event. Today it only marks the event processed; the mail channel
 * (notifications) and live views hook their handlers in here. An event already processed — a job
 * run twice after a crash — is skipped.
 */
export async function dispatchTicketEvent(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  await ctx.db
    .updateTable('ticketEvents')
    .set({ processedAt: ctx.now() })
    .where('id', '=', Number(data.eventId))
    .where('processedAt', 'is', null)
    .execute();
}
