import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { setPriority } from '../../server/domain/tickets/commands/set-priority.ts';
import { setTitle } from '../../server/domain/tickets/commands/set-title.ts';
import { setType } from '../../server/domain/tickets/commands/set-type.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { eventsSince, expectRefused, historySince, historyTypesSince, mark, snapshot } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const ALL_BUT_RW = ['ro', 'move_into', 'create', 'note', 'owner', 'priority'] as const;

async function makeType(name: string, valid = true) {
  return ctx.db
    .insertInto('ticketTypes')
    .values({ name: `${name}-${Math.random().toString(36).slice(2, 8)}`, valid })
    .returning(['id', 'name'])
    .executeTakeFirstOrThrow();
}

/** A ticket someone else created and locked, and a customer user's ticket, merged away. */
async function refusalFixture() {
  const desk = await makeDesk(ctx);
  const colleague = await makeAgent(ctx, [{ groupId: desk.group.id, permissions: ['rw'] }]);
  const customer = await makeCustomer(ctx);
  const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
  const locked = await makeTicket(ctx, desk.agent, desk.queue.id, { customerUserId: user.id });
  await lockTicket(ctx, desk.agent, locked.id);
  const merged = await makeTicket(ctx, desk.agent, desk.queue.id);
  const target = await makeTicket(ctx, desk.agent, desk.queue.id);
  await mergeTicket(ctx, desk.agent, merged.id, target.id);
  return { ...desk, colleague, user, locked, merged };
}

describe('priority', () => {
  it('needs only "priority", and takes the lock as OTRS’s priority screen does', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const triage = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'priority'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await setPriority(ctx, triage, id, 5);

    expect(await getTicket(ctx, triage, id)).toMatchObject({
      priority: { id: 5, name: '5 very high' },
      lock: 'lock',
      owner: { id: triage.agentId },
      state: { name: 'open' },
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['Lock', 'StateUpdate', 'OwnerUpdate', 'PriorityUpdate']);
    expect(history[3]).toMatchObject({ data: { from: 3, to: 5 }, snapshot: { priorityId: 5 } });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ['ticket.locked', {}],
      ['ticket.state_changed', { from: 'new', to: 'open' }],
      ['ticket.owner_changed', { from: agent.agentId, to: triage.agentId }],
      ['ticket.priority_changed', { from: 3, to: 5 }],
    ]);
  });

  it('writes nothing for the same priority, and takes no lock for it', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const locked = await makeTicket(ctx, agent, queue.id, { lock: true });
    const unlocked = await makeTicket(ctx, agent, queue.id);
    const before = await snapshot(ctx, [locked.id, unlocked.id]);

    await setPriority(ctx, agent, locked.id, 3);
    await setPriority(ctx, agent, unlocked.id, 3);

    expect(await snapshot(ctx, [locked.id, unlocked.id])).toEqual(before);
  });

  it('is refused without "priority", while another agent holds the lock, to customers and when merged', async () => {
    const { group, agent, colleague, user, locked, merged } = await refusalFixture();
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note', 'owner', 'move_into'] }]);

    await expectRefused(ctx, [locked.id], 'forbidden', () => setPriority(ctx, helper, locked.id, 4));
    await expectRefused(ctx, [locked.id], 'locked_by_other', () => setPriority(ctx, colleague, locked.id, 4));
    await expectRefused(ctx, [locked.id], 'forbidden', () => setPriority(ctx, user.actor, locked.id, 4));
    await expectRefused(ctx, [merged.id], 'invalid_transition', () => setPriority(ctx, agent, merged.id, 4));
  });

  it('is refused for an unknown or deactivated priority', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const retired = await ctx.db
      .insertInto('priorities')
      .values({ name: `6 retired ${id}`, valid: false })
      .returning('id')
      .executeTakeFirstOrThrow();

    const unknown = await expectRefused(ctx, [id], 'validation', () => setPriority(ctx, agent, id, 987_654));
    expect(unknown).toMatchObject({ field: 'priorityId', messageKey: 'error.not_found.priority' });
    const inactive = await expectRefused(ctx, [id], 'validation', () => setPriority(ctx, agent, id, retired.id));
    expect(inactive).toMatchObject({ field: 'priorityId', messageKey: 'error.inactive' });
  });
});

describe('type', () => {
  it('sets the type with rw, without taking the lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const incident = await makeType('Incident');
    const { id } = await makeTicket(ctx, agent, queue.id, { typeId: 1 });
    const since = await mark(ctx);

    await setType(ctx, colleague, id, incident.id);

    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      type: { id: incident.id, name: incident.name },
      lock: 'unlock',
      owner: { id: agent.agentId },
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['TypeUpdate']);
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => [event.type, event.payload])).toEqual([
      ['ticket.type_changed', { from: 1, to: incident.id }],
    ]);

    const before = await snapshot(ctx, [id]);
    await setType(ctx, colleague, id, incident.id);
    expect(await snapshot(ctx, [id])).toEqual(before);
  });

  it('is refused without rw, while another agent holds the lock, to customers and when merged', async () => {
    const { group, agent, colleague, user, locked, merged } = await refusalFixture();
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: [...ALL_BUT_RW] }]);
    const problem = await makeType('Problem');

    await expectRefused(ctx, [locked.id], 'forbidden', () => setType(ctx, lead, locked.id, problem.id));
    await expectRefused(ctx, [locked.id], 'locked_by_other', () => setType(ctx, colleague, locked.id, problem.id));
    await expectRefused(ctx, [locked.id], 'forbidden', () => setType(ctx, user.actor, locked.id, problem.id));
    await expectRefused(ctx, [merged.id], 'invalid_transition', () => setType(ctx, agent, merged.id, problem.id));
  });

  it('is refused for an unknown or deactivated type', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const retired = await makeType('Retired', false);
    const { id } = await makeTicket(ctx, agent, queue.id);

    const unknown = await expectRefused(ctx, [id], 'validation', () => setType(ctx, agent, id, 987_654));
    expect(unknown).toMatchObject({ field: 'typeId', messageKey: 'error.not_found.type' });
    const inactive = await expectRefused(ctx, [id], 'validation', () => setType(ctx, agent, id, retired.id));
    expect(inactive).toMatchObject({ field: 'typeId', messageKey: 'error.inactive' });
  });
});

describe('title', () => {
  it('renames the ticket with rw; the same title writes nothing', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await setTitle(ctx, agent, id, 'Orari biblioteca dal 5 ottobre');

    expect(await getTicket(ctx, agent, id)).toMatchObject({ title: 'Orari biblioteca dal 5 ottobre', lock: 'unlock' });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['TitleUpdate', { from: 'Variazione orario biblioteca', to: 'Orari biblioteca dal 5 ottobre' }],
    ]);
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual(['ticket.title_changed']);

    const before = await snapshot(ctx, [id]);
    await setTitle(ctx, agent, id, 'Orari biblioteca dal 5 ottobre');
    expect(await snapshot(ctx, [id])).toEqual(before);
  });

  it('is refused without rw, while another agent holds the lock, to customers and when merged', async () => {
    const { group, agent, colleague, user, locked, merged } = await refusalFixture();
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: [...ALL_BUT_RW] }]);

    await expectRefused(ctx, [locked.id], 'forbidden', () => setTitle(ctx, lead, locked.id, 'Nuovo'));
    await expectRefused(ctx, [locked.id], 'locked_by_other', () => setTitle(ctx, colleague, locked.id, 'Nuovo'));
    await expectRefused(ctx, [locked.id], 'forbidden', () => setTitle(ctx, user.actor, locked.id, 'Nuovo'));
    await expectRefused(ctx, [merged.id], 'invalid_transition', () => setTitle(ctx, agent, merged.id, 'Nuovo'));
  });
});
