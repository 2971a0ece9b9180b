import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { setNotificationPreferences } from '../../server/domain/notifications/preferences.ts';
import type { AgentActor } from '../../server/domain/permissions/actor.ts';
import { addCustomerReply } from '../../server/domain/tickets/commands/add-customer-reply.ts';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { addOutgoingEmail } from '../../server/domain/tickets/commands/add-outgoing-email.ts';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { moveTicket } from '../../server/domain/tickets/commands/move-ticket.ts';
import { setOwner } from '../../server/domain/tickets/commands/set-owner.ts';
import { dispatchTicketEvent } from '../../server/domain/tickets/event-dispatch.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeGroup, makeQueue, makeTicket } from '../support/factories.ts';
import { SmtpCatcher } from '../support/smtp-catcher.ts';
import { login, setPassword } from '../support/test-app.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { mark } from '../tickets/helpers.ts';

const PUBLIC_URL = 'https://desk.example.test';
/** the default state "pending reminder" (migration 0002) */
const PENDING_REMINDER = 6;
let ctx: TestContext;
let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await SmtpCatcher.start();
  ctx = await createTestContext({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL, timeZone: 'Europe/Rome' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});
beforeEach(async () => {
  smtp.messages.length = 0;
  smtp.accept();
  await smtp.listen();
});

async function agentEmail(agent: AgentActor): Promise<string> {
  const row = await ctx.db
    .selectFrom('agents')
    .select('email')
    .where('id', '=', agent.agentId)
    .executeTakeFirstOrThrow();
  return row.email;
}

async function inbox(agent: AgentActor) {
  return smtp.to(await agentEmail(agent));
}

async function chooseMyQueues(agent: AgentActor, queueId: number) {
  await ctx.db.insertInto('agentQueues').values({ agentId: agent.agentId, queueId }).execute();
}

/**
 * A queue with its agents: the worker who acts, a colleague who wants every notification (in
 * English), one who turned "new ticket" off, one with the queue in "my queues" but no key on it,
 * and a deactivated one; a customer user, Italian.
 */
async function team() {
  const group = await makeGroup(ctx);
  const queue = await makeQueue(ctx, group.id);
  const rw = [{ groupId: group.id, permissions: ['rw' as const] }];
  const worker = await makeAgent(ctx, rw);
  const colleague = await makeAgent(ctx, rw);
  const quiet = await makeAgent(ctx, rw);
  const stranger = await makeAgent(ctx);
  const gone = await makeAgent(ctx, rw);
  await ctx.db
    .updateTable('agents')
    .set({ language: 'en', timeZone: 'America/New_York' })
    .where('id', '=', colleague.agentId)
    .execute();
  await ctx.db.updateTable('agents').set({ valid: false }).where('id', '=', gone.agentId).execute();
  for (const agent of [worker, colleague, quiet, stranger, gone]) await chooseMyQueues(agent, queue.id);
  await setNotificationPreferences(ctx, quiet, quiet.agentId, { new_ticket: false });
  const customer = await makeCustomer(ctx);
  const user = await makeCustomerUser(ctx, [{ id: customer.id, isPrimary: true }]);
  return { group, queue, worker, colleague, quiet, stranger, gone, user };
}

describe('agents hear of what happens in their queues and to their tickets', () => {
  it('a new ticket reaches those with the queue in "my queues", in their language, not the one who acted or opted out', async () => {
    const t = await team();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id, { title: 'Stampa avvisi TARI bloccata' });
    await ctx.jobs.drain();

    const [mail, ...more] = await inbox(t.colleague);
    expect(more).toEqual([]);
    expect(mail?.email.subject).toBe(
      `[Ticket#${ticket.tn}] New ticket in ${t.queue.name}: Stampa avvisi TARI bloccata`,
    );
    expect(mail?.email.text).toContain(`${PUBLIC_URL}/tickets/${ticket.id}`);
    expect(mail?.email.text).toContain('I nuovi orari della biblioteca');
    // shown in the agent's own time zone, in English
    expect(mail?.email.text).toMatch(/arrived in queue .* on \d{1,2} \w+ \d{4} at \d{2}:\d{2}/);
    const header = (key: string) => mail?.email.headers.find((item) => item.key === key)?.value;
    expect(header('auto-submitted')).toBe('auto-generated');
    for (const agent of [t.worker, t.quiet, t.stranger, t.gone]) expect(await inbox(agent)).toEqual([]);
  });

  it('Italian by default, and a customer’s follow-up reaches the owner and (unlocked) the queue', async () => {
    const t = await team();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id, { customerUserId: t.user.id });
    await ctx.jobs.drain();
    smtp.messages.length = 0;

    await addCustomerReply(ctx, t.user.actor, ticket.id, {
      subject: 'Ancora bloccata',
      bodyText: 'Si ferma di nuovo al 40%.',
    });
    await ctx.jobs.drain();

    const [toOwner] = await inbox(t.worker);
    expect(toOwner?.email.subject).toBe(
      `[Ticket#${ticket.tn}] Nuovo messaggio del cliente: Variazione orario biblioteca`,
    );
    expect(toOwner?.email.text).toContain('Si ferma di nuovo al 40%.');
    expect(toOwner?.email.text).toContain('Apri il ticket:');
    expect(await inbox(t.colleague)).toHaveLength(1);
    expect(await inbox(t.stranger)).toEqual([]);
  });

  it('owner changed to me, a note on my ticket, a ticket moved into my queue; each once', async () => {
    const t = await team();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id);
    await ctx.jobs.drain();
    smtp.messages.length = 0;

    await setOwner(ctx, t.worker, ticket.id, t.colleague.agentId);
    await ctx.jobs.drain();
    expect((await inbox(t.colleague)).map((m) => m.email.subject)).toEqual([
      `[Ticket#${ticket.tn}] You now own the ticket: Variazione orario biblioteca`,
    ]);

    smtp.messages.length = 0;
    await addNote(ctx, t.worker, ticket.id, { subject: 'Richiamare', bodyText: 'Il cliente richiama lunedì.' });
    await ctx.jobs.drain();
    const notes = await inbox(t.colleague);
    expect(notes.map((m) => m.email.subject)).toEqual([`[Ticket#${ticket.tn}] New note: Variazione orario biblioteca`]);
    expect(notes[0]?.email.text).toContain('Il cliente richiama lunedì.');

    smtp.messages.length = 0;
    const other = await makeQueue(ctx, t.group.id);
    await chooseMyQueues(t.quiet, other.id);
    await moveTicket(ctx, t.colleague, ticket.id, other.id);
    await ctx.jobs.drain();
    expect((await inbox(t.quiet)).map((m) => m.email.subject)).toEqual([
      `[Ticket#${ticket.tn}] Ticket spostato in ${other.name}: Variazione orario biblioteca`,
    ]);
  });

  it('an agent who turned an event off does not get it; turning it on again works', async () => {
    const t = await team();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id);
    await setNotificationPreferences(ctx, t.colleague, t.colleague.agentId, { owner_changed: false });
    await setOwner(ctx, t.worker, ticket.id, t.colleague.agentId);
    await ctx.jobs.drain();
    expect((await inbox(t.colleague)).map((m) => m.email.subject)).not.toContainEqual(
      expect.stringContaining('You now own'),
    );
    await setNotificationPreferences(ctx, t.colleague, t.colleague.agentId, { owner_changed: true });
    await setOwner(ctx, t.worker, ticket.id, t.worker.agentId);
    await setOwner(ctx, t.worker, ticket.id, t.colleague.agentId);
    await ctx.jobs.drain();
    expect((await inbox(t.colleague)).map((m) => m.email.subject)).toContainEqual(
      expect.stringContaining('You now own'),
    );
  });

  it('an event handled twice mails nobody twice', async () => {
    const t = await team();
    const since = await mark(ctx);
    await makeTicket(ctx, t.worker, t.queue.id);
    await ctx.jobs.drain();
    const created = await ctx.db
      .selectFrom('ticketEvents')
      .select('id')
      .where('id', '>', since.eventId)
      .where('type', '=', 'ticket.created')
      .executeTakeFirstOrThrow();
    await ctx.db.updateTable('ticketEvents').set({ processedAt: null }).where('id', '=', created.id).execute();
    await dispatchTicketEvent(ctx, { eventId: Number(created.id) });
    await ctx.jobs.drain();
    expect(await inbox(t.colleague)).toHaveLength(1);
    const deliveries = await ctx.db
      .selectFrom('notificationDeliveries')
      .select(['status', 'attempts', 'kind'])
      .where('eventId', '=', Number(created.id))
      .execute();
    expect(deliveries).toEqual([{ status: 'sent', attempts: 1, kind: 'new_ticket' }]);
  });
});

describe('reminders, failed emails, and a mail server that is down', () => {
  it('the pending reminder reaches the owner (and, unlocked, the queue) at the time in their zone', async () => {
    const t = await team();
    ctx.setNow(new Date('2020-07-01T09:00:00Z'));
    const due = new Date('2020-07-01T15:00:00Z');
    try {
      const ticket = await makeTicket(ctx, t.worker, t.queue.id, { stateId: PENDING_REMINDER, pendingUntil: due });
      // the pending check's job is due at once (its time is past): it must find the test clock there
      ctx.setNow(due);
      await ctx.jobs.drain();
      const reminders = (agentMails: Awaited<ReturnType<typeof inbox>>) =>
        agentMails.filter((mail) => /Promemoria|Reminder/.test(mail.email.subject ?? ''));
      const [reminder] = reminders(await inbox(t.worker));
      expect(reminder?.email.subject).toBe(`[Ticket#${ticket.tn}] Promemoria scaduto: Variazione orario biblioteca`);
      expect(reminder?.email.text).toContain('1 luglio 2020 alle ore 17:00');
      const [english] = reminders(await inbox(t.colleague));
      expect(english?.email.text).toContain('1 July 2020 at 11:00');
    } finally {
      ctx.setNow(new Date());
    }
  });

  it('an email the server refuses for good: the owner is told, with the server’s answer', async () => {
    const t = await team();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id);
    await setOwner(ctx, t.worker, ticket.id, t.colleague.agentId);
    await ctx.jobs.drain();
    smtp.messages.length = 0;
    smtp.refuse(550, 'No such user here', 'nessuno@comune.example');
    await addOutgoingEmail(ctx, t.colleague, ticket.id, {
      to: 'nessuno@comune.example',
      subject: 'Risposta',
      bodyText: 'Testo.',
    });
    await ctx.jobs.drain();
    // the failure is the system's event, not the writer's action: owner and responsible both hear of it
    const subjects = [...(await inbox(t.colleague)), ...(await inbox(t.worker))].map((m) => m.email.subject);
    expect(subjects).toEqual([
      `[Ticket#${ticket.tn}] Email not sent: Variazione orario biblioteca`,
      `[Ticket#${ticket.tn}] Email non inviata: Variazione orario biblioteca`,
    ]);
    expect((await inbox(t.worker))[0]?.email.text).toContain('550 No such user here');
  });

  it('a notification waits, with its error, while the server is down, and leaves when it is back', async () => {
    const t = await team();
    await smtp.stop();
    const since = await mark(ctx);
    await makeTicket(ctx, t.worker, t.queue.id);
    await ctx.jobs.drain();
    const waiting = await ctx.db
      .selectFrom('notificationDeliveries')
      .select(['status', 'attempts', 'lastError'])
      .where('eventId', '>', since.eventId)
      .execute();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting[0]?.lastError).toMatch(/ECONNREFUSED|connect/i);

    await smtp.listen();
    await ctx.database.executeSql(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'notification-send' AND state IN ('created', 'retry')`,
      [],
    );
    await ctx.jobs.drain();
    expect(await inbox(t.colleague)).toHaveLength(1);
    const sent = await ctx.db
      .selectFrom('notificationDeliveries')
      .select(['status', 'attempts', 'lastError'])
      .where('eventId', '>', since.eventId)
      .execute();
    expect(sent).toEqual([{ status: 'sent', attempts: 2, lastError: null }]);
  });
});

describe('customer users hear of what agents do for them', () => {
  it('a ticket an agent opened for them, a public note, and the closing; in their language', async () => {
    const t = await team();
    await ctx.db.updateTable('customerUsers').set({ language: 'en' }).where('id', '=', t.user.id).execute();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id, { customerUserId: t.user.id });
    await ctx.jobs.drain();
    const [opened] = smtp.to(t.user.email);
    expect(opened?.email.subject).toBe(
      `[Ticket#${ticket.tn}] We have opened a request for you: Variazione orario biblioteca`,
    );
    expect(opened?.email.text).toContain(`${PUBLIC_URL}/customer/tickets/${ticket.tn}`);

    smtp.messages.length = 0;
    await addNote(ctx, t.worker, ticket.id, { subject: 'Aggiornamento', bodyText: 'Abbiamo chiamato il fornitore.' });
    await addNote(ctx, t.worker, ticket.id, {
      subject: 'Per il cliente',
      bodyText: 'La stampa ripartirà domani.',
      visibleToCustomer: true,
    });
    await ctx.jobs.drain();
    const notes = smtp.to(t.user.email);
    expect(notes).toHaveLength(1);
    expect(notes[0]?.email.text).toContain('La stampa ripartirà domani.');

    smtp.messages.length = 0;
    await closeTicket(ctx, t.worker, ticket.id, { successful: true });
    await ctx.jobs.drain();
    expect(smtp.to(t.user.email).map((m) => m.email.subject)).toEqual([
      `[Ticket#${ticket.tn}] Your request has been closed: Variazione orario biblioteca`,
    ]);
  });

  it('an agent’s email is the message itself: no notification besides it', async () => {
    const t = await team();
    const ticket = await makeTicket(ctx, t.worker, t.queue.id, { customerUserId: t.user.id });
    await ctx.jobs.drain();
    smtp.messages.length = 0;
    await addOutgoingEmail(ctx, t.worker, ticket.id, {
      to: t.user.email,
      subject: 'Risposta',
      bodyText: 'Ecco la risposta.',
    });
    await ctx.jobs.drain();
    expect(smtp.to(t.user.email).map((m) => m.email.subject)).toEqual([`[Ticket#${ticket.tn}] Risposta`]);
  });
});

describe('GET /api/v1/tickets/{id}/notifications', () => {
  it('shows an agent who may see the ticket what was sent to whom; others get 404', async () => {
    const app = await buildApp(ctx);
    try {
      const t = await team();
      const ticket = await makeTicket(ctx, t.colleague, t.queue.id);
      await ctx.jobs.drain();
      const loginOf = async (agent: AgentActor) => {
        await setPassword(ctx, 'agents', agent.agentId, 'password-123');
        return login(app, agent.login, 'password-123');
      };
      const worker = await loginOf(t.worker);
      const response = await worker.get(`/api/v1/tickets/${ticket.id}/notifications`);
      expect(response.statusCode).toBe(200);
      expect(response.json()).toEqual([
        expect.objectContaining({
          kind: 'new_ticket',
          agentId: t.worker.agentId,
          address: await agentEmail(t.worker),
          language: 'it',
          status: 'sent',
          attempts: 1,
          lastError: null,
        }),
      ]);
      const stranger = await loginOf(t.stranger);
      expect((await stranger.get(`/api/v1/tickets/${ticket.id}/notifications`)).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});

describe('GET/PUT /api/v1/agents/{id}/notification-preferences', () => {
  it('an agent reads and changes their own (all on by default); another agent’s only as admin', async () => {
    const app = await buildApp(ctx);
    try {
      const t = await team();
      const workerLogin = (
        await ctx.db.selectFrom('agents').select('login').where('id', '=', t.worker.agentId).executeTakeFirstOrThrow()
      ).login;
      await setPassword(ctx, 'agents', t.worker.agentId, 'password-123');
      const client = await login(app, workerLogin, 'password-123');
      const url = `/api/v1/agents/${t.worker.agentId}/notification-preferences`;

      const read = await client.get(url);
      expect(read.statusCode).toBe(200);
      expect(Object.values(read.json())).toEqual(Array(9).fill(true));

      const put = await app.inject({
        method: 'PUT',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        payload: { note_added: false },
      });
      expect(put.statusCode).toBe(200);
      expect(put.json()).toMatchObject({ note_added: false, new_ticket: true });

      const others = await client.get(`/api/v1/agents/${t.colleague.agentId}/notification-preferences`);
      expect(others.statusCode).toBe(403);
      const unknownField = await app.inject({
        method: 'PUT',
        url,
        headers: { cookie: client.cookie, 'x-csrf-token': client.csrfToken },
        payload: { everything: false },
      });
      expect(unknownField.statusCode).toBe(400);
    } finally {
      await app.close();
    }
  });
});
