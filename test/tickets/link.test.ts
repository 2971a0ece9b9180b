import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkTickets, unlinkTickets } from '../../server/domain/tickets/commands/link-tickets.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { ticketLinks } from '../../server/domain/tickets/queries/ticket-history.ts';
import {
  makeAgent,
  makeCustomer,
  makeCustomerUser,
  makeDesk,
  makeGroup,
  makeQueue,
  makeTicket,
} from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { admin, eventsSince, expectRefused, historySince, historyTypesSince, mark, STATE } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

async function twoTickets() {
  const desk = await makeDesk(ctx);
  const first = await makeTicket(ctx, desk.agent, desk.queue.id, { title: 'Rete lenta' });
  const second = await makeTicket(ctx, desk.agent, desk.queue.id, { title: 'Wi-Fi assente' });
  return { ...desk, first, second };
}

describe('link', () => {
  it('links two related tickets; both show the link and its history', async () => {
    const { agent, first, second } = await twoTickets();
    const since = await mark(ctx);

    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'normal' });

    expect(await ticketLinks(ctx, agent, first.id)).toEqual([
      {
        ticketId: second.id,
        tn: second.tn,
        title: 'Wi-Fi assente',
        state: { name: 'new', type: 'new' },
        relation: 'normal',
      },
    ]);
    expect(await ticketLinks(ctx, agent, second.id)).toEqual([
      expect.objectContaining({ ticketId: first.id, relation: 'normal' }),
    ]);
    const data = { source: first.tn, target: second.tn, type: 'normal' };
    expect((await historySince(ctx, since, first.id)).map((row) => [row.type, row.data])).toEqual([
      ['TicketLinkAdd', data],
    ]);
    expect((await historySince(ctx, since, second.id)).map((row) => [row.type, row.data])).toEqual([
      ['TicketLinkAdd', data],
    ]);
    const events = await eventsSince(ctx, since);
    expect(events.map((event) => [event.ticketId, event.type, event.payload])).toEqual([
      [first.id, 'ticket.linked', { ...data, otherTicketId: second.id }],
      [second.id, 'ticket.linked', { ...data, otherTicketId: first.id }],
    ]);
  });

  it('links a parent and its child', async () => {
    const { agent, first, second } = await twoTickets();

    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'parent_child' });

    expect(await ticketLinks(ctx, agent, first.id)).toEqual([
      expect.objectContaining({ ticketId: second.id, relation: 'child' }),
    ]);
    expect(await ticketLinks(ctx, agent, second.id)).toEqual([
      expect.objectContaining({ ticketId: first.id, relation: 'parent' }),
    ]);
  });

  it('needs rw on this ticket and only sight of the other', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const otherGroup = await makeGroup(ctx);
    const otherQueue = await makeQueue(ctx, otherGroup.id);
    const linker = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['rw'] },
      { groupId: otherGroup.id, permissions: ['ro'] },
    ]);
    const mine = await makeTicket(ctx, agent, queue.id);
    const theirs = await makeTicket(ctx, admin, otherQueue.id);
    const since = await mark(ctx);

    await linkTickets(ctx, linker, mine.id, { targetTicketId: theirs.id, type: 'normal' });

    expect(await historyTypesSince(ctx, since, theirs.id)).toEqual(['TicketLinkAdd']);
    // from the read-only side it cannot be linked the other way round
    await expectRefused(ctx, [mine.id, theirs.id], 'forbidden', () =>
      linkTickets(ctx, linker, theirs.id, { targetTicketId: mine.id, type: 'parent_child' }),
    );
  });

  it('refuses a second link between the same two tickets, of any type and either way round', async () => {
    const { agent, first, second } = await twoTickets();
    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'normal' });

    for (const [from, to] of [
      [first, second],
      [second, first],
    ] as const) {
      for (const type of ['normal', 'parent_child'] as const) {
        await expectRefused(ctx, [first.id, second.id], 'conflict', () =>
          linkTickets(ctx, agent, from.id, { targetTicketId: to.id, type }),
        );
      }
    }
  });

  it('refuses to make a child the parent of its parent', async () => {
    const { agent, first, second } = await twoTickets();
    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'parent_child' });

    await expectRefused(ctx, [first.id, second.id], 'conflict', () =>
      linkTickets(ctx, agent, second.id, { targetTicketId: first.id, type: 'parent_child' }),
    );
    expect(await ticketLinks(ctx, agent, second.id)).toEqual([
      expect.objectContaining({ ticketId: first.id, relation: 'parent' }),
    ]);
  });

  it('links crossed requests one after the other, without a deadlock', async () => {
    const { agent, queue } = await makeDesk(ctx);
    for (let round = 0; round < 5; round++) {
      const first = await makeTicket(ctx, agent, queue.id);
      const second = await makeTicket(ctx, agent, queue.id);

      const outcomes = await Promise.allSettled([
        linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'normal' }),
        linkTickets(ctx, agent, second.id, { targetTicketId: first.id, type: 'normal' }),
      ]);

      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason.code).toBe('conflict');
    }
  });

  it('refuses a link to itself, to a ticket the agent cannot see, without rw, and to customer users', async () => {
    const { group, queue, agent, first, second } = await twoTickets();
    const hidden = await makeTicket(ctx, admin, (await makeQueue(ctx, (await makeGroup(ctx)).id)).id);
    const reader = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro', 'move_into', 'create', 'note', 'owner', 'priority'] },
    ]);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const own = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const ownToo = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });

    const self = await expectRefused(ctx, [first.id], 'validation', () =>
      linkTickets(ctx, agent, first.id, { targetTicketId: first.id, type: 'normal' }),
    );
    expect(self.field).toBe('targetTicketId');
    await expectRefused(ctx, [first.id, hidden.id], 'not_found', () =>
      linkTickets(ctx, agent, first.id, { targetTicketId: hidden.id, type: 'normal' }),
    );
    await expectRefused(ctx, [first.id, second.id], 'forbidden', () =>
      linkTickets(ctx, reader, first.id, { targetTicketId: second.id, type: 'normal' }),
    );
    await expectRefused(ctx, [own.id, ownToo.id], 'forbidden', () =>
      linkTickets(ctx, user.actor, own.id, { targetTicketId: ownToo.id, type: 'normal' }),
    );
  });

  it('refuses to link a merged or a removed ticket, from either side', async () => {
    const { queue, agent, first, second } = await twoTickets();
    const removed = await makeTicket(ctx, agent, queue.id);
    await ctx.db.updateTable('tickets').set({ stateId: STATE.removed }).where('id', '=', removed.id).execute();
    const merged = await makeTicket(ctx, agent, queue.id);
    await mergeTicket(ctx, agent, merged.id, second.id);

    for (const final of [merged, removed]) {
      for (const [from, to] of [
        [first, final],
        [final, first],
      ] as const) {
        for (const type of ['normal', 'parent_child'] as const) {
          const error = await expectRefused(ctx, [from.id, to.id], 'invalid_transition', () =>
            linkTickets(ctx, agent, from.id, { targetTicketId: to.id, type }),
          );
          expect(error.messageKey).toBe('error.ticket_closed_for_action');
        }
      }
    }
  });

  it('refuses a link to itself as a rejected promise, never a synchronous throw', async () => {
    const { agent, first } = await twoTickets();
    let linking: Promise<unknown> | undefined;
    expect(() => {
      linking = linkTickets(ctx, agent, first.id, { targetTicketId: first.id, type: 'parent_child' });
    }).not.toThrow();
    await expect(linking).rejects.toMatchObject({ code: 'validation', messageKey: 'error.link_self' });
  });
});

describe('unlink', () => {
  it('removes a normal link from either side, with history on both tickets', async () => {
    const { agent, first, second } = await twoTickets();
    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'normal' });
    const since = await mark(ctx);

    await unlinkTickets(ctx, agent, second.id, { targetTicketId: first.id, type: 'normal' });

    expect(await ticketLinks(ctx, agent, first.id)).toEqual([]);
    expect(await ticketLinks(ctx, agent, second.id)).toEqual([]);
    const data = { source: second.tn, target: first.tn, type: 'normal' };
    expect((await historySince(ctx, since, first.id)).map((row) => [row.type, row.data])).toEqual([
      ['TicketLinkDelete', data],
    ]);
    expect(await historyTypesSince(ctx, since, second.id)).toEqual(['TicketLinkDelete']);
    const events = await eventsSince(ctx, since);
    expect(events.map((event) => [event.ticketId, event.type, event.payload])).toEqual([
      [second.id, 'ticket.unlinked', { ...data, otherTicketId: first.id }],
      [first.id, 'ticket.unlinked', { ...data, otherTicketId: second.id }],
    ]);
  });

  it('removes a parent-child link from the parent', async () => {
    const { agent, first, second } = await twoTickets();
    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'parent_child' });

    await unlinkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'parent_child' });

    expect(await ticketLinks(ctx, agent, second.id)).toEqual([]);
  });

  it('refuses to unlink a merged or a removed ticket, from either side', async () => {
    const { queue, agent, first, second } = await twoTickets();
    const removed = await makeTicket(ctx, agent, queue.id);
    await linkTickets(ctx, agent, first.id, { targetTicketId: removed.id, type: 'normal' });
    await ctx.db.updateTable('tickets').set({ stateId: STATE.removed }).where('id', '=', removed.id).execute();
    const merged = await makeTicket(ctx, agent, queue.id);
    await linkTickets(ctx, agent, first.id, { targetTicketId: merged.id, type: 'normal' });
    // the merge links the merged ticket as the target's child
    await mergeTicket(ctx, agent, merged.id, second.id);

    const refusals: [number, number, 'normal' | 'parent_child'][] = [
      [first.id, removed.id, 'normal'],
      [removed.id, first.id, 'normal'],
      [first.id, merged.id, 'normal'],
      [merged.id, first.id, 'normal'],
      [second.id, merged.id, 'parent_child'],
    ];
    for (const [from, to, type] of refusals) {
      await expectRefused(ctx, [from, to], 'invalid_transition', () =>
        unlinkTickets(ctx, agent, from, { targetTicketId: to, type }),
      );
    }
    expect(await ticketLinks(ctx, agent, first.id)).toHaveLength(2);
  });

  it('reports a link that does not exist as missing, and refuses without rw', async () => {
    const { group, agent, first, second } = await twoTickets();
    const reader = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note'] }]);

    const missing = await expectRefused(ctx, [first.id, second.id], 'not_found', () =>
      unlinkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'normal' }),
    );
    expect(missing.messageKey).toBe('error.not_found.link');
    await linkTickets(ctx, agent, first.id, { targetTicketId: second.id, type: 'parent_child' });
    // the child is not the parent: from its side the parent-child link reads the other way
    await expectRefused(ctx, [first.id, second.id], 'not_found', () =>
      unlinkTickets(ctx, agent, second.id, { targetTicketId: first.id, type: 'parent_child' }),
    );
    await expectRefused(ctx, [first.id, second.id], 'forbidden', () =>
      unlinkTickets(ctx, reader, first.id, { targetTicketId: second.id, type: 'parent_child' }),
    );
  });
});
