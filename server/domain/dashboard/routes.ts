import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { agentOf } from '../../api/route-access.ts';
import { errorResponses, Named } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import { queueOverview } from './queries/queue-overview.ts';
import { ticketCounts } from './queries/ticket-counts.ts';
import { MAX_STATS_DAYS, ticketStats } from './queries/ticket-stats.ts';

const tags = ['dashboard'];
const Count = Type.Integer({ minimum: 0 });

const QueueOverview = Type.Object({
  items: Type.Array(
    Type.Object({
      queue: Named,
      new: Count,
      open: Count,
      pendingReminder: Count,
      total: Type.Integer({ minimum: 0, description: 'new + open + pending reminder' }),
    }),
  ),
});

const TicketStatsSchema = Type.Object({
  timeZone: Type.String(),
  days: Type.Array(
    Type.Object({
      date: Type.String({ format: 'date', description: 'a calendar day in timeZone, oldest first; today last' }),
      created: Count,
      closed: Count,
    }),
  ),
});

const ScopeCounts = Type.Object({
  owner: Type.Integer({ minimum: 0, description: 'assigned to me (I am the owner)' }),
  responsible: Type.Integer({ minimum: 0, description: 'I am responsible' }),
  myQueues: Type.Integer({ minimum: 0, description: 'in my queues' }),
  all: Type.Integer({ minimum: 0, description: 'all tickets I may see' }),
});

/** /api/v1/dashboard: the agent dashboard's counts (read only, agents only). */
export async function dashboardRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/dashboard/ticket-counts',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary:
          'The New tickets (new, unlocked) and Open tickets widgets: how many for each filter (the ticket list’s totals)',
        response: { 200: Type.Object({ new: ScopeCounts, open: ScopeCounts }), ...errorResponses },
      },
    },
    async (request) => ticketCounts(ctx, agentOf(request)),
  );

  app.get(
    '/api/v1/dashboard/queue-overview',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'New, open and pending reminder tickets of each queue you may read (OTRS queue overview)',
        querystring: Type.Object(
          {
            myQueues: Type.Optional(Type.Boolean({ description: 'only your "my queues"' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: QueueOverview, ...errorResponses },
      },
    },
    async (request) => ({ items: await queueOverview(ctx, agentOf(request), request.query) }),
  );

  app.get(
    '/api/v1/dashboard/ticket-stats',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Tickets you may see created and closed on each of the last days',
        querystring: Type.Object(
          {
            days: Type.Optional(
              Type.Integer({ minimum: 1, maximum: MAX_STATS_DAYS, default: 7, description: 'days, today included' }),
            ),
            timeZone: Type.Optional(
              Type.String({
                minLength: 1,
                maxLength: 64,
                description: 'IANA time zone of the calendar days, e.g. Europe/Rome; default the server’s TIME_ZONE',
              }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: TicketStatsSchema, ...errorResponses },
      },
    },
    async (request) => ticketStats(ctx, agentOf(request), request.query),
  );
}
