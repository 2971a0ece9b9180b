import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, Named, Nullable } from '../../api/schema-helpers.ts';
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
          'For the new-ticket form: your customers, the product modules (queues with a system address), the kinds of request (ticket types) and which kinds each customer is billed for today under its contracts',
        response: {
          200: Type.Object({
            customers: Type.Array(Type.Object({ id: Type.Integer(), name: Type.String(), isPrimary: Type.Boolean() })),
            modules: Type.Array(Named),
            kinds: Type.Array(Named),
            billing: Type.Array(
              Type.Object({
                customerId: Type.Integer(),
                kindId: Type.Integer(),
                billable: Type.Boolean({
                  description: 'billable without contract, and no valid contract of the customer includes it today',
                }),
                contract: Nullable(
                  Type.String({ description: 'the contract that includes a kind billable without contract' }),
                ),
              }),
              { description: 'for each of your customers and each kind: is the request billable today' },
            ),
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
