import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs, createKit, type Kit, makeQueue, PASSWORD, ticketWith, unique } from '../config/config-kit.ts';
import { makeAgent, makeCustomer, makeCustomerUser } from '../support/factories.ts';
import { setPassword } from '../support/test-app.ts';

let kit: Kit;
/** an agent with no group at all: sees no ticket of the desk */
let outsider: Api;
beforeAll(async () => {
  kit = await createKit();
  await kit.t.ctx.db
    .updateTable('agents')
    .set({ firstName: 'Mario', lastName: 'Rossi' })
    .where('id', '=', kit.agentActor.agentId)
    .execute();
  const stranger = await makeAgent(kit.t.ctx);
  await setPassword(kit.t.ctx, 'agents', stranger.agentId, PASSWORD);
  outsider = await apiAs(kit.t.app, stranger.login, PASSWORD);
});
afterAll(() => kit.t.close());

const PATH = '/api/v1/response-templates';

interface Template {
  id: number;
  name: string;
  text: string;
  comments: string;
  queueIds: number[];
  valid: boolean;
  createdAt: string;
}

async function createTemplate(body: Record<string, unknown>): Promise<Template> {
  const response = await kit.admin.post(PATH, { name: unique('Modello'), text: 'Testo', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

async function offered(ticketId: number, api: Api = kit.agent) {
  const response = await api.get(`/api/v1/tickets/${ticketId}/response-templates`);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().items as { id: number; name: string; text: string }[];
}

describe('/api/v1/response-templates', () => {
  it('creates, reads, finds, changes and deletes, with the queues it is offered in', async () => {
    const other = await makeQueue(kit.t.ctx, kit.desk.groupId);
    const created = await createTemplate({
      name: unique('Richiesta informazioni mancanti'),
      text: 'Gentile {customerFirstName}, ci servono altri dati.',
      comments: 'per i ticket incompleti',
      queueIds: [other.id, kit.desk.queueId],
    });
    expect(created).toMatchObject({
      text: 'Gentile {customerFirstName}, ci servono altri dati.',
      comments: 'per i ticket incompleti',
      queueIds: [kit.desk.queueId, other.id].sort((a, b) => a - b),
      valid: true,
    });
    expect(typeof created.createdAt).toBe('string');

    const one = await kit.agent.get(`${PATH}/${created.id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual(created);
    const found = await kit.agent.get(`${PATH}?q=${encodeURIComponent('altri dati')}`);
    expect(found.json().items.map((item: Template) => item.id)).toContain(created.id);

    const changed = await kit.admin.patch(`${PATH}/${created.id}`, { text: 'Nuovo testo', queueIds: [other.id] });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ text: 'Nuovo testo', queueIds: [other.id], name: created.name });
    // a change without queueIds leaves them alone; an empty list offers it everywhere
    const renamed = await kit.admin.patch(`${PATH}/${created.id}`, { comments: 'altro' });
    expect(renamed.json().queueIds).toEqual([other.id]);
    const everywhere = await kit.admin.patch(`${PATH}/${created.id}`, { queueIds: [] });
    expect(everywhere.json().queueIds).toEqual([]);
    await kit.admin.patch(`${PATH}/${created.id}`, { queueIds: [other.id] });

    const deleted = await kit.admin.delete(`${PATH}/${created.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect((await kit.agent.get(`${PATH}/${created.id}`)).statusCode).toBe(404);
    const links = await kit.t.ctx.db
      .selectFrom('queueResponseTemplates')
      .select('queueId')
      .where('templateId', '=', created.id)
      .execute();
    expect(links).toEqual([]);
  });

  it('lets only admins write, and customer users read nothing', async () => {
    const created = await createTemplate({});
    for (const response of [
      await kit.agent.post(PATH, { name: unique('Modello'), text: 'Testo' }),
      await kit.agent.patch(`${PATH}/${created.id}`, { text: 'Cambiato' }),
      await kit.agent.delete(`${PATH}/${created.id}`),
    ]) {
      expect(response.statusCode).toBe(403);
      expect(response.json().error.code).toBe('forbidden');
    }
    expect((await kit.agent.get(`${PATH}/${created.id}`)).json().text).toBe('Testo');
    expect((await kit.customer.get(PATH)).statusCode).toBe(403);
    expect((await kit.customer.get(`${PATH}/${created.id}`)).statusCode).toBe(403);
  });

  it('answers 409 naming the field for a duplicate name', async () => {
    const created = await createTemplate({});
    const response = await kit.admin.post(PATH, { name: created.name, text: 'Altro' });
    expect(response.statusCode, response.body).toBe(409);
    expect(response.json().error).toMatchObject({ code: 'conflict', field: 'name' });
    const other = await createTemplate({});
    const renamed = await kit.admin.patch(`${PATH}/${other.id}`, { name: created.name });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.field).toBe('name');
  });

  it('names queueIds for a missing or repeated queue, and writes nothing', async () => {
    const name = unique('Modello');
    const missing = await kit.admin.post(PATH, { name, text: 'Testo', queueIds: [999_999] });
    expect(missing.statusCode, missing.body).toBe(400);
    expect(missing.json().error).toMatchObject({ code: 'validation', field: 'queueIds' });
    const twice = await kit.admin.post(PATH, { name, text: 'Testo', queueIds: [kit.desk.queueId, kit.desk.queueId] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().error.field).toBe('queueIds');
    expect((await kit.agent.get(`${PATH}?q=${encodeURIComponent(name)}`)).json().total).toBe(0);
    const empty = await kit.admin.post(PATH, { name, text: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.field).toBe('text');
  });

  it('keeps a queue that still offers templates from being deleted', async () => {
    const queue = await makeQueue(kit.t.ctx, kit.desk.groupId);
    await createTemplate({ queueIds: [queue.id] });
    const refused = await kit.admin.delete(`/api/v1/queues/${queue.id}`);
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.code).toBe('conflict');
  });
});

describe('GET /api/v1/tickets/{id}/response-templates', () => {
  it('offers the valid templates for the ticket’s queue and those for every queue, by name', async () => {
    const queue = await makeQueue(kit.t.ctx, kit.desk.groupId);
    const elsewhere = await makeQueue(kit.t.ctx, kit.desk.groupId);
    const prefix = unique('T');
    const ours = await createTemplate({ name: `${prefix} b nostra`, queueIds: [queue.id] });
    const both = await createTemplate({ name: `${prefix} d entrambe`, queueIds: [elsewhere.id, queue.id] });
    const everywhere = await createTemplate({ name: `${prefix} a ovunque` });
    const theirs = await createTemplate({ name: `${prefix} c altrove`, queueIds: [elsewhere.id] });
    const inactive = await createTemplate({ name: `${prefix} e spenta`, valid: false });
    const inactiveHere = await createTemplate({ name: `${prefix} f spenta qui`, queueIds: [queue.id] });
    await kit.admin.patch(`${PATH}/${inactiveHere.id}`, { valid: false });
    const mine = [ours, both, everywhere, theirs, inactive, inactiveHere].map((template) => template.id);

    const ticket = await ticketWith(kit, { queueId: queue.id });
    const items = await offered(ticket.id);
    expect(items.filter((item) => mine.includes(item.id)).map((item) => item.id)).toEqual([
      everywhere.id,
      ours.id,
      both.id,
    ]);
    expect(Object.keys(items[0] ?? {}).sort()).toEqual(['id', 'name', 'text']);

    const there = await ticketWith(kit, { queueId: elsewhere.id });
    expect((await offered(there.id)).filter((item) => mine.includes(item.id)).map((item) => item.id)).toEqual([
      everywhere.id,
      theirs.id,
      both.id,
    ]);
  });

  it('fills in the customer, the ticket, the queue and the agent asking', async () => {
    const queue = await makeQueue(kit.t.ctx, kit.desk.groupId);
    const customer = await makeCustomer(kit.t.ctx);
    const user = await makeCustomerUser(kit.t.ctx, [{ id: customer.id, isPrimary: true }]);
    const template = await createTemplate({
      queueIds: [queue.id],
      text: [
        'Gentile {customerFirstName} {customerLastName},',
        'per il ticket {ticketNumber} ({ticketTitle}) della coda {queueName}:',
        '  1. primo passo',
        '{unknownVariable} resta com’è.',
        '{agentFirstName} {agentLastName}',
      ].join('\n'),
    });
    const ticket = await ticketWith(kit, { queueId: queue.id, title: 'Stampa avvisi TARI', customerUserId: user.id });
    const [item] = await offered(ticket.id);
    expect(item).toEqual({
      id: template.id,
      name: template.name,
      text: [
        'Gentile Paolo Cevoli,',
        `per il ticket ${ticket.tn} (Stampa avvisi TARI) della coda ${queue.name}:`,
        '  1. primo passo',
        '{unknownVariable} resta com’è.',
        'Mario Rossi',
      ].join('\n'),
    });

    // another agent asking signs with their own name
    const colleague = await makeAgent(kit.t.ctx, [{ groupId: kit.desk.groupId, permissions: ['ro'] }]);
    await setPassword(kit.t.ctx, 'agents', colleague.agentId, PASSWORD);
    const [theirs] = await offered(ticket.id, await apiAs(kit.t.app, colleague.login, PASSWORD));
    expect(theirs?.text.split('\n').at(-1)).toBe(`Test ${colleague.login}`);
  });

  it('without a customer user takes the name the customer wrote from; empty names leave no gaps', async () => {
    const queue = await makeQueue(kit.t.ctx, kit.desk.groupId);
    await createTemplate({ queueIds: [queue.id], text: 'Gentile {customerFirstName} {customerLastName},' });
    const email = await ticketWith(kit, {
      queueId: queue.id,
      article: {
        channel: 'email',
        senderType: 'customer',
        visibleToCustomer: true,
        from: 'Anna Maria Moretti <anna.moretti@comune.example>',
        to: 'tributi@helpdesk.example',
        subject: 'Certificato di residenza',
        bodyText: 'Buongiorno',
      },
    });
    expect((await offered(email.id))[0]?.text).toBe('Gentile Anna Maria Moretti,');
    const phone = await ticketWith(kit, { queueId: queue.id });
    expect((await offered(phone.id))[0]?.text).toBe('Gentile,');
  });

  it('is not found for an agent who cannot see the ticket, and refused to customer users', async () => {
    const ticket = await ticketWith(kit);
    const response = await outsider.get(`/api/v1/tickets/${ticket.id}/response-templates`);
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    expect((await kit.agent.get('/api/v1/tickets/999999/response-templates')).statusCode).toBe(404);
    expect((await kit.customer.get(`/api/v1/tickets/${ticket.id}/response-templates`)).statusCode).toBe(403);
  });
});
