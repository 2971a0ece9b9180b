import { DomainError } from '../../platform/errors.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';
import { requireVisibleTicket } from '../tickets/queries/ticket-visibility.ts';
import { isClosed } from '../tickets/rules/states.ts';
import { withTicket } from '../tickets/ticket-transaction.ts';

export interface RatingInput {
  rating: number;
  comment?: string;
}

/**
 * The satisfaction survey's answer: a customer user who sees the ticket rates it once it is closed
 * (successfully or not), 1 to 5 with a comment. Rating again replaces the answer; the history
 * keeps every one, and the event lets the desk hear of it.
 */
export function rateTicket(ctx: DomainContext, actor: Actor, ticketId: number, input: RatingInput) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    if (actor.kind !== 'customer') throw new DomainError('forbidden', 'error.customer_forbidden');
    if (!isClosed(tx.ticket.stateType)) throw new DomainError('invalid_transition', 'error.rating_not_closed');
    const answer = {
      ticketId,
      customerUserId: actor.customerUserId,
      rating: input.rating,
      comment: input.comment?.trim() ?? '',
      ratedAt: ctx.now(),
    };
    await tx.trx
      .insertInto('ticketRatings')
      .values(answer)
      .onConflict((oc) =>
        oc.column('ticketId').doUpdateSet({
          customerUserId: answer.customerUserId,
          rating: answer.rating,
          comment: answer.comment,
          ratedAt: answer.ratedAt,
        }),
      )
      .execute();
    await tx.history('CustomerRating', { rating: answer.rating, comment: answer.comment });
    await tx.event('ticket.rated', { rating: answer.rating });
    return { rating: answer.rating, comment: answer.comment, ratedAt: answer.ratedAt };
  });
}

/** A ticket's rating for anyone who may see the ticket; null when it has none. */
export async function ticketRating(ctx: DomainContext, actor: Actor, ticketId: number) {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const row = await ctx.db
    .selectFrom('ticketRatings')
    .select(['rating', 'comment', 'ratedAt'])
    .where('ticketId', '=', ticketId)
    .executeTakeFirst();
  return row ?? null;
}
