import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTime } from '../../server/domain/tickets/commands/account-time.ts';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { linkTickets } from '../../server/domain/tickets/commands/link-tickets.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { ticketHistory, ticketLinks } from '../../server/domain/tickets/queries/ticket-history.ts';
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
import {
  admin,
  eventsSince,
  eventTypesSince,
  expectRefused,
  historySince,
  historyTypesSince,
  mark,
  STATE,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

describe('merge', () => {
  it('moves articles, their history and the accounted time to the target; the source becomes merged', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const source = await makeTicket(ctx, agent, queue.id, {
      stateId: STATE.pendingReminder,
      pendingUntil: new Date(Date.now() + 86_400_000),
    });
    const target = await makeTicket(ctx, agent, queue.id, { title: 'Orari biblioteca' });
    const { articleId: sourceNote } = await addNote(ctx, agent, source.id, {
      subject: 'Duplicato',
      bodyText: 'Stessa richiesta.',
      timeMinutes: 20,
    });
    await accountTime(ctx, agent, target.id, { minutes: 10 });
    const since = await mark(ctx);

    await mergeTicket(ctx, agent, source.id, target.id);

    const merged = await getTicket(ctx, agent, source.id);
    expect(merged).toMatchObject({
      state: { name: 'merged', type: 'merged' },
      mergedIntoId: target.id,
      pendingUntil: null,
      lock: 'unlock',
      accountedMinutes: 0,
    });
    expect(await getTicket(ctx, agent, target.id)).toMatchObject({
      state: { name: 'new' },
      accountedMinutes: 30,
      lock: 'unlock',
    });

    expect(await listArticles(ctx, agent, source.id)).toEqual([]);
    const articles = await listArticles(ctx, agent, target.id);
    expect(articles.map((article) => article.id)).toEqual([
      source.articleId,
      target.articleId,
      sourceNote,
      expect.any(Number),
    ]);
    expect(articles[3]).toMatchObject({
      channel: 'internal',
      senderType: 'agent',
      visibleToCustomer: false,
      subject: `Merged ticket ${source.tn} into ${target.tn}`,
    });

    // the history of the moved articles moved along; the rest stays on the source
    const targetHistory = await ticketHistory(ctx, agent, target.id);
    expect(targetHistory.filter((row) => row.articleId === sourceNote).map((row) => row.type)).toEqual([
      'AddNote',
      'TimeAccounting',
    ]);
    expect(targetHistory.some((row) => row.articleId === source.articleId)).toBe(true);
    expect((await ticketHistory(ctx, agent, source.id)).every((row) => row.articleId === null)).toBe(true);
    const time = await ctx.db
      .selectFrom('timeAccounting')
      .select('ticketId')
      .where('articleId', '=', sourceNote)
      .execute();
    expect(time).toEqual([{ ticketId: target.id }]);

    // the parent-child link is recorded on both tickets, as linking does (target = parent)
    const link = { source: target.tn, target: source.tn, type: 'parent_child' };
    expect((await historySince(ctx, since, source.id)).map((row) => [row.type, row.data])).toEqual([
      ['Lock', {}],
      ['StateUpdate', { from: 'pending reminder', to: 'merged' }],
      ['Unlock', {}],
      ['TicketLinkAdd', link],
      ['Merged', { source: source.tn, target: target.tn, sourceId: source.id, targetId: target.id }],
    ]);
    expect(await historyTypesSince(ctx, since, target.id)).toEqual(['TicketLinkAdd', 'AddNote', 'Merged']);
    const targetRows = await historySince(ctx, since, target.id);
    expect(targetRows[0]?.data).toEqual(link);
    expect(targetRows.at(-1)?.data).toEqual({
      source: source.tn,
      target: target.tn,
      sourceId: source.id,
      targetId: target.id,
    });

    const sourceEvents = await eventsSince(ctx, since, source.id);
    expect(sourceEvents.map((event) => event.type)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.unlocked',
      'ticket.merged',
    ]);
    expect(sourceEvents[1]?.payload).toEqual({ from: 'pending reminder', to: 'merged' });
    expect((await eventsSince(ctx, since, target.id)).map((event) => event.type)).toEqual([
      'article.created',
      'ticket.merged',
    ]);

    expect(await ticketLinks(ctx, agent, target.id)).toEqual([
      expect.objectContaining({ ticketId: source.id, relation: 'child', state: { name: 'merged', type: 'merged' } }),
    ]);
    expect(await ticketLinks(ctx, agent, source.id)).toEqual([
      expect.objectContaining({ ticketId: target.id, relation: 'parent' }),
    ]);
  });

  it('lets the source’s customer user follow the merged ticket to the target', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });

    await mergeTicket(ctx, agent, source.id, target.id);

    expect(await getTicket(ctx, user.actor, source.id)).toMatchObject({
      state: { name: 'merged' },
      mergedIntoId: target.id,
    });
    // the automatic merge note is internal
    const seen = await listArticles(ctx, user.actor, target.id);
    expect(seen.map((article) => article.id)).toEqual([source.articleId, target.articleId]);
  });

  it('takes over an unlocked source for the merging agent, who becomes its owner', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const source = await makeTicket(ctx, agent, queue.id);
    const target = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await mergeTicket(ctx, colleague, source.id, target.id);

    expect(await getTicket(ctx, colleague, source.id)).toMatchObject({
      owner: { id: colleague.agentId },
      lock: 'unlock',
    });
    expect(await getTicket(ctx, colleague, target.id)).toMatchObject({ owner: { id: agent.agentId } });
    // taking the lock opened the new source before it became merged
    const history = await historySince(ctx, since, source.id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['Lock', {}],
      ['StateUpdate', { from: 'new', to: 'open' }],
      ['OwnerUpdate', { from: agent.agentId, to: colleague.agentId }],
      ['StateUpdate', { from: 'open', to: 'merged' }],
      ['Unlock', {}],
      ['TicketLinkAdd', { source: target.tn, target: source.tn, type: 'parent_child' }],
      ['Merged', { source: source.tn, target: target.tn, sourceId: source.id, targetId: target.id }],
    ]);
    expect(await eventTypesSince(ctx, since, source.id)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
      'ticket.state_changed',
      'ticket.unlocked',
      'ticket.merged',
    ]);
  });

  it('writes no TicketLinkAdd when the target already was the source’s parent', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const source = await makeTicket(ctx, agent, queue.id, { stateId: STATE.open });
    const target = await makeTicket(ctx, agent, queue.id);
    await linkTickets(ctx, agent, target.id, { targetTicketId: source.id, type: 'parent_child' });
    const since = await mark(ctx);

    await mergeTicket(ctx, agent, source.id, target.id);

    expect(await historyTypesSince(ctx, since, source.id)).toEqual(['Lock', 'StateUpdate', 'Unlock', 'Merged']);
    expect(await historyTypesSince(ctx, since, target.id)).toEqual(['AddNote', 'Merged']);
    expect(await ticketLinks(ctx, agent, target.id)).toEqual([
      expect.objectContaining({ ticketId: source.id, relation: 'child' }),
    ]);
  });

  it('moves the source’s links to other tickets to the target, one link per pair', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const source = await makeTicket(ctx, agent, queue.id, { title: 'Doppione' });
    const target = await makeTicket(ctx, agent, queue.id, { title: 'Principale' });
    const related = await makeTicket(ctx, agent, queue.id, { title: 'Collegato' });
    const parent = await makeTicket(ctx, agent, queue.id, { title: 'Padre' });
    const both = await makeTicket(ctx, agent, queue.id, { title: 'Già collegato a entrambi' });
    await linkTickets(ctx, agent, source.id, { targetTicketId: related.id, type: 'normal' });
    await linkTickets(ctx, agent, parent.id, { targetTicketId: source.id, type: 'parent_child' });
    await linkTickets(ctx, agent, source.id, { targetTicketId: both.id, type: 'normal' });
    await linkTickets(ctx, agent, target.id, { targetTicketId: both.id, type: 'normal' });
    await linkTickets(ctx, agent, source.id, { targetTicketId: target.id, type: 'normal' });
    const since = await mark(ctx);

    await mergeTicket(ctx, agent, source.id, target.id);

    const relations = async (id: number) =>
      (await ticketLinks(ctx, agent, id)).map((link) => [link.ticketId, link.relation]).sort();
    expect(await relations(target.id)).toEqual(
      [
        [related.id, 'normal'],
        [parent.id, 'parent'],
        [both.id, 'normal'],
        [source.id, 'child'],
      ].sort(),
    );
    expect(await relations(source.id)).toEqual([[target.id, 'parent']]);
    expect(await relations(related.id)).toEqual([[target.id, 'normal']]);
    expect(await relations(parent.id)).toEqual([[target.id, 'child']]);
    expect(await relations(both.id)).toEqual([[target.id, 'normal']]);
    const linkRows = async (id: number) =>
      (await historySince(ctx, since, id))
        .filter((row) => row.type.startsWith('TicketLink'))
        .map((row) => [row.type, row.data]);
    expect(await linkRows(target.id)).toEqual([
      ['TicketLinkAdd', { source: target.tn, target: related.tn, type: 'normal' }],
      ['TicketLinkAdd', { source: parent.tn, target: target.tn, type: 'parent_child' }],
      ['TicketLinkDelete', { source: source.tn, target: target.tn, type: 'normal' }],
      ['TicketLinkAdd', { source: target.tn, target: source.tn, type: 'parent_child' }],
    ]);
    expect((await linkRows(source.id)).map(([type]) => type)).toEqual([
      'TicketLinkDelete',
      'TicketLinkDelete',
      'TicketLinkDelete',
      'TicketLinkDelete',
      'TicketLinkAdd',
    ]);
  });

  it('merges crossed requests one after the other, without a deadlock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    for (let round = 0; round < 5; round++) {
      const first = await makeTicket(ctx, agent, queue.id);
      const second = await makeTicket(ctx, agent, queue.id);

      const outcomes = await Promise.allSettled([
        mergeTicket(ctx, agent, first.id, second.id),
        mergeTicket(ctx, colleague, second.id, first.id),
      ]);

      // one merge wins; the other finds its ticket (or its target) already merged
      expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['fulfilled', 'rejected']);
      const refused = outcomes.find((outcome) => outcome.status === 'rejected');
      expect(refused?.status === 'rejected' && refused.reason.code).toBe('invalid_transition');
    }
  });

  it('refuses to merge a ticket into itself, as a rejected promise', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    let merging: Promise<unknown> | undefined;
    expect(() => {
      merging = mergeTicket(ctx, agent, id, id);
    }).not.toThrow();
    await expect(merging).rejects.toMatchObject({ code: 'validation', messageKey: 'error.merge_self' });
    const error = await expectRefused(ctx, [id], 'validation', () => mergeTicket(ctx, agent, id, id));
    expect(error.field).toBe('targetTicketId');
  });

  it('is refused while another agent holds the lock on either ticket, undoing the lock taken', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const source = await makeTicket(ctx, agent, queue.id);
    const target = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, target.id);

    // the source is free, so the colleague would lock it first: that must roll back too
    await expectRefused(ctx, [source.id, target.id], 'locked_by_other', () =>
      mergeTicket(ctx, colleague, source.id, target.id),
    );
    await expectRefused(ctx, [source.id, target.id], 'locked_by_other', () =>
      mergeTicket(ctx, colleague, target.id, source.id),
    );
  });

  it('needs rw on both tickets; a target the agent cannot see is missing', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const otherGroup = await makeGroup(ctx);
    const otherQueue = await makeQueue(ctx, otherGroup.id);
    const reader = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['rw'] },
      { groupId: otherGroup.id, permissions: ['ro', 'note', 'move_into', 'owner', 'priority', 'create'] },
    ]);
    const creator = await makeAgent(ctx, [{ groupId: otherGroup.id, permissions: ['rw'] }]);
    const source = await makeTicket(ctx, agent, queue.id);
    const readOnly = await makeTicket(ctx, creator, otherQueue.id);
    const hidden = await makeTicket(ctx, admin, (await makeQueue(ctx, (await makeGroup(ctx)).id)).id);

    await expectRefused(ctx, [source.id, readOnly.id], 'forbidden', () =>
      mergeTicket(ctx, reader, source.id, readOnly.id),
    );
    await expectRefused(ctx, [source.id, readOnly.id], 'forbidden', () =>
      mergeTicket(ctx, reader, readOnly.id, source.id),
    );
    await expectRefused(ctx, [source.id, hidden.id], 'not_found', () => mergeTicket(ctx, reader, source.id, hidden.id));
    await expectRefused(ctx, [source.id], 'not_found', () => mergeTicket(ctx, reader, source.id, 987_654_321));
  });

  it('is refused when either ticket is already merged, and to customer users', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const first = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const second = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const third = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [first.id, second.id], 'forbidden', () =>
      mergeTicket(ctx, user.actor, first.id, second.id),
    );
    await mergeTicket(ctx, agent, first.id, second.id);
    await expectRefused(ctx, [first.id, third.id], 'invalid_transition', () =>
      mergeTicket(ctx, agent, first.id, third.id),
    );
    await expectRefused(ctx, [first.id, third.id], 'invalid_transition', () =>
      mergeTicket(ctx, agent, third.id, first.id),
    );
  });
});
