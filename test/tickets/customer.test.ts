import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FollowUpPolicy } from '../../server/db/schema.ts';
import { addCustomerReply } from '../../server/domain/tickets/commands/add-customer-reply.ts';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { createTicket } from '../../server/domain/tickets/commands/create-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { setState } from '../../server/domain/tickets/commands/set-state.ts';
import { unlockTicket } from '../../server/domain/tickets/commands/unlock-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { listTickets } from '../../server/domain/tickets/queries/list-tickets.ts';
import { getAttachment, listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { ticketHistory } from '../../server/domain/tickets/queries/ticket-history.ts';
import { makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import {
  admin,
  eventsSince,
  expectRefused,
  historySince,
  historyTypesSince,
  mark,
  STATE,
  snapshot,
} from './helpers.ts';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext();
});
afterAll(() => ctx.close());

/** What the portal sends: the customer's own words, visible to them. */
const portalArticle = {
  channel: 'internal',
  senderType: 'customer',
  visibleToCustomer: true,
  subject: 'Proiettore aula magna',
  bodyText: 'Il proiettore non si accende.',
} as const;
const reply = { subject: 'Novità?', bodyText: 'Ancora non funziona.' };

describe('customer user creates a ticket', () => {
  it('for their only customer; the system user owns it until an agent takes it', async () => {
    const { queue, agent } = await makeDesk(ctx, { portal: true });
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const since = await mark(ctx);

    // the desk's fields asked for by a customer user are ignored: owner, lock, state, pending time
    const created = await createTicket(ctx, user.actor, {
      title: 'Proiettore guasto',
      queueId: queue.id,
      ownerId: agent.agentId,
      lock: true,
      stateId: STATE.pendingAutoClosePlus,
      pendingUntil: new Date(Date.now() + 3_600_000),
      customerContact: 'someone@else.test',
      article: portalArticle,
    });

    const seen = await getTicket(ctx, user.actor, created.id);
    expect(seen).toMatchObject({
      title: 'Proiettore guasto',
      state: { name: 'new' },
      customer: { id: customer.id },
      customerUser: { id: user.id, login: user.login },
    });
    // the desk's business is not shown to customers
    expect(seen).not.toHaveProperty('owner');
    expect(seen).not.toHaveProperty('lock');
    expect(seen).not.toHaveProperty('accountedMinutes');
    expect(await getTicket(ctx, agent, created.id)).toMatchObject({
      owner: { id: 1 },
      responsible: { id: 1 },
      lock: 'unlock',
      pendingUntil: null,
      customerContact: '',
    });
    const history = await historySince(ctx, since, created.id);
    expect(history.map((row) => [row.type, row.by])).toEqual([
      ['NewTicket', user.login],
      ['WebRequestCustomer', user.login],
    ]);
    const events = await eventsSince(ctx, since, created.id);
    expect(events.map((event) => [event.type, event.actorCustomerUserId, event.actorAgentId])).toEqual([
      ['ticket.created', user.id, null],
    ]);
  });

  it('must name the customer when they work for several and none is primary', async () => {
    const { queue } = await makeDesk(ctx, { portal: true });
    const school = await makeCustomer(ctx);
    const library = await makeCustomer(ctx);
    const consultant = await makeCustomerUser(ctx, [{ id: school.id }, { id: library.id }]);
    const input = { title: 'Rete', queueId: queue.id, article: portalArticle };

    const error = await expectRefused(ctx, [], 'validation', () => createTicket(ctx, consultant.actor, input));
    expect(error).toMatchObject({ field: 'customerId', messageKey: 'error.customer_user_many_customers' });

    const created = await createTicket(ctx, consultant.actor, { ...input, customerId: library.id });
    expect(await getTicket(ctx, consultant.actor, created.id)).toMatchObject({ customer: { id: library.id } });
  });

  it('gets their primary customer when they name none', async () => {
    const { queue } = await makeDesk(ctx, { portal: true });
    const school = await makeCustomer(ctx);
    const library = await makeCustomer(ctx);
    const employee = await makeCustomerUser(ctx, [{ id: school.id }, { id: library.id, isPrimary: true }]);

    const created = await createTicket(ctx, employee.actor, {
      title: 'Rete',
      queueId: queue.id,
      article: portalArticle,
    });

    expect(await getTicket(ctx, employee.actor, created.id)).toMatchObject({ customer: { id: library.id } });
  });

  it('cannot open a ticket for a customer they do not work for', async () => {
    const { queue } = await makeDesk(ctx, { portal: true });
    const own = await makeCustomer(ctx);
    const other = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: own.id }]);

    const error = await expectRefused(ctx, [], 'validation', () =>
      createTicket(ctx, user.actor, { title: 'Rete', queueId: queue.id, customerId: other.id, article: portalArticle }),
    );
    expect(error).toMatchObject({ field: 'customerId', messageKey: 'error.customer_user_not_in_customer' });
  });
});

describe('customer reply', () => {
  async function customerTicket(policy: FollowUpPolicy = 'reopen', followUpLock = false) {
    const desk = await makeDesk(ctx, { portal: true });
    await ctx.db
      .updateTable('queues')
      .set({ followUpPolicy: policy, followUpLock })
      .where('id', '=', desk.queue.id)
      .execute();
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const ticket = await makeTicket(ctx, desk.agent, desk.queue.id, { customerUserId: user.id });
    return { ...desk, customer, user, ticket };
  }

  it('adds the customer’s words as a follow-up; an open ticket stays open', async () => {
    const { agent, user, ticket } = await customerTicket();
    await setState(ctx, agent, ticket.id, { stateId: STATE.open });
    const since = await mark(ctx);

    const { articleId } = await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect((await listArticles(ctx, user.actor, ticket.id)).at(-1)).toMatchObject({
      id: articleId,
      senderType: 'customer',
      channel: 'internal',
      visibleToCustomer: true,
      subject: reply.subject,
    });
    expect(await getTicket(ctx, agent, ticket.id)).toMatchObject({ state: { name: 'open' }, lock: 'lock' });
    const history = await historySince(ctx, since, ticket.id);
    expect(history.map((row) => [row.type, row.articleId, row.by])).toEqual([['FollowUp', articleId, user.login]]);
    const events = await eventsSince(ctx, since, ticket.id);
    expect(events.map((event) => [event.type, event.actorCustomerUserId])).toEqual([['article.created', user.id]]);
  });

  it('leaves a new ticket new', async () => {
    const { agent, user, ticket } = await customerTicket();
    const since = await mark(ctx);

    await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect(await getTicket(ctx, agent, ticket.id)).toMatchObject({ state: { name: 'new' } });
    expect(await historyTypesSince(ctx, since, ticket.id)).toEqual(['FollowUp']);
  });

  it('turns a pending ticket open and clears its pending time', async () => {
    const { agent, user, ticket } = await customerTicket();
    await setState(ctx, agent, ticket.id, {
      stateId: STATE.pendingReminder,
      pendingUntil: new Date(Date.now() + 86_400_000),
    });
    const since = await mark(ctx);

    await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect(await getTicket(ctx, user.actor, ticket.id)).toMatchObject({ state: { name: 'open' }, pendingUntil: null });
    const history = await historySince(ctx, since, ticket.id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['FollowUp', { subject: reply.subject }],
      ['StateUpdate', { from: 'pending reminder', to: 'open' }],
    ]);
  });

  it('reopens a closed ticket where the queue allows follow-ups', async () => {
    const { agent, user, ticket } = await customerTicket('reopen');
    await closeTicket(ctx, agent, ticket.id, { successful: true });
    const since = await mark(ctx);

    await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect(await getTicket(ctx, agent, ticket.id)).toMatchObject({
      state: { name: 'open' },
      lock: 'unlock',
      owner: { id: agent.agentId },
    });
    expect(await historyTypesSince(ctx, since, ticket.id)).toEqual(['FollowUp', 'StateUpdate']);
  });

  it('locks a reopened ticket to its owner again where the queue has follow-up lock', async () => {
    const { agent, user, ticket } = await customerTicket('reopen', true);
    await closeTicket(ctx, agent, ticket.id, { successful: true });
    const since = await mark(ctx);

    await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect(await getTicket(ctx, agent, ticket.id)).toMatchObject({
      state: { name: 'open' },
      lock: 'lock',
      owner: { id: agent.agentId },
    });
    expect(await historyTypesSince(ctx, since, ticket.id)).toEqual(['FollowUp', 'StateUpdate', 'Lock']);
    expect(await eventsSince(ctx, since, ticket.id)).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'ticket.locked', actorCustomerUserId: user.id })]),
    );
  });

  it('does not lock a reopened ticket nobody owned, nor one that was not closed', async () => {
    const { queue, agent, user, ticket } = await customerTicket('reopen', true);
    const unowned = await createTicket(ctx, user.actor, { title: 'Rete', queueId: queue.id, article: portalArticle });
    // closed from the command line: the system user takes no lock and no ownership
    await closeTicket(ctx, admin, unowned.id, { successful: true });
    await setState(ctx, agent, ticket.id, { stateId: STATE.open });
    await unlockTicket(ctx, agent, ticket.id);

    await addCustomerReply(ctx, user.actor, unowned.id, reply);
    await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect(await getTicket(ctx, agent, unowned.id)).toMatchObject({
      state: { name: 'open' },
      lock: 'unlock',
      owner: { id: 1 },
    });
    expect(await getTicket(ctx, agent, ticket.id)).toMatchObject({ state: { name: 'open' }, lock: 'unlock' });
  });

  it('is refused on a closed ticket where the queue rejects follow-ups or wants a new ticket', async () => {
    for (const policy of ['reject', 'new_ticket'] as const) {
      const { agent, user, ticket } = await customerTicket(policy);
      await closeTicket(ctx, agent, ticket.id, { successful: false });
      const error = await expectRefused(ctx, [ticket.id], 'invalid_transition', () =>
        addCustomerReply(ctx, user.actor, ticket.id, reply),
      );
      expect(error.params).toMatchObject({ state: 'closed unsuccessful' });
    }
  });

  it('is allowed on an open ticket of a rejecting queue: the policy is about closed tickets', async () => {
    const { agent, user, ticket } = await customerTicket('reject');
    await setState(ctx, agent, ticket.id, { stateId: STATE.open });

    await addCustomerReply(ctx, user.actor, ticket.id, reply);

    expect((await listArticles(ctx, agent, ticket.id)).at(-1)).toMatchObject({ subject: reply.subject });
  });

  it('is refused on a merged ticket, to agents, and on someone else’s ticket', async () => {
    const { queue, agent, customer, user, ticket } = await customerTicket();
    const colleague = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const target = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });

    await expectRefused(ctx, [ticket.id], 'forbidden', () => addCustomerReply(ctx, agent, ticket.id, reply));
    await expectRefused(ctx, [ticket.id], 'not_found', () => addCustomerReply(ctx, colleague.actor, ticket.id, reply));
    await mergeTicket(ctx, agent, ticket.id, target.id);
    await expectRefused(ctx, [ticket.id], 'invalid_transition', () =>
      addCustomerReply(ctx, user.actor, ticket.id, reply),
    );
  });

  it('refuses an attachment over the size limit and writes nothing', async () => {
    const { user, ticket } = await customerTicket();
    await expectRefused(ctx, [ticket.id], 'too_large', () =>
      addCustomerReply(ctx, user.actor, ticket.id, {
        ...reply,
        attachments: [
          {
            filename: 'video.mp4',
            contentType: 'video/mp4',
            content: new Uint8Array(ctx.config.attachmentMaxBytes + 1),
          },
        ],
      }),
    );
  });
});

describe('what customer users see', () => {
  /**
   * Comune di Rimini (one colleague may see all its tickets, one only their own) and another
   * customer; plus a company ticket without a customer user and an internal one.
   */
  async function twoCustomers() {
    const { queue, agent } = await makeDesk(ctx);
    const rimini = await makeCustomer(ctx);
    const cesena = await makeCustomer(ctx);
    const clerk = await makeCustomerUser(ctx, [{ id: rimini.id }]);
    const head = await makeCustomerUser(ctx, [{ id: rimini.id, canSeeAll: true }]);
    const stranger = await makeCustomerUser(ctx, [{ id: cesena.id }]);
    const clerkTicket = await makeTicket(ctx, agent, queue.id, { customerUserId: clerk.id, title: 'Stampante' });
    const headTicket = await makeTicket(ctx, agent, queue.id, { customerUserId: head.id, title: 'Bilancio' });
    const companyTicket = await makeTicket(ctx, agent, queue.id, { customerId: rimini.id, title: 'Contratto' });
    const strangerTicket = await makeTicket(ctx, agent, queue.id, { customerUserId: stranger.id, title: 'Rete' });
    const internal = await makeTicket(ctx, agent, queue.id, { title: 'Backup' });
    return { agent, clerk, head, stranger, clerkTicket, headTicket, companyTicket, strangerTicket, internal };
  }

  it('lists only their own tickets, or all of their customer’s where allowed', async () => {
    const t = await twoCustomers();
    const ids = async (actor: Parameters<typeof listTickets>[1]) =>
      (await listTickets(ctx, actor, { sort: 'created', order: 'asc' })).items.map((ticket) => ticket.id);

    expect(await ids(t.clerk.actor)).toEqual([t.clerkTicket.id]);
    expect(await ids(t.head.actor)).toEqual([t.clerkTicket.id, t.headTicket.id, t.companyTicket.id]);
    expect(await ids(t.stranger.actor)).toEqual([t.strangerTicket.id]);
    const page = await listTickets(ctx, t.clerk.actor, {});
    expect(page.total).toBe(1);
    expect(page.items[0]).not.toHaveProperty('owner');
  });

  it('opens only those tickets; any other is reported missing', async () => {
    const t = await twoCustomers();

    expect(await getTicket(ctx, t.head.actor, t.clerkTicket.id)).toMatchObject({ title: 'Stampante' });
    expect(await getTicket(ctx, t.head.actor, t.companyTicket.id)).toMatchObject({ title: 'Contratto' });
    for (const id of [t.headTicket.id, t.companyTicket.id, t.strangerTicket.id, t.internal.id]) {
      await expectRefused(ctx, [id], 'not_found', () => getTicket(ctx, t.clerk.actor, id));
    }
    await expectRefused(ctx, [t.clerkTicket.id], 'not_found', () => getTicket(ctx, t.stranger.actor, t.clerkTicket.id));
  });

  it('shows only the articles visible to the customer, and none of the history', async () => {
    const t = await twoCustomers();
    const { articleId: internalNote } = await addNote(ctx, t.agent, t.clerkTicket.id, {
      subject: 'Interno',
      bodyText: 'Cliente difficile.',
      attachments: [
        { filename: 'nota.txt', contentType: 'text/plain', content: new TextEncoder().encode('riservato') },
      ],
    });
    const { articleId: answer } = await addNote(ctx, t.agent, t.clerkTicket.id, {
      subject: 'Risposta',
      bodyText: 'Arriva il tecnico.',
      visibleToCustomer: true,
    });

    const seen = await listArticles(ctx, t.clerk.actor, t.clerkTicket.id);
    expect(seen.map((article) => article.id)).toEqual([t.clerkTicket.articleId, answer]);
    expect((await listArticles(ctx, t.agent, t.clerkTicket.id)).map((article) => article.id)).toContain(internalNote);
    const agentView = await listArticles(ctx, t.agent, t.clerkTicket.id);
    const fileId = agentView.find((article) => article.id === internalNote)?.attachments[0]?.id ?? 0;
    await expectRefused(ctx, [], 'not_found', () => getAttachment(ctx, t.clerk.actor, t.clerkTicket.id, fileId));
    await expectRefused(ctx, [], 'forbidden', () => ticketHistory(ctx, t.clerk.actor, t.clerkTicket.id));
    await expectRefused(ctx, [], 'not_found', () => listArticles(ctx, t.stranger.actor, t.clerkTicket.id));
  });

  it('finds by full text only what they may read: not the words of an internal note', async () => {
    const t = await twoCustomers();
    await addNote(ctx, t.agent, t.clerkTicket.id, { subject: 'Interno', bodyText: 'Cliente litigioso.' });
    await addNote(ctx, t.agent, t.clerkTicket.id, {
      subject: 'Risposta',
      bodyText: 'Toner ordinato.',
      visibleToCustomer: true,
    });
    const found = async (actor: Parameters<typeof listTickets>[1], text: string) =>
      (await listTickets(ctx, actor, { text })).items.map((ticket) => ticket.id);

    expect(await found(t.agent, 'litigioso')).toEqual([t.clerkTicket.id]);
    expect(await found(t.clerk.actor, 'litigioso')).toEqual([]);
    expect((await listTickets(ctx, t.clerk.actor, { text: 'litigioso' })).total).toBe(0);
    expect(await found(t.clerk.actor, 'toner')).toEqual([t.clerkTicket.id]);
  });

  it('cannot filter by lock, owner, responsible or my queues, which they are not shown', async () => {
    const t = await twoCustomers();
    const filters = [
      { field: 'lock', filter: { lock: 'lock' } },
      { field: 'ownerId', filter: { ownerId: t.agent.agentId } },
      { field: 'responsibleId', filter: { responsibleId: t.agent.agentId } },
      { field: 'myQueues', filter: { myQueues: true } },
    ] as const;
    for (const { field, filter } of filters) {
      const error = await expectRefused(ctx, [], 'validation', () => listTickets(ctx, t.clerk.actor, filter));
      expect(error).toMatchObject({ field, messageKey: 'error.agent_only_filter' });
    }
    expect((await listTickets(ctx, t.agent, { lock: 'unlock' })).total).toBeGreaterThan(0);
  });

  it('lets a colleague who sees all of the customer’s tickets reply to one', async () => {
    const t = await twoCustomers();
    const before = await snapshot(ctx, [t.clerkTicket.id]);

    await addCustomerReply(ctx, t.head.actor, t.clerkTicket.id, reply);

    const history = await ticketHistory(ctx, t.agent, t.clerkTicket.id);
    expect(history.at(-1)).toMatchObject({ type: 'FollowUp', by: t.head.login });
    expect((await snapshot(ctx, [t.clerkTicket.id])).counts.articles).toBe(before.counts.articles + 1);
  });
});
