import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAgent, makeCustomer, makeCustomerUser } from '../support/factories.ts';
import { createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

describe('API tokens: what the database would refuse is refused first, as a 400', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<typeof login>>;
  let adminId: number;
  let customerUserId: number;

  beforeAll(async () => {
    t = await createTestApp();
    const agent = await makeAgent(t.ctx, [{ groupId: 2, permissions: ['rw'] }]);
    adminId = agent.agentId;
    await setPassword(t.ctx, 'agents', adminId, 'secret-1');
    admin = await login(t.app, agent.login, 'secret-1');
    customerUserId = (await makeCustomerUser(t.ctx, [{ id: (await makeCustomer(t.ctx)).id }])).id;
  });
  afterAll(() => t.close());

  /** POST /api/v1/tokens as the admin, messages in the language asked for. */
  const create = (payload: object, language = 'en') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/tokens',
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'accept-language': language },
      payload,
    });
  const tokenCount = async () => (await admin.get('/api/v1/tokens')).json().length as number;

  it('refuses a token for an agent and a customer user at once', async () => {
    const before = await tokenCount();
    const both = await create({ name: 'x', agentId: adminId, customerUserId });
    expect(both.statusCode, both.body).toBe(400);
    expect(both.json().error).toEqual({
      code: 'validation',
      field: 'customerUserId',
      message: 'A token belongs to one agent or one customer user: give agentId or customerUserId, not both',
    });
    const italian = await create({ name: 'x', agentId: adminId, customerUserId }, 'it');
    expect(italian.json().error.message).toBe(
      'Un token appartiene a un operatore o a un utente cliente: indica agentId o customerUserId, non entrambi',
    );
    expect(await tokenCount()).toBe(before);

    // each one alone is fine
    expect((await create({ name: 'x', agentId: adminId })).statusCode).toBe(201);
    expect((await create({ name: 'x', customerUserId })).statusCode).toBe(201);
  });

  it('refuses an expiry that is not in the future, however far back', async () => {
    const before = await tokenCount();
    const past = [
      '0000-01-01T00:00:00Z',
      '0001-01-01T00:00:00Z',
      '2001-01-01T00:00:00Z',
      new Date(Date.now() - 1000).toISOString(),
    ];
    for (const expiresAt of past) {
      const response = await create({ name: 'x', expiresAt });
      expect(response.statusCode, `${expiresAt}: ${response.body}`).toBe(400);
      expect(response.json().error).toEqual({
        code: 'validation',
        field: 'expiresAt',
        message: 'The expiry date must be in the future',
      });
    }
    const italian = await create({ name: 'x', expiresAt: '2001-01-01T00:00:00Z' }, 'it');
    expect(italian.json().error.message).toBe('La data di scadenza deve essere nel futuro');
    expect(await tokenCount()).toBe(before);
  });

  it('refuses an expiry after the year 9999, and takes one just before it', async () => {
    // 9999-12-31 at 23:59 in UTC-23:59 is already the year 10000 in UTC
    const beyond = await create({ name: 'x', expiresAt: '9999-12-31T23:59:59-23:59' });
    expect(beyond.statusCode, beyond.body).toBe(400);
    expect(beyond.json().error).toEqual({
      code: 'validation',
      field: 'expiresAt',
      message: 'The expiry date must be before the year 10000',
    });
    const last = await create({ name: 'x', expiresAt: '9999-12-31T23:59:59Z' });
    expect(last.statusCode, last.body).toBe(201);
    expect(last.json().expiresAt).toBe('9999-12-31T23:59:59.000Z');
  });

  it('takes a future expiry and no expiry at all', async () => {
    const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString();
    const future = await create({ name: 'x', expiresAt: tomorrow });
    expect(future.statusCode, future.body).toBe(201);
    expect(future.json().expiresAt).toBe(tomorrow);
    const never = await create({ name: 'x', expiresAt: null });
    expect(never.statusCode).toBe(201);
    expect(never.json().expiresAt).toBeNull();
  });
});
