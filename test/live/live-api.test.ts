import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentActor } from '../../server/domain/permissions/actor.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { makeAgent, makeDesk, makeTicket } from '../support/factories.ts';
import { type Client, createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

let t: TestApp;
let url: string;
let desk: Awaited<ReturnType<typeof makeDesk>>;
beforeAll(async () => {
  t = await createTestApp();
  url = await t.app.listen({ host: '127.0.0.1', port: 0 });
  desk = await makeDesk(t.ctx);
});
afterAll(() => t.close());

async function loginAgent(agent: AgentActor): Promise<Client> {
  await setPassword(t.ctx, 'agents', agent.agentId, 'secret-12');
  return login(t.app, agent.login, 'secret-12');
}

/** Opens the event stream as the web app does and collects what arrives. */
async function openStream(client: Client) {
  const controller = new AbortController();
  const response = await fetch(`${url}/api/v1/events`, {
    headers: { cookie: client.cookie },
    signal: controller.signal,
  });
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  let text = '';
  const read = async (until: (text: string) => boolean, ms: number) => {
    const deadline = Date.now() + ms;
    while (!until(text) && Date.now() < deadline) {
      const chunk = await Promise.race([
        reader.read(),
        new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now())),
      ]);
      if (chunk && !chunk.done) text += decoder.decode(chunk.value);
    }
    return text;
  };
  await read((seen) => seen.includes(': ready'), 5_000);
  return { read, close: () => controller.abort() };
}

const ticketEvents = (text: string) =>
  [...text.matchAll(/event: ticket\ndata: (.*)\n/g)].map(
    (m) => JSON.parse(m[1] ?? '{}') as { ticketId: number; type: string },
  );

describe('GET /api/v1/events (server-sent events)', () => {
  it('tells an agent of a change to a ticket in their queues within a second, and not an agent without access', async () => {
    const agent = await loginAgent(desk.agent);
    const outsider = await loginAgent(desk.outsider);
    const mine = await openStream(agent);
    const theirs = await openStream(outsider);
    const started = Date.now();
    const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id);
    const text = await mine.read((seen) => ticketEvents(seen).some((e) => e.ticketId === ticket.id), 3_000);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(ticketEvents(text)).toContainEqual({ ticketId: ticket.id, type: 'ticket.created' });

    await lockTicket(t.ctx, desk.agent, ticket.id);
    const more = await mine.read((seen) => ticketEvents(seen).length >= 2, 3_000);
    expect(ticketEvents(more).map((e) => e.type)).toContain('ticket.locked');

    const other = await theirs.read(() => false, 1_200);
    expect(ticketEvents(other)).toEqual([]);
    mine.close();
    theirs.close();
  });

  it('refuses customer users and anonymous callers', async () => {
    const anonymous = await fetch(`${url}/api/v1/events`);
    expect(anonymous.status).toBe(401);
  });
});

describe('PUT /api/v1/tickets/{id}/viewers/me (presence)', () => {
  it('tells each of two agents that the other has the ticket open, until one leaves', async () => {
    const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id);
    const first = await loginAgent(desk.agent);
    const colleagueActor = await makeAgent(t.ctx, [{ groupId: desk.group.id, permissions: ['rw'] }]);
    const colleague = { actor: colleagueActor, client: await loginAgent(colleagueActor) };
    const put = (client: Client) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/v1/tickets/${ticket.id}/viewers/me`,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
      });
    expect((await put(first)).json()).toEqual({ others: [] });
    const seen = (await put(colleague.client)).json() as { others: { agentId: number; name: string }[] };
    expect(seen.others).toEqual([{ agentId: desk.agent.agentId, name: `Test ${desk.agent.login}` }]);
    expect((await put(first)).json().others.map((o: { agentId: number }) => o.agentId)).toEqual([
      colleague.actor.agentId,
    ]);

    expect((await colleague.client.delete(`/api/v1/tickets/${ticket.id}/viewers/me`)).statusCode).toBe(204);
    expect((await put(first)).json()).toEqual({ others: [] });
  });

  it('forgets a viewer who stopped refreshing for 30 seconds', async () => {
    const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id);
    const gone = await makeAgent(t.ctx, [{ groupId: desk.group.id, permissions: ['ro'] }]);
    await t.ctx.db
      .insertInto('ticketViewers')
      .values({ ticketId: ticket.id, agentId: gone.agentId, seenAt: new Date(Date.now() - 31_000) })
      .execute();
    const agent = await loginAgent(desk.agent);
    const answer = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/tickets/${ticket.id}/viewers/me`,
      headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrfToken },
    });
    expect(answer.json()).toEqual({ others: [] });
  });

  it('is refused on a ticket the agent may not see', async () => {
    const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id);
    const outsider = await loginAgent(desk.outsider);
    const answer = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/tickets/${ticket.id}/viewers/me`,
      headers: { cookie: outsider.cookie, 'x-csrf-token': outsider.csrfToken },
    });
    expect(answer.statusCode).toBe(404);
  });
});
