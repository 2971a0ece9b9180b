import type { IncomingMessage, ServerResponse } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { App } from '../../server/api/app.ts';
import { SESSION_COOKIE } from '../../server/api/authenticate.ts';
import type { DomainContext } from '../../server/domain/context.ts';
import { hashPassword } from '../../server/platform/secrets.ts';
import { round } from '../progress.ts';
import { type Latency, summarize } from '../stats.ts';

/** The dashboard's regions in an en-GB browser (web/src/i18n/en.ts). */
const LABELS = { newTickets: 'New tickets', queueOverview: 'Queue overview' };

/**
 * Runs in the page before its own scripts: on every DOM change, until it holds, checks that the
 * dashboard shows its data (the "New tickets" region's four filters with their counts and a ticket
 * row link in it, the "Queue overview" region's table with rows), and then records performance.now(),
 * milliseconds since the navigation started. A string, not a function: tsx would wrap a function
 * in helpers the page does not have.
 */
const WATCH_SCRIPT = `(() => {
  const ready = () => {
    const news = document.querySelector('section[aria-label=${JSON.stringify(LABELS.newTickets)}]');
    const queues = document.querySelector('section[aria-label=${JSON.stringify(LABELS.queueOverview)}]');
    if (!news || !queues) return false;
    const filters = Array.from(news.querySelectorAll('input[type=radio]'));
    if (filters.length !== 4) return false;
    if (!filters.every((input) => /\\(\\d+\\)/.test((input.labels && input.labels[0] && input.labels[0].textContent) || ''))) return false;
    if (!news.querySelector('table tbody tr a[href^="/tickets/"]')) return false;
    return queues.querySelector('table tbody tr') !== null;
  };
  window.__benchLongTasks = [];
  try {
    new PerformanceObserver((list) => {
      for (const task of list.getEntries()) window.__benchLongTasks.push([task.startTime, task.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const observer = new MutationObserver(() => {
    if (window.__benchReady === undefined && ready()) {
      window.__benchReady = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();`;

/** What the dashboard showed when it was ready (read on the first load). */
const SHOWN_SCRIPT = `(() => {
  const news = document.querySelector('section[aria-label=${JSON.stringify(LABELS.newTickets)}]');
  const queues = document.querySelector('section[aria-label=${JSON.stringify(LABELS.queueOverview)}]');
  return {
    widgets: Array.from(document.querySelectorAll('main section[aria-label]')).map((s) => s.getAttribute('aria-label')),
    newTicketFilters: Array.from(news.querySelectorAll('input[type=radio]')).map((i) => (i.labels[0].textContent || '').trim()),
    newTicketRows: news.querySelectorAll('table tbody tr').length,
    queueRows: queues.querySelectorAll('table tbody tr').length,
  };
})()`;

/** Navigation and resource timing of the page, ms from the navigation's start. */
const TIMING_SCRIPT = `(() => {
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    ready: window.__benchReady,
    longTasks: window.__benchLongTasks || [],
    html: nav ? nav.responseEnd : 0,
    domContentLoaded: nav ? nav.domContentLoadedEventEnd : 0,
    resources: performance.getEntriesByType('resource').map((e) => ({
      url: e.name, start: e.startTime, sent: e.requestStart, firstByte: e.responseStart, end: e.responseEnd,
      transferred: e.transferSize, body: e.decodedBodySize,
    })),
  };
})()`;

interface PageTiming {
  ready: number;
  /** [start, duration] of each task over 50 ms on the page's main thread */
  longTasks: [number, number][];
  html: number;
  domContentLoaded: number;
  resources: {
    url: string;
    start: number;
    sent: number;
    firstByte: number;
    end: number;
    transferred: number;
    body: number;
  }[];
}

export interface RequestTiming {
  /** path and query, without /api/v1 for API calls */
  url: string;
  /** ms from navigation start: the fetch is made … */
  start: number;
  /** … the request leaves (later than start when it waits for a free connection) … */
  sent: number;
  /** … the first byte of the answer, the last byte */
  firstByte: number;
  end: number;
  bodyBytes: number;
  /** the server's own time for it: from the request read to the response written (same process) */
  serverMs: number;
}

export interface LoadTiming {
  /** navigation start → the dashboard shows its data: performance.now() in the page, at the DOM change that completes it */
  readyMs: number;
  /** the same seen from Node: before page.goto → the page's flag seen (includes Playwright's polling) */
  wallMs: number;
  htmlMs: number;
  /** the last byte of the JS and CSS (from the HTTP cache on reloads) */
  assetsMs: number;
  domContentLoadedMs: number;
  /** GET /sessions/current leaves: the app's code has run (parsed, i18n set up, React mounted) */
  appStartMs: number;
  sessionAnsweredMs: number;
  /** the last answer of the dashboard's API calls (the "Open tickets" and "Last 7 days" widgets may come after ready) */
  allDataMs: number;
  apiCalls: RequestTiming[];
  /** the page's main thread until ready: tasks over 50 ms (parsing and running the bundle, React renders) */
  longTasks: { count: number; ms: number; list: [number, number][] };
  /** Chromium's own count for the page until all data is in (CDP Performance.getMetrics): main-thread busy time and its parts */
  mainThread: { taskMs: number; scriptMs: number; layoutMs: number; styleMs: number } | null;
  /** the server's process (Node.js, and PGlite in it) during the load: CPU used, longest event-loop stall */
  server: { cpuMs: number; eventLoopDelayMaxMs: number };
}

export interface ApiCallCost extends Latency {
  url: string;
}

export interface DashboardResult {
  agent: { login: string; readableQueues: number; groups: number };
  shown: { widgets: string[]; newTicketFilters: string[]; newTicketRows: number; queueRows: number };
  /** N loads in one browser context, each on a new page: the first with an empty cache, the others reloads */
  loads: LoadTiming[];
  cold: LoadTiming;
  /** loads 2 … N (the first, cold, is the warm-up) */
  warm: {
    readyMs: Latency;
    wallMs: Latency;
    appStartMs: Latency;
    allDataMs: Latency;
    serverCpuMs: Latency;
    eventLoopDelayMaxMs: Latency;
    longTasksMs: Latency;
    mainThreadMs: Latency;
    scriptMs: Latency;
  };
  /** each API call in the browser over loads 2 … N: waiting for a connection, sent → answered, the server's part */
  browserApiCalls: { url: string; waitMs: Latency; answerMs: Latency; serverMs: Latency }[];
  /** N loads, each in a new browser context: the JS and CSS downloaded, parsed and compiled every time */
  emptyCache: { readyMs: Latency; appStartMs: Latency };
  /** each API call of the dashboard alone through app.inject (no browser, no socket) */
  apiCalls: ApiCallCost[];
  /** all the dashboard's API calls after the session at once through app.inject, as the browser sends them */
  apiBurst: Latency & { calls: number };
  pageErrors: string[];
}

export interface DashboardOptions {
  loads: number;
  apiRuns: number;
  apiWarmup: number;
  /** Date.now() after which no new load or run starts */
  deadline: number;
  onStep: (text: string) => void;
}

/** The generated agent who may read the most queues (ro or rw on their groups). */
async function widestAgent(ctx: DomainContext) {
  const result = await sql<{ id: number; login: string; queues: number; groups: number }>`
    SELECT a.id, a.login, count(DISTINCT q.id)::int AS queues, count(DISTINCT q.group_id)::int AS groups
      FROM agents a
      JOIN group_agent_permissions p ON p.agent_id = a.id AND p.permission IN ('ro', 'rw')
      JOIN queues q ON q.group_id = p.group_id
     WHERE a.login LIKE 'agente%'
     GROUP BY a.id, a.login
     ORDER BY queues DESC, a.id
     LIMIT 1`.execute(ctx.db);
  const agent = result.rows[0];
  if (!agent) throw new Error('no generated agent');
  return agent;
}

async function logIn(app: App, ctx: DomainContext, agent: { id: number; login: string }): Promise<string> {
  const password = 'bench-password-1';
  await ctx.db
    .updateTable('agents')
    .set({ passwordHash: await hashPassword(password) })
    .where('id', '=', agent.id)
    .execute();
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/sessions',
    payload: { login: agent.login, password, as: 'agent' },
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (response.statusCode !== 201 || !cookie) throw new Error(`login: ${response.statusCode} ${response.body}`);
  return cookie.value;
}

async function newContext(browser: Browser, baseUrl: string, session: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: SESSION_COOKIE, value: session, url: baseUrl, httpOnly: true, sameSite: 'Lax' }]);
  await context.addInitScript({ content: WATCH_SCRIPT });
  return context;
}

/**
 * The server's side of a load: how long it took for each request (from the 'request' event of Node's
 * HTTP server to the response's 'finish'), the CPU time of this process and its event loop's delay.
 */
function watchServer(app: App) {
  let handled = new Map<string, number[]>();
  const onRequest = (request: IncomingMessage, response: ServerResponse) => {
    const started = performance.now();
    const url = request.url ?? '';
    response.on('finish', () => {
      const list = handled.get(url) ?? [];
      list.push(performance.now() - started);
      handled.set(url, list);
    });
  };
  app.server.on('request', onRequest);
  let cpu = process.cpuUsage();
  let delay = monitorEventLoopDelay({ resolution: 10 });
  return {
    start() {
      handled = new Map();
      cpu = process.cpuUsage();
      delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
    },
    stop() {
      delay.disable();
      const used = process.cpuUsage(cpu);
      return {
        handled,
        cpuMs: round((used.user + used.system) / 1000, 0),
        eventLoopDelayMaxMs: round(delay.max / 1e6, 0),
      };
    },
    close: () => app.server.off('request', onRequest),
  };
}
type ServerWatch = ReturnType<typeof watchServer>;
type ServerSide = ReturnType<ServerWatch['stop']>;

/** One load of the dashboard on a new page; waits for its API calls to end before reading the timing. */
async function loadOnce(context: BrowserContext, baseUrl: string, errors: string[], watch: ServerWatch) {
  const page: Page = await context.newPage();
  page.on('pageerror', (error) => errors.push(error.message));
  let pending = 0;
  let lastSettled = performance.now();
  const isApi = (url: string) => url.includes('/api/v1/') && !url.includes('/api/v1/events');
  page.on('request', (request) => {
    if (isApi(request.url())) pending += 1;
  });
  const settle = (request: { url(): string }) => {
    if (!isApi(request.url())) return;
    pending -= 1;
    lastSettled = performance.now();
  };
  page.on('requestfinished', settle);
  page.on('requestfailed', settle);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  try {
    watch.start();
    const started = performance.now();
    await page.goto(`${baseUrl}/`, { waitUntil: 'commit', timeout: 30_000 });
    await page.waitForFunction('window.__benchReady !== undefined', undefined, { timeout: 30_000, polling: 10 });
    const wallMs = performance.now() - started;
    // the rest of the dashboard's calls (other widgets): until none is under way for 300 ms
    const until = Date.now() + 15_000;
    while (Date.now() < until && (pending > 0 || performance.now() - lastSettled < 300)) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const server = watch.stop();
    const metrics = await cdp.send('Performance.getMetrics').catch(() => null);
    const metric = (name: string) => round((metrics?.metrics.find((m) => m.name === name)?.value ?? 0) * 1000, 0);
    const mainThread = metrics
      ? {
          taskMs: metric('TaskDuration'),
          scriptMs: metric('ScriptDuration'),
          layoutMs: metric('LayoutDuration'),
          styleMs: metric('RecalcStyleDuration'),
        }
      : null;
    const timing = (await page.evaluate(TIMING_SCRIPT)) as PageTiming;
    return { page, timing, wallMs, server, mainThread };
  } catch (error) {
    watch.stop();
    await page.close();
    throw error;
  }
}

function summarizeLoad(
  timing: PageTiming,
  wallMs: number,
  baseUrl: string,
  server: ServerSide,
  mainThread: LoadTiming['mainThread'],
): LoadTiming {
  const local = (url: string) => (url.startsWith(baseUrl) ? url.slice(baseUrl.length) : url);
  const resources = timing.resources.map((r) => ({ ...r, url: local(r.url) }));
  const assets = resources.filter((r) => r.url.startsWith('/assets/'));
  const api = resources.filter((r) => r.url.startsWith('/api/v1/') && !r.url.startsWith('/api/v1/events'));
  const session = api.find((r) => r.url.startsWith('/api/v1/sessions/current'));
  const ms = (n: number) => round(n, 1);
  const beforeReady = timing.longTasks.filter(([start]) => start < timing.ready);
  return {
    readyMs: ms(timing.ready),
    wallMs: ms(wallMs),
    htmlMs: ms(timing.html),
    assetsMs: ms(Math.max(0, ...assets.map((r) => r.end))),
    domContentLoadedMs: ms(timing.domContentLoaded),
    appStartMs: ms(session?.start ?? Number.NaN),
    sessionAnsweredMs: ms(session?.end ?? Number.NaN),
    allDataMs: ms(Math.max(0, ...api.map((r) => r.end))),
    apiCalls: api.map((r) => ({
      url: r.url.slice('/api/v1'.length),
      start: ms(r.start),
      sent: ms(r.sent),
      firstByte: ms(r.firstByte),
      end: ms(r.end),
      bodyBytes: r.body,
      serverMs: ms(server.handled.get(r.url)?.shift() ?? Number.NaN),
    })),
    longTasks: {
      count: beforeReady.length,
      ms: ms(beforeReady.reduce((sum, [, duration]) => sum + duration, 0)),
      list: beforeReady.map(([start, duration]) => [ms(start), ms(duration)]),
    },
    mainThread,
    server: { cpuMs: server.cpuMs, eventLoopDelayMaxMs: server.eventLoopDelayMaxMs },
  };
}

/**
 * The agent dashboard in Chromium against `app` listening on a loopback port: N loads in one
 * browser context (the first cold), N more each in a new context (empty cache), then the cost of
 * each of its API calls on the server alone.
 */
export async function measureDashboard(
  app: App,
  ctx: DomainContext,
  browser: Browser,
  options: DashboardOptions,
): Promise<DashboardResult> {
  const agent = await widestAgent(ctx);
  const session = await logIn(app, ctx, agent);
  const baseUrl = await app.listen({ host: '127.0.0.1', port: 0 });
  const watch = watchServer(app);
  const errors: string[] = [];
  options.onStep(
    `dashboard as ${agent.login} (${agent.queues} readable queues in ${agent.groups} groups): ${options.loads} loads`,
  );

  const loads: LoadTiming[] = [];
  let shown: DashboardResult['shown'] | undefined;
  const context = await newContext(browser, baseUrl, session);
  try {
    for (let i = 0; i < options.loads && (i === 0 || Date.now() < options.deadline); i++) {
      const { page, timing, wallMs, server, mainThread } = await loadOnce(context, baseUrl, errors, watch);
      if (!shown) shown = (await page.evaluate(SHOWN_SCRIPT)) as DashboardResult['shown'];
      await page.close();
      loads.push(summarizeLoad(timing, wallMs, baseUrl, server, mainThread));
    }
  } finally {
    await context.close();
  }
  // the first load is the cold one and the warm-up: the others are counted
  const [cold, ...counted] = loads;
  if (!cold || !shown) throw new Error('no dashboard load');

  options.onStep(`dashboard: ${options.loads} loads, each with an empty cache`);
  const fresh: LoadTiming[] = [];
  for (let i = 0; i < options.loads && Date.now() < options.deadline; i++) {
    const freshContext = await newContext(browser, baseUrl, session);
    try {
      const { page, timing, wallMs, server, mainThread } = await loadOnce(freshContext, baseUrl, errors, watch);
      await page.close();
      fresh.push(summarizeLoad(timing, wallMs, baseUrl, server, mainThread));
    } finally {
      await freshContext.close();
    }
  }
  // the first of these is a warm-up too (a new context's first page)
  const freshCounted = fresh.slice(1);

  watch.close();

  options.onStep('dashboard: its API calls alone, through app.inject');
  const headers = { cookie: `${SESSION_COOKIE}=${session}`, 'accept-language': 'en' };
  const calls = [...new Set((counted.at(-1) ?? cold).apiCalls.map((call) => call.url))];
  const inject = async (url: string) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    if (response.statusCode !== 200)
      throw new Error(`GET ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
  };
  const apiCalls: ApiCallCost[] = [];
  for (const url of calls) {
    const samples: number[] = [];
    for (let i = 0; i < options.apiWarmup + options.apiRuns && Date.now() < options.deadline; i++) {
      const started = performance.now();
      await inject(url);
      if (i >= options.apiWarmup) samples.push(performance.now() - started);
    }
    apiCalls.push({ url, ...summarize(samples) });
  }
  const afterSession = calls.filter((url) => !url.startsWith('/sessions/current'));
  const burst: number[] = [];
  for (let i = 0; i < options.apiWarmup + options.apiRuns && Date.now() < options.deadline; i++) {
    const started = performance.now();
    await Promise.all(afterSession.map(inject));
    if (i >= options.apiWarmup) burst.push(performance.now() - started);
  }

  const pick = (list: LoadTiming[], key: keyof Omit<LoadTiming, 'apiCalls' | 'server' | 'longTasks' | 'mainThread'>) =>
    summarize(list.map((l) => l[key]));
  return {
    agent: { login: agent.login, readableQueues: agent.queues, groups: agent.groups },
    shown,
    loads,
    cold,
    warm: {
      readyMs: pick(counted, 'readyMs'),
      wallMs: pick(counted, 'wallMs'),
      appStartMs: pick(counted, 'appStartMs'),
      allDataMs: pick(counted, 'allDataMs'),
      serverCpuMs: summarize(counted.map((l) => l.server.cpuMs)),
      longTasksMs: summarize(counted.map((l) => l.longTasks.ms)),
      mainThreadMs: summarize(counted.map((l) => l.mainThread?.taskMs ?? Number.NaN).filter(Number.isFinite)),
      scriptMs: summarize(counted.map((l) => l.mainThread?.scriptMs ?? Number.NaN).filter(Number.isFinite)),
      eventLoopDelayMaxMs: summarize(counted.map((l) => l.server.eventLoopDelayMaxMs)),
    },
    browserApiCalls: calls.map((url) => {
      const seen = counted.flatMap((l) => l.apiCalls.filter((call) => call.url === url));
      return {
        url,
        waitMs: summarize(seen.map((call) => call.sent - call.start)),
        answerMs: summarize(seen.map((call) => call.end - call.sent)),
        serverMs: summarize(seen.map((call) => call.serverMs).filter(Number.isFinite)),
      };
    }),
    emptyCache: { readyMs: pick(freshCounted, 'readyMs'), appStartMs: pick(freshCounted, 'appStartMs') },
    apiCalls,
    apiBurst: { ...summarize(burst), calls: afterSession.length },
    pageErrors: [...new Set(errors)],
  };
}
