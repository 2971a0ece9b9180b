import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { moveTicket } from '../../server/domain/tickets/commands/move-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeGroup, makeQueue, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { eventsSince, expectRefused, historySince, mark, revokeGrants } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** Two desks (first and second level) and an agent who may move tickets between them. */
async function twoDesks() {
  const firstGroup = await makeGroup(ctx);
  const secondGroup = await makeGroup(ctx);
  const first = await makeQueue(ctx, firstGroup.id);
  const second = await makeQueue(ctx, secondGroup.id);
  const dispatcher = await makeAgent(ctx, [
    { groupId: firstGroup.id, permissions: ['ro', 'move_into'] },
    { groupId: secondGroup.id, permissions: ['move_into'] },
  ]);
  const creator = await makeAgent(ctx, [{ groupId: firstGroup.id, permissions: ['rw'] }]);
  return { firstGroup, secondGroup, first, second, dispatcher, creator };
}

describe('move', () => {
  it('moves the ticket into another queue with "move_into" on both', async () => {
    const { first, second, dispatcher, creator } = await twoDesks();
    const { id } = await makeTicket(ctx, creator, first.id);
    const since = await mark(ctx);

    await moveTicket(ctx, dispatcher, id, second.id);

    expect(await getTicket(ctx, creator, id)).toMatchObject({
      queue: { id: second.id, name: second.name },
      state: { name: 'new' },
      owner: { id: creator.agentId },
      lock: 'unlock',
    });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['Move']);
    expect(history[0]).toMatchObject({
      data: { from: first.name, to: second.name, fromId: first.id, toId: second.id },
      snapshot: { queueId: second.id },
      by: dispatcher.login,
    });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual(['ticket.moved']);
    expect(events[0]?.payload).toEqual({ fromQueueId: first.id, toQueueId: second.id });
  });

  it('releases the mover’s lock, so the new queue’s agents can take it (ForceUnlockOnMove)', async () => {
    const { first, second, firstGroup, secondGroup, creator } = await twoDesks();
    const handedTo = await makeAgent(ctx, [
      { groupId: firstGroup.id, permissions: ['owner'] },
      { groupId: secondGroup.id, permissions: ['move_into'] },
    ]);
    const { id } = await makeTicket(ctx, creator, first.id, { ownerId: handedTo.agentId });
    // their keys on the source queue taken back: they keep the ticket they were given
    const owner = await revokeGrants(ctx, handedTo, firstGroup.id);
    await lockTicket(ctx, owner, id);
    const since = await mark(ctx);

    // the owner needs no key on the source queue (OwnerCheck)
    await moveTicket(ctx, owner, id, second.id);

    expect(await getTicket(ctx, owner, id)).toMatchObject({
      queue: { id: second.id },
      lock: 'unlock',
      owner: { id: owner.agentId },
    });
    expect((await historySince(ctx, since, id)).map((row) => row.type)).toEqual(['Move', 'Unlock']);
    expect((await eventsSince(ctx, since, id)).map((event) => event.type)).toEqual(['ticket.moved', 'ticket.unlocked']);
  });

  it('is refused without "move_into" on the target queue', async () => {
    const { first, firstGroup, creator } = await twoDesks();
    const elsewhere = await makeQueue(ctx, (await makeGroup(ctx)).id);
    const reader = await makeAgent(ctx, [{ groupId: firstGroup.id, permissions: ['ro', 'move_into'] }]);
    const { id } = await makeTicket(ctx, creator, first.id);

    const error = await expectRefused(ctx, [id], 'forbidden', () => moveTicket(ctx, reader, id, elsewhere.id));
    expect(error.params).toMatchObject({ permission: 'move_into', queue: elsewhere.name });
  });

  it('is refused without "move_into" on the ticket’s own queue', async () => {
    const { first, second, firstGroup, secondGroup, creator } = await twoDesks();
    const reader = await makeAgent(ctx, [
      { groupId: firstGroup.id, permissions: ['ro', 'note', 'owner', 'priority', 'create'] },
      { groupId: secondGroup.id, permissions: ['rw'] },
    ]);
    const { id } = await makeTicket(ctx, creator, first.id);

    const error = await expectRefused(ctx, [id], 'forbidden', () => moveTicket(ctx, reader, id, second.id));
    expect(error.params).toMatchObject({ permission: 'move_into', queue: first.name });
  });

  it('reports a ticket the agent cannot read as missing, even with "move_into"', async () => {
    const { first, second, firstGroup, secondGroup, creator } = await twoDesks();
    const blind = await makeAgent(ctx, [
      { groupId: firstGroup.id, permissions: ['move_into'] },
      { groupId: secondGroup.id, permissions: ['move_into'] },
    ]);
    const { id } = await makeTicket(ctx, creator, first.id);
    await expectRefused(ctx, [id], 'not_found', () => moveTicket(ctx, blind, id, second.id));
  });

  it('is refused as a conflict into the queue the ticket is already in', async () => {
    const { first, dispatcher, creator } = await twoDesks();
    const { id } = await makeTicket(ctx, creator, first.id);
    await expectRefused(ctx, [id], 'conflict', () => moveTicket(ctx, dispatcher, id, first.id));
  });

  it('is refused while another agent holds the lock', async () => {
    const { first, second, dispatcher, creator } = await twoDesks();
    const { id } = await makeTicket(ctx, creator, first.id);
    await lockTicket(ctx, creator, id);
    await expectRefused(ctx, [id], 'locked_by_other', () => moveTicket(ctx, dispatcher, id, second.id));
  });

  it('is refused into a deactivated or unknown queue', async () => {
    const { first, second, dispatcher, creator } = await twoDesks();
    await ctx.db.updateTable('queues').set({ valid: false }).where('id', '=', second.id).execute();
    const { id } = await makeTicket(ctx, creator, first.id);

    const inactive = await expectRefused(ctx, [id], 'validation', () => moveTicket(ctx, dispatcher, id, second.id));
    expect(inactive).toMatchObject({ field: 'queueId', messageKey: 'error.inactive' });
    const unknown = await expectRefused(ctx, [id], 'validation', () => moveTicket(ctx, dispatcher, id, 987_654));
    expect(unknown).toMatchObject({ field: 'queueId', messageKey: 'error.not_found.queue' });
  });

  it('is refused on a merged ticket and to customer users', async () => {
    const { first, second, dispatcher, creator } = await twoDesks();
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, creator, first.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, creator, first.id);

    await expectRefused(ctx, [source.id], 'forbidden', () => moveTicket(ctx, user.actor, source.id, second.id));
    await mergeTicket(ctx, creator, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () =>
      moveTicket(ctx, dispatcher, source.id, second.id),
    );
  });
});
