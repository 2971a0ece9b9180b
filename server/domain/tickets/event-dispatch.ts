import type { DomainContext } from '../context.ts';
import { notifyTicketEvent } from '../notifications/handle-event.ts';

/**
 * Consumes one committed outbox event: its handlers (email notifications; live views to come) run
 * in one transaction with marking it processed, the event row locked. An event already processed —
 * a job run twice after a crash — is skipped, and a handler's failure leaves it unprocessed for
 * pg-boss to retry.
 */
export async function dispatchTicketEvent(ctx: DomainContext, data: Record<string, unknown>): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await trx
      .selectFrom('ticketEvents')
      .selectAll()
      .where('id', '=', Number(data.eventId))
      .where('processedAt', 'is', null)
      .forUpdate()
      .executeTakeFirst();
    if (!event) return;
    await notifyTicketEvent(ctx, trx, event);
    await trx.updateTable('ticketEvents').set({ processedAt: ctx.now() }).where('id', '=', event.id).execute();
  });
}
