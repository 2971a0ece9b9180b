import type { TicketTransaction } from './ticket-transaction.ts';

/** One time-accounting row (optionally tied to an article) and the ticket's running total. */
export async function addTimeAccounting(tx: TicketTransaction, minutes: number, articleId: number | null) {
  await tx.trx
    .insertInto('timeAccounting')
    .values({
      ticketId: tx.ticket.id,
      articleId,
      minutes,
      createdBy: tx.agent.agentId,
      createdAt: tx.ctx.now(),
    })
    .execute();
  // the row is locked for this transaction, so adding here cannot lose a concurrent entry
  await tx.update({ accountedMinutes: (Number(tx.ticket.accountedMinutes) + minutes).toFixed(2) });
  await tx.history('TimeAccounting', { minutes }, articleId ?? undefined);
  await tx.event('ticket.time_accounted', { minutes, articleId });
}
