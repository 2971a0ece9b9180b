import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { receiveMail } from '../../server/domain/mail/inbound/receive-mail.ts';
import { makeDesk } from '../support/factories.ts';
import { SmtpCatcher } from '../support/smtp-catcher.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';

let ctx: TestContext;
let smtp: SmtpCatcher;
let queueId: number;

const mail = (subject: string, body: string, from = 'Giulia Bianchi <giulia.bianchi@unione.test>') =>
  new TextEncoder().encode(
    [
      `From: ${from}`,
      'To: protocollo@sportello.test',
      `Subject: ${subject}`,
      `Message-ID: <${subject.length}-${Date.now()}-${Math.random()}@unione.test>`,
      'Content-Type: text/plain; charset=utf-8',
      '',
      body,
      '',
    ].join('\r\n'),
  );

beforeAll(async () => {
  smtp = await SmtpCatcher.start();
  ctx = await createTestContext({ smtpUrl: smtp.url });
  const desk = await makeDesk(ctx);
  queueId = desk.queue.id;
  const address = await ctx.db
    .insertInto('systemAddresses')
    .values({ email: 'protocollo@sportello.test', displayName: 'Assistenza Protocollo', queueId })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ctx.db.updateTable('queues').set({ systemAddressId: address.id }).where('id', '=', queueId).execute();
});

afterAll(async () => {
  await ctx.close();
  await smtp.close();
});

describe('answers to received mail, over SMTP', () => {
  it('a new ticket sends its confirmation from the queue address, with the ticket number in the subject', async () => {
    const received = await receiveMail(
      ctx,
      mail(
        'Protocollo: impossibile assegnare la pratica',
        'La pratica 123 non si assegna.\nGiulia Bianchi\n030 1234567',
      ),
      { source: 'api' },
    );
    await ctx.jobs.drain();
    const ticket = await ctx.db
      .selectFrom('tickets')
      .select('tn')
      .where('id', '=', received.ticketId ?? -1)
      .executeTakeFirstOrThrow();
    const confirmation = smtp.messages.find((m) => m.envelopeTo.includes('giulia.bianchi@unione.test'));
    expect(confirmation?.email.from).toMatchObject({
      address: 'protocollo@sportello.test',
      name: 'Assistenza Protocollo',
    });
    expect(confirmation?.email.subject).toBe(
      `[Ticket#${ticket.tn}] Abbiamo ricevuto la sua richiesta: Protocollo: impossibile assegnare la pratica`,
    );
    expect(confirmation?.email.text).toContain(ticket.tn);
    expect(confirmation?.email.headers.find((h) => h.key === 'auto-submitted')?.value).toBe('auto-replied');
  });

  it('a refused message is answered with what to send again, and no ticket is made', async () => {
    const rules = await ctx.db
      .selectFrom('intakeRules')
      .select('id')
      .where('queueId', 'is', null)
      .where('systemAddressId', 'is', null)
      .executeTakeFirstOrThrow();
    await ctx.db
      .updateTable('intakeRules')
      .set({ genericSubject: 'reject', missingPhone: 'reject' })
      .where('id', '=', rules.id)
      .execute();
    try {
      const before = smtp.messages.length;
      const received = await receiveMail(ctx, mail('Aiuto', 'Non va.', 'Luca Verdi <luca.verdi@unione.test>'), {
        source: 'api',
      });
      expect(received).toMatchObject({ status: 'rejected', ticketId: null });
      await ctx.jobs.drain();
      const reply = smtp.messages.slice(before).find((m) => m.envelopeTo.includes('luca.verdi@unione.test'));
      expect(reply?.email.from?.address).toBe('protocollo@sportello.test');
      expect(reply?.email.text).toContain("l'oggetto è troppo generico");
      expect(reply?.email.text).toContain('recapito telefonico');
      expect(reply?.email.inReplyTo).toBeTruthy();
      const row = await ctx.db
        .selectFrom('intakeReplies')
        .selectAll()
        .where('mailMessageId', '=', received.id)
        .executeTakeFirstOrThrow();
      expect(row).toMatchObject({ status: 'sent', attempts: 1, address: 'luca.verdi@unione.test' });
    } finally {
      await ctx.db
        .updateTable('intakeRules')
        .set({ genericSubject: 'flag', missingPhone: 'flag' })
        .where('id', '=', rules.id)
        .execute();
    }
  });

  it('stops answering one address after the daily limit (loop protection)', async () => {
    const limited = await createTestContext({ smtpUrl: smtp.url, autoResponseMaxPerDay: 2 });
    try {
      const desk = await makeDesk(limited);
      await limited.db
        .insertInto('systemAddresses')
        .values({ email: 'protocollo@sportello.test', displayName: 'P', queueId: desk.queue.id })
        .execute();
      const tickets: number[] = [];
      for (let i = 0; i < 3; i++) {
        const received = await receiveMail(
          limited,
          mail(`Richiesta ${i} sul modulo paghe`, `Testo ${i}\nTel. 0364 111222`, 'robot@ditta.test'),
          { source: 'api' },
        );
        tickets.push(received.ticketId ?? -1);
      }
      const answered = await limited.db
        .selectFrom('articles')
        .select('ticketId')
        .where('senderType', '=', 'system')
        .where('ticketId', 'in', tickets)
        .execute();
      expect(answered.map((a) => a.ticketId)).toEqual(tickets.slice(0, 2));
      const skipped = await limited.db
        .selectFrom('ticketHistory')
        .select('data')
        .where('ticketId', '=', tickets[2] ?? -1)
        .where('type', '=', 'AutoResponseSkipped')
        .executeTakeFirstOrThrow();
      expect(skipped.data).toMatchObject({ reason: 'daily-limit' });
    } finally {
      await limited.close();
    }
  });
});
