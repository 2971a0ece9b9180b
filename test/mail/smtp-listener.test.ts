import nodemailer from 'nodemailer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainContext } from '../../server/domain/context.ts';
import { type SmtpListener, startSmtpListener } from '../../server/domain/mail/smtp/smtp-listener.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';

const MAX_BYTES = 8192;

let serial = 0;
function message(to: string, body = 'Buongiorno, la caldaia non si accende. Tel. 0541 123456'): string {
  return [
    'From: Paolo Cevoli <paolo@comune.example>',
    `To: ${to}`,
    'Subject: Caldaia guasta',
    `Message-ID: <smtp-test-${process.pid}-${++serial}@comune.example>`,
    'Date: Tue, 11 Sep 2018 10:00:00 +0200',
    'Content-Type: text/plain; charset=utf-8',
    '',
    body,
    '',
  ].join('\r\n');
}

/** nodemailer as the relaying MTA would talk: plain SMTP on loopback, no TLS, no login. */
function send(port: number, to: string[], raw: string) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true });
  return transport.sendMail({ envelope: { from: 'paolo@comune.example', to }, raw }).finally(() => transport.close());
}

async function refusal(promise: Promise<unknown>): Promise<{ responseCode?: number; response?: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { responseCode?: number; response?: string };
  }
  throw new Error('the message was accepted');
}

describe('the SMTP listener', () => {
  let ctx: TestContext;
  let listener: SmtpListener;
  const count = async () =>
    Number(
      (
        await ctx.db
          .selectFrom('mailMessages')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    ctx = await createTestContext({ smtpAcceptDomains: ['helpdesk.test'], mailMaxBytes: MAX_BYTES });
    listener = await startSmtpListener(ctx, { host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => {
    await listener?.close();
    await ctx?.close();
  });

  it('stores a message for an accepted domain with its envelope, answering 250 once committed', async () => {
    const raw = message('supporto@helpdesk.test');
    const info = await send(listener.port, ['supporto@helpdesk.test'], raw);
    expect(info.response).toMatch(/^250 Message stored as \d+ \/ Messaggio salvato come \d+/);
    const id = Number(/stored as (\d+)/.exec(info.response)?.[1]);
    const row = await ctx.db
      .selectFrom('mailMessages')
      .select(['raw', 'source', 'envelopeFrom', 'envelopeTo'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      source: 'smtp',
      envelopeFrom: 'paolo@comune.example',
      envelopeTo: 'supporto@helpdesk.test',
    });
    expect(Buffer.from(row.raw).toString()).toBe(raw);
  });

  it('keeps one row when the same message comes twice (an MTA retrying after a lost reply)', async () => {
    const raw = message('supporto@helpdesk.test');
    const before = await count();
    const first = await send(listener.port, ['supporto@helpdesk.test'], raw);
    const second = await send(listener.port, ['supporto@helpdesk.test'], raw);
    expect(second.response).toMatch(/^250 Message already stored as \d+/);
    expect(/as (\d+)/.exec(second.response)?.[1]).toBe(/as (\d+)/.exec(first.response)?.[1]);
    expect(await count()).toBe(before + 1);
  });

  it('refuses a recipient in another domain with 550, naming the accepted ones', async () => {
    const before = await count();
    const error = await refusal(send(listener.port, ['someone@elsewhere.test'], message('someone@elsewhere.test')));
    expect(error.responseCode).toBe(550);
    expect(error.response).toContain('accepts mail for helpdesk.test only, not for someone@elsewhere.test');
    expect(await count()).toBe(before);
  });

  it('refuses a message over MAIL_MAX_BYTES with 552', async () => {
    const before = await count();
    const large = message('supporto@helpdesk.test', 'x'.repeat(MAX_BYTES * 2));
    const error = await refusal(send(listener.port, ['supporto@helpdesk.test'], large));
    expect(error.responseCode).toBe(552);
    expect(await count()).toBe(before);
  });

  it('answers 451 (try again later) when the database cannot store the message', async () => {
    const broken: DomainContext = {
      ...ctx,
      db: new Proxy(ctx.db, {
        get: (target, name, receiver) =>
          name === 'transaction'
            ? () => {
                throw new Error('the database is down');
              }
            : Reflect.get(target, name, receiver),
      }),
    };
    const logged: string[] = [];
    const down = await startSmtpListener(broken, {
      host: '127.0.0.1',
      port: 0,
      logError: (text) => logged.push(text),
    });
    try {
      const error = await refusal(send(down.port, ['supporto@helpdesk.test'], message('supporto@helpdesk.test')));
      expect(error.responseCode).toBe(451);
      expect(error.response).toContain('try again later');
      expect(logged).toHaveLength(1);
    } finally {
      await down.close();
    }
  });

  it('accepts the domains of the system addresses when SMTP_ACCEPT_DOMAINS is empty', async () => {
    await ctx.db
      .insertInto('systemAddresses')
      .values({ email: 'tributi@Comune-Test.example', displayName: 'Tributi' })
      .execute();
    const byAddress = await startSmtpListener(
      { ...ctx, config: { ...ctx.config, smtpAcceptDomains: [] } },
      {
        host: '127.0.0.1',
        port: 0,
      },
    );
    try {
      const info = await send(byAddress.port, ['tributi@comune-test.example'], message('tributi@comune-test.example'));
      expect(info.response).toMatch(/^250 /);
      const error = await refusal(send(byAddress.port, ['x@helpdesk.test'], message('x@helpdesk.test')));
      expect(error.responseCode).toBe(550);
    } finally {
      await byAddress.close();
    }
  });
});
