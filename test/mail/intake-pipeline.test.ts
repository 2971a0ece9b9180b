import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveMail } from '../../server/domain/mail/inbound/receive-mail.ts';
import { makeCustomer, makeCustomerUser, makeDesk, makeQueue } from '../support/factories.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { STATE } from '../tickets/helpers.ts';

let ctx: TestContext;
let desk: Awaited<ReturnType<typeof makeDesk>>;
let serial = 0;

/** A message as a customer's mail program sends it; the signature carries a phone number. */
function message(fields: {
  from?: string;
  to?: string;
  subject?: string;
  body?: string;
  messageId?: string;
  headers?: string[];
}): Uint8Array {
  const id = fields.messageId ?? `m${++serial}-${Date.now()}@comune.test`;
  const lines = [
    `From: ${fields.from ?? 'Maria Rossi <maria.rossi@comune.test>'}`,
    `To: ${fields.to ?? 'supporto@sportello.test'}`,
    `Subject: ${fields.subject ?? 'Stampa mandati bloccata dopo aggiornamento'}`,
    `Message-ID: <${id}>`,
    'Date: Thu, 03 Dec 2026 09:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    ...(fields.headers ?? []),
    '',
    fields.body ??
      'Dopo l’aggiornamento la stampa dei mandati si blocca al 50%.\n\nMaria Rossi\nUfficio Ragioneria\nTel. 0364 123456',
    '',
  ];
  return new TextEncoder().encode(lines.join('\r\n'));
}

const receive = (raw: Uint8Array, envelopeTo?: string[]) => receiveMail(ctx, raw, { source: 'api', envelopeTo });

async function ticketOf(id: number | null) {
  if (id === null) throw new Error('no ticket');
  return ctx.db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

async function articlesOf(ticketId: number | null) {
  return ctx.db
    .selectFrom('articles')
    .selectAll()
    .where('ticketId', '=', ticketId ?? -1)
    .orderBy('id')
    .execute();
}

async function historyTypes(ticketId: number | null) {
  const rows = await ctx.db
    .selectFrom('ticketHistory')
    .select('type')
    .where('ticketId', '=', ticketId ?? -1)
    .orderBy('id')
    .execute();
  return rows.map((row) => row.type);
}

beforeAll(async () => {
  ctx = await createTestContext();
  desk = await makeDesk(ctx);
  const address = await ctx.db
    .insertInto('systemAddresses')
    .values({ email: 'supporto@sportello.test', displayName: 'Supporto Sportello', queueId: desk.queue.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('queues').set({ systemAddressId: address.id }).where('id', '=', desk.queue.id).execute();
});

afterAll(() => ctx.close());

describe('a new message', () => {
  it('becomes a new ticket in the queue of the system address it was sent to, with a confirmation queued', async () => {
    const received = await receive(message({}));
    expect(received).toMatchObject({ duplicate: false, status: 'processed', outcome: 'new_ticket' });
    const ticket = await ticketOf(received.ticketId);
    expect(ticket).toMatchObject({
      title: 'Stampa mandati bloccata dopo aggiornamento',
      queueId: desk.queue.id,
      stateId: STATE.new,
      lock: 'unlock',
      customerContact: 'maria.rossi@comune.test',
    });
    const [customerArticle, confirmation] = await articlesOf(ticket.id);
    expect(customerArticle).toMatchObject({
      channel: 'email',
      senderType: 'customer',
      visibleToCustomer: true,
      fromAddress: 'Maria Rossi <maria.rossi@comune.test>',
      subject: 'Stampa mandati bloccata dopo aggiornamento',
      flags: [],
    });
    expect(customerArticle?.bodyText).toContain('si blocca al 50%');
    expect(customerArticle?.mailMessageId).toBe(received.id);
    expect(confirmation).toMatchObject({
      senderType: 'system',
      channel: 'email',
      sendStatus: 'queued',
      toAddress: 'Maria Rossi <maria.rossi@comune.test>',
      fromAddress: 'Supporto Sportello <supporto@sportello.test>',
    });
    // the sending puts [Ticket#…] in the subject (outgoing-mail tests); the text names it too
    expect(confirmation?.subject).toBe('Abbiamo ricevuto la sua richiesta: Stampa mandati bloccata dopo aggiornamento');
    expect(confirmation?.bodyText).toContain(ticket.tn);
    expect(confirmation?.bodyText).toContain(`/customer/tickets/${ticket.tn}`);
    expect(confirmation?.inReplyTo).toBe(customerArticle?.messageId);
    expect(await historyTypes(ticket.id)).toEqual(['NewTicket', 'EmailCustomer', 'SendAutoReply']);
  });

  it('is stored once: the same message again is a duplicate and makes no second ticket', async () => {
    const raw = message({ subject: 'Errore nel calcolo IMU 2026' });
    const first = await receive(raw);
    const again = await receive(raw);
    expect(again).toMatchObject({ id: first.id, duplicate: true, ticketId: first.ticketId });
    const tickets = await ctx.db
      .selectFrom('tickets')
      .select('id')
      .where('title', '=', 'Errore nel calcolo IMU 2026')
      .execute();
    expect(tickets).toHaveLength(1);
  });

  it('goes to Raw when it was sent to none of our addresses', async () => {
    const received = await receive(message({ to: 'altro@elsewhere.test' }));
    const raw = await ctx.db.selectFrom('queues').select('id').where('name', '=', 'Raw').executeTakeFirstOrThrow();
    expect((await ticketOf(received.ticketId)).queueId).toBe(raw.id);
  });

  it('routes by the SMTP envelope recipient before the To header (a Bcc to our address)', async () => {
    const received = await receive(message({ to: 'lista@comune.test' }), ['supporto@sportello.test']);
    expect((await ticketOf(received.ticketId)).queueId).toBe(desk.queue.id);
  });

  it('names the known sender as customer user and their customer', async () => {
    const customer = await makeCustomer(ctx, 'Comune di Breno');
    const user = await makeCustomerUser(ctx, [{ id: customer.id }]);
    const received = await receive(message({ from: `Paolo Cevoli <${user.email.toUpperCase()}>` }));
    expect(await ticketOf(received.ticketId)).toMatchObject({
      customerUserId: user.id,
      customerId: customer.id,
      customerContact: '',
    });
  });

  it('answers no auto-reply to an automatic message, and says so in the history', async () => {
    const received = await receive(
      message({ subject: 'Fuori ufficio: Stampa mandati', headers: ['Auto-Submitted: auto-replied'] }),
    );
    const articles = await articlesOf(received.ticketId);
    expect(articles.map((a) => a.senderType)).toEqual(['customer']);
    expect(await historyTypes(received.ticketId)).toContain('AutoResponseSkipped');
  });

  it('answers no auto-reply when the Reply-To is a mailer daemon or one of our own addresses', async () => {
    for (const replyTo of ['MAILER-DAEMON@mx.comune.test', 'supporto@sportello.test']) {
      const received = await receive(
        message({ subject: `Richiesta con Reply-To ${replyTo}`, headers: [`Reply-To: ${replyTo}`] }),
      );
      const articles = await articlesOf(received.ticketId);
      expect(articles.map((a) => a.senderType)).toEqual(['customer']);
    }
  });

  it('keeps a message whose processing fails, marked failed with the reason', async () => {
    await ctx.db.updateTable('queues').set({ valid: false }).where('name', '=', 'Raw').execute();
    try {
      const received = await receive(message({ to: 'nessuno@elsewhere.test', subject: 'Coda di riserva disattivata' }));
      expect(received).toMatchObject({ status: 'failed', ticketId: null });
      const row = await ctx.db
        .selectFrom('mailMessages')
        .selectAll()
        .where('id', '=', received.id)
        .executeTakeFirstOrThrow();
      expect(row.error).toMatch(/inactive|not active|Raw|queue/i);
      expect(row.raw.byteLength).toBeGreaterThan(100);
    } finally {
      await ctx.db.updateTable('queues').set({ valid: true }).where('name', '=', 'Raw').execute();
    }
  });
});

describe('a follow-up', () => {
  it('with the ticket number in the subject is added to that ticket, which reopens from pending', async () => {
    const first = await receive(message({ subject: 'Anagrafe: certificato non stampabile' }));
    const ticket = await ticketOf(first.ticketId);
    await ctx.db
      .updateTable('tickets')
      .set({ stateId: STATE.pendingReminder, pendingUntil: new Date(Date.now() + 86_400_000) })
      .where('id', '=', ticket.id)
      .execute();
    const reply = await receive(message({ subject: `Re: [Ticket#${ticket.tn}] Anagrafe: certificato non stampabile` }));
    expect(reply).toMatchObject({ outcome: 'follow_up', ticketId: ticket.id });
    expect((await ticketOf(ticket.id)).stateId).toBe(STATE.open);
    const articles = await articlesOf(ticket.id);
    expect(articles.map((a) => `${a.senderType}:${a.subject.slice(0, 4)}`)).toHaveLength(4);
    expect(await historyTypes(ticket.id)).toEqual(
      expect.arrayContaining(['FollowUp', 'StateUpdate', 'SendAutoFollowUp']),
    );
  });

  it('found by In-Reply-To when the subject lost the number', async () => {
    const first = await receive(message({ subject: 'Protocollo: casella PEC piena', messageId: 'pec-1@comune.test' }));
    const reply = await receive(
      message({ subject: 'R: casella piena', headers: ['In-Reply-To: <pec-1@comune.test>'] }),
    );
    expect(reply).toMatchObject({ outcome: 'follow_up', ticketId: first.ticketId });
  });

  it("to a closed ticket reopens it where the queue's policy is reopen", async () => {
    const first = await receive(message({ subject: 'Tributi: F24 errato' }));
    const ticket = await ticketOf(first.ticketId);
    await ctx.db.updateTable('tickets').set({ stateId: STATE.closedSuccessful }).where('id', '=', ticket.id).execute();
    await receive(message({ subject: `[Ticket#${ticket.tn}] ancora errato` }));
    expect((await ticketOf(ticket.id)).stateId).toBe(STATE.open);
  });

  it('to a closed ticket in a "reject" queue is kept on the ticket, which stays closed, and the sender is told', async () => {
    const queue = await makeQueue(ctx, desk.group.id);
    await ctx.db.updateTable('queues').set({ followUpPolicy: 'reject' }).where('id', '=', queue.id).execute();
    const first = await receive(message({ subject: 'Paghe: cedolino di novembre' }));
    const ticket = await ticketOf(first.ticketId);
    await ctx.db
      .updateTable('tickets')
      .set({ stateId: STATE.closedSuccessful, queueId: queue.id })
      .where('id', '=', ticket.id)
      .execute();
    const reply = await receive(message({ subject: `Re: [Ticket#${ticket.tn}] cedolino` }));
    expect(reply).toMatchObject({ status: 'rejected', outcome: 'rejected_follow_up', ticketId: ticket.id });
    expect((await ticketOf(ticket.id)).stateId).toBe(STATE.closedSuccessful);
    expect(await historyTypes(ticket.id)).toEqual(expect.arrayContaining(['FollowUp', 'SendAutoReject']));
  });

  it('to a closed ticket in a "new ticket" queue opens a new ticket linked to the old one', async () => {
    const queue = await makeQueue(ctx, desk.group.id);
    await ctx.db.updateTable('queues').set({ followUpPolicy: 'new_ticket' }).where('id', '=', queue.id).execute();
    const first = await receive(message({ subject: 'Servizi sociali: domanda respinta' }));
    const old = await ticketOf(first.ticketId);
    await ctx.db
      .updateTable('tickets')
      .set({ stateId: STATE.closedSuccessful, queueId: queue.id })
      .where('id', '=', old.id)
      .execute();
    const reply = await receive(message({ subject: `Re: [Ticket#${old.tn}] Servizi sociali: domanda respinta` }));
    expect(reply.outcome).toBe('new_ticket_for_closed');
    expect(reply.ticketId).not.toBe(old.id);
    const fresh = await ticketOf(reply.ticketId);
    expect(fresh).toMatchObject({
      title: 'Re: Servizi sociali: domanda respinta',
      queueId: queue.id,
      stateId: STATE.new,
    });
    const link = await ctx.db
      .selectFrom('ticketLinks')
      .selectAll()
      .where('sourceTicketId', '=', old.id)
      .where('targetTicketId', '=', fresh.id)
      .executeTakeFirst();
    expect(link?.type).toBe('normal');
    expect((await ticketOf(old.id)).stateId).toBe(STATE.closedSuccessful);
  });
});

describe('postmaster filters', () => {
  it('set queue, priority and title prefix; "ignore" keeps the message without a ticket', async () => {
    const other = await makeQueue(ctx, desk.group.id);
    await ctx.db
      .insertInto('postmasterFilters')
      .values([
        {
          name: 'urgenti',
          conditions: JSON.stringify([{ header: 'subject', value: 'URGENTE' }]),
          setQueueId: other.id,
          setPriorityId: 5,
          titlePrefix: '[URG] ',
        },
        {
          name: 'newsletter',
          conditions: JSON.stringify([{ header: 'from', value: '^news@', regex: true }]),
          disposition: 'ignore',
        },
      ])
      .execute();
    const urgent = await receive(message({ subject: 'URGENTE server giù' }));
    expect(await ticketOf(urgent.ticketId)).toMatchObject({
      queueId: other.id,
      priorityId: 5,
      title: '[URG] URGENTE server giù',
    });
    expect(await historyTypes(urgent.ticketId)).toContain('PostmasterFilter');
    const news = await receive(message({ from: 'news@fornitore.test', subject: 'Le novità di dicembre' }));
    expect(news).toMatchObject({ status: 'ignored', ticketId: null });
  });
});

describe('intake rules', () => {
  it('flag a generic subject and a missing phone number for the agent by default', async () => {
    const received = await receive(message({ subject: 'Richiesta assistenza!!', body: 'Non funziona niente.\nMaria' }));
    const [article] = await articlesOf(received.ticketId);
    expect(article?.flags).toEqual(['subject_generic', 'phone_missing']);
  });

  it('flag instead of rejecting what nobody could be told of (an automatic sender)', async () => {
    const queue = await makeQueue(ctx, desk.group.id);
    const address = await ctx.db
      .insertInto('systemAddresses')
      .values({ email: 'monitor@sportello.test', displayName: 'Monitor', queueId: queue.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('intakeRules')
      .values({ systemAddressId: address.id, emptySubject: 'reject', genericSubject: 'reject', missingPhone: 'reject' })
      .execute();
    const received = await receive(
      message({
        to: 'monitor@sportello.test',
        subject: 'Errore',
        body: 'disk full',
        headers: ['Auto-Submitted: auto-generated'],
      }),
    );
    expect(received).toMatchObject({ status: 'processed', outcome: 'new_ticket' });
    const [article] = await articlesOf(received.ticketId);
    expect(article?.flags).toEqual(['subject_generic', 'phone_missing']);
  });

  it('reject where configured: the message is kept, no ticket is made', async () => {
    const queue = await makeQueue(ctx, desk.group.id);
    const address = await ctx.db
      .insertInto('systemAddresses')
      .values({ email: 'tributi@sportello.test', displayName: 'Tributi', queueId: queue.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    await ctx.db
      .insertInto('intakeRules')
      .values({ systemAddressId: address.id, emptySubject: 'reject', genericSubject: 'reject', missingPhone: 'off' })
      .execute();
    const received = await receive(message({ to: 'tributi@sportello.test', subject: '' }));
    expect(received).toMatchObject({ status: 'rejected', outcome: 'rejected_intake', ticketId: null });
    const kept = await ctx.db
      .selectFrom('mailMessages')
      .select('raw')
      .where('id', '=', received.id)
      .executeTakeFirstOrThrow();
    expect(kept.raw.byteLength).toBeGreaterThan(0);
  });
});

describe('a delivery status notification', () => {
  function dsn(originalMessageId: string, action: 'failed' | 'delayed') {
    const lines = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.comune.test>',
      'To: supporto@sportello.test',
      `Subject: ${action === 'failed' ? 'Undelivered Mail Returned to Sender' : 'Delayed Mail (still being retried)'}`,
      `Message-ID: <dsn-${action}-${Date.now()}@mx.comune.test>`,
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="R"',
      '',
      '--R',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'I could not deliver your message to <ufficio@comune.test>.',
      '--R',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.comune.test',
      '',
      'Final-Recipient: rfc822; ufficio@comune.test',
      `Action: ${action}`,
      `Status: ${action === 'failed' ? '5.1.1' : '4.4.1'}`,
      '',
      '--R',
      'Content-Type: text/rfc822-headers',
      '',
      'From: supporto@sportello.test',
      'To: ufficio@comune.test',
      `Message-ID: ${originalMessageId}`,
      'Subject: Risposta alla sua richiesta',
      '',
      '--R--',
      '',
    ];
    return new TextEncoder().encode(lines.join('\r\n'));
  }

  async function outgoingArticle() {
    const first = await receive(message({ subject: 'Economato: ordine non inviato' }));
    const sent = await ctx.db
      .selectFrom('articles')
      .select(['id', 'messageId', 'ticketId'])
      .where('ticketId', '=', first.ticketId ?? -1)
      .where('senderType', '=', 'system')
      .executeTakeFirstOrThrow();
    if (!sent.messageId) throw new Error('the confirmation has no Message-ID');
    return { ...sent, messageId: sent.messageId };
  }

  it('of failure is noted on the ticket of the bounced mail for the agent, and marks that mail bounced', async () => {
    const sent = await outgoingArticle();
    const report = await receive(dsn(sent.messageId, 'failed'));
    expect(report).toMatchObject({ outcome: 'bounce', ticketId: sent.ticketId });
    const articles = await articlesOf(sent.ticketId);
    expect(articles.at(-1)).toMatchObject({ senderType: 'system', visibleToCustomer: false, flags: ['bounce'] });
    const bounced = await ctx.db
      .selectFrom('articles')
      .select('sendStatus')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(bounced.sendStatus).toBe('bounced');
    // no auto-response goes to a mailer daemon
    expect(articles.filter((a) => a.senderType === 'system')).toHaveLength(2);
  });

  it('of delay is noted but leaves the mail as it was', async () => {
    const sent = await outgoingArticle();
    const report = await receive(dsn(sent.messageId, 'delayed'));
    expect(report).toMatchObject({ outcome: 'delivery_delayed', ticketId: sent.ticketId });
    const articles = await articlesOf(sent.ticketId);
    expect(articles.at(-1)?.flags).toEqual(['delivery_delayed']);
    const kept = await ctx.db
      .selectFrom('articles')
      .select('sendStatus')
      .where('id', '=', sent.id)
      .executeTakeFirstOrThrow();
    expect(kept.sendStatus).toBe('queued');
  });
});

describe('X-Sportello headers', () => {
  async function account(trusted: boolean) {
    return ctx.db
      .insertInto('mailAccounts')
      .values({
        name: `casella-${trusted}-${Date.now()}`,
        protocol: 'imap',
        host: 'imap.sportello.test',
        port: 143,
        login: 'desk',
        password: 'secret',
        trusted,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
  }
  const headers = (queue: string) => [`X-Sportello-Queue: ${queue}`, 'X-Sportello-Priority: 5 very high'];

  it('route a message from a trusted mail account to the queue and priority they name', async () => {
    const target = await makeQueue(ctx, desk.group.id);
    const trusted = await account(true);
    const raw = message({ subject: 'Inoltro dal gestionale', headers: headers(target.name) });
    const received = await receiveMail(ctx, raw, { source: 'imap', accountId: trusted.id });
    expect(await ticketOf(received.ticketId)).toMatchObject({ queueId: target.id, priorityId: 5 });
  });

  it('are only text from any other account', async () => {
    const target = await makeQueue(ctx, desk.group.id);
    const untrusted = await account(false);
    const raw = message({
      subject: 'Inoltro non fidato',
      headers: [...headers(target.name), 'X-Sportello-Ignore: yes'],
    });
    const received = await receiveMail(ctx, raw, { source: 'imap', accountId: untrusted.id });
    expect(received.outcome).toBe('new_ticket');
    expect(await ticketOf(received.ticketId)).toMatchObject({ queueId: desk.queue.id, priorityId: 3 });
  });
});

describe('MAIL_CREATE_CUSTOMER_USERS', () => {
  it('makes an unknown sender a customer user of their ticket, once, however many messages they send', async () => {
    const creating = await createTestContext({ mailCreateCustomerUsers: true });
    try {
      const raw = (subject: string) =>
        new TextEncoder().encode(
          [
            'From: Anna Neri Bianchi <anna.neri@nuovo-comune.test>',
            'To: nessuno@elsewhere.test',
            `Subject: ${subject}`,
            `Message-ID: <${subject.replace(/\W/g, '')}-${Date.now()}@nuovo-comune.test>`,
            '',
            'Testo della richiesta.\r\nTel. 0364 999000',
            '',
          ].join('\r\n'),
        );
      const [first, second] = await Promise.all([
        receiveMail(creating, raw('Prima richiesta sul portale'), { source: 'api' }),
        receiveMail(creating, raw('Seconda richiesta sul portale'), { source: 'api' }),
      ]);
      const users = await creating.db
        .selectFrom('customerUsers')
        .select(['id', 'login', 'email', 'firstName', 'lastName', 'language'])
        .where('email', '=', 'anna.neri@nuovo-comune.test')
        .execute();
      expect(users).toEqual([
        {
          id: expect.any(Number),
          login: 'anna.neri@nuovo-comune.test',
          email: 'anna.neri@nuovo-comune.test',
          firstName: 'Anna',
          lastName: 'Neri Bianchi',
          // no Content-Language: the desk's default
          language: 'it',
        },
      ]);
      for (const received of [first, second]) {
        const ticket = await creating.db
          .selectFrom('tickets')
          .select(['customerUserId', 'customerContact'])
          .where('id', '=', received.ticketId ?? -1)
          .executeTakeFirstOrThrow();
        expect(ticket).toEqual({ customerUserId: users[0]?.id, customerContact: '' });
      }
      // one who writes in English is answered, and kept, in English
      await receiveMail(
        creating,
        new TextEncoder().encode(
          [
            'From: John Grey <john.grey@new-town.test>',
            'To: nessuno@elsewhere.test',
            'Subject: Cannot print the tax notices',
            'Content-Language: en-GB',
            `Message-ID: <english-${Date.now()}@new-town.test>`,
            '',
            'The print run stops at 40%.\r\nPhone 0364 999001',
            '',
          ].join('\r\n'),
        ),
        { source: 'api' },
      );
      const english = await creating.db
        .selectFrom('customerUsers')
        .select('language')
        .where('email', '=', 'john.grey@new-town.test')
        .executeTakeFirstOrThrow();
      expect(english.language).toBe('en');
    } finally {
      await creating.close();
    }
  });
});
