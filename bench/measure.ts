import type { LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import type { App } from '../server/api/app.ts';
import { createToken } from '../server/domain/auth/tokens.ts';
import type { DomainContext } from '../server/domain/context.ts';
import type { AgentActor } from '../server/domain/permissions/actor.ts';
import { loadAgentActor } from '../server/domain/permissions/load-actor.ts';
import { listTickets } from '../server/domain/tickets/queries/list-tickets.ts';
import { OPEN_STATE_TYPES } from '../server/domain/tickets/rules/states.ts';
import { hashPassword } from '../server/platform/secrets.ts';
import type { GeneratedDesk } from './generate-data.ts';
import { makeSentences } from './generate-data.ts';
import { round } from './progress.ts';
import { type Latency, pickFrom, prng, type RunLimits, summarize, timeRuns } from './stats.ts';
import { TITLES, vocabulary } from './words.ts';

type Headers = Record<string, string>;

function expectStatus(response: LightMyRequestResponse, status: number, what: string) {
  if (response.statusCode !== status) {
    throw new Error(`${what}: expected ${status}, got ${response.statusCode}: ${response.body.slice(0, 300)}`);
  }
}

export async function loadAgent(ctx: DomainContext, agentId: number): Promise<AgentActor> {
  const actor = await loadAgentActor(ctx.db, agentId);
  if (!actor) throw new Error(`agent ${agentId} not found`);
  return actor;
}

/** Logs the reader in as the web app does: a session cookie. */
export async function readerSession(app: App, ctx: DomainContext, desk: GeneratedDesk): Promise<Headers> {
  const password = 'bench-password-1';
  await ctx.db
    .updateTable('agents')
    .set({ passwordHash: await hashPassword(password) })
    .where('id', '=', desk.reader.agentId)
    .execute();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { login: desk.reader.login, password, as: 'agent' },
  });
  expectStatus(response, 201, 'login');
  const cookie = response.cookies.find((c) => c.name === 'sportello_session');
  if (!cookie) throw new Error('login without a session cookie');
  return { cookie: `sportello_session=${cookie.value}` };
}

export interface SearchWord {
  word: string;
  articles: number;
  share: number;
}

/**
 * Words for the search: rare terms found in 0.1–1% of the articles (counted with the same prefix
 * query the search uses), up to `count` of them spread over that range.
 */
export async function searchWords(ctx: DomainContext, totalArticles: number, count: number): Promise<SearchWord[]> {
  const step = Math.max(1, Math.floor(vocabulary.rare.length / 40));
  const candidates = vocabulary.rare.filter((_, i) => i % step === 0);
  const rows = await sql<{ word: string; articles: number }>`
    SELECT w AS word,
           (SELECT count(*) FROM articles WHERE search_vector @@ to_tsquery('simple', w || ':*'))::int AS articles
      FROM unnest(${candidates}::text[]) AS w`.execute(ctx.db);
  const fitting = rows.rows
    .map((row) => ({ word: row.word, articles: row.articles, share: round((row.articles / totalArticles) * 100, 3) }))
    .filter((row) => row.share >= 0.1 && row.share <= 1)
    .sort((a, b) => a.articles - b.articles);
  if (fitting.length === 0) throw new Error('no search word in 0.1–1% of the articles');
  const picked: SearchWord[] = [];
  for (let i = 0; i < count && i < fitting.length; i++) {
    const word = fitting[Math.floor((i * fitting.length) / Math.min(count, fitting.length))];
    if (word && !picked.includes(word)) picked.push(word);
  }
  return picked;
}

/** Tickets the reader may see, in a fixed pseudo-random order. */
export async function zoomTicketIds(ctx: DomainContext, desk: GeneratedDesk, count: number): Promise<number[]> {
  const rows = await sql<{ id: number }>`
    SELECT t.id FROM tickets t JOIN queues q ON q.id = t.queue_id
     WHERE q.group_id = ANY(${desk.reader.groupIds}::int[])
     ORDER BY hashint4(t.id + 7) LIMIT ${count}`.execute(ctx.db);
  return rows.rows.map((row) => row.id);
}

export interface ReadResults {
  queueView: Latency & { total: number };
  queueViewFunction: Latency;
  myQueues: Latency & { total: number };
  zoom: Latency & { parts: { ticket: Latency; articles: Latency; history: Latency } };
  search: Latency & { words: SearchWord[]; averageTotal: number };
}

/** The reads of an agent's day, through the API (inject: no sockets) and, for the queue view, without HTTP. */
export async function measureReads(
  app: App,
  ctx: DomainContext,
  desk: GeneratedDesk,
  options: { warmup: number; runs: number; secondsPerRead: number },
  onStep: (name: string) => void,
): Promise<ReadResults> {
  let limits: RunLimits = { warmup: options.warmup, runs: options.runs, deadline: 0 };
  const step = (name: string) => {
    onStep(name);
    limits = { ...limits, deadline: Date.now() + options.secondsPerRead * 1000 };
  };
  const headers = await readerSession(app, ctx, desk);
  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers });
    expectStatus(response, 200, `GET ${url.slice(0, 80)}`);
    return response;
  };
  const reader = await loadAgent(ctx, desk.reader.agentId);

  step('queue view');
  const queueUrl = `/api/v1/tickets?stateType=open_any&${desk.reader.queueIds.map((id) => `queueId=${id}`).join('&')}&pageSize=50`;
  const queueTotal = ((await get(queueUrl)).json() as { total: number }).total;
  const queueView = await timeRuns(limits, async () => {
    await get(queueUrl);
  });

  step('queue view without HTTP');
  const filter = { queueIds: desk.reader.queueIds, stateTypes: [...OPEN_STATE_TYPES], pageSize: 50 };
  const queueViewFunction = await timeRuns(limits, async () => {
    await listTickets(ctx, reader, filter);
  });

  step('my queues');
  const myUrl = '/api/v1/tickets?stateType=open_any&myQueues=true&pageSize=50';
  const myTotal = ((await get(myUrl)).json() as { total: number }).total;
  const myQueues = await timeRuns(limits, async () => {
    await get(myUrl);
  });

  step('zoom');
  const ids = await zoomTicketIds(ctx, desk, limits.warmup + limits.runs);
  const parts = { ticket: [] as number[], articles: [] as number[], history: [] as number[] };
  const zoom = await timeRuns(limits, async (index) => {
    const id = ids[index % ids.length];
    for (const [part, suffix] of [
      ['ticket', ''],
      ['articles', '/articles'],
      ['history', '/history'],
    ] as const) {
      const started = performance.now();
      await get(`/api/v1/tickets/${id}${suffix}`);
      if (index >= limits.warmup) parts[part].push(performance.now() - started);
    }
  });

  step('search');
  const words = await searchWords(ctx, desk.counts.articles ?? 1, 5);
  const bodies: string[] = [];
  const search = await timeRuns(limits, async (index) => {
    const word = words[index % words.length];
    if (!word) return;
    // the body is read after the timing: parsing it is the client's work
    bodies.push((await get(`/api/v1/tickets?q=${encodeURIComponent(word.word)}&pageSize=50`)).body);
  });
  const totals = bodies.map((body) => (JSON.parse(body) as { total: number }).total);

  return {
    queueView: { ...queueView, total: queueTotal },
    queueViewFunction,
    myQueues: { ...myQueues, total: myTotal },
    zoom: {
      ...zoom,
      parts: {
        ticket: summarize(parts.ticket),
        articles: summarize(parts.articles),
        history: summarize(parts.history),
      },
    },
    search: {
      ...search,
      words,
      averageTotal: Math.round(totals.reduce((sum, total) => sum + total, 0) / Math.max(1, totals.length)),
    },
  };
}

export interface CreationRun {
  concurrency: number;
  created: number;
  seconds: number;
  perSecond: number;
  latency: Latency;
}

/**
 * Tickets created through POST /api/v1/tickets by an integration (API token) with rw on every
 * queue: an email-like first article from a known customer user.
 */
export async function measureCreation(
  app: App,
  ctx: DomainContext,
  desk: GeneratedDesk,
  options: { count: number; concurrencies: number[]; warmup: number; deadline: number },
  onStep: (name: string) => void,
): Promise<CreationRun[]> {
  const writer = await loadAgent(ctx, desk.writer.agentId);
  const { token } = await createToken(ctx, writer, { name: 'bench' });
  const headers = { authorization: `Bearer ${token}` };
  const random = prng(7);
  const sentences = makeSentences(500, 99);
  const body = () => Array.from({ length: 3 + Math.floor(random() * 4) }, () => pickFrom(random, sentences)).join(' ');
  const create = async () => {
    const title = pickFrom(random, TITLES);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/tickets',
      headers,
      payload: {
        title,
        queueId: pickFrom(random, desk.queueIds),
        customerUserId: desk.customerUserIds.first + Math.floor(random() * desk.customerUserIds.count),
        article: { channel: 'email', senderType: 'customer', subject: title, body: body() },
      },
    });
    expectStatus(response, 201, 'create ticket');
  };

  for (let i = 0; i < options.warmup && Date.now() < options.deadline; i++) await create();
  const runs: CreationRun[] = [];
  for (const concurrency of options.concurrencies) {
    onStep(`create ${options.count} tickets, concurrency ${concurrency}`);
    const samples: number[] = [];
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < options.count && Date.now() < options.deadline) {
          next += 1;
          const begun = performance.now();
          await create();
          samples.push(performance.now() - begun);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    runs.push({
      concurrency,
      created: samples.length,
      seconds: round(seconds, 2),
      perSecond: round(samples.length / seconds, 1),
      latency: summarize(samples),
    });
  }
  return runs;
}
