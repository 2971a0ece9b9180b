import { type Static, type TObject, Type } from '@sinclair/typebox';
import type { FastifyTypeProviderDefault } from 'fastify';
import type { App } from '../../api/app.ts';
import { actorOf } from '../../api/route-access.ts';
import { errorResponses, IdParams } from '../../api/schema-helpers.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';
import { type ListQuery, listQuery, pageOf, updateOf } from './api-schemas.ts';
import { createConfigRow } from './commands/create-config-row.ts';
import { deleteConfigRow } from './commands/delete-config-row.ts';
import { updateConfigRow } from './commands/update-config-row.ts';
import type { ConfigTable } from './config-table.ts';
import { getConfigRow } from './queries/get-config-row.ts';
import { listConfigRows } from './queries/list-config-rows.ts';

export interface CrudDefinition<C extends TObject, I extends TObject> {
  /** e.g. /api/v1/queues */
  path: string;
  /** plural, for the OpenAPI summaries and tag: "queues" */
  plural: string;
  table: ConfigTable<Static<C>, Static<I>>;
  item: I;
  create: C;
  /** extra list filters (numbers) the table's `filters` understands */
  filters?: TObject;
  /** who may read: agents by default; 'admin' for objects holding secrets (mail accounts' passwords) */
  readAccess?: 'agent' | 'admin';
  /** the domain's own commands, where it has them (createAgent…); the shared ones otherwise */
  commands?: {
    create?: (actor: Actor, body: Static<C>) => Promise<Static<I>>;
    update?: (actor: Actor, id: number, body: Partial<Static<C>>) => Promise<Static<I>>;
  };
}

/**
 * The five routes of a configuration object. Agents read (they pick queues, states and customers
 * all day), admins write; customer users get none of it.
 */
export function crudRoutes<C extends TObject, I extends TObject>(
  app: App,
  ctx: DomainContext,
  def: CrudDefinition<C, I>,
) {
  // Types from generic schemas are beyond the TypeBox provider: the route generics state them
  // instead, and bodies, which Fastify has validated against def.create, are taken as such.
  const routes = app.withTypeProvider<FastifyTypeProviderDefault>();
  type Body = Static<C>;
  type Params = { id: number };
  const tags = [def.plural];
  const { table } = def;
  const filterNames = Object.keys(def.filters?.properties ?? {});
  const create = def.commands?.create ?? ((actor, body) => createConfigRow(ctx, actor, table, body));
  const update = def.commands?.update ?? ((actor, id, body) => updateConfigRow(ctx, actor, table, id, body));

  routes.get<{ Querystring: ListQuery & Record<string, unknown> }>(
    def.path,
    {
      config: { access: def.readAccess ?? 'agent' },
      schema: {
        tags,
        summary: `List ${def.plural} (search with q, filter by valid, page by page)`,
        querystring: listQuery(def.filters?.properties ?? {}),
        response: { 200: pageOf(def.item), ...errorResponses },
      },
    },
    async (request) => {
      const { q, valid, page, pageSize, ...rest } = request.query;
      const filters: Record<string, number> = {};
      for (const name of filterNames) {
        const value = rest[name];
        if (typeof value === 'number') filters[name] = value;
      }
      return listConfigRows(ctx, table, { q, valid, page, pageSize, filters });
    },
  );

  routes.get<{ Params: Params }>(
    `${def.path}/:id`,
    {
      config: { access: def.readAccess ?? 'agent' },
      schema: {
        tags,
        summary: `One of the ${def.plural}`,
        params: IdParams,
        response: { 200: def.item, ...errorResponses },
      },
    },
    async (request) => getConfigRow(ctx, table, request.params.id),
  );

  routes.post(
    def.path,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: `Create one of the ${def.plural}`,
        body: def.create,
        response: { 201: def.item, ...errorResponses },
      },
    },
    async (request, reply) => {
      const created = await create(actorOf(request), request.body as Body);
      return reply.status(201).send(created);
    },
  );

  routes.patch<{ Params: Params }>(
    `${def.path}/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: `Change one of the ${def.plural}; {"valid": false} deactivates it`,
        params: IdParams,
        body: updateOf(def.create),
        response: { 200: def.item, ...errorResponses },
      },
    },
    async (request) => update(actorOf(request), request.params.id, request.body as Partial<Body>),
  );

  routes.delete<{ Params: Params }>(
    `${def.path}/:id`,
    {
      config: { access: 'admin' },
      schema: {
        tags,
        summary: `Delete one of the ${def.plural} that nothing refers to`,
        params: IdParams,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteConfigRow(ctx, actorOf(request), table, request.params.id);
      return reply.status(204).send();
    },
  );
}
