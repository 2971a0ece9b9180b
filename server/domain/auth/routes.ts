import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { SESSION_COOKIE } from '../../api/authenticate.ts';
import { actorOf } from '../../api/route-access.ts';
import { DateTime, ErrorBody, errorResponses, Id, IdParams, NoContent, Nullable } from '../../api/schema-helpers.ts';
import { DomainError } from '../../platform/errors.ts';
import type { DomainContext } from '../context.ts';
import { passwordResetRoutes } from './password-reset/routes.ts';
import { setMyPreferences } from './preferences.ts';
import { createSession, deleteSession } from './sessions.ts';
import { createToken, listTokens, revokeToken } from './tokens.ts';
import { whoAmI } from './who-am-i.ts';

const tags = ['auth'];
const Me = Type.Object({
  kind: Type.Union([Type.Literal('agent'), Type.Literal('customer')]),
  id: Type.Integer(),
  login: Type.String(),
  name: Type.String(),
  email: Type.String(),
  language: Type.String(),
  isAdmin: Type.Boolean(),
  timeZone: Type.String({ description: "the person's time zone, else the server's TIME_ZONE" }),
});
const TokenRow = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  agentId: Nullable(Type.Integer()),
  customerUserId: Nullable(Type.Integer()),
  expiresAt: Nullable(DateTime),
  revokedAt: Type.Optional(Nullable(DateTime)),
  lastUsedAt: Type.Optional(Nullable(DateTime)),
  createdAt: DateTime,
});

/** Sessions (cookie + CSRF token) for the web apps, API tokens for programs. */
export async function authRoutes(app: App, ctx: DomainContext) {
  app.post(
    '/api/v1/sessions',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'Log in: sets the session cookie and returns the CSRF token to send as X-CSRF-Token',
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
            as: Type.Optional(Type.Union([Type.Literal('agent'), Type.Literal('customer')])),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ csrfToken: Type.String(), me: Me }), ...errorResponses, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const as = request.body.as ?? 'agent';
      const session = await createSession(ctx, { ...request.body, as }).catch((error: unknown) => {
        // too many failed logins: say when to try again in the header too (RFC 9110 Retry-After)
        if (error instanceof DomainError && error.code === 'too_many_requests') {
          reply.header('retry-after', String(error.params.seconds));
        }
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, session.secret, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: ctx.config.publicUrl.startsWith('https:'),
        maxAge: 16 * 3600,
      });
      reply.status(201);
      return { csrfToken: session.csrfToken, me: await whoAmI(ctx, as, session.userId) };
    },
  );

  app.get(
    '/api/v1/sessions/current',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'Who is logged in; with a session cookie, also its CSRF token (for a web app that was reloaded)',
        response: {
          200: Type.Composite([Me, Type.Object({ csrfToken: Type.Optional(Type.String()) })]),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const me = await whoAmI(ctx, actor.kind, actor.kind === 'agent' ? actor.agentId : actor.customerUserId);
      return request.csrfToken ? { ...me, csrfToken: request.csrfToken } : me;
    },
  );

  app.patch(
    '/api/v1/sessions/current/preferences',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'Your own language and time zone (null: the server’s TIME_ZONE)',
        body: Type.Object(
          {
            language: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])),
            timeZone: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: Me, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await setMyPreferences(ctx, actor, request.body);
      return whoAmI(ctx, actor.kind, actor.kind === 'agent' ? actor.agentId : actor.customerUserId);
    },
  );

  app.delete(
    '/api/v1/sessions/current',
    { config: { access: 'any' }, schema: { tags, summary: 'Log out', response: NoContent } },
    async (request, reply) => {
      const secret = request.cookies[SESSION_COOKIE];
      if (secret) await deleteSession(ctx, secret);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/tokens',
    {
      config: { access: 'any' },
      schema: {
        tags,
        summary: 'Create an API token (for yourself; admins also for others). The token is shown only once.',
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 100 }),
            agentId: Type.Optional(Id),
            customerUserId: Type.Optional(Id),
            expiresAt: Type.Optional(Nullable(DateTime)),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Composite([TokenRow, Type.Object({ token: Type.String() })]), ...errorResponses },
      },
    },
    async (request, reply) => {
      const { expiresAt, ...rest } = request.body;
      const token = await createToken(ctx, actorOf(request), {
        ...rest,
        expiresAt: expiresAt ? new Date(expiresAt) : null,
      });
      reply.status(201);
      return token;
    },
  );

  app.get(
    '/api/v1/tokens',
    {
      config: { access: 'any' },
      schema: { tags, summary: 'Your API tokens (admins: all)', response: { 200: Type.Array(TokenRow) } },
    },
    async (request) => listTokens(ctx, actorOf(request)),
  );

  app.delete(
    '/api/v1/tokens/:id',
    {
      config: { access: 'any' },
      schema: { tags, summary: 'Revoke an API token', params: IdParams, response: NoContent },
    },
    async (request, reply) => {
      await revokeToken(ctx, actorOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  // forgotten password: a link by email, then a new password with its token
  await passwordResetRoutes(app, ctx);
}
