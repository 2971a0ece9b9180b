import type { Latency } from '../stats.ts';
import type { TargetKind } from '../targets.ts';
import type { FirstLoadBundle } from './bundle.ts';
import type { DashboardResult } from './dashboard.ts';

export interface WebResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    node: string;
    chromium: string;
    /** os.loadavg() (1, 5, 15 min) at the start and the end: other work on the machine skews the times */
    loadAverage: { start: number[]; end: number[] };
  };
  options: Record<string, string | number | boolean>;
  /** the commit web/dist was built from; webChanged: web/ had changes not committed */
  build: { commit: string; webChanged: boolean } | null;
  /** what the issue aims for */
  targets: { firstLoadJsGzipBytes: number; dashboardMs: number };
  bundle: FirstLoadBundle;
  databases: (DashboardResult & { database: TargetKind; version: string; generationSeconds: number })[];
  totalSeconds: number;
}

const LABEL: Record<TargetKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };
const ms = (latency: Latency) => `${Math.round(latency.median)} / ${Math.round(latency.p95)} ms`;
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** The README's table: the dashboard per database, the bundle in the line above it. */
export function webTable(results: WebResults): string {
  const dbs = results.databases;
  const runs = dbs[0]?.warm.readyMs.runs ?? 0;
  const rows: string[][] = [
    ['Dashboard shows its data: first load (empty cache)', ...dbs.map((db) => `${Math.round(db.cold.readyMs)} ms`)],
    [`Same, reloads (median / p95 of ${runs})`, ...dbs.map((db) => ms(db.warm.readyMs))],
    [
      `Same, each load in a new browser context (median / p95 of ${dbs[0]?.emptyCache.readyMs.runs ?? 0})`,
      ...dbs.map((db) => ms(db.emptyCache.readyMs)),
    ],
    [
      'Reloads: the app asks for its first data (median)',
      ...dbs.map((db) => `${Math.round(db.warm.appStartMs.median)} ms`),
    ],
    ['Reloads: the last API answer in (median)', ...dbs.map((db) => `${Math.round(db.warm.allDataMs.median)} ms`)],
    [
      "Reloads: the page's main thread busy, CPU (median)",
      ...dbs.map((db) => `${Math.round(db.warm.mainThreadMs.median)} ms`),
    ],
    [
      `The ${dbs[0]?.apiBurst.calls ?? 0} API calls after the session, at once on the server alone (median)`,
      ...dbs.map((db) => `${Math.round(db.apiBurst.median)} ms`),
    ],
  ];
  const header = `| ${['', ...dbs.map((db) => LABEL[db.database])].join(' | ')} |`;
  const rule = `|${['---', ...dbs.map(() => '---:')].join('|')}|`;
  const { js, css } = results.bundle;
  return [
    `First-load JavaScript: **${kB(js.gzipBytes)} gzip** (${kB(js.bytes)} raw, ${js.files.length} file${js.files.length === 1 ? '' : 's'}); ` +
      `CSS: ${kB(css.gzipBytes)} gzip (${kB(css.bytes)} raw). Aim: under ${kB(results.targets.firstLoadJsGzipBytes)} gzip.`,
    '',
    header,
    rule,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

/** Where a reload's time goes, per API call of the dashboard: medians in ms. */
export function apiCallTable(db: WebResults['databases'][number]): string {
  const alone = new Map(db.apiCalls.map((call) => [call.url, call.median]));
  const width = Math.max(...db.browserApiCalls.map((call) => call.url.length));
  const cell = (n: number | undefined) =>
    (n === undefined || Number.isNaN(n) ? '–' : Math.round(n).toString()).padStart(7);
  return [
    `${'API call'.padEnd(width)}  waiting  answer  server   alone`,
    ...db.browserApiCalls.map(
      (call) =>
        `${call.url.padEnd(width)}  ${cell(call.waitMs.median)}  ${cell(call.answerMs.median)} ${cell(call.serverMs.median)} ${cell(alone.get(call.url))}`,
    ),
  ].join('\n');
}
