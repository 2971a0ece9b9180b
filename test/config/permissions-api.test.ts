import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Api,
  apiAs,
  createKit,
  type Kit,
  makeGroup,
  makeQueue,
  PASSWORD,
  ticketWith,
  unique,
} from './config-kit.ts';
import { crudSuite } from './crud-suite.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(() => kit.t.close());
const k = () => kit;

crudSuite('queues', k, {
  path: '/api/v1/queues',
  create: (kit) => ({ name: unique('FEN Energia'), groupId: kit.desk.groupId }),
  search: (created) => String(created.name).toLowerCase(),
  update: () => ({ followUpPolicy: 'new_ticket', unlockTimeoutMinutes: 30, solutionMinutes: 2880 }),
  invalid: () => ({ body: { name: unique('FEN Energia'), groupId: 999_999 }, field: 'groupId' }),
  duplicate: (created, kit) => ({ body: { name: created.name, groupId: kit.desk.groupId }, field: 'name' }),
  use: async (kit, created) => {
    await ticketWith(kit, { queueId: created.id });
  },
});

crudSuite('groups', k, {
  path: '/api/v1/groups',
  create: () => ({ name: unique('tributi') }),
  search: (created) => String(created.name),
  update: () => ({ comments: 'Ufficio tributi' }),
  invalid: () => ({ body: { comments: 'senza nome' }, field: 'name' }),
  duplicate: (created) => ({ body: { name: created.name }, field: 'name' }),
  use: async (kit, created) => {
    await makeQueue(kit.t.ctx, created.id);
  },
});

crudSuite('roles', k, {
  path: '/api/v1/roles',
  create: () => ({ name: unique('Operatore tributi') }),
  search: (created) => String(created.name),
  update: () => ({ comments: 'Chi lavora le code dei tributi' }),
  invalid: () => ({ body: { name: 'x'.repeat(201) }, field: 'name' }),
  duplicate: (created) => ({ body: { name: created.name }, field: 'name' }),
  use: async (kit, created) => {
    const added = await kit.admin.put(`/api/v1/roles/${created.id}/agents/${kit.agentActor.agentId}`);
    expect(added.statusCode).toBe(204);
  },
});

describe('default rows and the admin group', () => {
  it('never deletes the four default queues', async () => {
    for (const id of [1, 2, 3, 4]) expect((await kit.admin.delete(`/api/v1/queues/${id}`)).statusCode).toBe(409);
  });

  it('keeps the admin group: not renamed, deactivated or deleted', async () => {
    for (const response of [
      await kit.admin.patch('/api/v1/groups/2', { name: 'capi' }),
      await kit.admin.patch('/api/v1/groups/2', { valid: false }),
      await kit.admin.delete('/api/v1/groups/2'),
    ]) {
      expect(response.statusCode).toBe(409);
    }
    expect((await kit.admin.patch('/api/v1/groups/2', { comments: 'Amministratori' })).statusCode).toBe(200);
    expect((await kit.admin.get('/api/v1/groups/2')).json()).toMatchObject({ name: 'admin', valid: true });
  });
});

describe('grants', () => {
  it('sets, lists and removes an agent’s keys on a group', async () => {
    const group = await makeGroup(kit.t.ctx);
    const agentId = kit.agentActor.agentId;
    const url = `/api/v1/groups/${group.id}/agents/${agentId}`;
    const set = await kit.admin.put(url, { permissions: ['note', 'ro'] });
    expect(set.json()).toEqual({ groupId: group.id, agentId, permissions: ['note', 'ro'] });
    const listed = (await kit.agent.get(`/api/v1/permissions?groupId=${group.id}`)).json().items;
    expect(listed).toEqual([
      {
        group: { id: group.id, name: group.name },
        agent: { id: agentId, login: kit.agentActor.login },
        role: null,
        permissions: ['ro', 'note'],
      },
    ]);
    const effective = (await kit.agent.get(`/api/v1/agents/${agentId}/permissions`)).json();
    expect(effective.isAdmin).toBe(false);
    expect(effective.groups).toContainEqual({ group: { id: group.id, name: group.name }, permissions: ['ro', 'note'] });

    expect((await kit.admin.put(url, { permissions: [] })).statusCode).toBe(200);
    expect((await kit.agent.get(`/api/v1/permissions?groupId=${group.id}`)).json().items).toEqual([]);

    const badKey = await kit.admin.put(url, { permissions: ['fly'] });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.field).toBe('permissions.0');
    expect((await kit.admin.put(`/api/v1/groups/999999/agents/${agentId}`, { permissions: ['ro'] })).statusCode).toBe(
      404,
    );
    expect((await kit.agent.put(url, { permissions: ['rw'] })).statusCode).toBe(403);
    expect((await kit.customer.get('/api/v1/permissions')).statusCode).toBe(403);
  });

  it('deletes a group that only has grants, and a role that only has grants', async () => {
    const group = (await kit.admin.post('/api/v1/groups', { name: unique('temporaneo') })).json();
    const role = (await kit.admin.post('/api/v1/roles', { name: unique('temporaneo') })).json();
    await kit.admin.put(`/api/v1/groups/${group.id}/agents/${kit.agentActor.agentId}`, { permissions: ['ro'] });
    await kit.admin.put(`/api/v1/groups/${group.id}/roles/${role.id}`, { permissions: ['ro'] });
    expect((await kit.admin.delete(`/api/v1/roles/${role.id}`)).statusCode).toBe(204);
    expect((await kit.admin.delete(`/api/v1/groups/${group.id}`)).statusCode).toBe(204);
    expect((await kit.agent.get(`/api/v1/permissions?agentId=${kit.agentActor.agentId}`)).json().items).toHaveLength(1);
  });
});

describe('a role’s move_into grant', () => {
  let mover: Api;
  let moverId: number;

  beforeAll(async () => {
    const login = unique('spostatore');
    const created = await kit.admin.post('/api/v1/agents', {
      login,
      firstName: 'Sara',
      lastName: 'Sposta',
      email: `${login}@comune.example`,
      password: PASSWORD,
      groups: [{ groupId: kit.desk.groupId, permissions: ['rw'] }],
    });
    moverId = created.json().id;
    mover = await apiAs(kit.t.app, login, PASSWORD);
  });

  const newTicket = async () => {
    const response = await mover.post('/api/v1/tickets', {
      title: 'Bolletta errata',
      queueId: kit.desk.queueId,
      article: { subject: 'Bolletta errata', body: 'Importo doppio' },
    });
    expect(response.statusCode).toBe(201);
    return response.json().ticket.id as number;
  };

  it('lets the agent move tickets into the group’s queues, until it is taken away', async () => {
    const target = (await kit.admin.post('/api/v1/groups', { name: unique('energia') })).json();
    const queue = (await kit.admin.post('/api/v1/queues', { name: unique('FEN Energia'), groupId: target.id })).json();
    const role = (await kit.admin.post('/api/v1/roles', { name: unique('Smistamento') })).json();
    const first = await newTicket();
    const second = await newTicket();
    const move = (id: number) => mover.post(`/api/v1/tickets/${id}/move`, { queueId: queue.id });

    expect((await move(first)).statusCode).toBe(403);

    await kit.admin.put(`/api/v1/groups/${target.id}/roles/${role.id}`, { permissions: ['move_into'] });
    expect((await move(first)).statusCode).toBe(403);
    expect((await kit.admin.put(`/api/v1/roles/${role.id}/agents/${moverId}`)).statusCode).toBe(204);
    const grants = (await kit.agent.get(`/api/v1/permissions?roleId=${role.id}`)).json().items;
    expect(grants).toEqual([
      {
        group: { id: target.id, name: target.name },
        agent: null,
        role: { id: role.id, name: role.name },
        permissions: ['move_into'],
      },
    ]);
    const effective = (await kit.agent.get(`/api/v1/agents/${moverId}/permissions`)).json().groups;
    expect(effective).toContainEqual({ group: { id: target.id, name: target.name }, permissions: ['move_into'] });

    const moved = await move(first);
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().queue).toEqual({ id: queue.id, name: queue.name });

    await kit.admin.put(`/api/v1/groups/${target.id}/roles/${role.id}`, { permissions: [] });
    expect((await move(second)).statusCode).toBe(403);

    await kit.admin.put(`/api/v1/groups/${target.id}/roles/${role.id}`, { permissions: ['move_into'] });
    expect((await kit.admin.delete(`/api/v1/roles/${role.id}/agents/${moverId}`)).statusCode).toBe(204);
    expect((await move(second)).statusCode).toBe(403);

    await kit.admin.put(`/api/v1/roles/${role.id}/agents/${moverId}`);
    await kit.admin.patch(`/api/v1/roles/${role.id}`, { valid: false });
    expect((await move(second)).statusCode).toBe(403);
    await kit.admin.patch(`/api/v1/roles/${role.id}`, { valid: true });
    expect((await move(second)).statusCode).toBe(200);
    const roles = (await kit.agent.get(`/api/v1/roles?agentId=${moverId}`)).json().items;
    expect(roles.map((r: { id: number }) => r.id)).toEqual([role.id]);
  });
});
