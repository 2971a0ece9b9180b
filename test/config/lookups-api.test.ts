import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, createKit, type Kit, makeQueue, PASSWORD, ticketWith, unique } from './config-kit.ts';
import { crudSuite } from './crud-suite.ts';

let kit: Kit;
beforeAll(async () => {
  kit = await createKit();
});
afterAll(() => kit.t.close());
const k = () => kit;

crudSuite('states', k, {
  path: '/api/v1/states',
  create: () => ({ name: unique('in lavorazione'), type: 'open' }),
  search: (created) => String(created.name),
  update: () => ({ comments: 'Ticket in lavorazione presso il fornitore' }),
  invalid: () => ({ body: { name: unique('stato'), type: 'sleeping' }, field: 'type' }),
  duplicate: (created) => ({ body: { name: created.name, type: 'open' }, field: 'name' }),
  use: async (kit, created) => {
    await ticketWith(kit, { stateId: created.id });
  },
});

crudSuite('priorities', k, {
  path: '/api/v1/priorities',
  create: () => ({ name: unique('6 urgentissima') }),
  search: (created) => String(created.name),
  update: () => ({ name: unique('6 critica') }),
  invalid: () => ({ body: {}, field: 'name' }),
  duplicate: (created) => ({ body: { name: created.name }, field: 'name' }),
  use: async (kit, created) => {
    await ticketWith(kit, { priorityId: created.id });
  },
});

crudSuite('ticket types', k, {
  path: '/api/v1/ticket-types',
  create: () => ({ name: unique('Richiesta') }),
  search: (created) => String(created.name),
  update: () => ({ comments: 'Richieste di servizio' }),
  invalid: () => ({ body: { name: '' }, field: 'name' }),
  duplicate: (created) => ({ body: { name: created.name }, field: 'name' }),
  use: async (kit, created) => {
    await ticketWith(kit, { typeId: created.id });
  },
});

crudSuite('services', k, {
  path: '/api/v1/services',
  create: () => ({ name: unique('Tributi') }),
  search: (created) => String(created.name),
  update: () => ({ comments: 'Servizi tributari' }),
  invalid: () => ({ body: { name: unique('Tributi'), parentId: 999_999 }, field: 'parentId' }),
  duplicate: (created) => ({ body: { name: created.name }, field: 'name' }),
  use: async (kit, created) => {
    const sla = await kit.admin.post('/api/v1/slas', { name: unique('Gold'), serviceIds: [created.id] });
    expect(sla.statusCode).toBe(201);
  },
});

crudSuite('SLAs', k, {
  path: '/api/v1/slas',
  create: () => ({ name: unique('Gold'), solutionMinutes: 480 }),
  search: (created) => String(created.name),
  update: () => ({ firstResponseMinutes: 60, calendar: '1' }),
  invalid: () => ({ body: { name: unique('Gold'), serviceIds: [999_999] }, field: 'serviceIds' }),
  duplicate: (created) => ({ body: { name: created.name }, field: 'name' }),
  use: async (kit, created) => {
    await ticketWith(kit, { slaId: created.id });
  },
});

crudSuite('system addresses', k, {
  path: '/api/v1/system-addresses',
  create: () => ({ email: `${unique('tributi')}@comune.example`, displayName: 'Ufficio Tributi' }),
  search: (created) => String(created.email).toUpperCase(),
  update: () => ({ displayName: 'Ufficio Tributi e Tasse' }),
  invalid: () => ({ body: { email: 'not an address', displayName: 'x' }, field: 'email' }),
  duplicate: (created) => ({ body: { email: created.email, displayName: 'Altro' }, field: 'email' }),
  use: async (kit, created) => {
    const queue = await kit.admin.post('/api/v1/queues', {
      name: unique('Tributi'),
      groupId: kit.desk.groupId,
      systemAddressId: created.id,
    });
    expect(queue.statusCode).toBe(201);
  },
});

describe('lookup tables', () => {
  it('never deletes the nine default states or the default priority', async () => {
    for (const id of [1, 2, 3, 4, 5, 6, 7, 8, 9]) {
      const response = await kit.admin.delete(`/api/v1/states/${id}`);
      expect(response.statusCode).toBe(409);
      expect(response.json().error.message).toContain('default data');
    }
    expect((await kit.admin.delete('/api/v1/priorities/3')).statusCode).toBe(409);
    expect((await kit.agent.get('/api/v1/states?pageSize=100')).json().total).toBeGreaterThanOrEqual(9);
  });

  it('says "in use" in Italian too', async () => {
    const type = (await kit.admin.post('/api/v1/ticket-types', { name: unique('Guasto') })).json();
    await ticketWith(kit, { typeId: type.id });
    const italian = await apiAs(kit.t.app, kit.adminLogin, PASSWORD, 'agent', 'it');
    const response = await italian.delete(`/api/v1/ticket-types/${type.id}`);
    expect(response.statusCode).toBe(409);
    expect(response.json().error.message).toBe(
      `Non si può eliminare il tipo di ticket ${type.id}, che è ancora in uso: si può solo disattivare`,
    );
  });

  it('pages through a search', async () => {
    const prefix = unique('pagina');
    for (const n of [1, 2, 3]) await kit.admin.post('/api/v1/priorities', { name: `${prefix} ${n}` });
    const second = (await kit.agent.get(`/api/v1/priorities?q=${prefix}&pageSize=2&page=2`)).json();
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(second.items.map((item: { name: string }) => item.name)).toEqual([`${prefix} 3`]);
    const literal = (await kit.agent.get('/api/v1/priorities?q=%25%25')).json();
    expect(literal.total).toBe(0);
  });

  it('keeps a deactivated priority on its tickets but offers it for no new one', async () => {
    const priority = (await kit.admin.post('/api/v1/priorities', { name: unique('4 alta') })).json();
    const old = await ticketWith(kit, { priorityId: priority.id });
    await kit.admin.patch(`/api/v1/priorities/${priority.id}`, { valid: false });
    const ticket = (await kit.agent.get(`/api/v1/tickets/${old.id}`)).json();
    expect(ticket.priority).toMatchObject({ id: priority.id, name: priority.name });
    const refused = await kit.agent.post('/api/v1/tickets', {
      title: 'Guasto',
      queueId: kit.desk.queueId,
      priorityId: priority.id,
      article: { subject: 'Guasto', body: 'Non funziona' },
    });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.field).toBe('priorityId');
  });

  it('keeps services a tree', async () => {
    const parent = (await kit.admin.post('/api/v1/services', { name: unique('Anagrafe') })).json();
    const child = (
      await kit.admin.post('/api/v1/services', { name: unique('Anagrafe::Certificati'), parentId: parent.id })
    ).json();
    expect(child.parentId).toBe(parent.id);
    const children = (await kit.agent.get(`/api/v1/services?parentId=${parent.id}`)).json();
    expect(children.items.map((item: { id: number }) => item.id)).toEqual([child.id]);
    for (const parentId of [child.id, parent.id]) {
      const loop = await kit.admin.patch(`/api/v1/services/${parent.id}`, { parentId });
      expect(loop.statusCode).toBe(400);
      expect(loop.json().error.field).toBe('parentId');
    }
    expect((await kit.admin.delete(`/api/v1/services/${parent.id}`)).statusCode).toBe(409);
    const top = await kit.admin.patch(`/api/v1/services/${child.id}`, { parentId: null });
    expect(top.statusCode, top.body).toBe(200);
    expect(top.json().parentId).toBeNull();
  });

  it('links SLAs to their services', async () => {
    const a = (await kit.admin.post('/api/v1/services', { name: unique('Rifiuti') })).json();
    const b = (await kit.admin.post('/api/v1/services', { name: unique('Acqua') })).json();
    const sla = (await kit.admin.post('/api/v1/slas', { name: unique('Silver'), serviceIds: [a.id, b.id] })).json();
    expect(sla.serviceIds).toEqual([a.id, b.id].sort((x, y) => x - y));
    const forA = (await kit.agent.get(`/api/v1/slas?serviceId=${a.id}`)).json();
    expect(forA.items.map((item: { id: number }) => item.id)).toEqual([sla.id]);
    const changed = (await kit.admin.patch(`/api/v1/slas/${sla.id}`, { serviceIds: [b.id] })).json();
    expect(changed.serviceIds).toEqual([b.id]);
    const twice = await kit.admin.patch(`/api/v1/slas/${sla.id}`, { serviceIds: [a.id, a.id] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.field).toBe('serviceIds');
    expect((await kit.agent.get(`/api/v1/slas/${sla.id}`)).json().serviceIds).toEqual([b.id]);
    expect((await kit.admin.delete(`/api/v1/slas/${sla.id}`)).statusCode).toBe(204);
    expect((await kit.admin.delete(`/api/v1/services/${b.id}`)).statusCode).toBe(204);
  });

  it('routes mail of a system address to its queue', async () => {
    const queue = await makeQueue(kit.t.ctx, kit.desk.groupId);
    const address = (
      await kit.admin.post('/api/v1/system-addresses', {
        email: `${unique('urp')}@comune.example`,
        displayName: 'URP',
        queueId: queue.id,
      })
    ).json();
    expect(address.queueId).toBe(queue.id);
    const byQueue = (await kit.agent.get(`/api/v1/system-addresses?queueId=${queue.id}`)).json();
    expect(byQueue.items.map((item: { id: number }) => item.id)).toEqual([address.id]);
    const missing = await kit.admin.patch(`/api/v1/system-addresses/${address.id}`, { queueId: 999_999 });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error).toMatchObject({ field: 'queueId', message: 'Queue 999999 does not exist' });
  });
});
