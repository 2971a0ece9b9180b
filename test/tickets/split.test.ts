import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { splitArticle } from '../../server/domain/tickets/commands/split-article.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { getAttachment, listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
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
import { eventsSince, expectRefused, historySince, historyTypesSince, mark, STATE, snapshot } from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

const bytes = (text: string) => new TextEncoder().encode(text);

/** A customer's ticket whose second article (a phone call with a file) asks something else. */
async function ticketWithTwoRequests() {
  const desk = await makeDesk(ctx);
  const customer = await makeCustomer(ctx);
  const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
  const source = await makeTicket(ctx, desk.agent, desk.queue.id, { customerUserId: user.id, priorityId: 4 });
  const { articleId } = await addNote(ctx, desk.agent, source.id, {
    subject: 'Anche: stampante guasta',
    bodyText: 'La stampante del primo piano non funziona.',
    visibleToCustomer: true,
    attachments: [{ filename: 'errore.txt', contentType: 'text/plain', content: bytes('E-42 paper jam') }],
  });
  return { ...desk, customer, user, source, articleId };
}

describe('split', () => {
  it('copies the article and its files into a new child ticket for the same customer', async () => {
    const { queue, agent, customer, user, source, articleId } = await ticketWithTwoRequests();
    const before = await snapshot(ctx, []);
    const since = await mark(ctx);

    const created = await splitArticle(ctx, agent, source.id, { articleId });

    const child = await getTicket(ctx, agent, created.id);
    expect(child).toMatchObject({
      tn: created.tn,
      title: 'Anche: stampante guasta',
      queue: { id: queue.id },
      state: { name: 'new' },
      priority: { id: 4 },
      customer: { id: customer.id },
      customerUser: { id: user.id },
      owner: { id: agent.agentId },
      lock: 'unlock',
    });
    const articles = await listArticles(ctx, agent, created.id);
    expect(articles).toHaveLength(1);
    expect(articles[0]).toMatchObject({
      id: created.articleId,
      channel: 'internal',
      senderType: 'agent',
      visibleToCustomer: true,
      subject: 'Anche: stampante guasta',
      bodyText: 'La stampante del primo piano non funziona.',
      attachments: [expect.objectContaining({ filename: 'errore.txt', size: 14 })],
    });
    const file = await getAttachment(ctx, agent, created.id, articles[0]?.attachments[0]?.id ?? 0);
    expect(new TextDecoder().decode(file.content)).toBe('E-42 paper jam');
    // the source keeps its article; the file's bytes are stored once
    expect((await listArticles(ctx, agent, source.id)).map((article) => article.id)).toContain(articleId);
    expect((await snapshot(ctx, [])).counts).toMatchObject({
      tickets: before.counts.tickets + 1,
      attachments: before.counts.attachments + 1,
      contents: before.counts.contents,
      links: before.counts.links + 1,
    });

    expect(await ticketLinks(ctx, agent, source.id)).toEqual([
      expect.objectContaining({ ticketId: created.id, tn: created.tn, relation: 'child' }),
    ]);
    expect(await ticketLinks(ctx, agent, created.id)).toEqual([
      expect.objectContaining({ ticketId: source.id, relation: 'parent' }),
    ]);
    const linkData = { source: source.tn, target: created.tn, type: 'parent_child', splitFromArticleId: articleId };
    const parentHistory = await historySince(ctx, since, source.id);
    expect(parentHistory.map((row) => [row.type, row.data])).toEqual([['TicketLinkAdd', linkData]]);
    expect(await historyTypesSince(ctx, since, created.id)).toEqual(['NewTicket', 'AddNote', 'TicketLinkAdd']);
    expect((await eventsSince(ctx, since, created.id)).map((event) => [event.type, event.payload])).toEqual([
      ['ticket.created', { articleId: expect.any(Number) }],
      ['ticket.linked', { ...linkData, otherTicketId: source.id }],
    ]);
    const parentEvents = await eventsSince(ctx, since, source.id);
    expect(parentEvents.map((event) => [event.type, event.payload])).toEqual([
      ['ticket.linked', { ...linkData, otherTicketId: created.id }],
    ]);
  });

  it('splits into another queue with a new title, needing only ro on the source and create on the target', async () => {
    const { group, source, articleId } = await ticketWithTwoRequests();
    const itGroup = await makeGroup(ctx);
    const itQueue = await makeQueue(ctx, itGroup.id);
    const dispatcher = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro'] },
      { groupId: itGroup.id, permissions: ['create'] },
    ]);

    const created = await splitArticle(ctx, dispatcher, source.id, {
      articleId,
      queueId: itQueue.id,
      title: 'Stampante primo piano',
    });

    expect(await getTicket(ctx, dispatcher, created.id)).toMatchObject({
      title: 'Stampante primo piano',
      queue: { id: itQueue.id },
      owner: { id: dispatcher.agentId },
    });
  });

  it('is refused without "create" on the queue of the new ticket, writing nothing', async () => {
    const { group, queue, source, articleId } = await ticketWithTwoRequests();
    const reader = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note', 'move_into', 'owner'] }]);
    const error = await expectRefused(ctx, [source.id], 'forbidden', () =>
      splitArticle(ctx, reader, source.id, { articleId }),
    );
    expect(error.params).toMatchObject({ permission: 'create', queue: queue.name });
  });

  it('is refused for an article of another ticket, and for a source the agent cannot see', async () => {
    const { agent, outsider, queue, source, articleId } = await ticketWithTwoRequests();
    const other = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [source.id, other.id], 'not_found', () =>
      splitArticle(ctx, agent, other.id, { articleId }),
    );
    await expectRefused(ctx, [source.id], 'not_found', () => splitArticle(ctx, outsider, source.id, { articleId }));
  });

  it('is refused to customer users, even on their own ticket', async () => {
    const { user, source, articleId } = await ticketWithTwoRequests();
    await expectRefused(ctx, [source.id], 'forbidden', () => splitArticle(ctx, user.actor, source.id, { articleId }));
  });

  it('is refused on a merged or removed ticket', async () => {
    const { agent, queue, source, articleId } = await ticketWithTwoRequests();
    await mergeTicket(ctx, agent, source.id, (await makeTicket(ctx, agent, queue.id)).id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () =>
      splitArticle(ctx, agent, source.id, { articleId }),
    );
    const removed = await ticketWithTwoRequests();
    await ctx.db.updateTable('tickets').set({ stateId: STATE.removed }).where('id', '=', removed.source.id).execute();
    await expectRefused(ctx, [removed.source.id], 'invalid_transition', () =>
      splitArticle(ctx, removed.agent, removed.source.id, { articleId: removed.articleId }),
    );
  });

  it('is refused into a deactivated queue', async () => {
    const { agent, source, articleId } = await ticketWithTwoRequests();
    const retired = await makeQueue(ctx, (await makeGroup(ctx)).id);
    await ctx.db.updateTable('queues').set({ valid: false }).where('id', '=', retired.id).execute();
    const error = await expectRefused(ctx, [source.id], 'validation', () =>
      splitArticle(ctx, agent, source.id, { articleId, queueId: retired.id }),
    );
    expect(error.field).toBe('queueId');
  });
});
