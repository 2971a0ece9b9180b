import { notFound } from '../../../platform/errors.ts';
import type { DomainContext } from '../../context.ts';
import type { AgentActor } from '../../permissions/actor.ts';
import { requireVisibleTicket } from '../../tickets/queries/ticket-visibility.ts';

/**
 * The message an email article was made from, as it arrived, for an agent who may see the ticket
 * (customer users are refused by the route: the original may carry what the article leaves out,
 * such as other recipients' addresses and headers).
 */
export async function getArticleOriginal(ctx: DomainContext, actor: AgentActor, ticketId: number, articleId: number) {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const row = await ctx.db
    .selectFrom('articles as a')
    .innerJoin('mailMessages as m', 'm.id', 'a.mailMessageId')
    .select(['m.raw'])
    .where('a.id', '=', articleId)
    .where('a.ticketId', '=', ticketId)
    .executeTakeFirst();
  if (!row) throw notFound('error.not_found.article_original', articleId);
  return row.raw;
}
