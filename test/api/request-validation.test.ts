import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDesk } from '../support/factories.ts';
import { type Client, createTestApp, login, setPassword, type TestApp } from '../support/test-app.ts';

/** Bad input of every kind gets a 4xx naming the field, never a 500, and writes nothing. */
describe('request validation', () => {
  let t: TestApp;
  let desk: Awaited<ReturnType<typeof makeDesk>>;
  let agent: Client;

  beforeAll(async () => {
    t = await createTestApp();
    desk = await makeDesk(t.ctx);
    await setPassword(t.ctx, 'agents', desk.agent.agentId, 'secret-1');
    agent = await login(t.app, desk.agent.login, 'secret-1');
  });
  afterAll(() => t.close());

  const newTicket = (overrides: object = {}) => ({
    title: 'Caldaia in blocco',
    queueId: desk.queue.id,
    article: { subject: 'Caldaia', body: 'La caldaia della scuola è in blocco.' },
    ...overrides,
  });
  const ticketCount = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('tickets')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const raw = (method: 'POST' | 'GET', url: string, payload?: string, contentType = 'application/json') =>
    t.app.inject({
      method,
      url,
      payload,
      headers: {
        cookie: agent.cookie,
        'x-csrf-token': agent.csrfToken,
        'accept-language': 'en',
        ...(payload === undefined ? {} : { 'content-type': contentType }),
      },
    });

  it('refuses a NUL character anywhere, naming the field, also before login', async () => {
    const before = await ticketCount();
    const loginWithNul = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: 'a\u0000', password: 'x' },
    });
    expect(loginWithNul.statusCode).toBe(400);
    expect(loginWithNul.json().error).toMatchObject({ code: 'validation', field: 'login' });

    const title = await agent.post('/api/v1/tickets', newTicket({ title: 'a\u0000b' }));
    expect(title.statusCode).toBe(400);
    expect(title.json().error.field).toBe('title');
    const nested = await agent.post(
      '/api/v1/tickets',
      newTicket({ article: { subject: 'ok', body: 'ok', attachments: [{ filename: 'a\u0000.txt' }] } }),
    );
    expect(nested.json().error.field).toBe('article.attachments.0.filename');
    const query = await agent.get('/api/v1/queues?q=a%00b');
    expect(query.statusCode).toBe(400);
    expect(query.json().error.field).toBe('q');
    expect(await ticketCount()).toBe(before);
  });

  it('refuses half of a surrogate pair, which the history could not store', async () => {
    const { ticket } = (await agent.post('/api/v1/tickets', newTicket())).json();
    const response = await raw('POST', `/api/v1/tickets/${ticket.id}/title`, '{"title": "Caldaia \\ud800"}');
    expect(response.statusCode).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'validation', field: 'title' });
    expect(response.json().error.message).toContain('surrogate');
    // a whole pair is an ordinary character (an emoji)
    const emoji = await agent.post(`/api/v1/tickets/${ticket.id}/title`, { title: 'Caldaia 🔥' });
    expect(emoji.statusCode).toBe(200);
    expect(emoji.json().title).toBe('Caldaia 🔥');
  });

  it('takes JSON types as they are in a body: no array, boolean or number where they do not belong', async () => {
    const before = await ticketCount();
    for (const [overrides, field] of [
      [{ typeId: [3] }, 'typeId'],
      [{ customerId: [1] }, 'customerId'],
      [{ queueId: true }, 'queueId'],
      [{ queueId: [desk.queue.id] }, 'queueId'],
      [{ title: 123 }, 'title'],
      [{ lock: null }, 'lock'],
      [{ article: { subject: 'x', body: null } }, 'article.body'],
    ] as const) {
      const response = await agent.post('/api/v1/tickets', newTicket(overrides));
      expect(response.statusCode, JSON.stringify(overrides)).toBe(400);
      expect(response.json().error).toMatchObject({ code: 'validation', field });
    }
    expect(await ticketCount()).toBe(before);
  });

  it('still reads numbers and booleans from the query string', async () => {
    const response = await agent.get(`/api/v1/tickets?queueId=${desk.queue.id}&page=1&pageSize=5&myQueues=false`);
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ page: 1, pageSize: 5 });
  });

  it('says what a nullable field wanted and lists the allowed values of a choice, in the reader’s language', async () => {
    const nullable = await raw('POST', '/api/v1/tickets', JSON.stringify(newTicket({ typeId: 'tre' })));
    expect(nullable.json().error.message).toBe('Invalid value for typeId: must be integer');
    const choice = await raw('GET', '/api/v1/tickets?order=sideways');
    expect(choice.json().error).toMatchObject({
      field: 'order',
      message: 'Invalid value for order: must be one of: asc, desc',
    });
    const italian = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tickets?order=sideways',
      headers: { cookie: agent.cookie, 'accept-language': 'it' },
    });
    expect(italian.json().error.message).toBe('Valore non valido per order: deve essere uno tra: asc, desc');
    const unknown = await raw('POST', '/api/v1/tickets', JSON.stringify(newTicket({ colour: 'red' })));
    expect(unknown.json().error).toMatchObject({ field: 'colour', message: 'Invalid value for colour: unknown field' });
  });

  it('accepts an empty JSON body on an action that takes none', async () => {
    const { ticket } = (await agent.post('/api/v1/tickets', newTicket())).json();
    const response = await raw('POST', `/api/v1/tickets/${ticket.id}/lock`, '');
    expect(response.statusCode).toBe(200);
    expect(response.json().lock).toBe('lock');
  });

  it('answers broken JSON and other media types in the API’s own error shape', async () => {
    const broken = await raw('POST', '/api/v1/tickets', '{"title": ');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error).toMatchObject({
      code: 'validation',
      field: 'body',
      message: 'The request body is not valid JSON',
    });
    const poisoned = await raw('POST', '/api/v1/tickets', '{"__proto__": {"admin": true}}');
    expect(poisoned.statusCode).toBe(400);
    const missing = await raw('POST', '/api/v1/tickets', '');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.field).toBe('body');
    const text = await raw('POST', '/api/v1/tickets', 'title=x', 'text/plain');
    expect(text.statusCode).toBe(415);
    expect(text.json().error).toMatchObject({ code: 'unsupported_media_type' });
  });

  it('refuses an attachment whose type spans lines or whose content is not base64', async () => {
    const file = { filename: 'a.txt', contentType: 'text/plain', contentBase64: 'aGVsbG8=' };
    const attach = (overrides: object) =>
      agent.post(
        '/api/v1/tickets',
        newTicket({ article: { subject: 's', body: 'b', attachments: [{ ...file, ...overrides }] } }),
      );
    expect((await attach({})).statusCode).toBe(201);
    expect((await attach({ contentType: 'text/plain; charset=utf-8' })).statusCode).toBe(201);
    const injected = await attach({ contentType: 'text/plain\r\nX-Evil: 1' });
    expect(injected.statusCode).toBe(400);
    expect(injected.json().error.field).toBe('article.attachments.0.contentType');
    const notBase64 = await attach({ contentBase64: 'this is not base64!' });
    expect(notBase64.statusCode).toBe(400);
    expect(notBase64.json().error.field).toBe('article.attachments.0.contentBase64');
  });

  it('documents public routes without credentials and the 413 of routes that take a body', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.paths['/api/v1/sessions'].post.security).toEqual([]);
    expect(doc.paths['/api/health'].get.security).toEqual([]);
    expect(doc.paths['/api/v1/tickets'].post.responses).toHaveProperty('413');
    expect(doc.paths['/api/v1/tickets'].get.responses).not.toHaveProperty('413');
    expect(doc.info.description).toContain('X-CSRF-Token');
    expect(doc.paths['/api/v1/sessions/current'].delete.responses).toHaveProperty('204');
    expect(doc.paths['/api/v1/tokens/{id}'].delete.responses).toHaveProperty('204');
    const download = doc.paths['/api/v1/tickets/{id}/attachments/{attachmentId}'].get.responses['200'];
    expect(Object.keys(download.content)).toEqual(['application/octet-stream']);
    expect(Object.keys(doc.paths['/api/v1/system/demo'].post.responses['200'].content)).toEqual([
      'application/x-ndjson',
    ]);
  });
});
