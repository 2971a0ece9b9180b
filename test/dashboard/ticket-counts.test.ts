import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../server/domain/permissions/load-actor.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { setResponsible } from '../../server/domain/tickets/commands/set-responsible.ts';
import { makeAgent, makeDesk, makeGroup, makeQueue, makeTicket } from '../support/factories.ts';
import { createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';
import { STATE } from '../tickets/helpers.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('GET /api/v1/dashboard/ticket-counts', () => {
  it("gives for each widget and filter the same number as the ticket list's total", async () => {
    const desk = await makeDesk(t.ctx);
    const second = await makeQueue(t.ctx, desk.group.id);
    const hidden = await makeQueue(t.ctx, (await makeGroup(t.ctx)).id);
    const me = await makeAgent(t.ctx, [{ groupId: desk.group.id, permissions: ['rw'] }]);
    await t.ctx.db.insertInto('agentQueues').values({ agentId: me.agentId, queueId: desk.queue.id }).execute();

    await makeTicket(t.ctx, desk.agent, desk.queue.id); // new, unlocked, in my queue
    await makeTicket(t.ctx, desk.agent, second.id); // new, unlocked, not in my queues
    const locked = await makeTicket(t.ctx, desk.agent, desk.queue.id);
    await lockTicket(t.ctx, me, locked.id); // taken by me: no longer "new tickets"
    const mine = await makeTicket(t.ctx, desk.agent, second.id, { stateId: STATE.open });
    await setResponsible(t.ctx, desk.agent, mine.id, me.agentId);
    await makeTicket(t.ctx, desk.agent, desk.queue.id, { stateId: STATE.open });
    await makeTicket(t.ctx, systemActor(), hidden.id); // a queue I may not read

    await setPassword(t.ctx, 'agents', me.agentId, 'secret-12');
    const agent = await login(t.app, me.login, 'secret-12');
    const response = await agent.get('/api/v1/dashboard/ticket-counts');
    expect(response.statusCode, response.body).toBe(200);
    const counts = response.json();

    const listTotal = async (query: string) => (await agent.get(`/api/v1/tickets?pageSize=1&${query}`)).json().total;
    const scopes = {
      owner: `ownerId=${me.agentId}`,
      responsible: `responsibleId=${me.agentId}`,
      myQueues: 'myQueues=true',
      all: '',
    };
    for (const [scope, query] of Object.entries(scopes)) {
      expect(counts.new[scope], `new/${scope}`).toBe(await listTotal(`stateType=new&lock=unlock&${query}`));
      expect(counts.open[scope], `open/${scope}`).toBe(await listTotal(`stateType=open&${query}`));
    }
    expect(counts).toEqual({
      new: { owner: 0, responsible: 0, myQueues: 1, all: 2 },
      open: { owner: 1, responsible: 1, myQueues: 2, all: 3 },
    });
  });

  it('is for agents only', async () => {
    const anonymous = await t.app.inject({ url: '/api/v1/dashboard/ticket-counts' });
    expect(anonymous.statusCode).toBe(401);
  });
});
