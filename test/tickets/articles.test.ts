import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountTime } from '../../server/domain/tickets/commands/account-time.ts';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { addOutgoingEmail } from '../../server/domain/tickets/commands/add-outgoing-email.ts';
import { addPhoneCall } from '../../server/domain/tickets/commands/add-phone-call.ts';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { mergeTicket } from '../../server/domain/tickets/commands/merge-ticket.ts';
import { getTicket } from '../../server/domain/tickets/queries/get-ticket.ts';
import { getAttachment, listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import {
  eventsSince,
  eventTypesSince,
  expectRefused,
  historySince,
  historyTypesSince,
  mark,
  STATE,
} from './helpers.ts';

const LIMIT = 4096;
let ctx: TestContext;
beforeAll(async () => {
  ctx = await createTestContext({ attachmentMaxBytes: LIMIT });
});
afterAll(() => ctx.close());

const bytes = (text: string) => new TextEncoder().encode(text);
const note = { subject: 'Richiamare', bodyText: 'Il cliente richiama lunedì.' };

describe('note', () => {
  it('adds an internal note with "note" only, and does not touch state or lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    const { articleId } = await addNote(ctx, helper, id, note);

    const articles = await listArticles(ctx, helper, id);
    expect(articles).toHaveLength(2);
    expect(articles[1]).toMatchObject({
      id: articleId,
      number: 2,
      channel: 'internal',
      senderType: 'agent',
      visibleToCustomer: false,
      subject: note.subject,
      bodyText: note.bodyText,
      from: `Test ${helper.login}`,
    });
    expect(await getTicket(ctx, helper, id)).toMatchObject({ state: { name: 'new' }, lock: 'unlock' });
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => row.type)).toEqual(['AddNote']);
    expect(history[0]).toMatchObject({ articleId, by: helper.login });
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.type)).toEqual(['article.created']);
    expect(events[0]?.payload).toEqual({
      articleId,
      channel: 'internal',
      senderType: 'agent',
      visibleToCustomer: false,
    });
  });

  it('may be visible to the customer, carry attachments and account time', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    const { articleId } = await addNote(ctx, agent, id, {
      ...note,
      visibleToCustomer: true,
      timeMinutes: 15,
      attachments: [{ filename: 'orari.txt', contentType: 'text/plain', content: bytes('lun-ven 9-18') }],
    });

    const article = (await listArticles(ctx, agent, id)).find((row) => row.id === articleId);
    expect(article).toMatchObject({ visibleToCustomer: true });
    expect(article?.attachments).toEqual([
      expect.objectContaining({ filename: 'orari.txt', contentType: 'text/plain', size: 12, inline: false }),
    ]);
    const attachmentId = article?.attachments[0]?.id ?? 0;
    const file = await getAttachment(ctx, agent, id, attachmentId);
    expect(new TextDecoder().decode(file.content)).toBe('lun-ven 9-18');
    expect(await getTicket(ctx, agent, id)).toMatchObject({ accountedMinutes: 15 });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['AddNote', 'TimeAccounting']);
    expect(await eventTypesSince(ctx, since, id)).toEqual(['article.created', 'ticket.time_accounted']);
  });

  it('is allowed on a ticket another agent has locked, and on a closed one', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const locked = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, locked.id);
    const closed = await makeTicket(ctx, agent, queue.id);
    await closeTicket(ctx, agent, closed.id, { successful: true });

    await addNote(ctx, colleague, locked.id, note);
    await addNote(ctx, colleague, closed.id, note);

    expect(await getTicket(ctx, colleague, locked.id)).toMatchObject({ lock: 'lock', owner: { id: agent.agentId } });
    expect(await getTicket(ctx, colleague, closed.id)).toMatchObject({ state: { name: 'closed successful' } });
  });

  it('is refused without "note"', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const reader = await makeAgent(ctx, [
      { groupId: group.id, permissions: ['ro', 'move_into', 'create', 'owner', 'priority'] },
    ]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id], 'forbidden', () => addNote(ctx, reader, id, note));
  });

  it('is refused to customer users, to agents who cannot see the ticket, and on merged tickets', async () => {
    const { queue, agent, outsider } = await makeDesk(ctx);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [source.id], 'forbidden', () => addNote(ctx, user.actor, source.id, note));
    await expectRefused(ctx, [source.id], 'not_found', () => addNote(ctx, outsider, source.id, note));
    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () => addNote(ctx, agent, source.id, note));
  });

  it('refuses an attachment over the size limit and writes nothing', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const error = await expectRefused(ctx, [id], 'too_large', () =>
      addNote(ctx, agent, id, {
        ...note,
        timeMinutes: 10,
        attachments: [
          { filename: 'small.txt', contentType: 'text/plain', content: bytes('ok') },
          { filename: 'scan.pdf', contentType: 'application/pdf', content: new Uint8Array(LIMIT + 1) },
        ],
      }),
    );
    expect(error.params).toMatchObject({ filename: 'scan.pdf', size: LIMIT + 1, limit: LIMIT });
  });
});

describe('phone call', () => {
  it('outbound: the agent’s words, visible to the customer; takes the lock (opening a new ticket) and ownership', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    const { articleId } = await addPhoneCall(ctx, colleague, id, {
      direction: 'outbound',
      subject: 'Chiamata',
      bodyText: 'Ho spiegato i nuovi orari.',
      timeMinutes: 5,
    });

    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      lock: 'lock',
      owner: { id: colleague.agentId },
      state: { name: 'open' },
      accountedMinutes: 5,
    });
    expect((await listArticles(ctx, colleague, id)).at(-1)).toMatchObject({
      id: articleId,
      channel: 'phone',
      senderType: 'agent',
      visibleToCustomer: true,
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual([
      'Lock',
      'StateUpdate',
      'OwnerUpdate',
      'PhoneCallAgent',
      'TimeAccounting',
    ]);
    expect(await eventTypesSince(ctx, since, id)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
      'article.created',
      'ticket.time_accounted',
    ]);
  });

  it('outbound with a next state: pending reminder at the time given', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const until = new Date(Date.now() + 3 * 86_400_000);
    const since = await mark(ctx);

    await addPhoneCall(ctx, agent, id, {
      direction: 'outbound',
      subject: 'Chiamata',
      bodyText: 'Richiamo giovedì.',
      nextStateId: STATE.pendingReminder,
      pendingUntil: until,
    });

    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'pending reminder' },
      pendingUntil: until.toISOString(),
      lock: 'lock',
    });
    // the lock opened the new ticket; the next state then follows the call
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.data])).toEqual([
      ['Lock', {}],
      ['StateUpdate', { from: 'new', to: 'open' }],
      ['PhoneCallAgent', { subject: 'Chiamata' }],
      ['StateUpdate', { from: 'open', to: 'pending reminder' }],
      ['SetPendingTime', { pendingUntil: until.toISOString() }],
    ]);
  });

  it('inbound: the customer’s words; no lock taken, allowed while another agent holds it', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    const since = await mark(ctx);

    const { articleId } = await addPhoneCall(ctx, colleague, id, {
      direction: 'inbound',
      subject: 'Il cliente chiama',
      bodyText: 'Chiede se ci sono novità.',
    });

    expect(await getTicket(ctx, colleague, id)).toMatchObject({ lock: 'lock', owner: { id: agent.agentId } });
    expect((await listArticles(ctx, colleague, id)).at(-1)).toMatchObject({
      id: articleId,
      channel: 'phone',
      senderType: 'customer',
      visibleToCustomer: true,
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['PhoneCallCustomer']);
    expect(await eventTypesSince(ctx, since, id)).toEqual(['article.created']);
  });

  it('outbound is refused while another agent holds the lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    await lockTicket(ctx, agent, id);
    await expectRefused(ctx, [id], 'locked_by_other', () =>
      addPhoneCall(ctx, colleague, id, { direction: 'outbound', subject: 'x', bodyText: 'y' }),
    );
  });

  it('is refused without rw, in either direction', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note', 'owner', 'priority'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    for (const direction of ['inbound', 'outbound'] as const) {
      await expectRefused(ctx, [id], 'forbidden', () =>
        addPhoneCall(ctx, helper, id, { direction, subject: 'x', bodyText: 'y' }),
      );
    }
  });

  it('rolls back the lock and the article when the next state is refused', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const error = await expectRefused(ctx, [id], 'validation', () =>
      addPhoneCall(ctx, colleague, id, {
        direction: 'outbound',
        subject: 'Chiamata',
        bodyText: 'Richiamo.',
        timeMinutes: 5,
        nextStateId: STATE.pendingReminder,
      }),
    );
    expect(error.field).toBe('pendingUntil');
  });
});

describe('outgoing email', () => {
  it('queues an email to the customer and takes the lock', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    const { articleId } = await addOutgoingEmail(ctx, colleague, id, {
      to: 'paolo@example.test',
      cc: 'ufficio@example.test',
      subject: 'Nuovi orari',
      bodyText: 'Buongiorno, ecco i nuovi orari.',
    });

    expect((await listArticles(ctx, colleague, id)).at(-1)).toMatchObject({
      id: articleId,
      channel: 'email',
      senderType: 'agent',
      visibleToCustomer: true,
      to: 'paolo@example.test',
      cc: 'ufficio@example.test',
      sendStatus: 'queued',
      inReplyTo: null,
    });
    expect(await getTicket(ctx, colleague, id)).toMatchObject({
      lock: 'lock',
      owner: { id: colleague.agentId },
      state: { name: 'open' },
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual(['Lock', 'StateUpdate', 'OwnerUpdate', 'EmailAgent']);
    expect(await eventTypesSince(ctx, since, id)).toEqual([
      'ticket.locked',
      'ticket.state_changed',
      'ticket.owner_changed',
      'article.created',
    ]);
  });

  it('threads a reply under the article answered, and records a forward as Forward', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id, articleId: original } = await makeTicket(ctx, agent, queue.id, {
      article: {
        channel: 'email',
        senderType: 'customer',
        visibleToCustomer: true,
        from: 'paolo@example.test',
        subject: 'Orari',
        bodyText: 'Quali sono i nuovi orari?',
        messageId: '<m2@example.test>',
        references: '<m1@example.test>',
      },
    });
    const since = await mark(ctx);

    const reply = await addOutgoingEmail(ctx, agent, id, {
      to: 'paolo@example.test',
      subject: 'Re: Orari',
      bodyText: 'Eccoli.',
      replyToArticleId: original,
      nextStateId: STATE.closedSuccessful,
      timeMinutes: 10,
    });
    const forward = await addOutgoingEmail(ctx, agent, id, {
      to: 'archivio@example.test',
      subject: 'Fwd: Orari',
      bodyText: 'Per conoscenza.',
      replyToArticleId: original,
      forward: true,
    });

    const stored = await ctx.db
      .selectFrom('articles')
      .select(['id', 'inReplyTo', 'references'])
      .where('id', 'in', [reply.articleId, forward.articleId])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { id: reply.articleId, inReplyTo: '<m2@example.test>', references: '<m1@example.test> <m2@example.test>' },
      { id: forward.articleId, inReplyTo: '<m2@example.test>', references: '<m1@example.test> <m2@example.test>' },
    ]);
    // the reply's lock opened the new ticket and closing released it; the forward took it again,
    // leaving the closed state alone
    expect(await getTicket(ctx, agent, id)).toMatchObject({
      state: { name: 'closed successful' },
      lock: 'lock',
      accountedMinutes: 10,
    });
    expect(await historyTypesSince(ctx, since, id)).toEqual([
      'Lock',
      'StateUpdate',
      'SendAnswer',
      'TimeAccounting',
      'StateUpdate',
      'Unlock',
      'Lock',
      'Forward',
    ]);
  });

  it('refuses to answer an article of another ticket, undoing the lock it took', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const other = await makeTicket(ctx, agent, queue.id);
    await expectRefused(ctx, [id, other.id], 'not_found', () =>
      addOutgoingEmail(ctx, agent, id, {
        to: 'paolo@example.test',
        subject: 'Re',
        bodyText: 'x',
        replyToArticleId: other.articleId,
      }),
    );
  });

  it('rolls back the email when the next state is a pending state without a future time', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const error = await expectRefused(ctx, [id], 'validation', () =>
      addOutgoingEmail(ctx, agent, id, {
        to: 'paolo@example.test',
        subject: 'Re',
        bodyText: 'x',
        nextStateId: STATE.pendingAutoClosePlus,
        pendingUntil: new Date(Date.now() - 60_000),
        attachments: [{ filename: 'a.txt', contentType: 'text/plain', content: bytes('allegato') }],
      }),
    );
    expect(error.messageKey).toBe('error.pending_needs_time');
  });

  it('is refused without rw, while another agent holds the lock, and on merged tickets', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note', 'owner', 'priority'] }]);
    const colleague = await makeAgent(ctx, [{ groupId: group.id, permissions: ['rw'] }]);
    const email = { to: 'paolo@example.test', subject: 'Re', bodyText: 'x' };
    const source = await makeTicket(ctx, agent, queue.id);
    const target = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [source.id], 'forbidden', () => addOutgoingEmail(ctx, helper, source.id, email));
    await lockTicket(ctx, agent, source.id);
    await expectRefused(ctx, [source.id], 'locked_by_other', () => addOutgoingEmail(ctx, colleague, source.id, email));
    await mergeTicket(ctx, agent, source.id, target.id);
    await expectRefused(ctx, [source.id], 'invalid_transition', () => addOutgoingEmail(ctx, agent, source.id, email));
  });
});

describe('account time', () => {
  it('adds time with "note", on the ticket or one of its articles; negative amounts correct it', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const helper = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'note'] }]);
    const { id, articleId } = await makeTicket(ctx, agent, queue.id);
    const since = await mark(ctx);

    await accountTime(ctx, helper, id, { minutes: 30 });
    await accountTime(ctx, helper, id, { minutes: 12.5, articleId });
    await accountTime(ctx, helper, id, { minutes: -10 });

    expect(await getTicket(ctx, helper, id)).toMatchObject({ accountedMinutes: 32.5, lock: 'unlock' });
    const rows = await ctx.db
      .selectFrom('timeAccounting')
      .select(['articleId', 'minutes', 'createdBy'])
      .where('ticketId', '=', id)
      .orderBy('id')
      .execute();
    expect(rows.map((row) => ({ ...row, minutes: Number(row.minutes) }))).toEqual([
      { articleId: null, minutes: 30, createdBy: helper.agentId },
      { articleId, minutes: 12.5, createdBy: helper.agentId },
      { articleId: null, minutes: -10, createdBy: helper.agentId },
    ]);
    const history = await historySince(ctx, since, id);
    expect(history.map((row) => [row.type, row.articleId, row.data])).toEqual([
      ['TimeAccounting', null, { minutes: 30 }],
      ['TimeAccounting', articleId, { minutes: 12.5 }],
      ['TimeAccounting', null, { minutes: -10 }],
    ]);
    const events = await eventsSince(ctx, since, id);
    expect(events.map((event) => event.payload)).toEqual([
      { minutes: 30, articleId: null },
      { minutes: 12.5, articleId },
      { minutes: -10, articleId: null },
    ]);
  });

  it('is refused for zero minutes and for an article of another ticket', async () => {
    const { queue, agent } = await makeDesk(ctx);
    const { id } = await makeTicket(ctx, agent, queue.id);
    const other = await makeTicket(ctx, agent, queue.id);

    const zero = await expectRefused(ctx, [id], 'validation', () => accountTime(ctx, agent, id, { minutes: 0 }));
    expect(zero.field).toBe('minutes');
    await expectRefused(ctx, [id, other.id], 'not_found', () =>
      accountTime(ctx, agent, id, { minutes: 5, articleId: other.articleId }),
    );
  });

  it('is refused without "note", to customer users and on merged tickets', async () => {
    const { group, queue, agent } = await makeDesk(ctx);
    const reader = await makeAgent(ctx, [{ groupId: group.id, permissions: ['ro', 'owner', 'priority'] }]);
    const customer = await makeCustomer(ctx);
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const source = await makeTicket(ctx, agent, queue.id, { customerUserId: user.id });
    const target = await makeTicket(ctx, agent, queue.id);

    await expectRefused(ctx, [source.id], 'forbidden', () => accountTime(ctx, reader, source.id, { minutes: 5 }));
    await expectRefused(ctx, [source.id], 'forbidden', () => accountTime(ctx, user.actor, source.id, { minutes: 5 }));
    await mergeTicket(ctx, agent, source.id, target.id);
    // the merged ticket's time now counts on the target; more time on the merged one would be lost
    await expectRefused(ctx, [source.id, target.id], 'invalid_transition', () =>
      accountTime(ctx, agent, source.id, { minutes: 5 }),
    );
  });
});
