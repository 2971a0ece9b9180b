import { Type } from '@sinclair/typebox';
import type { App } from '../../../api/app.ts';
import { errorResponses } from '../../../api/schema-helpers.ts';
import { languageFrom, translate } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import { confirmPasswordReset } from './confirm-reset.ts';
import { requestPasswordReset } from './request-reset.ts';

const tags = ['auth'];
const As = Type.Union([Type.Literal('agent'), Type.Literal('customer')]);

/** "Forgotten password": a link by email, then a new password with the link's token. Both public. */
export async function passwordResetRoutes(app: App, ctx: DomainContext) {
  app.post(
    '/api/v1/password-resets',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          'Forgotten password: emails a link (valid 60 minutes) to the agent or customer user with this login, if there is one. ' +
          'Always 202 with the same body, whether the login exists or not; at most 3 emails per person per hour.',
        body: Type.Object(
          { login: Type.String({ minLength: 1, maxLength: 200 }), as: Type.Optional(As) },
          { additionalProperties: false },
        ),
        response: { 202: Type.Object({ message: Type.String() }), ...errorResponses },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, { login: request.body.login, as: request.body.as ?? 'agent' });
      reply.status(202);
      return {
        message: translate(
          languageFrom(request.headers['accept-language'], ctx.config.defaultLanguage),
          'password_reset.requested',
        ),
      };
    },
  );

  app.post(
    '/api/v1/password-resets/confirm',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary:
          "Sets a new password (at least 8 characters) with a link's token; ends the person's sessions. " +
          'An unknown, used or expired token answers 400 invalid_token.',
        body: Type.Object(
          {
            token: Type.String({ minLength: 1, maxLength: 200 }),
            password: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ login: Type.String(), as: As }), ...errorResponses },
      },
    },
    async (request) => confirmPasswordReset(ctx, request.body),
  );
}
