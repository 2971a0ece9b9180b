/**
 * npm run bench:web [-- --db pglite|postgres|both --tickets 100000 --loads 7 --time-limit 15 --no-build --no-write]
 * (also at the end of npm run bench)
 *
 * The agent web app at volume: its first-load JavaScript and CSS (what web/dist/index.html loads,
 * after a build, raw and gzip), and the time until its dashboard shows its data in Chromium on the
 * bench's desk of 100k tickets (generated as bench/run.ts does) on PGlite and on PostgreSQL, with
 * the browser's timing of each API call and each call's cost on the server alone. Writes
 * bench/web-results.json.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { buildWebApp, launchChromium } from '../e2e/support/browser.ts';
import { buildApp } from '../server/api/app.ts';
import { WEB_DIST } from '../server/api/web-app.ts';
import { formatWithBiome } from './format-files.ts';
import { FULL_SIZE, generateData } from './generate-data.ts';
import { progressLine, round } from './progress.ts';
import { dropLeftover, openTarget, type TargetKind } from './targets.ts';
import { firstLoadBundle } from './web/bundle.ts';
import { type DashboardResult, measureDashboard } from './web/dashboard.ts';
import { apiCallTable, type WebResults, webTable } from './web/report.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    tickets: { type: 'string', default: String(FULL_SIZE.tickets) },
    loads: { type: 'string', default: '7' },
    'api-runs': { type: 'string', default: '20' },
    'time-limit': { type: 'string', default: '15' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/test' },
    'no-build': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
  },
});

function positive(name: string, value: string | undefined, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max) throw new Error(`--${name} must be ${min} to ${max}`);
  return number;
}

const kinds: TargetKind[] =
  args.db === 'both' ? ['pglite', 'postgres'] : args.db === 'pglite' || args.db === 'postgres' ? [args.db] : [];
if (kinds.length === 0) throw new Error('--db must be pglite, postgres or both');
const tickets = positive('tickets', args.tickets, 1, 1_000_000);
const loads = positive('loads', args.loads, 3, 100);
const apiRuns = positive('api-runs', args['api-runs'], 1, 1_000);
const timeLimitMinutes = positive('time-limit', args['time-limit'], 1, 120);
const adminUrl = args['pg-url'];

const started = performance.now();
const loadAtStart = os.loadavg();
let usedPostgres = false;
let browser: Browser | undefined;
const hardLimit = setTimeout(async () => {
  console.error(`\nbench:web: time limit of ${timeLimitMinutes} min reached, stopping`);
  await browser?.close().catch(() => {});
  if (usedPostgres) await dropLeftover(adminUrl).catch(() => {});
  process.exit(2);
}, timeLimitMinutes * 60_000);
hardLimit.unref();

/** The commit the app was built from, and whether web/ had changes not committed. */
function gitState() {
  try {
    const git = (...command: string[]) => execFileSync('git', command, { cwd: benchDir, encoding: 'utf8' }).trim();
    return {
      commit: git('rev-parse', '--short', 'HEAD'),
      webChanged: git('status', '--porcelain', '--', '../web') !== '',
    };
  } catch {
    return null;
  }
}

if (!args['no-build']) {
  // with NODE_ENV=development in the environment, vite bundles React's development build (≈ 40% larger, slower)
  if (process.env.NODE_ENV && process.env.NODE_ENV !== 'production')
    console.log(`[web] NODE_ENV=${process.env.NODE_ENV}: the build is not what production serves`);
  console.log('[web] building the web app (vite build, as npm run build:web)');
  await buildWebApp();
}
const bundle = firstLoadBundle(WEB_DIST);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
console.log(
  `[web] first load: JS ${kB(bundle.js.gzipBytes)} gzip (${kB(bundle.js.bytes)}, ${bundle.js.files.length} files), ` +
    `CSS ${kB(bundle.css.gzipBytes)} gzip (${kB(bundle.css.bytes)}, ${bundle.css.files.length} files); ` +
    `${bundle.lazyJs.length} lazy chunks`,
);

const databases: (DashboardResult & { database: TargetKind; version: string; generationSeconds: number })[] = [];
browser = await launchChromium();
try {
  for (const kind of kinds) {
    const log = (text: string) => console.log(`[${kind}] ${text}`);
    if (kind === 'postgres') usedPostgres = true;
    const target = await openTarget(kind, { adminUrl, pgliteDisk: false });
    try {
      const version = String((await target.sql.run('SELECT version() AS v'))[0]?.v ?? '').split(' on ')[0] ?? '';
      log(`${version}: generating ${tickets.toLocaleString('en')} tickets`);
      const desk = await generateData(target.sessions, { ...FULL_SIZE, tickets }, progressLine(`[${kind}]`));
      log(`generated in ${desk.seconds} s`);
      const app = await buildApp(target.ctx);
      try {
        const result = await measureDashboard(app, target.ctx, browser, {
          loads,
          apiRuns,
          apiWarmup: 3,
          deadline: Date.now() + 180_000,
          onStep: log,
        });
        log(
          `dashboard shows its data: cold ${result.cold.readyMs} ms; reloads median ${result.warm.readyMs.median} ms, ` +
            `p95 ${result.warm.readyMs.p95} ms (${result.warm.readyMs.runs}); empty cache median ${result.emptyCache.readyMs.median} ms`,
        );
        databases.push({ database: kind, version, generationSeconds: desk.seconds, ...result });
      } finally {
        await app.close();
      }
    } finally {
      await target.close();
    }
  }
} finally {
  await browser.close();
}

const cpus = os.cpus();
const results: WebResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    node: process.version,
    chromium: browser.version(),
    loadAverage: { start: loadAtStart.map((n) => round(n, 2)), end: os.loadavg().map((n) => round(n, 2)) },
  },
  options: { tickets, loads, apiRuns, built: !args['no-build'] },
  build: gitState(),
  targets: { firstLoadJsGzipBytes: 300_000, dashboardMs: 1000 },
  bundle,
  databases,
  totalSeconds: round((performance.now() - started) / 1000, 1),
};

console.log(`\n${webTable(results)}\n`);
for (const db of databases) {
  console.log(
    `${db.database}, reloads (medians, ms): waiting for a connection, sent → answered, the server's time for it ` +
      `during the load, the same call alone through app.inject\n${apiCallTable(db)}\n` +
      `during a reload (medians): the page's main thread busy ${db.warm.mainThreadMs.median} ms (script ${db.warm.scriptMs.median} ms), ` +
      `tasks over 50 ms before ready ${db.warm.longTasksMs.median} ms; the server's process ${db.warm.serverCpuMs.median} ms CPU, ` +
      `longest event-loop stall ${db.warm.eventLoopDelayMaxMs.median} ms`,
  );
  const slow = [...db.apiCalls].sort((a, b) => b.median - a.median).slice(0, 3);
  console.log(
    `${db.database}: ${db.apiCalls.length} API calls; slowest alone (median): ` +
      `${slow.map((call) => `${call.url} ${call.median} ms`).join(', ')}; all after the session at once ${db.apiBurst.median} ms`,
  );
  if (db.pageErrors.length > 0) console.log(`${db.database}: page errors: ${db.pageErrors.join('; ')}`);
}
if (!args['no-write']) {
  const file = path.join(benchDir, 'web-results.json');
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  formatWithBiome([file]);
  console.log(`written: ${path.relative(process.cwd(), file)}`);
}
console.log(`bench:web: ${results.totalSeconds} s in all`);
clearTimeout(hardLimit);
