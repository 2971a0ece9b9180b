import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { agentOf } from '../../api/route-access.ts';
import { errorResponses, IdParams, NoContent } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import { groupsWith } from '../permissions/actor.ts';
import { type LiveChange, LiveFeed } from './live-feed.ts';
import { markViewing, stopViewing } from './presence.ts';

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
      let unsubscribe = () => {};
      let ended = false;
      const heartbeat = setInterval(() => out.write(': keep-alive\n\n'), 20_000);
      const end = () => {
        if (ended) return;
        ended = true;
        clearInterval(heartbeat);
        unsubscribe();
        streams.delete(end);
        if (!out.writableEnded) out.end();
      };
      streams.add(end);
      request.raw.on('close', end);
      unsubscribe = await feed.subscribe((changes) => {
        for (const change of changes.filter(visible)) {
          out.write(`event: ticket\ndata: ${JSON.stringify({ ticketId: change.ticketId, type: change.type })}\n\n`);
        }
      });
      if (ended) unsubscribe();
      // from here on, every change reaches this stream
      else out.write(': ready\n\n');
    },
  );

  app.put(
    '/api/v1/tickets/:id/viewers/me',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['live'],
        summary: 'I have this ticket open (refresh every 10 s): answers the other agents who have it open',
        params: IdParams,
        response: {
          200: Type.Object({ others: Type.Array(Type.Object({ agentId: Type.Integer(), name: Type.String() })) }),
          ...errorResponses,
        },
      },
    },
    async (request) => ({ others: await markViewing(ctx, agentOf(request), request.params.id) }),
  );

  app.delete(
    '/api/v1/tickets/:id/viewers/me',
    {
      config: { access: 'agent' },
      schema: { tags: ['live'], summary: 'I closed this ticket', params: IdParams, response: NoContent },
    },
    async (request, reply) => {
      await stopViewing(ctx, agentOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
