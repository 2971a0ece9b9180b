/**
 * npm run bench [-- --db pglite|postgres|both --tickets 100000 --creates 1000 --runs 200 --explain]
 *
 * Generates a desk of 100k tickets on PGlite (in memory) and on PostgreSQL (a database
 * sportello_bench, dropped at the end), measures ticket creation and an agent's reads through the
 * API in-process, and writes bench/results.json and bench/RESULTS.md. Every loop is bounded by a
 * count and a deadline; the whole run by --time-limit minutes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildApp } from '../server/api/app.ts';
import { explainReads, formatPlans } from './explain.ts';
import { formatWithBiome } from './format-files.ts';
import { FULL_SIZE, generateData } from './generate-data.ts';
import { loadAgent, measureCreation, measureReads, searchWords, zoomTicketIds } from './measure.ts';
import { phaseTimer, progressLine, round } from './progress.ts';
import {
  type BenchResults,
  consoleTable,
  type DatabaseResult,
  markdownTable,
  referenceTable,
  slowReads,
} from './report.ts';
import { scalar } from './sql-runner.ts';
import { dropLeftover, openTarget, type TargetKind } from './targets.ts';
import { compareWithReference, verifyTicketLists } from './verify-lists.ts';

const benchDir = path.dirname(fileURLToPath(import.meta.url));

const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'both' },
    tickets: { type: 'string', default: String(FULL_SIZE.tickets) },
    creates: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '200' },
    warmup: { type: 'string', default: '20' },
    'time-limit': { type: 'string', default: '15' },
    'pg-url': { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://root@127.0.0.1:5432/test' },
    'pglite-disk': { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'no-verify': { type: 'boolean', default: false },
  },
});

function positive(name: string, value: string | undefined, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > max) throw new Error(`--${name} must be 1 to ${max}`);
  return number;
}

const kinds: TargetKind[] =
  args.db === 'both' ? ['pglite', 'postgres'] : args.db === 'pglite' || args.db === 'postgres' ? [args.db] : [];
if (kinds.length === 0) throw new Error('--db must be pglite, postgres or both');
const tickets = positive('tickets', args.tickets, 1_000_000);
const creates = positive('creates', args.creates, 10_000);
const runs = positive('runs', args.runs, 10_000);
const warmup = positive('warmup', args.warmup, 1_000);
const timeLimitMinutes = positive('time-limit', args['time-limit'], 120);
const adminUrl = args['pg-url'];
const size = { ...FULL_SIZE, tickets };

const started = performance.now();
const loadAtStart = os.loadavg();
let usedPostgres = false;
// the hard limit: give up, drop the bench database, leave
const hardLimit = setTimeout(async () => {
  console.error(`\nbench: time limit of ${timeLimitMinutes} min reached, stopping`);
  if (usedPostgres) await dropLeftover(adminUrl).catch(() => {});
  process.exit(2);
}, timeLimitMinutes * 60_000);
hardLimit.unref();

/** Soft deadlines: a phase stops starting new runs after its share of time. */
const after = (seconds: number) => Date.now() + seconds * 1000;

async function benchOne(kind: TargetKind): Promise<DatabaseResult> {
  const timer = phaseTimer();
  const log = (text: string) => console.log(`[${kind}] ${text}`);
  if (kind === 'postgres') usedPostgres = true;
  const target = await openTarget(kind, { adminUrl, pgliteDisk: args['pglite-disk'] });
  try {
    const version = String((await target.sql.run('SELECT version() AS v'))[0]?.v ?? '').split(' on ')[0] ?? '';
    log(`${version}: generating ${tickets.toLocaleString('en')} tickets`);
    const desk = await generateData(target.sessions, size, progressLine(`[${kind}]`));
    log(`generated in ${desk.seconds} s: ${JSON.stringify(desk.counts)}`);
    timer.mark('generate');

    const app = await buildApp(target.ctx);
    try {
      const reads = await measureReads(app, target.ctx, desk, { warmup, runs, secondsPerRead: 90 }, (step) =>
        log(`measuring ${step}`),
      );
      timer.mark('reads');

      let verifiedCases = 0;
      if (!args['no-verify']) {
        log('checking the ticket lists against the reference query');
        verifiedCases = await verifyTicketLists(target.ctx, desk, reads.search.words);
        log(`same tickets, totals and fields as the reference in ${verifiedCases} cases`);
      }
      timer.mark('verify');
      log('timing the reference queries against the current ones');
      const reference = await compareWithReference(target.ctx, desk, reads.search.words, {
        runs: Math.min(runs, 50),
        warmup: Math.min(warmup, 5),
        seconds: 30,
      });
      timer.mark('reference');

      log('EXPLAIN ANALYZE of the reads');
      const reader = await loadAgent(target.ctx, desk.reader.agentId);
      const [ticketId] = await zoomTicketIds(target.ctx, desk, 1);
      const [word] = reads.search.words.length
        ? reads.search.words
        : await searchWords(target.ctx, desk.counts.articles ?? 1, 1);
      const explained = await explainReads(target, desk, reader, { ticketId: ticketId ?? 1, word: word?.word ?? 'x' });
      if (!args['no-write']) {
        mkdirSync(path.join(benchDir, 'plans'), { recursive: true });
        writeFileSync(path.join(benchDir, 'plans', `${kind}.txt`), formatPlans(kind, explained));
      }
      timer.mark('explain');

      const creation = await measureCreation(
        app,
        target.ctx,
        desk,
        { count: creates, concurrencies: [1, 8], warmup, deadline: after(240) },
        (step) => log(step),
      );
      const created = await scalar(target.sql, 'SELECT count(*) FROM tickets');
      log(`tickets now: ${created}`);
      timer.mark('create');
      return {
        database: kind,
        version,
        generation: { seconds: desk.seconds, phases: desk.phases, counts: desk.counts },
        creation,
        reads,
        verifiedCases,
        reference,
        explain: Object.fromEntries(
          explained.map((read) => [
            read.read,
            read.statements.map(({ planningMs, executionMs }) => ({ planningMs, executionMs })),
          ]),
        ),
        phases: timer.phases,
        seconds: timer.total(),
      };
    } finally {
      await app.close();
    }
  } finally {
    await target.close();
  }
}

const databases: DatabaseResult[] = [];
for (const kind of kinds) databases.push(await benchOne(kind));

const cpus = os.cpus();
const results: BenchResults = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    loadAverage: { start: loadAtStart.map((n) => round(n, 2)), end: os.loadavg().map((n) => round(n, 2)) },
  },
  options: { tickets, creates, runs, warmup, pgliteDisk: args['pglite-disk'] },
  databases,
  totalSeconds: round((performance.now() - started) / 1000, 1),
  targetP95Ms: 20,
};

console.log(`\n${consoleTable(results)}\n\n${referenceTable(results)}\n`);
const slow = slowReads(results);
if (slow.length > 0) console.log(`Over ${results.targetP95Ms} ms p95 on PostgreSQL: ${slow.join('; ')}`);
for (const db of databases) {
  const reads = Object.entries(db.explain).map(
    ([read, statements]) => `${read} ${statements.map((s) => `${s.planningMs}/${s.executionMs}`).join(' + ')}`,
  );
  console.log(`${db.database}, EXPLAIN ANALYZE planning/execution ms per statement: ${reads.join('; ')}`);
}
if (!args['no-write']) {
  writeFileSync(path.join(benchDir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(
    path.join(benchDir, 'RESULTS.md'),
    [
      '# Sportello benchmark',
      '',
      markdownTable(results),
      '',
      'The ticket list queries before and after they were split into finding the page and dressing it',
      '(bench/verify-lists.ts keeps the earlier queries; both run alternately on the same data, with the',
      'indexes of 0003, and return the same tickets, totals and fields):',
      '',
      referenceTable(results),
      '',
      'Plans: bench/plans/*.txt. Raw numbers: bench/results.json.',
      '',
    ].join('\n'),
  );
  formatWithBiome([path.join(benchDir, 'results.json'), path.join(benchDir, 'RESULTS.md')]);
  console.log('written: bench/results.json, bench/RESULTS.md, bench/plans/');
}
console.log(`bench: ${results.totalSeconds} s in all`);
clearTimeout(hardLimit);
