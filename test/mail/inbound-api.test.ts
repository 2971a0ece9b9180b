import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/api/app.ts';
import { makeAgent, makeCustomer, makeCustomerUser, makeDesk, makeTicket } from '../support/factories.ts';
import { type Client, login, setPassword, type TestApp } from '../support/test-app.ts';
import { createTestContext } from '../support/test-database.ts';

const ADMIN_GROUP = 2;
const MAX_BYTES = 4096;

let serial = 0;
/** A small real message; each call gives a new Message-ID unless one is passed. */
function message(options: { messageId?: string; subject?: string; body?: string } = {}): Buffer {
  const id = options.messageId ?? `<inbound-api-${process.pid}-${++serial}@example.test>`;
  return Buffer.from(
    [
      'From: =?ISO-8859-1?Q?Niccol=F2_Bianchi?= <niccolo@comune.example>',
      'To: supporto@helpdesk.example',
      `Subject: ${options.subject ?? '=?UTF-8?Q?Orario_biblioteca_pi=C3=B9_lungo?='}`,
      `Message-ID: ${id}`,
      'Date: Tue, 11 Sep 2018 10:00:00 +0200',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      options.body ?? 'Buongiorno, vorremmo prolungare l’orario. Tel. 0541 123456',
      '',
    ].join('\r\n'),
  );
}

interface Received {
  id: number;
  duplicate: boolean;
  status: string;
  outcome: string | null;
  ticketId: number | null;
}

describe('received mail over the API', () => {
  let t: TestApp;
  let admin: Client;
  let agent: Client;
  let outsider: Client;
  let customer: Client;
  let ticketId = 0;
  let articleId = 0;

  beforeAll(async () => {
    const ctx = await createTestContext({ mailMaxBytes: MAX_BYTES });
    const app = await buildApp(ctx);
    const close = async () => {
      await app.close();
      await ctx.close();
    };
    t = { ctx, app, close };
    const adminAgent = await makeAgent(t.ctx, [{ groupId: ADMIN_GROUP, permissions: ['rw'] }]);
    const desk = await makeDesk(t.ctx);
    const company = await makeCustomer(t.ctx);
    const user = await makeCustomerUser(t.ctx, [{ id: company.id, canSeeAll: true, isPrimary: true }]);
    for (const [table, id] of [
      ['agents', adminAgent.agentId],
      ['agents', desk.agent.agentId],
      ['agents', desk.outsider.agentId],
      ['customerUsers', user.id],
    ] as const) {
      await setPassword(t.ctx, table, id, 'password-1');
    }
    admin = await login(t.app, adminAgent.login, 'password-1');
    agent = await login(t.app, desk.agent.login, 'password-1');
    outsider = await login(t.app, desk.outsider.login, 'password-1');
    customer = await login(t.app, user.login, 'password-1', 'customer');
    const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id, {
      customerUserId: user.id,
      customerId: company.id,
    });
    ticketId = ticket.id;
    articleId = ticket.articleId;
  });
  afterAll(() => t.close());

  const post = (client: Client | undefined, body: Buffer, url = '/api/v1/mail/messages') =>
    t.app.inject({
      method: 'POST',
      url,
      headers: {
        'content-type': 'message/rfc822',
        'accept-language': 'en',
        ...(client ? { cookie: client.cookie, 'x-csrf-token': client.csrfToken } : {}),
      },
      payload: body,
    });
  const rows = async () => t.ctx.db.selectFrom('mailMessages').select(['id', 'source']).execute();

  it('stores a raw message posted by an admin, and the same message again only once', async () => {
    const raw = message();
    const first = await post(admin, raw);
    expect(first.statusCode, first.body).toBe(201);
    const created = first.json<Received>();
    expect(created).toMatchObject({ duplicate: false });
    expect(typeof created.id).toBe('number');
    const stored = await t.ctx.db
      .selectFrom('mailMessages')
      .select(['raw', 'source', 'size'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(stored.raw).equals(raw)).toBe(true);
    expect(stored).toMatchObject({ source: 'api', size: raw.length });

    const again = await post(admin, raw);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json<Received>()).toMatchObject({ id: created.id, duplicate: true });
    expect((await rows()).filter((row) => row.id === created.id)).toHaveLength(1);
  });

  it('takes the source and envelope from the query (sportello mail ingest sends source=pipe)', async () => {
    const response = await post(
      admin,
      message(),
      '/api/v1/mail/messages?source=pipe&envelopeFrom=niccolo%40comune.example&envelopeTo=supporto%40helpdesk.example',
    );
    expect(response.statusCode, response.body).toBe(201);
    const row = await t.ctx.db
      .selectFrom('mailMessages')
      .select(['source', 'envelopeFrom', 'envelopeTo'])
      .where('id', '=', response.json<Received>().id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({
      source: 'pipe',
      envelopeFrom: 'niccolo@comune.example',
      envelopeTo: 'supporto@helpdesk.example',
    });
  });

  it('refuses agents who are not admins, customer users and anonymous callers, storing nothing', async () => {
    const before = (await rows()).length;
    expect((await post(agent, message())).statusCode).toBe(403);
    expect((await post(customer, message())).statusCode).toBe(403);
    expect((await post(undefined, message())).statusCode).toBe(401);
    expect((await rows()).length).toBe(before);
  });

  it('answers 413 for a message over MAIL_MAX_BYTES and 400 for an empty one, in the caller’s language', async () => {
    const before = (await rows()).length;
    const large = await post(admin, message({ body: 'x'.repeat(MAX_BYTES) }));
    expect(large.statusCode).toBe(413);
    expect(large.json().error).toMatchObject({
      code: 'too_large',
      message: `The message is too large (at most ${MAX_BYTES} bytes)`,
    });
    const empty = await post(admin, Buffer.alloc(0));
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().error.message).toBe('The message is empty');
    expect((await rows()).length).toBe(before);
  });

  it('still refuses a body that is not JSON on other routes (415), and JSON on this one', async () => {
    const note = await t.app.inject({
      method: 'POST',
      url: `/api/v1/tickets/${ticketId}/notes`,
      headers: { cookie: admin.cookie, 'x-csrf-token': admin.csrfToken, 'content-type': 'message/rfc822' },
      payload: message(),
    });
    expect(note.statusCode).toBe(415);
    const json = await admin.post('/api/v1/mail/messages', { raw: 'x' });
    expect(json.statusCode).toBe(415);
  });

  it('lists messages newest first with From and Subject decoded, filters by status, never sends the raw', async () => {
    await post(admin, message({ subject: 'Ultimo arrivato' }));
    const list = await admin.get('/api/v1/mail/messages?pageSize=2');
    expect(list.statusCode, list.body).toBe(200);
    const page = list.json();
    expect(page.total).toBe((await rows()).length);
    expect(page.items).toHaveLength(2);
    expect(page.items[0].id).toBeGreaterThan(page.items[1].id);
    expect(page.items[0]).toMatchObject({
      subject: 'Ultimo arrivato',
      from: 'Niccolò Bianchi <niccolo@comune.example>',
    });
    expect(page.items[0]).not.toHaveProperty('raw');
    expect(page.items[1].subject).toBe('Orario biblioteca più lungo');

    const [one] = page.items;
    await t.ctx.db
      .updateTable('mailMessages')
      .set({ status: 'failed', error: 'boom' })
      .where('id', '=', one.id)
      .execute();
    const failed = (await admin.get('/api/v1/mail/messages?status=failed')).json();
    expect(failed.items.map((item: { id: number }) => item.id)).toContain(one.id);
    expect(failed.items.every((item: { status: string }) => item.status === 'failed')).toBe(true);
    expect((await admin.get('/api/v1/mail/messages?status=nonsense')).statusCode).toBe(400);
    expect((await agent.get('/api/v1/mail/messages')).statusCode).toBe(403);
  });

  it('shows one message and its raw original, and reprocesses a failed one once', async () => {
    const raw = message({ subject: 'Da rielaborare' });
    const { id } = (await post(admin, raw)).json<Received>();
    const one = await admin.get(`/api/v1/mail/messages/${id}`);
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id, subject: 'Da rielaborare', size: raw.length, source: 'api' });

    const original = await admin.get(`/api/v1/mail/messages/${id}/raw`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-type']).toBe('message/rfc822');
    expect(original.rawPayload.equals(raw)).toBe(true);
    expect((await admin.get('/api/v1/mail/messages/999999')).statusCode).toBe(404);
    expect((await admin.get('/api/v1/mail/messages/999999/raw')).statusCode).toBe(404);

    await t.ctx.db
      .updateTable('mailMessages')
      .set({ status: 'failed', error: 'parse error', ticketId: null, articleId: null })
      .where('id', '=', id)
      .execute();
    const again = await admin.post(`/api/v1/mail/messages/${id}/reprocess`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ id, error: null });
    expect(again.json().status).not.toBe('failed');
    // once processed (or queued again) it is no longer "failed, rejected or ignored"
    const twice = await admin.post(`/api/v1/mail/messages/${id}/reprocess`);
    expect(twice.statusCode).toBe(409);
    expect((await admin.post('/api/v1/mail/messages/999999/reprocess')).statusCode).toBe(404);
    expect((await agent.post(`/api/v1/mail/messages/${id}/reprocess`)).statusCode).toBe(403);
  });

  it('gives the original of an email article to agents who see the ticket, never to customer users', async () => {
    const raw = message({ subject: 'Originale' });
    const { id } = (await post(admin, raw)).json<Received>();
    await t.ctx.db.updateTable('articles').set({ mailMessageId: id }).where('id', '=', articleId).execute();
    const url = `/api/v1/tickets/${ticketId}/articles/${articleId}/original`;

    const seen = await agent.get(url);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.headers['content-type']).toBe('message/rfc822');
    expect(seen.rawPayload.equals(raw)).toBe(true);
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await customer.get(url)).statusCode).toBe(403);

    // an article that did not come by email has no original
    await t.ctx.db.updateTable('articles').set({ mailMessageId: null }).where('id', '=', articleId).execute();
    const none = await agent.get(url);
    expect(none.statusCode).toBe(404);
  });

  it('describes the routes in the OpenAPI document, the raw message as message/rfc822', async () => {
    const docs = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    const receive = docs.paths['/api/v1/mail/messages'].post;
    expect(Object.keys(receive.requestBody.content)).toEqual(['message/rfc822']);
    expect(Object.keys(receive.responses)).toEqual(expect.arrayContaining(['200', '201', '403', '413']));
    expect(docs.paths['/api/v1/mail/messages/{id}/raw'].get.responses['200'].content).toHaveProperty('message/rfc822');
    expect(docs.paths['/api/v1/mail/messages/{id}/reprocess'].post).toBeDefined();
    expect(docs.paths['/api/v1/tickets/{id}/articles/{articleId}/original'].get).toBeDefined();
  });
});
