import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, Named } from '../../api/schema-helpers.ts';
import { DomainError } from '../../platform/errors.ts';
import type { DomainContext } from '../context.ts';
import { newTicketOptions } from './new-ticket-options.ts';

/** /api/v1/portal: what the customer portal's screens need beyond the ticket routes. */
export async function portalRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/portal/new-ticket-options',
    {
      config: { access: 'customer' },
      schema: {
        tags: ['portal'],
        summary:
          'For the new-ticket form: your customers, the product modules (queues with a system address) and the kinds of request (ticket types)',
        response: {
          200: Type.Object({
            customers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), isPrimary: Type.Boolean() })),
            modules: Type.Array(Named),
            kinds: Type.Array(Named),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      if (actor.kind !== 'customer') throw new DomainError('forbidden', 'error.customer_forbidden');
      return newTicketOptions(ctx, actor);
    },
  );
}
