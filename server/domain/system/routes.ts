import { PassThrough } from 'node:stream';
import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { DateTime, errorResponses, Nullable, RawResponse } from '../../api/schema-helpers.ts';
import { loadDemoData } from '../../demo/load-demo.ts';
import { DomainError } from '../../platform/errors.ts';
import { languageFrom } from '../../platform/i18n.ts';
import type { DomainContext } from '../context.ts';
import { addAgent } from './add-agent.ts';
import { issueAgentToken } from './issue-token.ts';
import { systemSettingsRoutes } from './settings/index.ts';

const tags = ['system'];
const Permission = Type.Union([
  Type.Literal('ro'),
  Type.Literal('move_into'),
  Type.Literal('create'),
  Type.Literal('note'),
  Type.Literal('owner'),
  Type.Literal('priority'),
  Type.Literal('rw'),
]);
const Name = Type.String({ minLength: 1, maxLength: 200 });

/**
 * What the `sportello` command line asks of a running server over the local socket (where the
 * caller is the system actor). Admin agents may call them over HTTP too; they do nothing an admin
 * could not do through the regular routes.
 */
export async function systemRoutes(app: App, ctx: DomainContext) {
  app.post(
    '/api/v1/system/agents',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create an agent with group permissions named by group (sportello agent add)',
        body: Type.Object(
          {
            login: Name,
            firstName: Name,
            lastName: Name,
            email: Type.String({ minLength: 3, maxLength: 254 }),
            password: Type.Optional(Type.String({ minLength: 1, maxLength: 1000 })),
            groups: Type.Array(Type.Object({ group: Name, permissions: Type.Array(Permission, { minItems: 1 }) }), {
              maxItems: 100,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer(), login: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const agent = await addAgent(ctx, actorOf(request), request.body);
      return reply.status(201).send({ id: agent.id, login: agent.login });
    },
  );

  app.post(
    '/api/v1/system/tokens',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Create an API token for an agent named by login (sportello token create); shown once',
        body: Type.Object(
          { agentLogin: Name, name: Name, expiresAt: Type.Optional(DateTime) },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            id: Type.Integer(),
            name: Type.String(),
            agentLogin: Type.String(),
            expiresAt: Nullable(DateTime),
            token: Type.String(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const { agentLogin, name, expiresAt } = request.body;
      const token = await issueAgentToken(ctx, actorOf(request), {
        agentLogin,
        name,
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      });
      return reply.status(201).send(token);
    },
  );

  app.post(
    '/api/v1/system/demo',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Load the demo data unless present; answers NDJSON progress lines, then a done or error line',
        response: {
          200: RawResponse(
            'application/x-ndjson',
            'One JSON object a line: {"type":"progress","done","total","step"}…, then {"type":"done"} or {"type":"error","error"}',
          ),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const stream = new PassThrough();
      const write = (line: object) => stream.write(`${JSON.stringify(line)}\n`);
      const language = languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage);
      loadDemoData(ctx, (done, total, step) => write({ type: 'progress', done, total, step }))
        .then((result) => write({ type: 'done', result }))
        .catch((error: unknown) => {
          if (error instanceof DomainError) write({ type: 'error', error: error.body(language).error });
          else {
            request.log.error(error);
            write({ type: 'error', error: { code: 'internal', message: String(error) } });
          }
        })
        .finally(() => stream.end());
      return reply.type('application/x-ndjson').send(stream);
    },
  );

  await systemSettingsRoutes(app, ctx);
}
