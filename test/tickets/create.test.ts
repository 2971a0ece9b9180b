import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTicket } from '../../server/domain/tickets/commands/create-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { getAttachment, listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeGroup, ticketInput } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { eventsSince, expectRefused, historySince, mark, pendingJobs, STATE, snapshot } from './helpers.ts';

const LIMIT = 2048;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ attachmentMaxBytes: LIMIT });
});
afterAll(() => ctx.close());

const bytes = (text: string) => new TextEncoder().encode(text);

async function counters() {
  return ctx.db.selectFrom('ticketNumberCounters').selectAll().orderBy('scope').execute();
}

describe('create', () => {
  it('needs only "create": the creator owns the new, unlocked ticket', async () => {
    const { group, queue } = await makeDesk(ctx);
    const frontDesk = await makeAgent(ctx, [{ groupId: group.id, permissions: ['create'] }]);
    const since = await mark(ctx);

    const created = await createTicket(ctx, frontDesk, ticketInput(queue.id));

    // the owner sees their ticket without "ro" (OwnerCheck)
    const ticket = await getTicket(ctx, frontDesk, created.id);
    expect(ticket).toMatchObject({
      tn: created.tn,
      title: 'Variazione orario biblioteca',
      queue: { id: queue.id, name: queue.name },
      state: { name: 'new', type: 'new' },
      priority: { id: 3, name: '3 normal' },
      type: null,
      owner: { id: frontDesk.agentId },
      responsible: { id: frontDesk.agentId },
      lock: 'unlock',
      customer: null,
      customerUser: null,
      pendingUntil: null,
      accountedMinutes: 0,
    });
    expect(created.tn).toMatch(/^\d{8}10\d{5}\d$/);
    expect(await listArticles(ctx, frontDesk, created.id)).toEqual([
      expect.objectContaining({
        id: created.articleId,
        channel: 'phone',
        senderType: 'customer',
        visibleToCustomer: true,
        subject: 'Variazione orario biblioteca',
      }),
    ]);
    const history = await historySince(ctx, since, created.id);
    expect(history.map((row) => [row.type, row.articleId, row.by])).toEqual([
      ['NewTicket', null, frontDesk.login],
      ['PhoneCallCustomer', created.articleId, frontDesk.login],
    ]);
    expect(history[0]?.data).toEqual({ tn: created.tn, queue: queue.name, state: 'new' });
    const events = await eventsSince(ctx, since);
    expect(events.map((event) => [event.ticketId, event.type, event.payload, event.actorAgentId])).toEqual([
      [created.id, 'ticket.created', { articleId: created.articleId }, frontDesk.agentId],
    ]);
  });

  it('takes the owner, responsible, lock, state, priority, type and customer given', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const supervisor = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro'] }]);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);

    const created = await createTicket(
      ctx,
      agent,
      ticketInput(queue.id, {
        ownerId: colleague.agentId,
        responsibleId: supervisor.agentId,
        lock: true,
        stateId: STATE.open,
        priorityId: 5,
        typeId: 1,
        customerUserId: user.id,
        customerContact: 'paolo@example.test',
      }),
    );

    expect(await getTicket(ctx, agent, created.id)).toMatchObject({
      owner: { id: colleague.agentId },
      responsible: { id: supervisor.agentId },
      lock: 'lock',
      state: { name: 'open' },
      priority: { id: 5 },
      type: { id: 1, name: 'Unclassified' },
      customerUser: { id: user.id },
      customer: { id: customer.id },
      customerContact: 'paolo@example.test',
    });
  });

  it('opens a ticket created locked: it is taken, not waiting among the new ones', async () => {
    const { queue, agent } = await makeDesk(ctx);

    const created = await createTicket(ctx, agent, ticketInput(queue.id, { lock: true }));

    expect(await getTicket(ctx, agent, created.id)).toMatchObject({ lock: 'lock', state: { name: 'open' } });
  });

  it('is refused without "create" on the queue’s group, writing nothing', async () => {
    const { group, queue, outsider } = await makeDesk(ctx);
    const reader = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro', 'move_into', 'note', 'owner', 'priority'] },
    ]);
    const elsewhere = await makeAgent(ctx, [{ groupId: (await makeGroup(ctx)).id, permissions: ['rw'] }]);
    const before = await counters();

    for (const actor of [reader, elsewhere, outsider]) {
      const error = await expectRefused(ctx, [], 'forbidden', () => createTicket(ctx, actor, ticketInput(queue.id)));
      expect(error.params).toMatchObject({ permission: 'create', queue: queue.name });
    }
    // not even a ticket number was used up
    expect(await counters()).toEqual(before);
  });

  it('refuses unknown or deactivated queue, priority, type and owner', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const leaver = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    await ctx.db.updateTable('agents').set({ valid: false }).where('id', '=', leaver.agentId).execute();
    const retiredType = await ctx.db
      .insertInto('ticketTypes')
      .values({ name: `Retired ${leaver.agentId}`, valid: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cases = [
      [{ queueId: 987_654 }, 'queueId'],
      [{ priorityId: 987_654 }, 'priorityId'],
      [{ typeId: retiredType.id }, 'typeId'],
      [{ ownerId: leaver.agentId }, 'ownerId'],
      [{ responsibleId: 987_654 }, 'responsibleId'],
    ] as const;
    for (const [overrides, field] of cases) {
      const error = await expectRefused(ctx, [], 'validation', () =>
        createTicket(ctx, agent, ticketInput(queue.id, overrides)),
      );
      expect(error.field).toBe(field);
    }
  });

  it('hands the new ticket only to an owner with "owner" and a responsible with "ro" on the queue', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const lead = await makeAgent(ctx, [{ groupId: group.id, permissions: ['owner'] }]);
    const reader = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro'] }]);

    const created = await createTicket(
      ctx,
      agent,
      ticketInput(queue.id, { ownerId: lead.agentId, responsibleId: reader.agentId }),
    );

    expect(await getTicket(ctx, agent, created.id)).toMatchObject({
      owner: { id: lead.agentId },
      responsible: { id: reader.agentId },
    });
  });

  it('refuses an owner without "owner" and a responsible without "ro", as setting them later does', async () => {
    const { group, queue, agent, outsider } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro', 'move_into', 'create', 'note', 'priority'] },
    ]);
    const elsewhere = await makeAgent(ctx, [{ groupId: (await makeGroup(ctx)).id, permissions: ['rw'] }]);
    const before = await counters();

    const cases = [
      [{ ownerId: helper.agentId }, 'ownerId', helper.login, 'owner'],
      [{ ownerId: elsewhere.agentId }, 'ownerId', elsewhere.login, 'owner'],
      [{ ownerId: outsider.agentId }, 'ownerId', outsider.login, 'owner'],
      [{ responsibleId: elsewhere.agentId }, 'responsibleId', elsewhere.login, 'ro'],
      [{ responsibleId: outsider.agentId }, 'responsibleId', outsider.login, 'ro'],
    ] as const;
    for (const [overrides, field, login, permission] of cases) {
      const error = await expectRefused(ctx, [], 'validation', () =>
        createTicket(ctx, agent, ticketInput(queue.id, overrides)),
      );
      expect(error).toMatchObject({
        field,
        messageKey: 'error.agent_lacks_permission',
        params: { agent: login, permission, queue: queue.name },
      });
    }
    // checked before the ticket number is taken
    expect(await counters()).toEqual(before);
  });

  it('refuses to create a ticket closed or merged', async () => {
    const { queue, agent } = await makeDesk(ctx);
    for (const stateId of [STATE.closedSuccessful, STATE.merged, STATE.removed]) {
      const error = await expectRefused(ctx, [], 'validation', () =>
        createTicket(ctx, agent, ticketInput(queue.id, { stateId })),
      );
      expect(error).toMatchObject({ field: 'stateId', messageKey: 'error.state_not_settable' });
    }
  });

  it('refuses a customer user with several customers when none is named or primary', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const consultant = await makeCustomerUser(ctx, [
      { id: (await makeCustomer(ctx)).id },
      { id: (await makeCustomer(ctx)).id },
    ]);
    const error = await expectRefused(ctx, [], 'validation', () =>
      createTicket(ctx, agent, ticketInput(queue.id, { customerUserId: consultant.id })),
    );
    expect(error.field).toBe('customerId');
  });
});

describe('create pending', () => {
  it('needs a pending time in the future', async () => {
    const { queue, agent } = await makeDesk(ctx);
    for (const pendingUntil of [undefined, null, new Date(Date.now() - 60_000)]) {
      const error = await expectRefused(ctx, [], 'validation', () =>
        createTicket(ctx, agent, ticketInput(queue.id, { stateId: STATE.pendingReminder, pendingUntil })),
      );
      expect(error).toMatchObject({ field: 'pendingUntil', messageKey: 'error.pending_needs_time' });
    }
  });

  it('stores the pending time and schedules its check', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const until = new Date(Date.now() + 2 * 86_400_000);
    const since = await mark(ctx);

    const created = await createTicket(
      ctx,
      agent,
      ticketInput(queue.id, { stateId: STATE.pendingAutoClosePlus, pendingUntil: until }),
    );

    expect(await getTicket(ctx, agent, created.id)).toMatchObject({
      state: { name: 'pending auto close+' },
      pendingUntil: until.toISOString(),
    });
    expect((await pendingJobs(ctx, created.id)).map((job) => job.pendingUntil)).toEqual([until.toISOString()]);
    const history = await historySince(ctx, since, created.id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['NewTicket', { tn: created.tn, queue: queue.name, state: 'pending auto close+' }],
      ['PhoneCallCustomer', {}],
      ['SetPendingTime', { pendingUntil: until.toISOString() }],
    ]);
  });

  it('ignores a pending time for a state that is not pending', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const created = await createTicket(
      ctx,
      agent,
      ticketInput(queue.id, { stateId: STATE.open, pendingUntil: new Date(Date.now() + 86_400_000) }),
    );
    expect(await getTicket(ctx, agent, created.id)).toMatchObject({ state: { name: 'open' }, pendingUntil: null });
    expect(await pendingJobs(ctx, created.id)).toEqual([]);
  });
});

describe('create with attachments', () => {
  it('stores the files with the first article, each content once', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const logo = new Uint8Array(LIMIT).fill(7);
    const before = await snapshot(ctx, []);

    const created = await createTicket(
      ctx,
      agent,
      ticketInput(queue.id, {
        article: {
          channel: 'email',
          senderType: 'customer',
          visibleToCustomer: true,
          from: 'paolo@example.test',
          subject: 'Orari',
          bodyText: 'In allegato.',
          bodyHtml: '<p>In allegato. <img src="cid:logo@x"></p>',
          attachments: [
            { filename: 'orari.pdf', contentType: 'application/pdf', content: bytes('%PDF-1.4 orari') },
            { filename: 'logo.png', contentType: 'image/png', content: logo, contentId: 'logo@x', inline: true },
            { filename: 'copia-orari.pdf', contentType: 'application/pdf', content: bytes('%PDF-1.4 orari') },
          ],
        },
      }),
    );

    const [article] = await listArticles(ctx, agent, created.id);
    expect(article?.attachments).toEqual([
      expect.objectContaining({ filename: 'orari.pdf', contentType: 'application/pdf', size: 14, inline: false }),
      expect.objectContaining({ filename: 'logo.png', size: LIMIT, contentId: 'logo@x', inline: true }),
      expect.objectContaining({ filename: 'copia-orari.pdf', size: 14 }),
    ]);
    const logoFile = await getAttachment(ctx, agent, created.id, article?.attachments[1]?.id ?? 0);
    expect(logoFile).toMatchObject({ filename: 'logo.png', contentType: 'image/png' });
    expect(Array.from(logoFile.content)).toEqual(Array.from(logo));
    expect((await snapshot(ctx, [])).counts).toMatchObject({
      tickets: before.counts.tickets + 1,
      attachments: before.counts.attachments + 3,
      contents: before.counts.contents + 2,
    });
  });

  it('refuses a file over the size limit and writes nothing, not even a ticket number', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const before = await counters();

    const error = await expectRefused(ctx, [], 'too_large', () =>
      createTicket(
        ctx,
        agent,
        ticketInput(queue.id, {
          article: {
            channel: 'phone',
            senderType: 'customer',
            visibleToCustomer: true,
            subject: 'Scansione',
            attachments: [
              { filename: 'ok.txt', contentType: 'text/plain', content: bytes('ok') },
              { filename: 'scansione.tiff', contentType: 'image/tiff', content: new Uint8Array(LIMIT + 1) },
            ],
          },
        }),
      ),
    );
    expect(error.params).toEqual({ filename: 'scansione.tiff', size: LIMIT + 1, limit: LIMIT });
    expect(await counters()).toEqual(before);
  });
});
