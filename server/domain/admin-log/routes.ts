import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { DateTime, errorResponses, Id, Nullable } from '../../api/schema-helpers.ts';
import { pageOf } from '../config/api-schemas.ts';
import type { DomainContext } from '../context.ts';
import { listAdminChanges } from './list-admin-changes.ts';

const AdminChangeItem = Type.Object({
  id: Type.Integer(),
  changedAt: DateTime,
  agent: Nullable(
    Type.Object({ id: Type.Integer(), login: Type.String(), name: Type.String() }, { description: 'null: the system' }),
  ),
  objectType: Type.String({ description: "the table changed: 'queues', 'agents', 'api_tokens'…" }),
  objectId: Nullable(Type.Integer()),
  objectName: Nullable(Type.String({ description: 'its name, login or title when the change was made' })),
  action: Type.String({ description: "'create', 'update', 'delete' or a specific verb: 'grant', 'revoke'…" }),
  changes: Type.Record(Type.String(), Type.Unknown(), {
    description: '{"field": {"from": x, "to": y}} for updates, the fields for create and delete; secrets as "***"',
  }),
});

const AdminChangeQuery = Type.Object(
  {
    objectType: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    objectId: Type.Optional(Id),
    agentId: Type.Optional(Id),
    q: Type.Optional(Type.String({ maxLength: 200, description: "part of the object's name or type" })),
    from: Type.Optional(Type.String({ format: 'date-time', description: 'changed at or after' })),
    before: Type.Optional(Type.String({ format: 'date-time', description: 'changed before' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  },
  { additionalProperties: false },
);

/** The admin change log, for admins. */
export async function adminLogRoutes(app: App, ctx: DomainContext) {
  app.get(
    '/api/v1/admin-changes',
    {
      config: { access: 'admin' },
      schema: {
        tags: ['admin change log'],
        summary: 'Every change to the configuration, newest first: who, when, what (filter by object, agent, time)',
        querystring: AdminChangeQuery,
        response: { 200: pageOf(AdminChangeItem), ...errorResponses },
      },
    },
    async (request) => listAdminChanges(ctx, actorOf(request), request.query),
  );
}
