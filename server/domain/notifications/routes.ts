import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { DateTime, errorResponses, IdParams, Nullable } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import { getNotificationPreferences, setNotificationPreferences } from './preferences.ts';
import { ticketNotifications } from './ticket-notifications.ts';

const On = (description: string) => Type.Boolean({ description });
const Preferences = Type.Object(
  {
    new_ticket: On('a new ticket in one of my queues'),
    follow_up: On('a customer wrote on my ticket (or, unlocked, on one in my queues)'),
    lock_changed: On('my ticket was locked or unlocked by someone else'),
    moved: On('a ticket was moved into one of my queues'),
    owner_changed: On('I became the owner of a ticket'),
    responsible_changed: On('I became responsible for a ticket'),
    note_added: On('someone added a note to my ticket'),
    pending_reminder: On('the reminder time of my ticket was reached'),
    send_failed: On('an email of my ticket could not be sent'),
  },
  { additionalProperties: false },
);
const tags = ['agents'];

const Delivery = Type.Object({
  id: Type.Integer(),
  eventId: Type.Integer(),
  kind: Type.String({ description: 'new_ticket, follow_up, owner_changed, …, customer_reply, customer_closed' }),
  agentId: Nullable(Type.Integer()),
  customerUserId: Nullable(Type.Integer()),
  address: Type.String(),
  language: Type.String(),
  subject: Type.String(),
  status: Type.Union([Type.Literal('queued'), Type.Literal('sent'), Type.Literal('failed')]),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
  createdAt: DateTime,
  sentAt: Nullable(DateTime),
});

/** /api/v1/agents/{id}/notification-preferences: which notifications an agent gets by email. */
export async function notificationRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/agents/:id/notification-preferences',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Which notifications the agent gets by email (their own; admins: anyone’s); all on by default',
        params: IdParams,
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => getNotificationPreferences(ctx, actorOf(request), request.params.id),
  );

  app.put(
    '/api/v1/agents/:id/notification-preferences',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Turn notifications on or off (those not named keep their setting)',
        params: IdParams,
        body: Type.Partial(Preferences, { additionalProperties: false, minProperties: 1 }),
        response: { 200: Preferences, ...errorResponses },
      },
    },
    async (request) => setNotificationPreferences(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/tickets/:id/notifications',
    {
      config: { access: 'agent' },
      schema: {
        tags: ['tickets'],
        summary: 'Email notifications the ticket’s events caused: recipient, status, attempts, last error',
        params: IdParams,
        response: { 200: Type.Array(Delivery), ...errorResponses },
      },
    },
    async (request) => ticketNotifications(ctx, actorOf(request), request.params.id),
  );
}
