import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf, agentOf } from '../../api/route-access.ts';
import { DateTime, errorResponses, IdParams, Nullable } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import { rateTicket, ticketRating } from './rate-ticket.ts';
import { satisfactionReport } from './satisfaction-report.ts';

const tags = ['satisfaction'];
const Rating = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }),
  comment: Type.String(),
  ratedAt: DateTime,
});

/** The satisfaction survey: customers rate closed tickets; agents read the answers and the report. */
export async function satisfactionRoutes(app: App, ctx: DomainContext) {
  app.put(
    '/api/v1/tickets/:id/rating',
    {
      config: { access: 'customer' },
      schema: {
        tags,
        summary: 'Rate a closed ticket you can see, 1 to 5, with an optional comment (again: replaces it)',
        params: IdParams,
        body: Type.Object(
          {
            rating: Type.Integer({ minimum: 1, maximum: 5 }),
            comment: Type.Optional(Type.String({ maxLength: 4000 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Rating, ...errorResponses },
      },
    },
    async (request) => {
      const answer = await rateTicket(ctx, actorOf(request), request.params.id, request.body);
      return { ...answer, ratedAt: answer.ratedAt.toISOString() };
    },
  );

  app.get(
    '/api/v1/tickets/:id/rating',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: "The ticket's satisfaction rating, or null when it has none",
        params: IdParams,
        response: { 200: Type.Object({ rating: Nullable(Rating) }), ...errorResponses },
      },
    },
    async (request) => {
      const row = await ticketRating(ctx, actorOf(request), request.params.id);
      return { rating: row ? { ...row, ratedAt: row.ratedAt.toISOString() } : null };
    },
  );

  app.get(
    '/api/v1/reports/satisfaction',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'The survey over the tickets you may see: count, average, answers per score, latest comments',
        querystring: Type.Object(
          { from: Type.Optional(DateTime), before: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            count: Type.Integer(),
            average: Nullable(Type.Number()),
            byRating: Type.Record(Type.String(), Type.Integer()),
            comments: Type.Array(
              Type.Object({
                ticketId: Type.Integer(),
                tn: Type.String(),
                title: Type.String(),
                rating: Type.Integer(),
                comment: Type.String(),
                ratedAt: DateTime,
              }),
            ),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { from, before } = request.query;
      const report = await satisfactionReport(ctx, agentOf(request), {
        from: from ? new Date(from) : undefined,
        before: before ? new Date(before) : undefined,
      });
      return { ...report, comments: report.comments.map((c) => ({ ...c, ratedAt: c.ratedAt.toISOString() })) };
    },
  );
}
