import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Api, apiAs, createKit, type Kit, PASSWORD } from '../config/config-kit.ts';
import { type Dovecot, startDovecot, testMessage } from '../support/dovecot.ts';

let kit: Kit;
let dovecot: Dovecot;
let italian: Api;

const USER = 'desk';
const SECRET = 'mailbox-secret-1';

beforeAll(async () => {
  [kit, dovecot] = await Promise.all([createKit(), startDovecot()]);
  await dovecot.addUser(USER, SECRET);
  italian = await apiAs(kit.t.app, kit.adminLogin, PASSWORD, 'agent', 'it');
});

afterAll(async () => {
  await kit?.t.close();
  await dovecot?.stop();
});

/** A port nothing listens on: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 1));
    });
  });
}

const settings = (overrides: object = {}) => ({
  protocol: 'imaps',
  host: '127.0.0.1',
  port: dovecot.ports.imaps,
  login: USER,
  password: SECRET,
  tlsVerify: false,
  ...overrides,
});

interface Account {
  id: number;
  name: string;
  port: number;
  hasPassword: boolean;
  lastError: string | null;
  [field: string]: unknown;
}

describe('mail accounts CRUD', () => {
  it('creates, reads, lists, changes and deletes an account; the password never comes back', async () => {
    const created = await kit.admin.post('/api/v1/mail-accounts', { name: 'Assistenza', ...settings() });
    expect(created.statusCode).toBe(201);
    const account = created.json<Account>();
    expect(account).toMatchObject({ name: 'Assistenza', protocol: 'imaps', hasPassword: true, folder: 'INBOX' });
    expect(account).not.toHaveProperty('password');
    expect(created.body).not.toContain(SECRET);

    const read = await kit.admin.get(`/api/v1/mail-accounts/${account.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.body).not.toContain(SECRET);
    expect(read.json<Account>().hasPassword).toBe(true);

    const list = await kit.admin.get('/api/v1/mail-accounts?q=assist');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(SECRET);
    expect(list.json<{ items: Account[] }>().items.map((item) => item.id)).toContain(account.id);

    const changed = await kit.admin.patch(`/api/v1/mail-accounts/${account.id}`, { password: 'another-secret' });
    expect(changed.statusCode).toBe(200);
    expect(changed.body).not.toContain('another-secret');
    const stored = await kit.t.ctx.db
      .selectFrom('mailAccounts')
      .select('password')
      .where('id', '=', account.id)
      .executeTakeFirstOrThrow();
    expect(stored.password).toBe('another-secret');

    expect((await kit.admin.delete(`/api/v1/mail-accounts/${account.id}`)).statusCode).toBe(204);
    expect((await kit.admin.get(`/api/v1/mail-accounts/${account.id}`)).statusCode).toBe(404);
  });

  it('gives the standard port of the protocol when none is given', async () => {
    const created = await kit.admin.post('/api/v1/mail-accounts', {
      name: 'Porta standard',
      protocol: 'pop3s',
      host: 'mail.example.test',
      login: 'x',
      password: 'y',
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Account>().port).toBe(995);
  });

  it('is for admins only, reading included', async () => {
    const created = await kit.admin.post('/api/v1/mail-accounts', { name: 'Solo admin', ...settings() });
    const { id } = created.json<Account>();
    expect((await kit.agent.get('/api/v1/mail-accounts')).statusCode).toBe(403);
    expect((await kit.agent.get(`/api/v1/mail-accounts/${id}`)).statusCode).toBe(403);
    expect((await kit.agent.post('/api/v1/mail-accounts', { name: 'No', ...settings() })).statusCode).toBe(403);
    expect((await kit.agent.post(`/api/v1/mail-accounts/${id}/test`)).statusCode).toBe(403);
    expect((await kit.agent.post(`/api/v1/mail-accounts/${id}/fetch`)).statusCode).toBe(403);
    expect((await kit.customer.get('/api/v1/mail-accounts')).statusCode).toBe(403);
  });

  it('refuses bad values naming the field', async () => {
    const cases: [object, string][] = [
      [{ port: 0 }, 'port'],
      [{ port: 70000 }, 'port'],
      [{ protocol: 'smtp' }, 'protocol'],
      [{ dispatch: 'queue' }, 'queueId'],
      [{ dispatch: 'queue', queueId: null }, 'queueId'],
      [{ pollSeconds: 5 }, 'pollSeconds'],
      [{ password: '' }, 'password'],
    ];
    for (const [body, field] of cases) {
      const response = await kit.admin.post('/api/v1/mail-accounts', { name: `Bad ${field}`, ...settings(body) });
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json<{ error: { field: string } }>().error.field, JSON.stringify(body)).toBe(field);
    }
    const bad = await italian.post('/api/v1/mail-accounts', {
      name: 'Coda mancante',
      ...settings({ dispatch: 'queue' }),
    });
    expect(bad.json<{ error: { message: string } }>().error.message).toContain('coda');
  });

  it('dispatching into a queue needs the queue, also when changed later', async () => {
    const created = await kit.admin.post('/api/v1/mail-accounts', { name: 'Per coda', ...settings() });
    const { id } = created.json<Account>();
    const refused = await kit.admin.patch(`/api/v1/mail-accounts/${id}`, { dispatch: 'queue' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ error: { field: string } }>().error.field).toBe('queueId');
    const accepted = await kit.admin.patch(`/api/v1/mail-accounts/${id}`, {
      dispatch: 'queue',
      queueId: kit.desk.queueId,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json<Account>()).toMatchObject({ dispatch: 'queue', queueId: kit.desk.queueId });
    const unset = await kit.admin.patch(`/api/v1/mail-accounts/${id}`, { queueId: null });
    expect(unset.statusCode).toBe(400);
  });
});

describe('test connection', () => {
  interface Outcome {
    ok: boolean;
    messages?: number;
    stage?: string;
    message?: string;
  }
  const test = async (body: object, api: Api = kit.admin) => {
    const response = await api.post('/api/v1/mail-accounts/test', body);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<Outcome>();
  };

  it('answers ok with the number of messages, for each protocol', async () => {
    await dovecot.deliver(USER, ['From: a@example.test\r\nSubject: uno\r\n\r\nciao\r\n']);
    for (const protocol of ['imap', 'imaps', 'pop3', 'pop3s'] as const) {
      const outcome = await test(settings({ protocol, port: dovecot.ports[protocol] }));
      expect(outcome, protocol).toEqual({ ok: true, messages: 1 });
    }
  });

  it('a wrong password is the login stage, in English and in Italian', async () => {
    const english = await test(settings({ password: 'wrong' }));
    expect(english).toMatchObject({ ok: false, stage: 'login' });
    expect(english.message).toMatch(/wrong login or password/);
    const pop3 = await test(settings({ protocol: 'pop3s', port: dovecot.ports.pop3s, password: 'wrong' }), italian);
    expect(pop3).toMatchObject({ ok: false, stage: 'login' });
    expect(pop3.message).toMatch(/password errati/);
  });

  it('an unknown host is the dns stage', async () => {
    const outcome = await test(settings({ host: 'mail.sportello-test.invalid' }));
    expect(outcome).toMatchObject({ ok: false, stage: 'dns' });
    expect(outcome.message).toContain('mail.sportello-test.invalid');
  });

  it('a closed port is the connect stage', async () => {
    for (const protocol of ['imaps', 'pop3'] as const) {
      const outcome = await test(settings({ protocol, port: await closedPort() }));
      expect(outcome, protocol).toMatchObject({ ok: false, stage: 'connect' });
    }
  });

  it('a self-signed certificate with tlsVerify true is the tls stage, suggesting tlsVerify false', async () => {
    for (const protocol of ['imaps', 'pop3s', 'imap', 'pop3'] as const) {
      const outcome = await test(settings({ protocol, port: dovecot.ports[protocol], tlsVerify: true }));
      expect(outcome, protocol).toMatchObject({ ok: false, stage: 'tls' });
      expect(outcome.message, protocol).toContain('tlsVerify');
    }
    const italianOutcome = await test(settings({ tlsVerify: true }), italian);
    expect(italianOutcome.message).toContain('autofirmato');
  });

  it('a missing folder is the folder stage', async () => {
    const outcome = await test(settings({ folder: 'Nonexistent' }));
    expect(outcome).toMatchObject({ ok: false, stage: 'folder' });
    expect(outcome.message).toContain('Nonexistent');
    await dovecot.addFolder(USER, 'Supporto');
    expect(await test(settings({ folder: 'Supporto' }))).toEqual({ ok: true, messages: 0 });
  });

  it('a saved account is tested with its stored password, settings changed for the test only', async () => {
    const created = await kit.admin.post('/api/v1/mail-accounts', { name: 'Da provare', ...settings() });
    const { id } = created.json<Account>();
    const good = await kit.admin.post(`/api/v1/mail-accounts/${id}/test`);
    expect(good.json<Outcome>()).toMatchObject({ ok: true });
    const other = await kit.admin.post(`/api/v1/mail-accounts/${id}/test`, { folder: 'Nonexistent' });
    expect(other.json<Outcome>()).toMatchObject({ ok: false, stage: 'folder' });
    // the stored password is not sent to another host
    const elsewhere = await kit.admin.post(`/api/v1/mail-accounts/${id}/test`, { host: 'mail.elsewhere.invalid' });
    expect(elsewhere.statusCode).toBe(400);
    expect(elsewhere.json().error.field).toBe('password');
    expect((await kit.admin.post('/api/v1/mail-accounts/999999/test')).statusCode).toBe(404);
  });
});

describe('fetch now', () => {
  it('fetches the account at once; its last fetch and last error show through the API', async () => {
    await dovecot.addUser('fetch-now', SECRET);
    await dovecot.deliver('fetch-now', [testMessage(`fetch-now-${process.pid}-${Date.now()}`)]);
    const created = await kit.admin.post('/api/v1/mail-accounts', {
      name: 'Adesso',
      ...settings({ login: 'fetch-now' }),
    });
    const { id } = created.json<Account>();
    const fetched = await kit.admin.post(`/api/v1/mail-accounts/${id}/fetch`);
    expect(fetched.statusCode, fetched.body).toBe(200);
    expect(fetched.json()).toMatchObject({ status: 'done', stored: 1, duplicates: 0 });
    expect(await dovecot.count('fetch-now')).toBe(0);
    const after = (await kit.admin.get(`/api/v1/mail-accounts/${id}`)).json<Account>();
    expect(after.lastFetchAt).toEqual(expect.any(String));
    expect(after.lastError).toBeNull();

    await kit.admin.patch(`/api/v1/mail-accounts/${id}`, { password: 'not-the-password' });
    const failed = await kit.admin.post(`/api/v1/mail-accounts/${id}/fetch`);
    expect(failed.statusCode).toBe(200);
    expect(failed.json()).toMatchObject({ status: 'failed', stage: 'login' });
    const shown = (await kit.admin.get(`/api/v1/mail-accounts/${id}`)).json<Account>();
    expect(shown.lastError).toMatch(/wrong login or password/);
    expect((await kit.admin.post('/api/v1/mail-accounts/999999/fetch')).statusCode).toBe(404);
  });
});
