import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../../server/api/app.ts';
import { makeAgent, makeCustomer, makeCustomerUser } from '../support/factories.ts';
import { createTestApp, setPassword, type TestApp } from '../support/test-app.ts';

const PASSWORD = 'giusta-123';
let serial = 0;
const unique = (prefix: string) => `${prefix}-${process.pid}-${++serial}`;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function logIn(login: string, password: string, as: 'agent' | 'customer' = 'agent', language = 'en', app: App = t.app) {
  return app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    headers: { 'accept-language': language },
    payload: { login, password, as },
  });
}

async function agentWithPassword(login = unique('sessione')) {
  const agent = await makeAgent(t.ctx, [], login);
  await setPassword(t.ctx, 'agents', agent.agentId, PASSWORD);
  return agent.login;
}

const statuses = (responses: LightMyRequestResponse[]) => responses.map((response) => response.statusCode);

async function failTimes(login: string, times: number, as: 'agent' | 'customer' = 'agent') {
  const responses: LightMyRequestResponse[] = [];
  for (let i = 0; i < times; i++) responses.push(await logIn(login, 'sbagliata', as));
  return statuses(responses);
}

describe('login timing', () => {
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  async function timed(login: string, password: string) {
    const start = performance.now();
    const response = await logIn(login, password);
    expect(response.statusCode).toBe(401);
    return performance.now() - start;
  }

  it('refuses an unknown login, or one without a password, as slowly as a wrong password', async () => {
    const known = await agentWithPassword();
    const withoutPassword = (await makeAgent(t.ctx)).login;
    const wrong: number[] = [];
    const unknown: number[] = [];
    const noPassword: number[] = [];
    // interleaved, so that a busy moment of the machine slows all three alike; 5 tries stay under the limit
    for (let i = 0; i < 5; i++) {
      wrong.push(await timed(known, 'sbagliata'));
      unknown.push(await timed(unique('nessuno'), 'sbagliata'));
      noPassword.push(await timed(withoutPassword, 'sbagliata'));
    }
    // scrypt takes tens of milliseconds; skipping it answered in one or two
    expect(median(unknown), `unknown ${unknown} vs wrong ${wrong}`).toBeGreaterThan(median(wrong) * 0.5);
    expect(median(noPassword), `no password ${noPassword} vs wrong ${wrong}`).toBeGreaterThan(median(wrong) * 0.5);
  });
});

describe('failed login throttling', () => {
  let now: Date;
  beforeEach(() => {
    now = new Date();
    t.ctx.setNow(now);
  });
  const later = (minutes: number) => t.ctx.setNow(new Date(now.getTime() + minutes * 60_000));

  it('refuses a login after 10 failures in 15 minutes, with 429 saying when to retry, even with the right password', async () => {
    const login = await agentWithPassword();
    expect(await failTimes(login, 10)).toEqual(Array(10).fill(401));

    const refused = await logIn(login, PASSWORD);
    expect(refused.statusCode, refused.body).toBe(429);
    expect(refused.json().error).toEqual({
      code: 'too_many_requests',
      message: 'Too many failed logins with this name: try again in 15 min',
    });
    expect(refused.headers['retry-after']).toBe('900');
    expect(refused.cookies).toEqual([]);

    later(10);
    const italian = await logIn(login, PASSWORD, 'agent', 'it');
    expect(italian.statusCode).toBe(429);
    expect(italian.json().error.message).toBe('Troppi accessi non riusciti con questo nome: riprova tra 5 min');
    expect(italian.headers['retry-after']).toBe('300');

    later(15);
    expect((await logIn(login, PASSWORD)).statusCode).toBe(201);
  });

  it('starts counting again after a successful login', async () => {
    const login = await agentWithPassword();
    expect(await failTimes(login, 9)).toEqual(Array(9).fill(401));
    expect((await logIn(login, PASSWORD)).statusCode).toBe(201);
    expect(await failTimes(login, 10)).toEqual(Array(10).fill(401));
    expect((await logIn(login, PASSWORD)).statusCode).toBe(429);
  });

  it('starts counting again once the window has passed', async () => {
    const login = await agentWithPassword();
    expect(await failTimes(login, 9)).toEqual(Array(9).fill(401));
    later(16);
    expect(await failTimes(login, 10)).toEqual(Array(10).fill(401));
    expect((await logIn(login, 'sbagliata')).statusCode).toBe(429);
  });

  it('counts each login name in its namespace: other agents and a customer user of the same name still log in', async () => {
    const login = await agentWithPassword();
    const customer = await makeCustomerUser(t.ctx, [{ id: (await makeCustomer(t.ctx)).id }], login);
    await setPassword(t.ctx, 'customerUsers', customer.id, PASSWORD);
    const colleague = await agentWithPassword();
    expect(await failTimes(login, 11)).toEqual([...Array(10).fill(401), 429]);

    expect((await logIn(login, PASSWORD, 'customer')).statusCode).toBe(201);
    expect((await logIn(colleague, PASSWORD)).statusCode).toBe(201);
    expect((await logIn(login, PASSWORD)).statusCode).toBe(429);
  });

  it('treats a login that belongs to no one the same way, so a 429 does not tell who exists', async () => {
    const nobody = unique('nessuno');
    const refused = await failTimes(nobody, 11);
    expect(refused).toEqual([...Array(10).fill(401), 429]);
    expect(await failTimes(nobody, 1, 'customer')).toEqual([401]);
  });

  it('holds across servers on one database, and a burst of parallel attempts gets no more than 10 tries', async () => {
    const login = await agentWithPassword();
    const other = await buildApp(t.ctx);
    try {
      expect(await failTimes(login, 5)).toEqual(Array(5).fill(401));
      const fromOther = [];
      for (let i = 0; i < 5; i++) fromOther.push(await logIn(login, 'sbagliata', 'agent', 'en', other));
      expect(statuses(fromOther)).toEqual(Array(5).fill(401));
      expect((await logIn(login, PASSWORD)).statusCode).toBe(429);
      const stored = await t.ctx.db
        .selectFrom('loginFailures')
        .select('failures')
        .where('namespace', '=', 'agent')
        .where('login', '=', login)
        .executeTakeFirstOrThrow();
      expect(stored.failures).toBe(11);
    } finally {
      await other.close();
    }

    const target = await agentWithPassword();
    const burst = await Promise.all(Array.from({ length: 20 }, () => logIn(target, 'sbagliata')));
    expect(statuses(burst).sort()).toEqual([...Array(10).fill(401), ...Array(10).fill(429)]);
  });
});
