import { sql } from 'kysely';
import type { DomainContext } from '../context.ts';
import type { AgentActor } from '../permissions/actor.ts';
import { visibleTo } from '../tickets/queries/ticket-visibility.ts';

/**
 * The survey's answers for the tickets an agent may see, rated in [from, before): how many, the
 * average, how many of each score, and the latest comments with their tickets.
 */
export async function satisfactionReport(ctx: DomainContext, actor: AgentActor, range: { from?: Date; before?: Date }) {
  const base = ctx.db
    .selectFrom('ticketRatings as r')
    .innerJoin('tickets as t', 't.id', 'r.ticketId')
    .innerJoin('queues as q', 'q.id', 't.queueId')
    .where(visibleTo(actor))
    .$if(range.from !== undefined, (qb) => qb.where('r.ratedAt', '>=', range.from as Date))
    .$if(range.before !== undefined, (qb) => qb.where('r.ratedAt', '<', range.before as Date));
  const [scores, comments] = await Promise.all([
    base
      .select(['r.rating', sql<number>`count(*)::int`.as('count')])
      .groupBy('r.rating')
      .execute(),
    base
      .select(['t.id as ticketId', 't.tn', 't.title', 'r.rating', 'r.comment', 'r.ratedAt'])
      .where('r.comment', '!=', '')
      .orderBy('r.ratedAt', 'desc')
      .limit(20)
      .execute(),
  ]);
  const byRating = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 } as Record<1 | 2 | 3 | 4 | 5, number>;
  for (const row of scores) byRating[row.rating as 1 | 2 | 3 | 4 | 5] = Number(row.count);
  const count = Object.values(byRating).reduce((sum, n) => sum + n, 0);
  const total = Object.entries(byRating).reduce((sum, [score, n]) => sum + Number(score) * n, 0);
  return {
    count,
    average: count === 0 ? null : Math.round((total / count) * 100) / 100,
    byRating,
    comments: comments.map((row) => ({ ...row, rating: Number(row.rating) })),
  };
}
