import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, Id } from '../../api/schema-helpers.ts';
import { crudRoutes, PermissionKeys } from '../config/index.ts';
import type { DomainContext } from '../context.ts';
import { setAgentGrant, setRoleGrant } from './commands/set-group-grant.ts';
import { GrantBody, GrantItem, GrantQuery } from './grant-schemas.ts';
import { GroupCreate, GroupItem, groupTable } from './group-table.ts';
import { listGrants } from './queries/list-grants.ts';

const tags = ['permissions'];

/** Groups, and the permissions agents and roles hold on them (OTRS "Agents ↔ Groups", "Roles ↔ Groups"). */
export async function groupRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/groups',
    plural: 'groups',
    table: groupTable,
    item: GroupItem,
    create: GroupCreate,
  });

  app.get(
    '/api/v1/permissions',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Grants as stored: agents’ direct ones and roles’ ones, by group, agent or role',
        querystring: GrantQuery,
        response: { 200: Type.Object({ items: Type.Array(GrantItem) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await listGrants(ctx, request.query) }),
  );

  app.put(
    '/api/v1/groups/:id/agents/:agentId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set the keys an agent holds directly on a group',
        params: Type.Object({ id: Id, agentId: Id }),
        body: GrantBody,
        response: {
          200: Type.Object({ groupId: Type.Integer(), agentId: Type.Integer(), permissions: PermissionKeys }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      setAgentGrant(ctx, actorOf(request), request.params.agentId, {
        groupId: request.params.id,
        permissions: request.body.permissions,
      }),
  );

  app.put(
    '/api/v1/groups/:id/roles/:roleId',
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: 'Set the keys a role holds on a group (every agent in the role gets them)',
        params: Type.Object({ id: Id, roleId: Id }),
        body: GrantBody,
        response: {
          200: Type.Object({ groupId: Type.Integer(), roleId: Type.Integer(), permissions: PermissionKeys }),
          ...errorResponses,
        },
      },
    },
    async (request) =>
      setRoleGrant(ctx, actorOf(request), request.params.roleId, {
        groupId: request.params.id,
        permissions: request.body.permissions,
      }),
  );
}
