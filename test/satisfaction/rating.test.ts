import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { type Client, createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function deskWithCustomer() {
  const desk = await makeDesk(t.ctx);
  const customer = await makeCustomer(t.ctx);
  const user = await makeCustomerUser(t.ctx, [{ id: customer.id, isPrimary: true }]);
  await setPassword(t.ctx, 'customerUsers', user.id, 'secret-12');
  await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-12');
  const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id, {
    customerUserId: user.id,
    customerId: customer.id,
  });
  return {
    ...desk,
    ticket,
    customerClient: await login(t.app, user.login, 'secret-12', 'customer'),
    agentClient: await login(t.app, desk.agent.login, 'secret-12'),
  };
}

const put = (client: Client, url: string, payload: object) =>
  t.app.inject({ method: 'PUT', url, headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken }, payload });

describe('the satisfaction survey', () => {
  it('lets the customer rate a closed ticket, once it is closed; the agent sees the rating and the history row', async () => {
    const desk = await deskWithCustomer();
    const url = `/api/v1/tickets/${desk.ticket.id}/rating`;
    const early = await put(desk.customerClient, url, { rating: 5 });
    expect(early.statusCode).toBe(409);

    await closeTicket(t.ctx, desk.agent, desk.ticket.id, { successful: true });
    const rated = await put(desk.customerClient, url, { rating: 4, comment: ' Veloci e gentili ' });
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ rating: 4, comment: 'Veloci e gentili' });
    const again = await put(desk.customerClient, url, { rating: 5, comment: 'Anzi, ottimo' });
    expect(again.json()).toMatchObject({ rating: 5, comment: 'Anzi, ottimo' });

    expect((await desk.agentClient.get(url)).json().rating).toMatchObject({ rating: 5, comment: 'Anzi, ottimo' });
    const history = (await desk.agentClient.get(`/api/v1/tickets/${desk.ticket.id}/history`)).json() as {
      type: string;
    }[];
    expect(history.filter((row) => row.type === 'CustomerRating')).toHaveLength(2);
  });

  it('refuses agents, scores outside 1–5, and tickets the customer may not see', async () => {
    const desk = await deskWithCustomer();
    await closeTicket(t.ctx, desk.agent, desk.ticket.id, { successful: false });
    const url = `/api/v1/tickets/${desk.ticket.id}/rating`;
    expect((await put(desk.agentClient, url, { rating: 3 })).statusCode).toBe(403);
    const six = await put(desk.customerClient, url, { rating: 6 });
    expect(six.statusCode).toBe(400);
    expect(six.json().error.field).toContain('rating');
    const other = await deskWithCustomer();
    await closeTicket(t.ctx, other.agent, other.ticket.id, { successful: true });
    expect(
      (await put(desk.customerClient, `/api/v1/tickets/${other.ticket.id}/rating`, { rating: 1 })).statusCode,
    ).toBe(404);
    expect((await desk.customerClient.get(`/api/v1/tickets/${other.ticket.id}/rating`)).statusCode).toBe(404);
  });

  it('reports count, average, answers per score and comments over the tickets the agent may see', async () => {
    const desk = await deskWithCustomer();
    const second = await makeTicket(t.ctx, desk.agent, desk.queue.id, {
      customerUserId: (
        await t.ctx.db
          .selectFrom('tickets')
          .select('customerUserId')
          .where('id', '=', desk.ticket.id)
          .executeTakeFirstOrThrow()
      ).customerUserId,
    });
    for (const id of [desk.ticket.id, second.id]) await closeTicket(t.ctx, desk.agent, id, { successful: true });
    await put(desk.customerClient, `/api/v1/tickets/${desk.ticket.id}/rating`, { rating: 2, comment: 'Lenti' });
    await put(desk.customerClient, `/api/v1/tickets/${second.id}/rating`, { rating: 5 });

    const report = await desk.agentClient.get(
      `/api/v1/reports/satisfaction?from=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`,
    );
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    // the outsider of another desk sees none of these; this agent sees at least these two
    expect(body.byRating['2']).toBeGreaterThanOrEqual(1);
    expect(body.comments.find((c: { ticketId: number }) => c.ticketId === desk.ticket.id)).toMatchObject({
      rating: 2,
      comment: 'Lenti',
    });

    await setPassword(t.ctx, 'agents', desk.outsider.agentId, 'secret-12');
    const outsider = await login(t.app, desk.outsider.login, 'secret-12');
    expect((await outsider.get('/api/v1/reports/satisfaction')).json()).toMatchObject({ count: 0, average: null });
    expect((await desk.customerClient.get('/api/v1/reports/satisfaction')).statusCode).toBe(403);
  });
});
