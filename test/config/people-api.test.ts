import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../server/domain/agents/index.ts';
import { systemActor } from '../../server/domain/permissions/load-actor.ts';
import { DomainError } from '../../server/platform/errors.ts';
import { actorFor, apiAs, createKit, type Kit, makeGroup, makeQueue, ticketWith, unique } from './config-kit.ts';
import { crudSuite } from './crud-suite.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(() => kit.t.close());
const k = () => kit;

const agentBody = () => {
  const login = unique('mrossi');
  return { login, firstName: 'Mario', lastName: 'Rossi', email: `${login}@comune.example` };
};
const customerUserBody = () => {
  const login = unique('pcevoli');
  return { login, firstName: 'Paolo', lastName: 'Cevoli', email: `${login}@unione.example` };
};

crudSuite('agents', k, {
  path: '/api/v1/agents',
  create: agentBody,
  search: (created) => String(created.email).slice(0, 12),
  update: () => ({ lastName: 'Bianchi', language: 'en', timeZone: 'Europe/Rome' }),
  invalid: () => ({ body: { ...agentBody(), email: 'no-at-sign' }, field: 'email' }),
  duplicate: (created) => ({ body: { ...agentBody(), login: created.login }, field: 'login' }),
  use: async (kit, created) => {
    await kit.admin.put(`/api/v1/groups/${kit.desk.groupId}/agents/${created.id}`, { permissions: ['rw'] });
    await ticketWith(kit, {}, await actorFor(kit, created.id));
  },
});

crudSuite('customers', k, {
  path: '/api/v1/customers',
  create: () => ({ customerKey: unique('UNIONE'), name: unique('Unione dei Comuni della Romagna') }),
  search: (created) => String(created.name).toLowerCase(),
  update: () => ({ city: 'Forlì', zip: '47121', url: 'https://unione.example' }),
  invalid: () => ({ body: { name: 'Comune di Bertinoro' }, field: 'customerKey' }),
  duplicate: (created) => ({ body: { customerKey: created.customerKey, name: 'Altro' }, field: 'customerKey' }),
  use: async (kit, created) => {
    const user = await kit.admin.post('/api/v1/customer-users', {
      ...customerUserBody(),
      customers: [{ customerId: created.id }],
    });
    expect(user.statusCode).toBe(201);
  },
});

crudSuite('customer users', k, {
  path: '/api/v1/customer-users',
  create: customerUserBody,
  search: (created) => String(created.login),
  update: () => ({ phone: '+39 0543 712111', comments: 'Referente tributi' }),
  invalid: () => ({ body: { ...customerUserBody(), customers: [{ customerId: 999_999 }] }, field: 'customers' }),
  duplicate: (created) => ({ body: { ...customerUserBody(), login: created.login }, field: 'login' }),
  use: async (kit, created) => {
    await ticketWith(kit, { customerUserId: created.id });
  },
});

describe('agents', () => {
  it('takes a password of 8 characters or more and never shows its hash', async () => {
    const short = await kit.admin.post('/api/v1/agents', { ...agentBody(), password: 'corta' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ field: 'password', message: expect.stringContaining('8') });

    const body = { ...agentBody(), password: 'lunga-abbastanza' };
    const created = await kit.admin.post('/api/v1/agents', body);
    expect(created.statusCode).toBe(201);
    expect(created.json().hasPassword).toBe(true);
    for (const response of [
      created,
      await kit.agent.get(`/api/v1/agents/${created.json().id}`),
      await kit.agent.get('/api/v1/agents?pageSize=500'),
    ]) {
      expect(response.body).not.toContain('scrypt');
      expect(response.body).not.toContain('password');
    }
    await apiAs(kit.t.app, body.login, 'lunga-abbastanza');

    const cleared = await kit.admin.patch(`/api/v1/agents/${created.json().id}`, { password: null, timeZone: null });
    expect(cleared.json(), cleared.body).toMatchObject({ hasPassword: false, timeZone: null });
    await expect(apiAs(kit.t.app, body.login, 'lunga-abbastanza')).rejects.toThrow('login failed');
  });

  it('lets a deactivated agent log in no more', async () => {
    const body = { ...agentBody(), password: 'lunga-abbastanza' };
    const created = (await kit.admin.post('/api/v1/agents', body)).json();
    await kit.admin.patch(`/api/v1/agents/${created.id}`, { valid: false });
    await expect(apiAs(kit.t.app, body.login, 'lunga-abbastanza')).rejects.toThrow('login failed');
  });

  it('never deletes agent 1, the system user', async () => {
    const response = await kit.admin.delete('/api/v1/agents/1');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
  });

  it('creates agents with groups named by name (sportello agent add)', async () => {
    const group = await makeGroup(kit.t.ctx);
    const agent = await createAgent(kit.t.ctx, systemActor(), {
      ...agentBody(),
      password: 'lunga-abbastanza',
      groups: [
        { groupName: group.name, permissions: ['ro', 'note'] },
        { groupId: 1, permissions: ['rw'] },
      ],
    });
    const grants = (await kit.agent.get(`/api/v1/permissions?agentId=${agent.id}`)).json().items;
    expect(grants).toEqual([
      {
        group: { id: group.id, name: group.name },
        agent: { id: agent.id, login: agent.login },
        role: null,
        permissions: ['ro', 'note'],
      },
      { group: { id: 1, name: 'users' }, agent: { id: agent.id, login: agent.login }, role: null, permissions: ['rw'] },
    ]);

    const unknown = createAgent(kit.t.ctx, systemActor(), {
      ...agentBody(),
      groups: [{ groupName: 'no such group', permissions: ['rw'] }],
    });
    await expect(unknown).rejects.toMatchObject({ code: 'validation', field: 'groups.0.groupName' });
    const both = createAgent(kit.t.ctx, systemActor(), {
      ...agentBody(),
      groups: [{ groupId: 1, groupName: 'users', permissions: ['rw'] }],
    });
    await expect(both).rejects.toBeInstanceOf(DomainError);
    await expect(both).rejects.toMatchObject({ field: 'groups.0' });
    const weak = createAgent(kit.t.ctx, systemActor(), { ...agentBody(), password: '1234567' });
    await expect(weak).rejects.toMatchObject({ field: 'password' });
    const notAdmin = createAgent(kit.t.ctx, kit.agentActor, agentBody());
    await expect(notAdmin).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('replaces direct grants and roles on update', async () => {
    const role = (await kit.admin.post('/api/v1/roles', { name: unique('Tributi') })).json();
    const created = (
      await kit.admin.post('/api/v1/agents', { ...agentBody(), groups: [{ groupId: 1, permissions: ['ro'] }] })
    ).json();
    const changed = await kit.admin.patch(`/api/v1/agents/${created.id}`, {
      groups: [{ groupId: kit.desk.groupId, permissions: ['move_into', 'note'] }],
      roleIds: [role.id],
    });
    expect(changed.statusCode).toBe(200);
    const grants = (await kit.agent.get(`/api/v1/permissions?agentId=${created.id}`)).json().items;
    expect(grants).toHaveLength(1);
    expect(grants[0]).toMatchObject({ group: { id: kit.desk.groupId }, permissions: ['move_into', 'note'] });
    const members = (await kit.agent.get(`/api/v1/roles/${role.id}/agents`)).json().items;
    expect(members.map((m: { id: number }) => m.id)).toEqual([created.id]);
    const missingRole = await kit.admin.patch(`/api/v1/agents/${created.id}`, { roleIds: [999_999] });
    expect(missingRole.json().error.field).toBe('roleIds');
  });

  it('deletes an agent who never worked, with their grants, roles, queues and sessions', async () => {
    const body = { ...agentBody(), password: 'lunga-abbastanza', groups: [{ groupId: 1, permissions: ['rw'] }] };
    const created = (await kit.admin.post('/api/v1/agents', body)).json();
    const self = await apiAs(kit.t.app, body.login, body.password);
    const queue = await makeQueue(kit.t.ctx, 1);
    expect((await self.put(`/api/v1/agents/${created.id}/queues`, { queueIds: [queue.id] })).statusCode).toBe(200);
    expect((await kit.admin.delete(`/api/v1/agents/${created.id}`)).statusCode).toBe(204);
    expect((await self.get('/api/v1/queues')).statusCode).toBe(401);
  });
});

describe('my queues', () => {
  it('are the agent’s own to choose, among queues they may read; admins choose for anyone', async () => {
    const me = kit.agentActor.agentId;
    const mine = await kit.agent.put(`/api/v1/agents/${me}/queues`, { queueIds: [kit.desk.queueId] });
    expect(mine.statusCode).toBe(200);
    expect(mine.json().items.map((q: { id: number }) => q.id)).toEqual([kit.desk.queueId]);
    expect((await kit.agent.get(`/api/v1/agents/${me}/queues`)).json().items).toHaveLength(1);

    const other = (
      await kit.admin.post('/api/v1/agents', { ...agentBody(), groups: [{ groupId: 1, permissions: ['ro'] }] })
    ).json();
    const notMine = await kit.agent.put(`/api/v1/agents/${other.id}/queues`, { queueIds: [] });
    expect(notMine.statusCode).toBe(403);
    expect((await kit.agent.get(`/api/v1/agents/${other.id}/queues`)).statusCode).toBe(403);
    const byAdmin = await kit.admin.put(`/api/v1/agents/${other.id}/queues`, { queueIds: [2, 4] });
    expect(byAdmin.json().items.map((q: { name: string }) => q.name)).toEqual(['Misc', 'Raw']);

    const unreadable = await kit.agent.put(`/api/v1/agents/${me}/queues`, { queueIds: [1] });
    expect(unreadable.statusCode).toBe(400);
    expect(unreadable.json().error.field).toBe('queueIds');
    const missing = await kit.agent.put(`/api/v1/agents/${me}/queues`, { queueIds: [999_999] });
    expect(missing.json().error.field).toBe('queueIds');
    expect((await kit.customer.get(`/api/v1/agents/${me}/queues`)).statusCode).toBe(403);

    const listed = await kit.agent.get('/api/v1/tickets?myQueues=true');
    expect(listed.statusCode).toBe(200);
  });
});

describe('customer users', () => {
  it('work for several customers, one of them primary', async () => {
    const a = (
      await kit.admin.post('/api/v1/customers', { customerKey: unique('CA'), name: 'Comune di Forlì' })
    ).json();
    const b = (
      await kit.admin.post('/api/v1/customers', { customerKey: unique('CB'), name: 'Comune di Cesena' })
    ).json();
    const user = await kit.admin.post('/api/v1/customer-users', {
      ...customerUserBody(),
      password: 'lunga-abbastanza',
      customers: [
        { customerId: a.id, isPrimary: true },
        { customerId: b.id, canSeeAll: false },
      ],
    });
    expect(user.statusCode).toBe(201);
    expect(user.json().customers).toEqual([
      { customerId: a.id, customerKey: a.customerKey, name: a.name, isPrimary: true, canSeeAll: true },
      { customerId: b.id, customerKey: b.customerKey, name: b.name, isPrimary: false, canSeeAll: false },
    ]);
    expect(user.body).not.toContain('scrypt');
    const ofB = (await kit.agent.get(`/api/v1/customer-users?customerId=${b.id}`)).json();
    expect(ofB.items.map((u: { id: number }) => u.id)).toEqual([user.json().id]);

    const twoPrimaries = await kit.admin.patch(`/api/v1/customer-users/${user.json().id}`, {
      customers: [
        { customerId: a.id, isPrimary: true },
        { customerId: b.id, isPrimary: true },
      ],
    });
    expect(twoPrimaries.statusCode).toBe(400);
    expect(twoPrimaries.json().error.field).toBe('customers');
    const twice = await kit.admin.patch(`/api/v1/customer-users/${user.json().id}`, {
      customers: [{ customerId: a.id }, { customerId: a.id }],
    });
    expect(twice.json().error.field).toBe('customers');

    const portal = await apiAs(kit.t.app, user.json().login, 'lunga-abbastanza', 'customer');
    expect((await portal.get('/api/v1/customers')).statusCode).toBe(403);
    expect((await portal.get('/api/v1/customer-users')).statusCode).toBe(403);
    expect((await portal.get('/api/v1/agents')).statusCode).toBe(403);

    const moved = await kit.admin.patch(`/api/v1/customer-users/${user.json().id}`, {
      customers: [{ customerId: b.id }],
    });
    expect(moved.json().customers.map((c: { customerId: number }) => c.customerId)).toEqual([b.id]);
    expect((await kit.admin.delete(`/api/v1/customers/${a.id}`)).statusCode).toBe(204);
    expect((await kit.admin.delete(`/api/v1/customer-users/${user.json().id}`)).statusCode).toBe(204);
    expect((await kit.admin.delete(`/api/v1/customers/${b.id}`)).statusCode).toBe(204);
  });
});
