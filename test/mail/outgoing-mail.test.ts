import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEND_MAX_ATTEMPTS } from '../../server/domain/mail/outbound/retry-schedule.ts';
import { sendArticle } from '../../server/domain/mail/outbound/send-article.ts';
import { systemActor } from '../../server/domain/permissions/load-actor.ts';
import { insertArticle } from '../../server/domain/tickets/article-writer.ts';
import { addOutgoingEmail } from '../../server/domain/tickets/commands/add-outgoing-email.ts';
import { createTicket } from '../../server/domain/tickets/commands/create-ticket.ts';
import { listArticles } from '../../server/domain/tickets/queries/ticket-articles.ts';
import { makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { SmtpCatcher } from '../support/smtp-catcher.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';
import { admin, eventTypesSince, mark } from '../tickets/helpers.ts';

let ctx: TestContext;
let smtp: SmtpCatcher;
beforeAll(async () => {
  smtp = await SmtpCatcher.start();
  ctx = await createTestContext({ smtpUrl: smtp.url, publicUrl: 'https://desk.example.test' });
});
afterAll(async () => {
  await ctx.close();
  await smtp.close();
});
beforeEach(async () => {
  smtp.accept();
  await smtp.listen();
});

const bytes = (text: string) => new TextEncoder().encode(text);

/** A desk whose queue sends from its own address, with a customer who wrote in by email. */
async function deskWithCustomerMail() {
  const desk = await makeDesk(ctx);
  const address = await ctx.db
    .insertInto('systemAddresses')
    .values({ email: `${desk.queue.name}@helpdesk.example`, displayName: 'Cityware - Tributi', queueId: desk.queue.id })
    .returning(['id', 'email'])
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('queues').set({ systemAddressId: address.id }).where('id', '=', desk.queue.id).execute();
  const customer = await makeCustomer(ctx);
  const user = await makeCustomerUser(ctx, [{ id: customer.id, isPrimary: true }]);
  const ticket = await makeTicket(ctx, desk.agent, desk.queue.id, {
    customerUserId: user.id,
    article: {
      channel: 'email',
      senderType: 'customer',
      visibleToCustomer: true,
      from: `Paolo Cevoli <${user.email}>`,
      to: address.email,
      subject: 'Stampa avvisi TARI bloccata',
      bodyText: 'La stampa degli avvisi si ferma al 40%.',
      messageId: `<orig-${user.login}@comune.example>`,
    },
  });
  return { ...desk, address, user, ticket };
}

/** The message the SMTP server received with this Message-ID. */
function caught(messageId: string | null) {
  const found = smtp.messages.filter((message) => message.email.messageId === messageId);
  expect(found, `messages with Message-ID ${messageId}`).toHaveLength(1);
  const [message] = found;
  if (!message) throw new Error('not caught');
  return message;
}

async function article(ticketId: number, articleId: number) {
  const found = (await listArticles(ctx, admin, ticketId)).find((item) => item.id === articleId);
  if (!found) throw new Error(`article ${articleId} not listed`);
  return found;
}

/** Send jobs waiting for a later attempt: when they are due. */
async function waitingSends(articleId: number) {
  const { rows } = await ctx.database.executeSql(
    `SELECT start_after AS "startAfter" FROM pgboss.job
      WHERE name = 'mail-send' AND (data->>'articleId')::int = $1 AND state IN ('created', 'retry')`,
    [articleId],
  );
  return rows as { startAfter: Date }[];
}

/** The retry's time has come (instead of waiting minutes for it). */
async function makeSendsDue() {
  await ctx.database.executeSql(
    `UPDATE pgboss.job SET start_after = now() WHERE name = 'mail-send' AND state IN ('created', 'retry')`,
    [],
  );
}

describe('an agent answer leaves by SMTP', () => {
  it('from the queue address, to the customer, with [Ticket#tn], threading and attachments', async () => {
    const desk = await deskWithCustomerMail();
    const [first] = await listArticles(ctx, admin, desk.ticket.id);
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      cc: 'ufficio.tributi@comune.example',
      subject: 'Re: Stampa avvisi TARI bloccata',
      bodyText: 'Gentile Paolo,\nabbiamo sbloccato la coda di stampa.',
      bodyHtml: '<p>Gentile Paolo,<br>abbiamo sbloccato la coda di stampa.</p>',
      replyToArticleId: first?.id,
      attachments: [{ filename: 'procedura è.pdf', contentType: 'application/pdf', content: bytes('%PDF-1.4 prova') }],
    });
    const queued = await article(desk.ticket.id, articleId);
    expect(queued).toMatchObject({ sendStatus: 'queued', sendAttempts: 0, sentAt: null, sendError: null });
    expect(queued.messageId).toMatch(/^<[^@\s]+@desk\.example\.test>$/);

    await ctx.jobs.drain();

    const message = caught(queued.messageId);
    expect(message.email.from).toEqual({ name: 'Cityware - Tributi', address: desk.address.email });
    expect(message.email.to).toEqual([{ name: '', address: desk.user.email }]);
    expect(message.email.cc).toEqual([{ name: '', address: 'ufficio.tributi@comune.example' }]);
    expect(message.envelopeTo).toEqual([desk.user.email, 'ufficio.tributi@comune.example']);
    expect(message.email.subject).toBe(`[Ticket#${desk.ticket.tn}] Re: Stampa avvisi TARI bloccata`);
    expect(message.email.inReplyTo).toBe(`<orig-${desk.user.login}@comune.example>`);
    expect(message.email.references).toBe(`<orig-${desk.user.login}@comune.example>`);
    expect(message.email.text?.trim()).toBe('Gentile Paolo,\nabbiamo sbloccato la coda di stampa.');
    expect(message.email.html).toContain('abbiamo sbloccato la coda di stampa');
    expect(message.email.attachments).toHaveLength(1);
    expect(message.email.attachments[0]).toMatchObject({ filename: 'procedura è.pdf', mimeType: 'application/pdf' });
    expect(new TextDecoder().decode(message.email.attachments[0]?.content as ArrayBuffer)).toBe('%PDF-1.4 prova');
    // no auto-response markers on a person's answer
    expect(message.email.headers.find((header) => header.key === 'auto-submitted')).toBeUndefined();

    const sent = await article(desk.ticket.id, articleId);
    expect(sent).toMatchObject({ sendStatus: 'sent', sendAttempts: 1, sendError: null });
    expect(sent.from).toBe(`"Cityware - Tributi" <${desk.address.email}>`);
    expect(sent.sentAt).not.toBeNull();
  });

  it("a forward carries the original's attachments; an attachment of another ticket is refused", async () => {
    const desk = await deskWithCustomerMail();
    const [first] = await listArticles(ctx, admin, desk.ticket.id);
    const withFile = await ctx.db.transaction().execute((trx) =>
      insertArticle(ctx, trx, systemActor(), desk.ticket.id, {
        channel: 'email',
        senderType: 'customer',
        visibleToCustomer: true,
        subject: 'Schermata',
        bodyText: 'In allegato la schermata.',
        attachments: [{ filename: 'schermata.png', contentType: 'image/png', content: bytes('PNG dati') }],
      }),
    );
    const original = (await article(desk.ticket.id, withFile)).attachments[0];
    if (!original) throw new Error('no attachment listed');
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: 'fornitore@software.example',
      subject: 'Fwd: Stampa avvisi TARI bloccata',
      bodyText: 'Vi inoltriamo la segnalazione del cliente.',
      replyToArticleId: first?.id,
      forward: true,
      attachmentIds: [original.id],
    });
    await ctx.jobs.drain();
    const message = caught((await article(desk.ticket.id, articleId)).messageId);
    expect(message.email.attachments.map((a) => a.filename)).toEqual(['schermata.png']);
    expect(new TextDecoder().decode(message.email.attachments[0]?.content as ArrayBuffer)).toBe('PNG dati');

    const other = await deskWithCustomerMail();
    await expect(
      addOutgoingEmail(ctx, other.agent, other.ticket.id, {
        to: 'fornitore@software.example',
        subject: 'Fwd: altro',
        bodyText: 'x',
        attachmentIds: [original.id],
      }),
    ).rejects.toMatchObject({ code: 'validation', field: 'attachmentIds' });
  });

  it('sends an inline image as a related part its HTML refers to by cid', async () => {
    const desk = await deskWithCustomerMail();
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      subject: 'Schermata',
      bodyText: 'Vedi la schermata.',
      bodyHtml: '<p>Vedi la schermata:</p><img src="cid:schermata-1@sportello">',
      attachments: [
        {
          filename: 'schermata.png',
          contentType: 'image/png',
          content: bytes('png-bytes'),
          contentId: '<schermata-1@sportello>',
          inline: true,
        },
      ],
    });
    await ctx.jobs.drain();
    const message = caught((await article(desk.ticket.id, articleId)).messageId);
    expect(message.email.html).toContain('cid:schermata-1@sportello');
    expect(message.email.attachments).toHaveLength(1);
    expect(message.email.attachments[0]).toMatchObject({
      filename: 'schermata.png',
      contentId: '<schermata-1@sportello>',
      disposition: 'inline',
    });
    expect(message.raw).toMatch(/multipart\/related/i);
  });

  it('does not double the ticket tag a subject already carries', async () => {
    const desk = await deskWithCustomerMail();
    const subject = `Re: [Ticket#${desk.ticket.tn}] Stampa avvisi TARI bloccata`;
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      subject,
      bodyText: 'Risolto.',
    });
    await ctx.jobs.drain();
    expect(caught((await article(desk.ticket.id, articleId)).messageId).email.subject).toBe(subject);
  });

  it('a queue without an address sends from the desk’s first address', async () => {
    const desk = await makeDesk(ctx);
    const ticket = await makeTicket(ctx, desk.agent, desk.queue.id);
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, ticket.id, {
      to: 'someone@example.test',
      subject: 'Prova',
      bodyText: 'Prova.',
    });
    await ctx.jobs.drain();
    const fallback = await ctx.db
      .selectFrom('systemAddresses')
      .select(['email', 'displayName'])
      .where('valid', '=', true)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(caught((await article(ticket.id, articleId)).messageId).email.from).toEqual({
      name: fallback.displayName,
      address: fallback.email,
    });
  });

  it('marks the system’s own answers (auto-responses) so that no auto-responder replies', async () => {
    const desk = await deskWithCustomerMail();
    const articleId = await ctx.db.transaction().execute((trx) =>
      insertArticle(ctx, trx, systemActor(), desk.ticket.id, {
        channel: 'email',
        senderType: 'system',
        visibleToCustomer: true,
        to: desk.user.email,
        subject: 'Abbiamo ricevuto la sua richiesta',
        bodyText: 'Numero della richiesta: …',
        sendStatus: 'queued',
      }),
    );
    await ctx.jobs.drain();
    const message = caught((await article(desk.ticket.id, articleId)).messageId);
    const header = (key: string) => message.email.headers.find((item) => item.key === key)?.value;
    expect(header('auto-submitted')).toBe('auto-replied');
    expect(header('x-loop')).toBe(desk.address.email);
    expect(header('x-auto-response-suppress')).toBe('All');
    expect(header('precedence')).toBeUndefined();
  });

  it('a job run again after a recorded success sends nothing', async () => {
    const desk = await deskWithCustomerMail();
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      subject: 'Una volta sola',
      bodyText: 'Una volta sola.',
    });
    await ctx.jobs.drain();
    await sendArticle(ctx, { articleId });
    await sendArticle(ctx, { articleId });
    caught((await article(desk.ticket.id, articleId)).messageId);
    expect(await article(desk.ticket.id, articleId)).toMatchObject({ sendStatus: 'sent', sendAttempts: 1 });
  });
});

describe('a new email ticket', () => {
  it("sends its first article, the agent's email, with the new ticket's number", async () => {
    const desk = await deskWithCustomerMail();
    const created = await createTicket(ctx, desk.agent, {
      title: 'Rinnovo contratto assistenza',
      queueId: desk.queue.id,
      customerUserId: desk.user.id,
      article: {
        channel: 'email',
        senderType: 'agent',
        visibleToCustomer: true,
        to: desk.user.email,
        subject: 'Rinnovo contratto assistenza',
        bodyText: 'Gentile Paolo, le scriviamo per il rinnovo.',
        sendStatus: 'queued',
      },
    });
    const queued = await article(created.id, created.articleId);
    expect(queued).toMatchObject({ sendStatus: 'queued', channel: 'email', senderType: 'agent' });
    await ctx.jobs.drain();
    const message = caught(queued.messageId);
    expect(message.email.subject).toBe(`[Ticket#${created.tn}] Rinnovo contratto assistenza`);
    expect(message.envelopeTo).toEqual([desk.user.email]);
    expect((await article(created.id, created.articleId)).sendStatus).toBe('sent');
  });

  it('refuses to send what is not an agent email with a recipient, writing nothing', async () => {
    const desk = await deskWithCustomerMail();
    const before = await ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const attempt = createTicket(ctx, desk.agent, {
      title: 'Senza destinatario',
      queueId: desk.queue.id,
      article: {
        channel: 'email',
        senderType: 'agent',
        visibleToCustomer: true,
        subject: 'x',
        bodyText: 'y',
        sendStatus: 'queued',
      },
    });
    await expect(attempt).rejects.toMatchObject({ code: 'validation', field: 'article.to' });
    const after = await ctx.db
      .selectFrom('tickets')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('nothing is lost while the SMTP server is down', () => {
  it('keeps the article queued with its error, and sends it once the server is back', async () => {
    const desk = await deskWithCustomerMail();
    await smtp.stop();
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      subject: 'Durante la manutenzione',
      bodyText: 'Testo.',
    });
    const before = Date.now();
    await ctx.jobs.drain();

    const waiting = await article(desk.ticket.id, articleId);
    expect(waiting).toMatchObject({ sendStatus: 'queued', sendAttempts: 1, sentAt: null });
    expect(waiting.sendError).toMatch(/ECONNREFUSED|connect/i);
    // the next attempt waits a minute: draining now runs nothing for it
    const [retry] = await waitingSends(articleId);
    expect(retry?.startAfter.getTime()).toBeGreaterThanOrEqual(before + 55_000);
    await ctx.jobs.drain();
    expect(await article(desk.ticket.id, articleId)).toMatchObject({ sendStatus: 'queued', sendAttempts: 1 });

    await smtp.listen();
    await makeSendsDue();
    await ctx.jobs.drain();
    const sent = await article(desk.ticket.id, articleId);
    expect(sent).toMatchObject({ sendStatus: 'sent', sendAttempts: 2, sendError: null });
    caught(sent.messageId);
    expect(await waitingSends(articleId)).toEqual([]);
  });

  it('records the server’s temporary refusal (451) and retries with a growing delay', async () => {
    const desk = await deskWithCustomerMail();
    smtp.refuse(451, 'Requested action aborted: local error in processing');
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      subject: 'Rifiuto temporaneo',
      bodyText: 'Testo.',
    });
    await ctx.jobs.drain();
    expect((await article(desk.ticket.id, articleId)).sendError).toMatch(/^451 .*local error in processing/);
    const delays: number[] = [];
    for (let attempt = 2; attempt <= 3; attempt++) {
      await makeSendsDue();
      const before = Date.now();
      await ctx.jobs.drain();
      const [retry] = await waitingSends(articleId);
      delays.push(Math.round(((retry?.startAfter.getTime() ?? 0) - before) / 60_000));
    }
    expect(delays).toEqual([2, 5]);
    smtp.accept();
    await makeSendsDue();
    await ctx.jobs.drain();
    expect(await article(desk.ticket.id, articleId)).toMatchObject({ sendStatus: 'sent', sendAttempts: 4 });
  });

  it('after the last attempt the article is failed, with the error, and the ticket hears of it', async () => {
    const desk = await deskWithCustomerMail();
    smtp.refuse(451, 'Try again later');
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: desk.user.email,
      subject: 'Mai partita',
      bodyText: 'Testo.',
    });
    const since = await mark(ctx);
    await ctx.jobs.drain();
    // nine attempts already failed: the next one is the last
    await ctx.db
      .updateTable('articles')
      .set({ sendAttempts: SEND_MAX_ATTEMPTS - 1 })
      .where('id', '=', articleId)
      .execute();
    await makeSendsDue();
    await ctx.jobs.drain();
    expect(await article(desk.ticket.id, articleId)).toMatchObject({
      sendStatus: 'failed',
      sendAttempts: SEND_MAX_ATTEMPTS,
      sendError: '451 Try again later',
    });
    expect(await waitingSends(articleId)).toEqual([]);
    expect(await eventTypesSince(ctx, since, desk.ticket.id)).toContain('article.send_failed');
  });

  it('a permanent refusal (550) fails at once: retrying cannot help', async () => {
    const desk = await deskWithCustomerMail();
    smtp.refuse(550, 'No such user here');
    const { articleId } = await addOutgoingEmail(ctx, desk.agent, desk.ticket.id, {
      to: 'nessuno@comune.example',
      subject: 'Destinatario sbagliato',
      bodyText: 'Testo.',
    });
    await ctx.jobs.drain();
    expect(await article(desk.ticket.id, articleId)).toMatchObject({
      sendStatus: 'failed',
      sendAttempts: 1,
      sendError: '550 No such user here',
    });
    expect(await waitingSends(articleId)).toEqual([]);
  });
});
