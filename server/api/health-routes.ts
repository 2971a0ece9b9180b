import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { DomainContext } from '../domain/context.ts';
import type { App } from './app.ts';

const Health = Type.Object({
  status: Type.Union([Type.Literal('ok'), Type.Literal('degraded')]),
  database: Type.Object({ ok: Type.Boolean(), latencyMs: Type.Number(), error: Type.Optional(Type.String()) }),
  jobs: Type.Object({
    ok: Type.Boolean(),
    working: Type.Boolean(),
    queues: Type.Record(Type.String(), Type.Record(Type.String(), Type.Integer())),
    error: Type.Optional(Type.String()),
  }),
});

/** GET /api/health: whether the database answers and how the job queue stands. Public, for monitors. */
export async function healthRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/health',
    {
      config: { access: 'public' },
      schema: { tags: ['system'], summary: 'Database and job queue state', response: { 200: Health, 503: Health } },
    },
    async (_request, reply) => {
      const started = performance.now();
      const database = await sql`SELECT 1`
        .execute(ctx.db)
        .then(() => ({ ok: true, latencyMs: Math.round((performance.now() - started) * 10) / 10 }))
        .catch((error: Error) => ({ ok: false, latencyMs: 0, error: error.message }));
      const jobs = await ctx.jobs
        .health()
        .then((health) => ({ ok: true, ...health }))
        .catch((error: Error) => ({ ok: false, working: false, queues: {}, error: error.message }));
      const ok = database.ok && jobs.ok;
      return reply.status(ok ? 200 : 503).send({ status: ok ? 'ok' : 'degraded', database, jobs });
    },
  );
}
