import { type ArticleInput, insertArticle } from './article-writer.ts';
import { articleHistoryType } from './rules/states.ts';
import type { TicketTransaction } from './ticket-transaction.ts';
import { addTimeAccounting } from './time-accounting.ts';

/** Adds an article inside a command: its history row, its event and, if given, the time spent. */
export async function addArticle(
  tx: TicketTransaction,
  input: ArticleInput,
  options: { historyType?: string; timeMinutes?: number } = {},
): Promise<number> {
  const articleId = await insertArticle(tx.ctx, tx.trx, tx.actor, tx.ticket.id, input);
  await tx.history(
    options.historyType ?? articleHistoryType(input, false),
    { subject: input.subject ?? '' },
    articleId,
  );
  await tx.event('article.created', {
    articleId,
    channel: input.channel,
    senderType: input.senderType,
    visibleToCustomer: input.visibleToCustomer,
  });
  if (options.timeMinutes) await addTimeAccounting(tx, options.timeMinutes, articleId);
  return articleId;
}
