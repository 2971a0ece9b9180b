import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setOwner } from '../../server/domain/tickets/commands/set-owner.ts';
import { makeAgent, makeCustomer, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/tickets by creation date (the search screen\'s "dates")', () => {
  it('keeps the tickets created in [createdFrom, createdBefore), with the total', async () => {
    const desk = await makeDesk(t.ctx);
    const titles = ['primo giorno', 'secondo giorno', 'terzo giorno'];
    for (const [day, title] of titles.entries()) {
      t.ctx.setNow(new Date(`2026-03-0${day + 1}T10:00:00Z`));
      await makeTicket(t.ctx, desk.agent, desk.queue.id, { title });
    }
    t.ctx.setNow(new Date('2026-03-10T10:00:00Z'));
    await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-12');
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const list = async (query: string) => {
      const response = await agent.get(`/api/v1/tickets?queueId=${desk.queue.id}&${query}`);
      expect(response.statusCode, response.body).toBe(200);
      return response.json() as { total: number; items: { title: string }[] };
    };
    const second = await list('createdFrom=2026-03-02T00:00:00Z&createdBefore=2026-03-03T00:00:00Z');
    expect(second.items.map((item) => item.title)).toEqual(['secondo giorno']);
    expect(second.total).toBe(1);
    const fromSecond = await list('createdFrom=2026-03-02T00:00:00Z&sort=created&order=asc');
    expect(fromSecond.items.map((item) => item.title)).toEqual(['secondo giorno', 'terzo giorno']);

    const bad = await agent.get(`/api/v1/tickets?createdFrom=yesterday`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toContain('createdFrom');
  });
});

describe('GET /api/v1/tickets sorted by owner or customer (every column of the list sorts)', () => {
  it("orders by the owner's name and by the customer's name", async () => {
    const desk = await makeDesk(t.ctx);
    const zeta = await makeAgent(t.ctx, [{ groupId: desk.group.id, permissions: ['rw'] }], 'zeta-owner');
    const alfa = await makeAgent(t.ctx, [{ groupId: desk.group.id, permissions: ['rw'] }], 'alfa-owner');
    const bianchi = await makeCustomer(t.ctx, 'Comune di Bianchi');
    const verdi = await makeCustomer(t.ctx, 'Comune di Verdi');
    const first = await makeTicket(t.ctx, desk.agent, desk.queue.id, { title: 'uno', customerId: verdi.id });
    const second = await makeTicket(t.ctx, desk.agent, desk.queue.id, { title: 'due', customerId: bianchi.id });
    await setOwner(t.ctx, desk.agent, first.id, alfa.agentId);
    await setOwner(t.ctx, desk.agent, second.id, zeta.agentId);
    await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-12');
    const agent = await login(t.app, desk.agent.login, 'secret-12');
    const titles = async (query: string) =>
      (
        (await agent.get(`/api/v1/tickets?queueId=${desk.queue.id}&${query}`)).json() as { items: { title: string }[] }
      ).items.map((item) => item.title);
    expect(await titles('sort=owner&order=asc')).toEqual(['uno', 'due']);
    expect(await titles('sort=owner&order=desc')).toEqual(['due', 'uno']);
    expect(await titles('sort=customer&order=asc')).toEqual(['due', 'uno']);
  });
});
