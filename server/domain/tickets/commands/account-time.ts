import { DomainError, notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { FINAL_STATE_TYPES } from '../rules/states.ts';
import { withTicket } from '../ticket-transaction.ts';
import { addTimeAccounting } from '../time-accounting.ts';

/** Accounts time spent on the ticket, optionally on one of its articles; negative corrects. */
export function accountTime(
  ctx: DomainContext,
  actor: Actor,
  ticketId: number,
  input: { minutes: number; articleId?: number },
) {
  return withTicket(ctx, actor, ticketId, async (tx) => {
    tx.require('note');
    // a merged ticket's time moved to its target with the merge; none may be added to it afterwards
    tx.refuseInStates(FINAL_STATE_TYPES);
    if (input.minutes === 0) {
      throw new DomainError('validation', 'error.validation', { field: 'minutes', detail: 'not 0' }, 'minutes');
    }
    if (input.articleId) {
      const article = await tx.trx
        .selectFrom('articles')
        .select('id')
        .where('id', '=', input.articleId)
        .where('ticketId', '=', tx.ticket.id)
        .executeTakeFirst();
      if (!article) throw notFound('error.not_found.article', input.articleId);
    }
    await addTimeAccounting(tx, input.minutes, input.articleId ?? null);
  });
}
