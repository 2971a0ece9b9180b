import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, Id, IdParams, NoContent } from '../../api/schema-helpers.ts';
import { crudRoutes } from '../config/index.ts';
import type { DomainContext } from '../context.ts';
import { addRoleMember } from './commands/add-role-member.ts';
import { removeRoleMember } from './commands/remove-role-member.ts';
import { roleMembers } from './queries/role-members.ts';
import { RoleCreate, RoleItem, roleTable } from './role-table.ts';

const tags = ['roles'];
const MemberParams = Type.Object({ id: Id, agentId: Id });
const Member = Type.Object({
  id: Type.Integer(),
  login: Type.String(),
  firstName: Type.String(),
  lastName: Type.String(),
  valid: Type.Boolean(),
});

/** Roles and their members (OTRS "Agents ↔ Roles"); the roles' grants are set under /groups. */
export async function roleRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/roles',
    plural: 'roles',
    table: roleTable,
    item: RoleItem,
    create: RoleCreate,
    filters: Type.Object({ agentId: Type.Optional(Id) }),
  });

  app.get(
    '/api/v1/roles/:id/agents',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'The agents in a role',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(Member) }), ...errorResponses },
      },
    },
    async (request) => ({ items: await roleMembers(ctx, request.params.id) }),
  );

  app.put(
    '/api/v1/roles/:id/agents/:agentId',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Put an agent in a role', params: MemberParams, response: NoContent },
    },
    async (request, reply) => {
      await addRoleMember(ctx, actorOf(request), request.params.id, request.params.agentId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/roles/:id/agents/:agentId',
    {
      config: { access: 'admin' },
      schema: { tags, summary: 'Take an agent out of a role', params: MemberParams, response: NoContent },
    },
    async (request, reply) => {
      await removeRoleMember(ctx, actorOf(request), request.params.id, request.params.agentId);
      return reply.status(204).send(null);
    },
  );
}
