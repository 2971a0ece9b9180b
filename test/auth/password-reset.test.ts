import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../server/api/app.ts';
import { makeAgent, makeCustomer, makeCustomerUser } from '../support/factories.ts';
import { SmtpCatcher } from '../support/smtp-catcher.ts';
import { login, setPassword } from '../support/test-app.ts';
import { createTestContext, type TestContext } from '../support/test-database.ts';

const PUBLIC_URL = 'https://desk.example.test';
const OLD_PASSWORD = 'vecchia-123';
const NEW_PASSWORD = 'nuova-password-456';
let serial = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

let ctx: TestContext;
let app: App;
let smtp: SmtpCatcher;
let now: Date;
beforeAll(async () => {
  smtp = await SmtpCatcher.start();
  ctx = await createTestContext({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL });
  app = await buildApp(ctx);
});
afterAll(async () => {
  await app.close();
  await ctx.close();
  await smtp.close();
});
beforeEach(() => {
  smtp.messages.length = 0;
  now = new Date();
  ctx.setNow(now);
});
const later = (minutes: number) => ctx.setNow(new Date(now.getTime() + minutes * 60_000));

/** Asks for a link, as the login page does, and lets the jobs send what they send. */
async function forgot(loginName: string, as?: 'agent' | 'customer', language = 'en') {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/password-resets',
    headers: { 'accept-language': language },
    payload: as ? { login: loginName, as } : { login: loginName },
  });
  await ctx.jobs.drain();
  return response;
}

function confirm(token: string, password: string, language = 'en') {
  return app.inject({
    method: 'POST',
    url: '/api/v1/password-resets/confirm',
    headers: { 'accept-language': language },
    payload: { token, password },
  });
}

function logIn(loginName: string, password: string, as: 'agent' | 'customer' = 'agent') {
  return app.inject({ method: 'POST', url: '/api/v1/sessions', payload: { login: loginName, password, as } });
}

/** The token of the link in an email, and the link itself. */
function linkIn(text: string | undefined) {
  const match = /(https:\/\/\S+reset-password\?token=)([\w%-]+)/.exec(text ?? '');
  if (!match?.[2]) throw new Error(`no link in: ${text}`);
  return { url: `${match[1]}${match[2]}`, token: decodeURIComponent(match[2]) };
}

async function agentWithPassword(language = 'it') {
  const agent = await makeAgent(ctx, [], unique('Mario.Rossi'));
  await ctx.db.updateTable('agents').set({ language }).where('id', '=', agent.agentId).execute();
  await setPassword(ctx, 'agents', agent.agentId, OLD_PASSWORD);
  return { login: agent.login, email: `${agent.login}@example.test`.toLowerCase() };
}

async function customerUserWithPassword(language = 'it') {
  const customer = await makeCustomer(ctx);
  const user = await makeCustomerUser(ctx, [{ id: customer.id, isPrimary: true }], unique('paolo'));
  await ctx.db.updateTable('customerUsers').set({ language }).where('id', '=', user.id).execute();
  await setPassword(ctx, 'customerUsers', user.id, OLD_PASSWORD);
  return { login: user.login, email: user.email.toLowerCase() };
}

const errorOf = (response: LightMyRequestResponse) =>
  (response.json() as { error: { code: string; message: string; field?: string } }).error;

describe('an agent who forgot the password', () => {
  it('gets an email in English with a link whose token sets a password that logs in; the old password and session end', async () => {
    const agent = await agentWithPassword('en');
    const oldSession = await login(app, agent.login, OLD_PASSWORD);

    const asked = await forgot(agent.login);
    expect(asked.statusCode).toBe(202);
    expect(asked.json()).toEqual({
      message:
        'If the account exists and has an email address, an email with a link to choose a new password has been sent to it. The link is valid for 60 minutes.',
    });

    const [mail, ...more] = smtp.to(agent.email);
    expect(more).toEqual([]);
    expect(mail?.email.subject).toBe('Choose a new password for Sportello');
    expect(mail?.email.from).toEqual({ name: 'Sportello', address: 'sportello@localhost' });
    expect(mail?.email.text).toContain(`your Sportello login ${agent.login}`);
    expect(mail?.email.text).toContain('within 60 minutes');
    const link = linkIn(mail?.email.text);
    expect(link.url.startsWith(`${PUBLIC_URL}/reset-password?token=`)).toBe(true);
    // only the token's hash is kept, and the token in clear is gone once its email left
    const stored = await ctx.db.selectFrom('passwordResets').selectAll().where('address', '=', agent.email).execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.status).toBe('sent');
    expect(stored[0]?.mailToken).toBeNull();
    expect(JSON.stringify(stored)).not.toContain(link.token);

    const done = await confirm(link.token, NEW_PASSWORD);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ login: agent.login, as: 'agent' });

    expect((await logIn(agent.login, NEW_PASSWORD)).statusCode).toBe(201);
    const old = await logIn(agent.login, OLD_PASSWORD);
    expect(old.statusCode).toBe(401);
    expect(errorOf(old).code).toBe('unauthenticated');
    expect((await oldSession.get('/api/v1/sessions/current')).statusCode).toBe(401);
  });

  it('gets the email in Italian when that is the language; as defaults to agent', async () => {
    const agent = await agentWithPassword('it');
    expect((await forgot(agent.login, undefined, 'it')).json()).toEqual({
      message:
        "Se l'account esiste e ha un indirizzo email, vi è stato inviato un messaggio con un collegamento per scegliere una nuova password. Il collegamento vale 60 minuti.",
    });
    const [mail] = smtp.to(agent.email);
    expect(mail?.email.subject).toBe('Scegli una nuova password per Sportello');
    expect(mail?.email.text).toContain(`per il tuo accesso ${agent.login} a Sportello`);
    expect(mail?.email.text).toContain('entro 60 minuti');
    expect(linkIn(mail?.email.text).url.startsWith(`${PUBLIC_URL}/reset-password?token=`)).toBe(true);
  });

  it('can use a link once: the second time it is refused with invalid_token, in the reader’s language', async () => {
    const agent = await agentWithPassword();
    await forgot(agent.login);
    const { token } = linkIn(smtp.to(agent.email)[0]?.email.text);
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(200);

    const again = await confirm(token, 'ancora-un-altra-789', 'it');
    expect(again.statusCode).toBe(400);
    expect(errorOf(again)).toEqual({
      code: 'invalid_token',
      message:
        'Questo collegamento per scegliere una nuova password non è valido: è sconosciuto, è già stato usato o è scaduto (vale 60 minuti). Chiedine uno nuovo.',
    });
    // the password stays the one set with the link
    expect((await logIn(agent.login, NEW_PASSWORD)).statusCode).toBe(201);
    expect((await logIn(agent.login, 'ancora-un-altra-789')).statusCode).toBe(401);
  });

  it('cannot use a link after 60 minutes, nor an unknown token', async () => {
    const agent = await agentWithPassword();
    await forgot(agent.login);
    const { token } = linkIn(smtp.to(agent.email)[0]?.email.text);

    later(61);
    const expired = await confirm(token, NEW_PASSWORD);
    expect(expired.statusCode).toBe(400);
    expect(errorOf(expired).code).toBe('invalid_token');
    expect(errorOf(expired).message).toContain('has expired');
    expect((await logIn(agent.login, OLD_PASSWORD)).statusCode).toBe(201);

    const unknown = await confirm('pwr_nothing-like-this', NEW_PASSWORD);
    expect(unknown.statusCode).toBe(400);
    expect(errorOf(unknown).code).toBe('invalid_token');
  });

  it('still can at 59 minutes', async () => {
    const agent = await agentWithPassword();
    await forgot(agent.login);
    const { token } = linkIn(smtp.to(agent.email)[0]?.email.text);
    later(59);
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await logIn(agent.login, NEW_PASSWORD)).statusCode).toBe(201);
  });

  it('is told a short password names the field password, and the link still works after', async () => {
    const agent = await agentWithPassword();
    await forgot(agent.login);
    const { token } = linkIn(smtp.to(agent.email)[0]?.email.text);

    const short = await confirm(token, 'corta');
    expect(short.statusCode).toBe(400);
    expect(errorOf(short)).toMatchObject({ code: 'validation', field: 'password' });
    expect(errorOf(short).message).toContain('at least 8 characters');
    expect((await logIn(agent.login, OLD_PASSWORD)).statusCode).toBe(201);

    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('is no longer locked out by failed logins once the password is set', async () => {
    const agent = await agentWithPassword();
    for (let i = 0; i < 10; i++) await logIn(agent.login, 'sbagliata');
    expect((await logIn(agent.login, OLD_PASSWORD)).statusCode).toBe(429);

    await forgot(agent.login);
    const { token } = linkIn(smtp.to(agent.email)[0]?.email.text);
    expect((await confirm(token, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await logIn(agent.login, NEW_PASSWORD)).statusCode).toBe(201);
  });

  it('gets at most 3 emails an hour: the 4th request answers the same 202 and sends nothing', async () => {
    const agent = await agentWithPassword();
    const answers = [];
    for (let i = 0; i < 4; i++) {
      later(i * 10);
      const response = await forgot(agent.login);
      answers.push([response.statusCode, response.body]);
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(answers[0]?.[0]).toBe(202);
    const mails = smtp.to(agent.email);
    expect(mails).toHaveLength(3);
    // an older link still works after a newer one was sent
    const first = linkIn(mails[0]?.email.text).token;
    expect(new Set(mails.map((mail) => linkIn(mail.email.text).token)).size).toBe(3);

    // an hour after the first, one more may be asked for
    later(61);
    await forgot(agent.login);
    expect(smtp.to(agent.email)).toHaveLength(4);

    later(62);
    expect((await confirm(first, NEW_PASSWORD)).statusCode).toBe(400); // the first has expired by now
    const newest = linkIn(smtp.to(agent.email)[3]?.email.text).token;
    const second = linkIn(mails[1]?.email.text).token;
    expect((await confirm(second, NEW_PASSWORD)).statusCode).toBe(200);
    // using one link ends the others
    const other = await confirm(newest, 'ancora-un-altra-789');
    expect(errorOf(other).code).toBe('invalid_token');
  });
});

describe('no account enumeration', () => {
  it('an unknown login, or an agent asked for as a customer user, answers the same 202 and sends nothing', async () => {
    const agent = await agentWithPassword();
    const known = await forgot(agent.login, 'agent');
    expect(smtp.messages).toHaveLength(1);
    smtp.messages.length = 0;

    const unknown = await forgot(unique('nessuno'), 'agent');
    const wrongKind = await forgot(agent.login, 'customer');
    const otherCase = await forgot(agent.login.toUpperCase(), 'agent');
    for (const response of [unknown, wrongKind, otherCase]) {
      expect(response.statusCode).toBe(202);
      expect(response.body).toBe(known.body);
    }
    expect(smtp.messages).toEqual([]);
  });

  it('a deactivated agent and the system user get nothing', async () => {
    const agent = await agentWithPassword();
    await ctx.db.updateTable('agents').set({ valid: false }).where('login', '=', agent.login).execute();
    expect((await forgot(agent.login)).statusCode).toBe(202);
    expect((await forgot('root@localhost')).statusCode).toBe(202);
    expect(smtp.messages).toEqual([]);
  });
});

describe('a customer user who forgot the password', () => {
  it('gets the portal link in their language, and logs in to the portal with the new password', async () => {
    const user = await customerUserWithPassword('it');
    const oldSession = await login(app, user.login, OLD_PASSWORD, 'customer');

    expect((await forgot(user.login, 'customer')).statusCode).toBe(202);
    const [mail, ...more] = smtp.to(user.email);
    expect(more).toEqual([]);
    expect(mail?.email.subject).toBe('Scelga una nuova password per il portale');
    expect(mail?.email.text).toContain(`per il Suo accesso ${user.login} al portale`);
    const link = linkIn(mail?.email.text);
    expect(link.url.startsWith(`${PUBLIC_URL}/portal/reset-password?token=`)).toBe(true);

    const done = await confirm(link.token, NEW_PASSWORD);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toEqual({ login: user.login, as: 'customer' });
    expect((await logIn(user.login, NEW_PASSWORD, 'customer')).statusCode).toBe(201);
    expect((await logIn(user.login, OLD_PASSWORD, 'customer')).statusCode).toBe(401);
    expect((await oldSession.get('/api/v1/sessions/current')).statusCode).toBe(401);
  });

  it('in English too', async () => {
    const user = await customerUserWithPassword('en');
    await forgot(user.login, 'customer');
    const [mail] = smtp.to(user.email);
    expect(mail?.email.subject).toBe('Choose a new password for the portal');
    expect(linkIn(mail?.email.text).url.startsWith(`${PUBLIC_URL}/portal/reset-password?token=`)).toBe(true);
  });
});

describe('the email waits for the mail server', () => {
  const retryNow = () =>
    ctx.database.executeSql(
      `UPDATE pgboss.job SET start_after = now() WHERE name = 'password-reset-send' AND state IN ('created', 'retry')`,
      [],
    );
  const rowsOf = (address: string) =>
    ctx.db
      .selectFrom('passwordResets')
      .select(['status', 'attempts', 'lastError', 'mailToken'])
      .where('address', '=', address)
      .execute();

  it('is sent on the next attempt after the server refused it, and its link works', async () => {
    const agent = await agentWithPassword();
    smtp.refuse(451, '4.3.0 try again later');
    try {
      await forgot(agent.login);
    } finally {
      smtp.accept();
    }
    expect(smtp.to(agent.email)).toEqual([]);
    const [waiting] = await rowsOf(agent.email);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1 });
    expect(waiting?.lastError).toContain('try again later');

    await retryNow();
    await ctx.jobs.drain();
    const [mail] = smtp.to(agent.email);
    expect(await rowsOf(agent.email)).toEqual([{ status: 'sent', attempts: 2, lastError: null, mailToken: null }]);
    expect((await confirm(linkIn(mail?.email.text).token, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('is not sent once its link has expired, and the token in clear is gone', async () => {
    const agent = await agentWithPassword();
    smtp.refuse(451, '4.3.0 try again later');
    try {
      await forgot(agent.login);
    } finally {
      smtp.accept();
    }
    later(61);
    await retryNow();
    await ctx.jobs.drain();
    expect(smtp.to(agent.email)).toEqual([]);
    const [row] = await rowsOf(agent.email);
    expect(row).toMatchObject({ status: 'failed', attempts: 1, mailToken: null });
    expect(row?.lastError).toContain('expired');
  });
});
