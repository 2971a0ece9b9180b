import type { App } from '../../api/app.ts';
import { agentOf } from '../../api/route-access.ts';
import type { DomainContext } from '../context.ts';
import { groupsWith } from '../permissions/actor.ts';
import { type LiveChange, LiveFeed } from './live-feed.ts';

/**
 * Server-sent events for the agent app: `ticket` events ({ticketId, type}) for each change to a
 * ticket the agent may see, so that lists, counts and an open ticket refresh themselves. The
 * stream carries no ticket content; the app reads that through the API, which checks permissions.
 */
export async function liveRoutes(app: App, ctx: DomainContext) {
  const feed = new LiveFeed(ctx.db);
  const streams = new Set<() => void>();
  // open streams would hold a graceful shutdown forever: end them first
  app.addHook('preClose', async () => {
    for (const end of streams) end();
    feed.stop();
  });

  app.get(
    '/api/v1/events',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['live'],
        summary: 'Server-sent events: "ticket" with {ticketId, type} whenever a ticket you can see changes',
      },
    },
    async (request, reply) => {
      const actor = agentOf(request);
      const groups = new Set(groupsWith(actor, 'ro'));
      const visible = (change: LiveChange) =>
        actor.system ||
        groups.has(change.groupId) ||
        change.ownerId === actor.agentId ||
        change.responsibleId === actor.agentId;
      reply.hijack();
      const out = reply.raw;
      out.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      out.write('retry: 2000\n\n');
      const unsubscribe = feed.subscribe((changes) => {
        for (const change of changes.filter(visible)) {
          out.write(`event: ticket\ndata: ${JSON.stringify({ ticketId: change.ticketId, type: change.type })}\n\n`);
        }
      });
      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 20_000);
      const end = () => {
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!out.writableEnded) out.end();
      };
      streams.add(end);
      request.raw.on('close', end);
    },
  );
}
