import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentActor } from '../../server/domain/permissions/actor.ts';
import { systemActor } from '../../server/domain/permissions/load-actor.ts';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { setState } from '../../server/domain/tickets/commands/set-state.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeGroup, makeQueue, makeTicket } from '../support/factories.ts';
import { type Client, createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';
import { STATE } from '../tickets/helpers.ts';

const admin = systemActor();

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function loginAgent(agent: AgentActor): Promise<Client> {
  await setPassword(t.ctx, 'agents', agent.agentId, 'secret-1');
  return login(t.app, agent.login, 'secret-1');
}

/** PUT with the session of `client` (the test client has no put). */
function put(client: Client, url: string, payload: object) {
  return t.app.inject({
    method: 'PUT',
    url,
    headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
    payload,
  });
}

interface OverviewRow {
  queue: { id: number; name: string };
  new: number;
  open: number;
  pendingReminder: number;
  total: number;
}

interface StatsDay {
  date: string;
  created: number;
  closed: number;
}

describe('GET /api/v1/dashboard/queue-overview', () => {
  let agent: AgentActor;
  let client: Client;
  let alfa: { id: number; name: string };
  let bravo: { id: number; name: string };
  let charlie: { id: number; name: string };

  beforeAll(async () => {
    t.ctx.setNow(new Date('2025-06-15T10:00:00Z'));
    const worked = await makeGroup(t.ctx);
    const watched = await makeGroup(t.ctx);
    const foreign = await makeGroup(t.ctx);
    alfa = await makeQueue(t.ctx, worked.id, 'Alfa servizi demografici');
    bravo = await makeQueue(t.ctx, watched.id, 'Bravo tributi');
    charlie = await makeQueue(t.ctx, worked.id, 'Charlie protocollo');
    const hidden = await makeQueue(t.ctx, foreign.id, 'Delta riservata');
    const retired = await makeQueue(t.ctx, worked.id, 'Echo dismessa');
    // rw on one group, only ro on the other: both are readable
    agent = await makeAgent(t.ctx, [
      { groupId: worked.id, permissions: ['rw'] },
      { groupId: watched.id, permissions: ['ro'] },
    ]);
    client = await loginAgent(agent);

    const later = new Date('2025-07-01T08:00:00Z');
    const ticket = (queueId: number, stateId: number, pendingUntil?: Date) =>
      makeTicket(t.ctx, admin, queueId, { stateId, pendingUntil });
    // Alfa: 2 new, 1 open, 1 pending reminder; a closed and a pending auto close ticket are not counted
    await ticket(alfa.id, STATE.new);
    await ticket(alfa.id, STATE.new);
    await ticket(alfa.id, STATE.open);
    await ticket(alfa.id, STATE.pendingReminder, later);
    await ticket(alfa.id, STATE.pendingAutoClosePlus, later);
    const closed = await ticket(alfa.id, STATE.open);
    await closeTicket(t.ctx, admin, closed.id, { successful: true });
    // Bravo: 1 new, 2 open
    await ticket(bravo.id, STATE.new);
    await ticket(bravo.id, STATE.open);
    await ticket(bravo.id, STATE.open);
    // the agent may not read Delta; Echo is no longer valid
    await ticket(hidden.id, STATE.new);
    await ticket(hidden.id, STATE.open);
    await ticket(retired.id, STATE.new);
    await t.ctx.db.updateTable('queues').set({ valid: false }).where('id', '=', retired.id).execute();
  });

  it('counts new, open and pending reminder tickets of every queue the agent may read, by name', async () => {
    const response = await client.get('/api/v1/dashboard/queue-overview');
    expect(response.statusCode).toBe(200);
    expect(response.json<{ items: OverviewRow[] }>().items).toEqual([
      { queue: alfa, new: 2, open: 1, pendingReminder: 1, total: 4 },
      { queue: bravo, new: 1, open: 2, pendingReminder: 0, total: 3 },
      { queue: charlie, new: 0, open: 0, pendingReminder: 0, total: 0 },
    ]);
  });

  it('follows the tickets as they change state', async () => {
    const ticket = await makeTicket(t.ctx, admin, charlie.id);
    const before = await client.get('/api/v1/dashboard/queue-overview');
    expect(before.json<{ items: OverviewRow[] }>().items[2]).toMatchObject({ new: 1, total: 1 });
    await setState(t.ctx, admin, ticket.id, { stateId: STATE.open });
    const opened = await client.get('/api/v1/dashboard/queue-overview');
    expect(opened.json<{ items: OverviewRow[] }>().items[2]).toMatchObject({ new: 0, open: 1, total: 1 });
    await closeTicket(t.ctx, admin, ticket.id, { successful: false });
    const closed = await client.get('/api/v1/dashboard/queue-overview');
    expect(closed.json<{ items: OverviewRow[] }>().items[2]).toMatchObject({ new: 0, open: 0, total: 0 });
  });

  it('keeps to the agent’s "my queues" with myQueues=true', async () => {
    const url = `/api/v1/agents/${agent.agentId}/queues`;
    const none = await client.get('/api/v1/dashboard/queue-overview?myQueues=true');
    expect(none.json()).toEqual({ items: [] });
    expect((await put(client, url, { queueIds: [bravo.id] })).statusCode).toBe(200);
    const mine = await client.get('/api/v1/dashboard/queue-overview?myQueues=true');
    expect(mine.json()).toEqual({ items: [{ queue: bravo, new: 1, open: 2, pendingReminder: 0, total: 3 }] });
    const all = await client.get('/api/v1/dashboard/queue-overview?myQueues=false');
    expect(all.json<{ items: OverviewRow[] }>().items.map((row) => row.queue.name)).toEqual([
      alfa.name,
      bravo.name,
      charlie.name,
    ]);
  });

  it('shows an agent without any permission no queue', async () => {
    const nobody = await loginAgent(await makeAgent(t.ctx));
    const response = await nobody.get('/api/v1/dashboard/queue-overview');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ items: [] });
  });

  it('refuses an unknown query parameter, naming it', async () => {
    const response = await client.get('/api/v1/dashboard/queue-overview?queueId=1');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', field: 'queueId' });
  });
});

describe('GET /api/v1/dashboard/ticket-stats', () => {
  /** 23:30 in Rome, 17:30 in New York, already 06:30 of the next day in Tokyo */
  const NOW = new Date('2025-06-15T21:30:00Z');
  let client: Client;

  const daysOf = async (url: string) => {
    const response = await client.get(url);
    expect(response.statusCode).toBe(200);
    return response.json<{ timeZone: string; days: StatsDay[] }>();
  };
  /** the days with something, and how many days there are */
  const busy = (days: StatsDay[]) => days.filter((day) => day.created > 0 || day.closed > 0);

  beforeAll(async () => {
    const group = await makeGroup(t.ctx);
    const queue = await makeQueue(t.ctx, group.id);
    const elsewhere = await makeQueue(t.ctx, (await makeGroup(t.ctx)).id);
    const agent = await makeAgent(t.ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const at = (iso: string) => t.ctx.setNow(new Date(iso));

    // two days ago (Rome): one ticket created, closed today
    at('2025-06-13T09:00:00Z');
    const older = await makeTicket(t.ctx, agent, queue.id);
    // a week and a half ago: outside the default 7 days
    at('2025-06-05T12:00:00Z');
    await makeTicket(t.ctx, agent, queue.id);
    // today: three created; the older one closed; one closed, reopened and closed again (two closings)
    at('2025-06-15T08:00:00Z');
    await makeTicket(t.ctx, agent, queue.id);
    const twice = await makeTicket(t.ctx, agent, queue.id);
    await closeTicket(t.ctx, agent, older.id, { successful: true });
    await closeTicket(t.ctx, agent, twice.id, { successful: true });
    await setState(t.ctx, agent, twice.id, { stateId: STATE.open });
    await closeTicket(t.ctx, agent, twice.id, { successful: false });
    // late in the evening: still today in Rome, tomorrow in Tokyo
    at('2025-06-15T21:00:00Z');
    await makeTicket(t.ctx, agent, queue.id);
    // in a queue the agent may not see: created and closed today, never counted
    const unseen = await makeTicket(t.ctx, admin, elsewhere.id);
    await closeTicket(t.ctx, admin, unseen.id, { successful: true });

    t.ctx.setNow(NOW);
    client = await loginAgent(agent);
  });

  it('counts the tickets created and closed on each of the last 7 days, with zeros on quiet days', async () => {
    const stats = await daysOf('/api/v1/dashboard/ticket-stats?days=7&timeZone=Europe/Rome');
    expect(stats.timeZone).toBe('Europe/Rome');
    expect(stats.days).toEqual([
      { date: '2025-06-09', created: 0, closed: 0 },
      { date: '2025-06-10', created: 0, closed: 0 },
      { date: '2025-06-11', created: 0, closed: 0 },
      { date: '2025-06-12', created: 0, closed: 0 },
      { date: '2025-06-13', created: 1, closed: 0 },
      { date: '2025-06-14', created: 0, closed: 0 },
      { date: '2025-06-15', created: 3, closed: 3 },
    ]);
  });

  it('reads the calendar days in the time zone asked for', async () => {
    const tokyo = await daysOf('/api/v1/dashboard/ticket-stats?days=7&timeZone=Asia/Tokyo');
    expect(tokyo.days).toHaveLength(7);
    expect(tokyo.days[0]?.date).toBe('2025-06-10');
    expect(busy(tokyo.days)).toEqual([
      { date: '2025-06-13', created: 1, closed: 0 },
      { date: '2025-06-15', created: 2, closed: 3 },
      { date: '2025-06-16', created: 1, closed: 0 },
    ]);
    const newYork = await daysOf('/api/v1/dashboard/ticket-stats?days=3&timeZone=America/New_York');
    expect(newYork.days).toEqual([
      { date: '2025-06-13', created: 1, closed: 0 },
      { date: '2025-06-14', created: 0, closed: 0 },
      { date: '2025-06-15', created: 3, closed: 3 },
    ]);
  });

  it('defaults to 7 days in the server’s time zone, and reaches back up to 31 days', async () => {
    const stats = await daysOf('/api/v1/dashboard/ticket-stats');
    expect(stats.timeZone).toBe(t.ctx.config.timeZone);
    expect(stats.days).toHaveLength(7);
    const month = await daysOf('/api/v1/dashboard/ticket-stats?days=31&timeZone=Europe/Rome');
    expect(month.days).toHaveLength(31);
    expect(month.days[0]?.date).toBe('2025-05-16');
    expect(busy(month.days)).toEqual([
      { date: '2025-06-05', created: 1, closed: 0 },
      { date: '2025-06-13', created: 1, closed: 0 },
      { date: '2025-06-15', created: 3, closed: 3 },
    ]);
    const today = await daysOf('/api/v1/dashboard/ticket-stats?days=1&timeZone=Europe/Rome');
    expect(today.days).toEqual([{ date: '2025-06-15', created: 3, closed: 3 }]);
  });

  it('refuses an unknown time zone or a span out of range, naming the field', async () => {
    for (const zone of ['Mars/Olympus_Mons', 'UTC+3', '+02:00', 'Europe/Rome; DROP TABLE tickets']) {
      const response = await client.get(`/api/v1/dashboard/ticket-stats?timeZone=${encodeURIComponent(zone)}`);
      expect(response.statusCode, zone).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation', field: 'timeZone' });
    }
    for (const days of ['0', '32', 'week']) {
      const response = await client.get(`/api/v1/dashboard/ticket-stats?days=${days}`);
      expect(response.statusCode, days).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation', field: 'days' });
    }
  });
});

describe('dashboard access', () => {
  it('is for agents: a customer user gets 403, nobody logged in 401', async () => {
    const customer = await makeCustomer(t.ctx);
    const user = await makeCustomerUser(t.ctx, [{ id: customer.id, canSeeAll: true }]);
    await setPassword(t.ctx, 'customerUsers', user.id, 'cust-pw-1');
    const portal = await login(t.app, user.login, 'cust-pw-1', 'customer');
    for (const url of ['/api/v1/dashboard/queue-overview', '/api/v1/dashboard/ticket-stats']) {
      const refused = await portal.get(url);
      expect(refused.statusCode, url).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
    }
  });
});
