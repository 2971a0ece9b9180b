import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/domain/permissions/load-actor.ts';
import { createTicket } from '../../server/domain/tickets/commands/create-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import {
  makeAgent,
  makeCustomer,
  makeCustomerUser,
  makeDesk,
  makeGroup,
  makeQueue,
  ticketInput,
} from '../support/factories.ts';
import { bearer, type Client, createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

describe('tickets API', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeDesk>>;
  let agent: Client;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeDesk(t.ctx);
    await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-1');
    agent = await login(t.app, desk.agent.login, 'secret-1');
  });
  afterAll(() => t.close());

  const newTicket = () => ({
    title: 'Variazione orario biblioteca',
    queueId: desk.queue.id,
    article: { subject: 'Variazione orario biblioteca', body: 'Nuovi orari dal 5/10/2018' },
  });

  it('creates a ticket and shows it with its article and history', async () => {
    const created = await agent.post('/api/v1/tickets', newTicket());
    expect(created.statusCode).toBe(201);
    const { ticket } = created.json();
    expect(ticket.tn).toMatch(/^\d{8}10\d{6}$/);
    expect(ticket.state.name).toBe('new');
    expect(ticket.owner.login).toBe(desk.agent.login);
    const articles = (await agent.get(`/api/v1/tickets/${ticket.id}/articles`)).json();
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      channel: 'phone',
      senderType: 'customer',
      subject: 'Variazione orario biblioteca',
    });
    const history = (await agent.get(`/api/v1/tickets/${ticket.id}/history`)).json();
    expect(history.map((row: { type: string }) => row.type)).toEqual(['NewTicket', 'PhoneCallCustomer']);
  });

  it('names the field at fault when the body is invalid, and writes nothing', async () => {
    const before = (await agent.get('/api/v1/tickets')).json().total;
    const response = await agent.post('/api/v1/tickets', { ...newTicket(), article: { subject: 'x' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', field: 'article.body' });
    const wrongQueue = await agent.post('/api/v1/tickets', { ...newTicket(), queueId: 999999 });
    expect(wrongQueue.statusCode).toBe(400);
    expect(wrongQueue.json().error.field).toBe('queueId');
    expect((await agent.get('/api/v1/tickets')).json().total).toBe(before);
  });

  it('refuses a state-changing request without the CSRF token', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers: { cookie: agent.cookie },
      payload: newTicket(),
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('csrf');
  });

  it('refuses requests without a session or token', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/tickets' });
    expect(response.statusCode).toBe(401);
  });

  it('answers in Italian when asked', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tickets',
      headers: { 'accept-language': 'it-IT,it;q=0.9' },
    });
    expect(response.json().error.message).toContain('Accedi');
  });

  it('accepts API tokens for agents and customer users; customers see only their tickets', async () => {
    const customer = await makeCustomer(t.ctx);
    const user = await makeCustomerUser(t.ctx, [{ id: customer.id }]);
    const other = await makeCustomerUser(t.ctx, [{ id: customer.id }]);
    const agentToken = (await agent.post('/api/v1/tokens', { name: 'script' })).json().token;
    const mine = await bearer(t.app, agentToken).post('/api/v1/tickets', {
      ...newTicket(),
      customerUserId: user.id,
    });
    expect(mine.statusCode).toBe(201);
    await bearer(t.app, agentToken).post('/api/v1/tickets', { ...newTicket(), customerUserId: other.id });
    const adminToken = (await agent.post('/api/v1/tokens', { name: 'portal', customerUserId: user.id })).statusCode;
    expect(adminToken).toBe(403);
    await setPassword(t.ctx, 'customerUsers', user.id, 'cust-pw');
    const customerClient = await login(t.app, user.login, 'cust-pw', 'customer');
    const customerToken = (await customerClient.post('/api/v1/tokens', { name: 'mine' })).json().token;
    const list = (await bearer(t.app, customerToken).get('/api/v1/tickets')).json();
    expect(list.total).toBe(1);
    expect(list.items[0].customerUser.login).toBe(user.login);
    expect(list.items[0]).not.toHaveProperty('owner');
    expect(list.items[0]).not.toHaveProperty('lock');
  });

  it('runs the manual’s lifecycle through the API', async () => {
    const { ticket } = (await agent.post('/api/v1/tickets', newTicket())).json();
    const url = `/api/v1/tickets/${ticket.id}`;
    expect((await agent.post(`${url}/lock`)).json().lock).toBe('lock');
    expect((await agent.post(`${url}/notes`, { subject: 'Verifica', body: 'Controllo impianto' })).statusCode).toBe(
      201,
    );
    const other = await t.ctx.db
      .insertInto('queues')
      .values({ name: 'FEN Energia', groupId: desk.group.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    const moved = (await agent.post(`${url}/move`, { queueId: other.id })).json();
    expect(moved.queue.name).toBe('FEN Energia');
    expect(moved.lock).toBe('unlock');
    const call = await agent.post(`${url}/phone-calls`, {
      direction: 'outbound',
      subject: 'Chiamata',
      body: 'Richiamato il cliente',
    });
    expect(call.statusCode).toBe(201);
    const pending = await agent.post(`${url}/state`, {
      stateId: 6,
      pendingUntil: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(pending.json().state.name).toBe('pending reminder');
    const closed = (await agent.post(`${url}/close`, { successful: true })).json();
    expect(closed.state.type).toBe('closed_successful');
    expect(closed.lock).toBe('unlock');
  });

  it('answers 204 to a move that takes the ticket out of the mover’s sight, and the move stands', async () => {
    const firstLevel = await makeGroup(t.ctx);
    const specialists = await makeGroup(t.ctx);
    const triage = await makeQueue(t.ctx, firstLevel.id);
    const second = await makeQueue(t.ctx, specialists.id);
    const mover = await makeAgent(t.ctx, [
      { groupId: firstLevel.id, permissions: ['rw'] },
      { groupId: specialists.id, permissions: ['move_into'] },
    ]);
    await setPassword(t.ctx, 'agents', mover.agentId, 'mover-pw1');
    const client = await login(t.app, mover.login, 'mover-pw1');
    // created by the postmaster, not by the mover: as its owner the mover would still see it
    const ticket = await createTicket(t.ctx, systemActor(), ticketInput(triage.id));

    const moved = await client.post(`/api/v1/tickets/${ticket.id}/move`, { queueId: second.id });

    expect(moved.statusCode).toBe(204);
    expect(moved.body).toBe('');
    expect((await client.get(`/api/v1/tickets/${ticket.id}`)).statusCode).toBe(404);
    const seen = await getTicket(t.ctx, systemActor(), ticket.id);
    expect(seen.queue).toEqual({ id: second.id, name: second.name });
  });

  it('serves the OpenAPI description', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json().paths)).toContain('/api/v1/tickets/{id}/move');
  });

  it('reports health', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ status: 'ok', database: { ok: true }, jobs: { ok: true } });
  });
});
