import type { IncomingMessage, ServerResponse } from 'node:http';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyInstance,
  type RawServerDefault,
} from 'fastify';
import type { DomainContext } from '../domain/context.ts';
import { DomainError } from '../platform/errors.ts';
import { languageFrom } from '../platform/i18n.ts';
import { authenticate } from './authenticate.ts';
import { isLocalRequest } from './local-requests.ts';
import { registerRoutes } from './register-routes.ts';
import { type Access, checkAccess } from './route-access.ts';
import { validationError } from './validation-error.ts';

export interface AppOptions {
  logger?: boolean | { level: string };
}

/** The HTTP application: used by `sportello start`, the local CLI socket and the tests (inject). */
export async function buildApp(ctx: DomainContext, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: Math.ceil(ctx.config.attachmentMaxBytes * 1.4) + 1024 * 1024,
    ajv: { customOptions: { coerceTypes: 'array', removeAdditional: false, allErrors: false } },
  }).withTypeProvider<TypeBoxTypeProvider>();

  const unguarded: string[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) unguarded.push(`${route.method} ${route.url}`);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: { title: 'Sportello API', version: '1', description: 'Help desk REST API (OTRS semantics).' },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'sportello_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (request, reply) => {
    request.local = isLocalRequest(request.raw);
    if (request.url.startsWith('/api/docs')) return;
    await authenticate(ctx, request, reply);
    const access: Access = request.routeOptions.config.access ?? 'admin';
    checkAccess(access, request.actor);
  });

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const language = languageFrom(request.headers['accept-language']);
    if (error instanceof DomainError) return reply.status(error.status).send(error.body(language));
    if (error.validation) return reply.status(400).send(validationError(error).body(language));
    if (error.statusCode && error.statusCode < 500) {
      return reply
        .status(error.statusCode)
        .send({ error: { code: error.code ?? 'bad_request', message: error.message } });
    }
    request.log.error(error);
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error; it has been logged' } });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new DomainError('not_found', 'error.not_found.route', { id: `${request.method} ${request.url}` });
    return reply.status(404).send(error.body(languageFrom(request.headers['accept-language'])));
  });

  await registerRoutes(app, ctx);
  if (unguarded.length > 0) throw new Error(`routes without an access rule: ${unguarded.join(', ')}`);
  await app.ready();
  return app;
}

export type App = FastifyInstance<
  RawServerDefault,
  IncomingMessage,
  ServerResponse,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
