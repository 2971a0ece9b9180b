import { Type } from '@sinclair/typebox';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, Id, IdParams, Named } from '../../api/schema-helpers.ts';
import { crudRoutes, PermissionKeys } from '../config/index.ts';
import type { DomainContext } from '../context.ts';
import { AgentCreate, AgentItem } from './agent-schemas.ts';
import { agentTable } from './agent-table.ts';
import { createAgent } from './commands/create-agent.ts';
import { setMyQueues } from './commands/set-my-queues.ts';
import { updateAgent } from './commands/update-agent.ts';
import { effectivePermissions } from './queries/effective-permissions.ts';
import { myQueues } from './queries/my-queues.ts';

const tags = ['agents'];
const QueueList = Type.Object({ items: Type.Array(Named) });

/** Agents, their effective permissions and their "my queues". Password hashes never leave. */
export async function agentRoutes(app: App, ctx: DomainContext) {
  crudRoutes(app, ctx, {
    path: '/api/v1/agents',
    plural: 'agents',
    table: agentTable,
    item: AgentItem,
    create: AgentCreate,
    commands: {
      create: (actor, body) => createAgent(ctx, actor, body),
      update: (actor, id, body) => updateAgent(ctx, actor, id, body),
    },
  });

  app.get(
    '/api/v1/agents/:id/permissions',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'What the agent may do per group: direct grants and their roles’ grants together',
        params: IdParams,
        response: {
          200: Type.Object({
            isAdmin: Type.Boolean(),
            groups: Type.Array(Type.Object({ group: Named, permissions: PermissionKeys })),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => effectivePermissions(ctx, request.params.id),
  );

  app.get(
    '/api/v1/agents/:id/queues',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'The agent’s "my queues" (their own; admins: anyone’s)',
        params: IdParams,
        response: { 200: QueueList, ...errorResponses },
      },
    },
    async (request) => ({ items: await myQueues(ctx, actorOf(request), request.params.id) }),
  );

  app.put(
    '/api/v1/agents/:id/queues',
    {
      config: { access: 'agent' },
      schema: {
        tags,
        summary: 'Choose the agent’s "my queues" (queues they may read); replaces the list',
        params: IdParams,
        body: Type.Object({ queueIds: Type.Array(Id, { maxItems: 1000 }) }, { additionalProperties: false }),
        response: { 200: QueueList, ...errorResponses },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      await setMyQueues(ctx, actor, request.params.id, request.body.queueIds);
      return { items: await myQueues(ctx, actor, request.params.id) };
    },
  );
}
