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
import { languageFrom, translate } from '../platform/i18n.ts';
import { authenticate } from './authenticate.ts';
import { knownError } from './http-errors.ts';
import { readJsonBodies } from './json-body.ts';
import { isLocalRequest } from './local-requests.ts';
import { describeInOpenApi } from './openapi-route.ts';
import { registerRoutes } from './register-routes.ts';
import { type Access, checkAccess } from './route-access.ts';
import { refuseUnstorableText } from './text-guard.ts';
import { validatorCompiler } from './validators.ts';
import { webAppRoutes } from './web-app.ts';

export interface AppOptions {
  logger?: boolean | { level: string };
  /** where the built web app is (default web/dist; the browser tests build their own) */
  webDist?: string;
}

/** The HTTP application: used by `sportello start`, the local CLI socket and the tests (inject). */
export async function buildApp(ctx: DomainContext, options: AppOptions = {}): Promise<App> {
  // an attachment travels as base64 (4/3 of its size) inside JSON, with room for the rest
  const bodyLimit = Math.ceil(ctx.config.attachmentMaxBytes * 1.4) + 1024 * 1024;
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler());
  readJsonBodies(app);

  const unguarded: string[] = [];
  app.addHook('onRoute', (route) => {
    if (route.url.startsWith('/api/docs')) return;
    if (!route.config?.access) unguarded.push(`${route.method} ${route.url}`);
    describeInOpenApi(route);
  });

  await app.register(cookie);
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Sportello API',
        version: '1',
        description:
          'Help desk REST API (OTRS semantics). Programs send an API token as `Authorization: Bearer …`. ' +
          'Web sessions log in with POST /api/v1/sessions, which sets the session cookie and returns a ' +
          '`csrfToken`: send it as the `X-CSRF-Token` header on every request that changes something. ' +
          'Errors are `{"error": {"code", "message", "field"?}}`, the message in Italian or English by Accept-Language.',
      },
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
  app.addHook('preValidation', async (request) => {
    refuseUnstorableText(request.params, 'params');
    refuseUnstorableText(request.query, 'querystring');
    // a raw body (message/rfc822) is bytes, not text: nothing to check, and walking it byte by byte is slow
    if (!(request.body instanceof Uint8Array)) refuseUnstorableText(request.body, 'body');
  });

  app.setErrorHandler((error: FastifyError | DomainError, request, reply) => {
    const language = languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage);
    if (error instanceof DomainError) return reply.status(error.status).send(error.body(language));
    const known = knownError(error, language, bodyLimit);
    if (known) return reply.status(known.status).send(known.body(language));
    if (error.statusCode && error.statusCode < 500) {
      const message = translate(language, 'error.bad_request', { detail: error.message });
      return reply.status(error.statusCode).send({ error: { code: 'bad_request', message } });
    }
    // the error's own fields only: a database error also carries the statement's parameters,
    // which may hold password or token hashes
    request.log.error({ err: { name: error.name, message: error.message, code: error.code, stack: error.stack } });
    return reply.status(500).send({ error: { code: 'internal', message: 'Internal error; it has been logged' } });
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new DomainError('not_found', 'error.not_found.route', { id: `${request.method} ${request.url}` });
    return reply
      .status(404)
      .send(error.body(languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage)));
  });

  await registerRoutes(app, ctx);
  await webAppRoutes(app, options.webDist);
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
