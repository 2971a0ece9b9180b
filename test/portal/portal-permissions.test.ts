import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNote } from '../../server/domain/tickets/commands/add-note.ts';
import { addOutgoingEmail } from '../../server/domain/tickets/commands/add-outgoing-email.ts';
import { closeTicket } from '../../server/domain/tickets/commands/close-ticket.ts';
import { lockTicket } from '../../server/domain/tickets/commands/lock-ticket.ts';
import { type Api, apiAs, PASSWORD } from '../config/config-kit.ts';
import { makeCustomer, makeCustomerUser, makeDesk, makeQueue, makeTicket } from '../support/factories.ts';
import { createTestApp, setPassword, type TestApp } from '../support/test-app.ts';
import { STATE, snapshot } from '../tickets/helpers.ts';

/**
 * Issue 5: a customer user never sees another customer's ticket, an internal note or an agent-only
 * field, whatever URL or API call they try. Customer A has a1 (own tickets only) and a2 (every
 * ticket of A: can_see_all); customer B has b1. Each ticket has a public article and an internal
 * note, each with an attachment, and the desk's own fields set (locked, owner, accounted time).
 */

/**
 * The routes a customer user may call beyond the public ones (logging in, forgotten password,
 * health: `security: []` in the OpenAPI document): the portal's, the session's, their own tokens.
 */
const CUSTOMER_ROUTES = [
  'GET /api/v1/sessions/current',
  'DELETE /api/v1/sessions/current',
  'PATCH /api/v1/sessions/current/preferences',
  'POST /api/v1/tokens',
  'GET /api/v1/tokens',
  'DELETE /api/v1/tokens/{id}',
  'GET /api/v1/portal/new-ticket-options',
  'GET /api/v1/tickets',
  'POST /api/v1/tickets',
  'GET /api/v1/tickets/{id}',
  'GET /api/v1/tickets/{id}/articles',
  'GET /api/v1/tickets/{id}/attachments/{attachmentId}',
  'POST /api/v1/tickets/{id}/replies',
  'GET /api/v1/tickets/{id}/rating',
  'PUT /api/v1/tickets/{id}/rating',
];

/** What the server leaves out of a ticket for customer users (presentTicket). */
const AGENT_ONLY_KEYS = ['lock', 'owner', 'responsible', 'customerContact', 'accountedMinutes'];

/** A ticket id no row has: what "not found" looks like, to compare a hidden ticket's answer with. */
const MISSING = 999_999;

const file = (name: string) => ({
  filename: name,
  contentType: 'text/plain',
  content: new TextEncoder().encode(`contenuto di ${name}`),
});

let t: TestApp;
type Fixture = Awaited<ReturnType<typeof buildFixture>>;
let f: Fixture;

beforeAll(async () => {
  t = await createTestApp();
  f = await buildFixture();
});
afterAll(() => t.close());

async function buildFixture() {
  const desk = await makeDesk(t.ctx, { portal: true });
  const otherQueue = await makeQueue(t.ctx, desk.group.id);
  const A = await makeCustomer(t.ctx, 'Comune di Pianfiorito');
  const B = await makeCustomer(t.ctx, 'Comune di Valle Serena');
  const users = {
    a1: await makeCustomerUser(t.ctx, [{ id: A.id }]),
    a2: await makeCustomerUser(t.ctx, [{ id: A.id, canSeeAll: true }]),
    b1: await makeCustomerUser(t.ctx, [{ id: B.id }]),
  };
  for (const user of Object.values(users)) await setPassword(t.ctx, 'customerUsers', user.id, PASSWORD);
  await setPassword(t.ctx, 'agents', desk.agent.agentId, PASSWORD);

  /** A conversation: the customer's request, the desk's public answer and its internal note. */
  const conversation = async (user: { id: number }, customerId: number, tag: string) => {
    const ticket = await makeTicket(t.ctx, desk.agent, desk.queue.id, {
      title: `Stampa avvisi TARI ${tag}`,
      customerUserId: user.id,
      customerId,
      customerContact: 'centralino interno 204',
    });
    const answer = await addNote(t.ctx, desk.agent, ticket.id, {
      subject: 'Risposta',
      bodyText: 'Abbiamo riavviato il servizio di stampa.',
      visibleToCustomer: true,
      attachments: [file(`risposta-${tag}.txt`)],
    });
    const note = await addNote(t.ctx, desk.agent, ticket.id, {
      subject: 'Nota interna',
      bodyText: 'Fornitore inadempiente: penale riservatissima da applicare.',
      timeMinutes: 30,
      attachments: [file(`nota-${tag}.txt`)],
    });
    await lockTicket(t.ctx, desk.agent, ticket.id);
    const attachmentOf = async (articleId: number) =>
      (
        await t.ctx.db
          .selectFrom('attachments')
          .select('id')
          .where('articleId', '=', articleId)
          .executeTakeFirstOrThrow()
      ).id;
    return {
      id: ticket.id,
      firstArticleId: ticket.articleId,
      publicArticleId: answer.articleId,
      internalArticleId: note.articleId,
      publicAttachmentId: await attachmentOf(answer.articleId),
      internalAttachmentId: await attachmentOf(note.articleId),
    };
  };
  const tickets = {
    /** a1's, open */
    a1: await conversation(users.a1, A.id, 'a1'),
    /** a2's, closed and rated: a1 may not see it, a2 may */
    a2: await conversation(users.a2, A.id, 'a2'),
    /** b1's, closed and rated */
    b1: await conversation(users.b1, B.id, 'b1'),
  };
  // an email to a1 the mail server refused: what the sender writes then (send-article.ts)
  const undelivered = await addOutgoingEmail(t.ctx, desk.agent, tickets.a1.id, {
    to: users.a1.email,
    subject: 'Aggiornamento',
    bodyText: 'Il servizio di stampa è ripartito.',
  });
  await t.ctx.db
    .updateTable('articles')
    .set({ sendStatus: 'failed', sendError: '554 relay.intranet.local [10.1.2.3]: helpdesk quota exceeded' })
    .where('id', '=', undelivered.articleId)
    .execute();
  await closeTicket(t.ctx, desk.agent, tickets.a2.id, { successful: true });
  await closeTicket(t.ctx, desk.agent, tickets.b1.id, { successful: true });
  const as = {
    a1: await apiAs(t.app, users.a1.login, PASSWORD, 'customer'),
    a2: await apiAs(t.app, users.a2.login, PASSWORD, 'customer'),
    b1: await apiAs(t.app, users.b1.login, PASSWORD, 'customer'),
    agent: await apiAs(t.app, desk.agent.login, PASSWORD),
  };
  for (const who of ['a2', 'b1'] as const) {
    const rated = await as[who].put(`/api/v1/tickets/${tickets[who].id}/rating`, { rating: 4, comment: 'Bene' });
    expect(rated.statusCode, rated.body).toBe(200);
  }
  return { desk, otherQueue, A, B, users, tickets, undelivered, as };
}

type Who = 'a1' | 'a2' | 'b1';
type Conversation = Fixture['tickets']['a1'];
const ids = (response: LightMyRequestResponse) => (response.json().items as { id: number }[]).map((item) => item.id);
const expectNoAgentFields = (ticket: Record<string, unknown>) => {
  expect(ticket).toHaveProperty('title');
  for (const key of AGENT_ONLY_KEYS) expect(ticket, `agent-only "${key}"`).not.toHaveProperty(key);
};

describe('ticket lists', () => {
  it('hold what each customer user may see: their own, or all of their customer where allowed', async () => {
    const list = async (who: Who) => ids(await f.as[who].get('/api/v1/tickets?sort=created&order=asc'));
    expect(await list('a1')).toEqual([f.tickets.a1.id]);
    expect(await list('a2')).toEqual([f.tickets.a1.id, f.tickets.a2.id]);
    expect(await list('b1')).toEqual([f.tickets.b1.id]);
  });

  it("find nothing more with another customer's or user's filter, or a word only an internal note has", async () => {
    const cases: [Who, string][] = [
      ['b1', `customerId=${f.A.id}`],
      ['a1', `customerUserId=${f.users.a2.id}`],
      ['a1', `customerId=${f.A.id}&stateType=closed_any`],
      ['a1', 'q=riservatissima'],
      ['a2', 'q=inadempiente'],
      ['b1', 'q=Pianfiorito'],
    ];
    for (const [who, query] of cases) {
      const response = await f.as[who].get(`/api/v1/tickets?${query}`);
      expect(response.statusCode, `${who} ?${query}`).toBe(200);
      expect(response.json(), `${who} ?${query}`).toMatchObject({ total: 0, items: [] });
    }
    expect(ids(await f.as.a1.get('/api/v1/tickets?q=riavviato'))).toEqual([f.tickets.a1.id]);
  });

  it('refuse filtering by what customers do not see (owner, responsible, lock, my queues), or sorting by owner', async () => {
    const cases = [
      ['ownerId', `ownerId=${f.desk.agent.agentId}`],
      ['responsibleId', `responsibleId=${f.desk.agent.agentId}`],
      ['lock', 'lock=lock'],
      ['myQueues', 'myQueues=true'],
      ['sort', 'sort=owner'],
    ];
    for (const [field, query] of cases) {
      const response = await f.as.a1.get(`/api/v1/tickets?${query}`);
      expect(response.statusCode, `?${query}`).toBe(400);
      expect(response.json().error.field, `?${query}`).toBe(field);
    }
  });
});

describe('a ticket as a customer user gets it', () => {
  it("has no agent-only field, in a list or alone (a new ticket's and a reply's answers: below)", async () => {
    for (const item of (await f.as.a2.get('/api/v1/tickets')).json().items) expectNoAgentFields(item);
    expectNoAgentFields((await f.as.a1.get(`/api/v1/tickets/${f.tickets.a1.id}`)).json());
    expectNoAgentFields((await f.as.a2.get(`/api/v1/tickets/${f.tickets.a1.id}`)).json());
    // the agent's view of the same ticket has them: the test would notice if they were renamed
    const agentView = (await f.as.agent.get(`/api/v1/tickets/${f.tickets.a1.id}`)).json();
    for (const key of AGENT_ONLY_KEYS) expect(agentView).toHaveProperty(key);
  });

  it('shows the public article and its attachment, never the internal note or its attachment', async () => {
    const { a1 } = f.tickets;
    for (const who of ['a1', 'a2'] as const) {
      const articles = (await f.as[who].get(`/api/v1/tickets/${a1.id}/articles`)).json() as {
        id: number;
        visibleToCustomer: boolean;
        attachments: { id: number }[];
      }[];
      const seen = articles.map((article) => article.id);
      expect(seen, who).toEqual(expect.arrayContaining([a1.firstArticleId, a1.publicArticleId]));
      expect(seen, who).not.toContain(a1.internalArticleId);
      expect(articles.every((article) => article.visibleToCustomer)).toBe(true);
      const attachments = articles.flatMap((article) => article.attachments.map((a) => a.id));
      expect(attachments, who).toEqual([a1.publicAttachmentId]);
    }
    const download = (attachmentId: number) => f.as.a1.get(`/api/v1/tickets/${a1.id}/attachments/${attachmentId}`);
    const ok = await download(a1.publicAttachmentId);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('contenuto di risposta-a1.txt');
    // the internal note's attachment, and another ticket's through this one's address: as if missing
    for (const attachmentId of [a1.internalAttachmentId, f.tickets.b1.publicAttachmentId]) {
      expectSameRefusal(await download(attachmentId), await download(MISSING), attachmentId, MISSING);
    }
  });
});

describe('an email the desk could not deliver', () => {
  it("shows the customer that it failed, not the mail server's answer", async () => {
    const url = `/api/v1/tickets/${f.tickets.a1.id}/articles`;
    const article = (api: Api) =>
      api.get(url).then((r) => (r.json() as { id: number }[]).find((a) => a.id === f.undelivered.articleId));
    expect(await article(f.as.a1)).toMatchObject({ sendStatus: 'failed', sendError: null });
    expect(await article(f.as.agent)).toMatchObject({
      sendStatus: 'failed',
      sendError: expect.stringContaining('554'),
    });
  });
});

/** A hidden object's answer is a missing one's: 404, same code, same message but for the id. */
function expectSameRefusal(
  hidden: LightMyRequestResponse,
  missing: LightMyRequestResponse,
  hiddenId: number,
  missingId: number,
) {
  expect(hidden.statusCode, hidden.body).toBe(404);
  expect(missing.statusCode, missing.body).toBe(404);
  const error = (response: LightMyRequestResponse, id: number) => ({
    ...response.json().error,
    message: response.json().error.message.replaceAll(String(id), '#'),
  });
  expect(error(hidden, hiddenId)).toEqual(error(missing, missingId));
}

describe('a ticket a customer user may not see is answered as one that does not exist (404; agent-only routes 403 alike)', () => {
  const missing: Conversation = {
    id: MISSING,
    firstArticleId: MISSING,
    publicArticleId: MISSING,
    internalArticleId: MISSING,
    publicAttachmentId: MISSING,
    internalAttachmentId: MISSING,
  };
  const routes: [string, (api: Api, x: Conversation) => Promise<LightMyRequestResponse>][] = [
    ['GET ticket', (api, x) => api.get(`/api/v1/tickets/${x.id}`)],
    ['GET articles', (api, x) => api.get(`/api/v1/tickets/${x.id}/articles`)],
    ['GET public attachment', (api, x) => api.get(`/api/v1/tickets/${x.id}/attachments/${x.publicAttachmentId}`)],
    ['GET internal attachment', (api, x) => api.get(`/api/v1/tickets/${x.id}/attachments/${x.internalAttachmentId}`)],
    ['GET rating', (api, x) => api.get(`/api/v1/tickets/${x.id}/rating`)],
    ['PUT rating', (api, x) => api.put(`/api/v1/tickets/${x.id}/rating`, { rating: 1, comment: 'Pessimo' })],
    ['POST reply', (api, x) => api.post(`/api/v1/tickets/${x.id}/replies`, { subject: 'Re', body: 'Intrusione' })],
  ];
  const hidden: [Who, Who][] = [
    ['b1', 'a1'],
    ['b1', 'a2'],
    ['a1', 'a2'],
    ['a1', 'b1'],
    ['a2', 'b1'],
  ];
  for (const [who, whose] of hidden) {
    it(`${who} on ${whose}'s ticket`, async () => {
      const ticket = f.tickets[whose];
      const before = await snapshot(t.ctx, [ticket.id]);
      for (const [name, call] of routes) {
        const response = await call(f.as[who], ticket);
        expect(response.statusCode, `${name}: ${response.body}`).toBe(404);
        expectSameRefusal(response, await call(f.as[who], missing), ticket.id, MISSING);
      }
      // agent-only reads refuse every customer user alike, before looking the ticket up
      for (const path of ['history', 'links', `articles/${ticket.internalArticleId}/original`]) {
        const response = await f.as[who].get(`/api/v1/tickets/${ticket.id}/${path}`);
        const forMissing = await f.as[who].get(`/api/v1/tickets/${MISSING}/${path.replace(/\d+/, String(MISSING))}`);
        expect(response.statusCode, path).toBe(403);
        expect(response.json(), path).toEqual(forMissing.json());
      }
      expect(await snapshot(t.ctx, [ticket.id]), 'nothing written').toEqual(before);
      const rating = await t.ctx.db
        .selectFrom('ticketRatings')
        .select('rating')
        .where('ticketId', '=', ticket.id)
        .executeTakeFirst();
      expect(rating?.rating ?? null, 'rating unchanged').toBe(whose === 'a1' ? null : 4);
    });
  }
});

describe('what only agents do, a customer user cannot do, not even on their own ticket', () => {
  it('is refused (403) and changes nothing: writes with valid bodies, agent-only reads, live views', async () => {
    const { a1, a2 } = f.tickets;
    const agentId = f.desk.agent.agentId;
    const on = `/api/v1/tickets/${a1.id}`;
    const text = { subject: 'Prova', body: 'Scritto dal cliente' };
    const writes: [string, object][] = [
      ['lock', {}],
      ['unlock', {}],
      ['owner', { ownerId: agentId }],
      ['responsible', { responsibleId: agentId }],
      ['customer', { customerUserId: f.users.a2.id, customerId: f.A.id }],
      ['move', { queueId: f.otherQueue.id }],
      ['state', { stateId: STATE.closedSuccessful }],
      ['close', { successful: true }],
      ['priority', { priorityId: 5 }],
      ['type', { typeId: 1 }],
      ['title', { title: 'Titolo cambiato dal cliente' }],
      ['merge', { targetTicketId: a2.id }],
      ['links', { targetTicketId: a2.id, type: 'normal' }],
      ['unlink', { targetTicketId: a2.id, type: 'normal' }],
      ['time', { minutes: 60 }],
      ['notes', { ...text, visibleToCustomer: false }],
      ['phone-calls', { ...text, direction: 'inbound' }],
      ['emails', { ...text, to: 'altro@example.test' }],
      ['split', { articleId: a1.publicArticleId }],
    ];
    const reads = [
      'history',
      'links',
      `articles/${a1.publicArticleId}/original`,
      `articles/${a1.internalArticleId}/original`,
      `articles/${a1.publicArticleId}/reply-draft`,
      'response-templates',
      'notifications',
    ];
    type Call = [string, () => Promise<LightMyRequestResponse>];
    const calls: Call[] = [
      ...writes.map(([path, body]) => [`POST ${path}`, () => f.as.a1.post(`${on}/${path}`, body)] as Call),
      ...reads.map((path) => [`GET ${path}`, () => f.as.a1.get(`${on}/${path}`)] as Call),
      ['PUT viewers/me', () => f.as.a1.put(`${on}/viewers/me`)],
      ['DELETE viewers/me', () => f.as.a1.delete(`${on}/viewers/me`)],
      ['GET /api/v1/events', () => f.as.a1.get('/api/v1/events')],
      ['GET /api/v1/reports/satisfaction', () => f.as.a1.get('/api/v1/reports/satisfaction')],
    ];
    const before = await snapshot(t.ctx, [a1.id, a2.id]);
    for (const [name, call] of calls) {
      const response = await call();
      expect(response.statusCode, `${name}: ${response.body}`).toBe(403);
      expect(response.json().error.code, name).toBe('forbidden');
    }
    expect(await snapshot(t.ctx, [a1.id, a2.id]), 'nothing written').toEqual(before);
  });
});

describe('the satisfaction survey', () => {
  it('cannot be answered for a ticket still open, even by its own customer user', async () => {
    for (const who of ['a1', 'a2'] as const) {
      const early = await f.as[who].put(`/api/v1/tickets/${f.tickets.a1.id}/rating`, { rating: 5 });
      expect(early.statusCode, who).toBe(409);
    }
    expect((await f.as.a1.get(`/api/v1/tickets/${f.tickets.a1.id}/rating`)).json()).toEqual({ rating: null });
  });
});

/** A customer user of B whose tickets nobody else in the fixture sees, for tests that open tickets. */
async function newcomer() {
  const user = await makeCustomerUser(t.ctx, [{ id: f.B.id }]);
  await setPassword(t.ctx, 'customerUsers', user.id, PASSWORD);
  return { user, api: await apiAs(t.app, user.login, PASSWORD, 'customer') };
}

describe('a new ticket from a customer user', () => {
  const request = {
    title: 'Stampa avvisi TARI bloccata al 40%',
    article: { subject: 'Stampa bloccata', body: 'Si ferma sempre al 40%.' },
  };

  it('is refused for a customer the user does not work for, and nothing is written', async () => {
    const { api } = await newcomer();
    const before = await snapshot(t.ctx, []);
    const response = await api.post('/api/v1/tickets', { ...request, queueId: f.desk.queue.id, customerId: f.A.id });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.field).toBe('customerId');
    expect(await snapshot(t.ctx, []), 'nothing written').toEqual(before);
  });

  it('is refused in a queue the portal does not offer (no system address), and nothing is written', async () => {
    const { api } = await newcomer();
    const before = await snapshot(t.ctx, []);
    const response = await api.post('/api/v1/tickets', { ...request, queueId: f.otherQueue.id });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.field).toBe('queueId');
    expect(await snapshot(t.ctx, []), 'nothing written').toEqual(before);
  });

  it("is the user's own, new, unlocked and unowned, whatever desk fields the request names", async () => {
    const { user, api } = await newcomer();
    const response = await api.post('/api/v1/tickets', {
      ...request,
      queueId: f.desk.queue.id,
      customerUserId: f.users.b1.id,
      stateId: STATE.closedSuccessful,
      ownerId: f.desk.agent.agentId,
      responsibleId: f.desk.agent.agentId,
      lock: true,
      customerContact: 'finto',
      article: { ...request.article, channel: 'email', senderType: 'agent', visibleToCustomer: false },
    });
    expect(response.statusCode, response.body).toBe(201);
    const { ticket, articleId } = response.json();
    expectNoAgentFields(ticket);
    expect(ticket).toMatchObject({ customerUser: { id: user.id }, customer: { id: f.B.id }, state: { type: 'new' } });
    const row = await t.ctx.db
      .selectFrom('tickets')
      .select(['lock', 'ownerId', 'responsibleId', 'customerContact'])
      .where('id', '=', ticket.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ lock: 'unlock', ownerId: 1, responsibleId: 1, customerContact: '' });
    const article = await t.ctx.db
      .selectFrom('articles')
      .select(['channel', 'senderType', 'visibleToCustomer', 'createdByCustomerUserId'])
      .where('id', '=', articleId)
      .executeTakeFirstOrThrow();
    expect(article).toEqual({
      channel: 'internal',
      senderType: 'customer',
      visibleToCustomer: true,
      createdByCustomerUserId: user.id,
    });
    // and the reply the portal sends comes back without the desk's fields either
    const replied = await api.post(`/api/v1/tickets/${ticket.id}/replies`, { subject: 'Re', body: 'Ancora.' });
    expect(replied.statusCode, replied.body).toBe(201);
    expectNoAgentFields(replied.json().ticket);
  });
});

describe('sessions, passwords, tokens and the new-ticket form of a customer user', () => {
  it('log in on the customer side only, and say who is logged in', async () => {
    const { a1 } = f.users;
    const asAgent = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { login: a1.login, password: PASSWORD, as: 'agent' },
    });
    expect(asAgent.statusCode).toBe(401);
    expect((await f.as.a1.get('/api/v1/sessions/current')).json()).toMatchObject({
      kind: 'customer',
      id: a1.id,
      isAdmin: false,
    });
    const changed = await f.as.a1.patch('/api/v1/sessions/current/preferences', { language: 'it' });
    expect(changed.statusCode, changed.body).toBe(200);
    const reset = await t.app.inject({
      method: 'POST',
      url: '/api/v1/password-resets',
      payload: { login: a1.login, as: 'customer' },
    });
    expect(reset.statusCode).toBe(202);
  });

  it('make tokens for oneself only, and list or revoke only one’s own', async () => {
    const own = await f.as.a1.post('/api/v1/tokens', { name: 'script a1' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ customerUserId: f.users.a1.id, agentId: null });
    for (const owner of [{ customerUserId: f.users.b1.id }, { agentId: f.desk.agent.agentId }]) {
      const forOther = await f.as.a1.post('/api/v1/tokens', { name: 'altrui', ...owner });
      expect(forOther.statusCode, JSON.stringify(owner)).toBe(403);
    }
    const other = await f.as.b1.post('/api/v1/tokens', { name: 'script b1' });
    const listed = (await f.as.a1.get('/api/v1/tokens')).json() as { id: number }[];
    expect(listed.map((token) => token.id)).toEqual([own.json().id]);
    expect((await f.as.a1.delete(`/api/v1/tokens/${other.json().id}`)).statusCode).toBe(404);
    // a customer user's token is the customer user: their tickets only
    const bearer = await t.app.inject({
      method: 'GET',
      url: '/api/v1/tickets',
      headers: { authorization: `Bearer ${own.json().token}` },
    });
    expect(ids(bearer)).toEqual([f.tickets.a1.id]);
  });

  it("offer only the user's own customers on the new-ticket form", async () => {
    const options = (await f.as.b1.get('/api/v1/portal/new-ticket-options')).json();
    expect(options.customers.map((c: { id: number }) => c.id)).toEqual([f.B.id]);
  });
});

describe('every route that is not the portal’s', () => {
  /**
   * Path parameters: the customer's own ticket, its internal note and attachment, the fixture's
   * and the default data's objects; 1 for other objects (the door answers before any look-up).
   */
  function fill(path: string): string {
    const { a1 } = f.tickets;
    const byCollection: Record<string, number> = {
      tickets: a1.id,
      agents: f.desk.agent.agentId,
      groups: f.desk.group.id,
      queues: f.desk.queue.id,
      customers: f.A.id,
      'customer-users': f.users.a1.id,
      states: STATE.open,
      priorities: 3,
      'ticket-types': 1,
      'system-addresses': 1,
    };
    const named: Record<string, number> = {
      agentId: f.desk.agent.agentId,
      articleId: a1.internalArticleId,
      attachmentId: a1.internalAttachmentId,
    };
    const collection = path.split('/')[3] ?? '';
    return path.replace(/\{(\w+)\}/g, (_, name: string) => String(named[name] ?? byCollection[collection] ?? 1));
  }

  /** Bodies are left empty: the door is checked before the body, and a route past it would say 400. */
  const send = (api: Api, method: string, url: string) =>
    method === 'GET'
      ? api.get(url)
      : method === 'DELETE'
        ? api.delete(url)
        : method === 'PATCH'
          ? api.patch(url, {})
          : method === 'PUT'
            ? api.put(url)
            : api.post(url);

  /** Every route of the OpenAPI document; `open`: declared public (no credentials needed). */
  async function routeTable() {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    return Object.entries(doc.paths).flatMap(([path, operations]) =>
      Object.entries(operations).map(([method, operation]) => ({
        route: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        open: operation.security?.length === 0,
      })),
    );
  }

  it("the routes listed as the portal's are real and not public, and logging in and passwords are public", async () => {
    const table = await routeTable();
    const closed = table.filter((route) => !route.open).map((route) => route.route);
    expect(closed).toEqual(expect.arrayContaining(CUSTOMER_ROUTES));
    const open = table.filter((route) => route.open).map((route) => route.route);
    expect(open).toEqual(
      expect.arrayContaining([
        'POST /api/v1/sessions',
        'POST /api/v1/password-resets',
        'POST /api/v1/password-resets/confirm',
      ]),
    );
  });

  it('answers a customer user 403 at the door: never 2xx, 400, 404 or 5xx', async () => {
    const routes = (await routeTable()).filter((route) => !route.open && !CUSTOMER_ROUTES.includes(route.route));
    expect(routes.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const { method, path } of routes) {
      const url = fill(path);
      const response = await send(f.as.a1, method, url);
      if (response.statusCode !== 403) failures.push(`${method} ${url} → ${response.statusCode} ${response.body}`);
    }
    expect(failures).toEqual([]);
  });

  it('without a session, every route not declared public answers 401', async () => {
    const failures: string[] = [];
    for (const { method, path, open } of await routeTable()) {
      if (open) continue;
      const url = fill(path);
      const response = await t.app.inject({
        method: method as 'GET',
        url,
        ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
      });
      if (response.statusCode !== 401) failures.push(`${method} ${url} → ${response.statusCode}`);
    }
    expect(failures).toEqual([]);
  });
});
