import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { unlockTicket } from '../../server/domain/tickets/commands/unlock-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import {
  admin,
  eventsSince,
  eventTypesSince,
  expectRefused,
  historySince,
  historyTypesSince,
  mark,
  revokeGrants,
  STATE,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('lock', () => {
  it('locks the ticket and makes the acting agent its owner; a new ticket becomes open', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await lockTicket(ctx, colleague, id);

    const ticket = await getTicket(ctx, colleague, id);
    expect(ticket).toMatchObject({
      lock: 'lock',
      owner: { id: colleague.agentId },
      state: { id: STATE.open, name: 'open', type: 'open' },
    });
    // the creator was already responsible, so the responsible stays
    expect(ticket).toMatchObject({ responsible: { id: agent.agentId } });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.data, row.by])).toEqual([
      ['Lock', {}, colleague.login],
      ['StateUpdate', { from: 'new', to: 'open' }, colleague.login],
      ['OwnerUpdate', { from: agent.agentId, to: colleague.agentId }, colleague.login],
    ]);
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
    ]);
    expect(events[1]).toMatchObject({ actorAgentId: colleague.agentId, payload: { from: 'new', to: 'open' } });
    expect(events[2]).toMatchObject({
      actorAgentId: colleague.agentId,
      payload: { from: agent.agentId, to: colleague.agentId },
    });
  });

  it('opens only a new ticket: an open or pending one keeps its state (ForceStateChangeOnLock)', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const fresh = await makeTicket(ctx, agent, queue.id);
    const open = await makeTicket(ctx, agent, queue.id, { stateId: STATE.open });
    const until = new Date(Date.now() + 86_400_000);
    const pending = await makeTicket(ctx, agent, queue.id, { stateId: STATE.pendingReminder, pendingUntil: until });
    const since = await mark(ctx);

    for (const { id } of [fresh, open, pending]) await lockTicket(ctx, agent, id);

    expect(await getTicket(ctx, agent, fresh.id)).toMatchObject({ lock: 'lock', state: { name: 'open' } });
    expect(await historyTypesSince(ctx, since, fresh.id)).toEqual(['Lock', 'StateUpdate']);
    expect(await eventTypesSince(ctx, since, fresh.id)).toEqual(['ticket.locked', 'ticket.state_changed']);

    expect(await getTicket(ctx, agent, open.id)).toMatchObject({ lock: 'lock', state: { name: 'open' } });
    expect(await historyTypesSince(ctx, since, open.id)).toEqual(['Lock']);
    expect(await eventTypesSince(ctx, since, open.id)).toEqual(['ticket.locked']);

    expect(await getTicket(ctx, agent, pending.id)).toMatchObject({
      lock: 'lock',
      state: { name: 'pending reminder' },
      pendingUntil: until.toISOString(),
    });
    expect(await historyTypesSince(ctx, since, pending.id)).toEqual(['Lock']);
    expect(await eventTypesSince(ctx, since, pending.id)).toEqual(['ticket.locked']);
  });

  it('makes the locking agent responsible too while the system user still is (ResponsibleAutoSet)', async () => {
    const { queue, agent } = await makeDesk(ctx, { portal: true });
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const { id } = await makeTicket(ctx, user.actor, queue.id);
    const since = await mark(ctx);

    await lockTicket(ctx, agent, id);

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      lock: 'lock',
      state: { name: 'open' },
      owner: { id: agent.agentId },
      responsible: { id: agent.agentId },
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual([
      'Lock',
      'StateUpdate',
      'OwnerUpdate',
      'ResponsibleUpdate',
    ]);
    expect(await eventTypesSince(ctx, since, id)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
      'ticket.responsible_changed',
    ]);
  });

  it('is allowed to the owner without any group permission (OwnerCheck)', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const handedTo = await makeAgent(ctx, [{ groupId: group.id, permissions: ['owner'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id, { ownerId: handedTo.agentId });
    const owner = await revokeGrants(ctx, handedTo, group.id);
    expect(owner.groups.size).toBe(0);
    const since = await mark(ctx);

    await lockTicket(ctx, owner, id);

    expect(await getTicket(ctx, owner, id)).toMatchObject({
      lock: 'lock',
      owner: { id: owner.agentId },
      state: { name: 'open' },
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['Lock', 'StateUpdate']);
    expect(await eventTypesSince(ctx, since, id)).toEqual(['ticket.locked', 'ticket.state_changed']);
  });

  it('is refused without rw: the "lock" screen needs rw (DOMAIN §4)', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const reader = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro', 'move_into', 'create', 'note', 'owner', 'priority'] },
    ]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'forbidden', () => lockTicket(ctx, reader, id));
  });

  it('reports a ticket the agent may not see as missing', async () => {
    const { queue, agent, outsider } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'not_found', () => lockTicket(ctx, outsider, id));
    await expectRefused(ctx, [], 'not_found', () => lockTicket(ctx, agent, 987_654_321));
  });

  it('is refused while another agent holds the lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);

    const error = await expectRefused(ctx, [id], 'locked_by_other', () => lockTicket(ctx, colleague, id));
    expect(error.params).toMatchObject({ agent: agent.login });
  });

  it('is refused as a conflict when the agent already holds the lock', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    await expectRefused(ctx, [id], 'conflict', () => lockTicket(ctx, agent, id));
  });

  it('is refused on a merged ticket', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const source = await makeTicket(ctx, agent, queue.id);
    const target = await makeTicket(ctx, agent, queue.id);
    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () => lockTicket(ctx, agent, source.id));
  });

  it('is refused to customer users', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const { id } = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    await expectRefused(ctx, [id], 'forbidden', () => lockTicket(ctx, user.actor, id));
  });
});

describe('unlock', () => {
  it('releases the ticket; the owner stays', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    const since = await mark(ctx);

    await unlockTicket(ctx, agent, id);

    expect(await getTicket(ctx, agent, id)).toMatchObject({ lock: 'unlock', owner: { id: agent.agentId } });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['Unlock']);
    expect(await eventTypesSince(ctx, since, id)).toEqual(['ticket.unlocked']);
  });

  it('is allowed to the local system user for any owner', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    const since = await mark(ctx);

    await unlockTicket(ctx, admin, id);

    expect(await getTicket(ctx, agent, id)).toMatchObject({ lock: 'unlock', owner: { id: agent.agentId } });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['Unlock']);
  });

  it('is refused to anyone but the owner, even with rw', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);

    const error = await expectRefused(ctx, [id], 'forbidden', () => unlockTicket(ctx, colleague, id));
    expect(error.messageKey).toBe('error.unlock_not_owner');
  });

  it('is refused as a conflict when the ticket is not locked', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'conflict', () => unlockTicket(ctx, agent, id));
  });

  it('reports a ticket the agent may not see as missing', async () => {
    const { queue, agent, outsider } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    await expectRefused(ctx, [id], 'not_found', () => unlockTicket(ctx, outsider, id));
  });

  it('is not needed after closing: closing releases the lock', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    await closeTicket(ctx, agent, id, { successful: true });

    expect(await getTicket(ctx, agent, id)).toMatchObject({ lock: 'unlock' });
    await expectRefused(ctx, [id], 'conflict', () => unlockTicket(ctx, agent, id));
  });
});
