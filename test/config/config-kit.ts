import type { LightMyRequestResponse } from 'fastify';
import type { App } from '../../server/api/app.ts';
import type { AgentActor } from '../../server/domain/permissions/actor.ts';
import { loadAgentActor, systemActor } from '../../server/domain/permissions/load-actor.ts';
import type { CreateTicketInput } from '../../server/domain/tickets/commands/create-ticket.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeGroup, makeQueue, makeTicket } from '../support/factories.ts';
import { createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

let serial = 0;
/** Names no other test file (or earlier test) uses. */
export const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

export interface Api {
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, payload?: object): Promise<LightMyRequestResponse>;
  patch(url: string, payload: object): Promise<LightMyRequestResponse>;
  put(url: string, payload?: object): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

/** A logged-in client that also speaks PUT; messages in English unless asked otherwise. */
export async function apiAs(app: App, who: string, password: string, as: 'agent' | 'customer' = 'agent', lang = 'en') {
  const session = await login(app, who, password, as);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'accept-language': lang };
  const send = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, payload?: object) =>
    app.inject({ method, url, headers, ...(payload === undefined ? {} : { payload }) });
  const api: Api = {
    get: (url) => send('GET', url),
    post: (url, payload) => send('POST', url, payload ?? {}),
    patch: (url, payload) => send('PATCH', url, payload),
    put: (url, payload) => send('PUT', url, payload ?? {}),
    delete: (url) => send('DELETE', url),
  };
  return api;
}

export interface Kit {
  t: TestApp;
  /** an agent with rw on the admin group */
  admin: Api;
  adminLogin: string;
  /** an agent with rw on the desk's group, not an admin */
  agent: Api;
  agentActor: AgentActor;
  /** a customer user of one customer */
  customer: Api;
  desk: { groupId: number; queueId: number };
}

const PASSWORD = 'password-1';

/** A fresh database with an admin, a plain agent and a customer user, all logged in. */
export async function createKit(): Promise<Kit> {
  const t = await createTestApp();
  const group = await makeGroup(t.ctx);
  const queue = await makeQueue(t.ctx, group.id);
  const admin = await makeAgent(t.ctx, [{ groupId: 2, permissions: ['rw'] }]);
  const agent = await makeAgent(t.ctx, [{ groupId: group.id, permissions: ['rw'] }]);
  const company = await makeCustomer(t.ctx);
  const user = await makeCustomerUser(t.ctx, [{ id: company.id }]);
  await setPassword(t.ctx, 'agents', admin.agentId, PASSWORD);
  await setPassword(t.ctx, 'agents', agent.agentId, PASSWORD);
  await setPassword(t.ctx, 'customerUsers', user.id, PASSWORD);
  return {
    t,
    admin: await apiAs(t.app, admin.login, PASSWORD),
    adminLogin: admin.login,
    agent: await apiAs(t.app, agent.login, PASSWORD),
    agentActor: agent,
    customer: await apiAs(t.app, user.login, PASSWORD, 'customer'),
    desk: { groupId: group.id, queueId: queue.id },
  };
}

/** A ticket in the desk's queue, opened by the system user unless an agent is given. */
export function ticketWith(kit: Kit, overrides: Partial<CreateTicketInput> = {}, actor: AgentActor = systemActor()) {
  return makeTicket(kit.t.ctx, actor, overrides.queueId ?? kit.desk.queueId, overrides);
}

export async function actorFor(kit: Kit, agentId: number): Promise<AgentActor> {
  const actor = await loadAgentActor(kit.t.ctx.db, agentId);
  if (!actor) throw new Error(`agent ${agentId} is not active`);
  return actor;
}

export { makeGroup, makeQueue, PASSWORD };
