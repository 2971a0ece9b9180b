import type { GeneratedDesk } from './generate-data.ts';
import type { CreationRun, ReadResults } from './measure.ts';
import type { Latency } from './stats.ts';
import type { TargetKind } from './targets.ts';
import type { Comparison } from './verify-lists.ts';

export interface DatabaseResult {
  database: TargetKind;
  version: string;
  generation: { seconds: number; phases: GeneratedDesk['phases']; counts: GeneratedDesk['counts'] };
  creation: CreationRun[];
  reads: ReadResults;
  /** filter/sort/page/reader cases in which listTickets and getTicket matched the reference query */
  verifiedCases: number;
  /** query functions: the earlier single-join queries against the current ones, same data, alternating */
  reference: Record<string, Comparison>;
  /** EXPLAIN ANALYZE of each statement of each read: planning and execution, ms */
  explain: Record<string, { planningMs: number; executionMs: number }[]>;
  /** seconds per phase of the bench on this database */
  phases: Record<string, number>;
  seconds: number;
}

export interface BenchResults {
  date: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryGb: number;
    node: string;
    platform: string;
    /** os.loadavg() (1, 5, 15 min) at the start and the end: other work on the machine skews latencies */
    loadAverage: { start: number[]; end: number[] };
  };
  options: Record<string, string | number | boolean>;
  databases: DatabaseResult[];
  totalSeconds: number;
  /** what the issue asks: every read under this p95 on PostgreSQL */
  targetP95Ms: number;
}

const LABEL: Record<TargetKind, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

const ms = (latency: Latency) => `${latency.median.toFixed(1)} / ${latency.p95.toFixed(1)} ms`;

function rows(results: BenchResults): [string, ...string[]][] {
  const dbs = results.databases;
  const creation = (concurrency: number) =>
    dbs.map((db) => {
      const run = db.creation.find((r) => r.concurrency === concurrency);
      return run ? `${run.perSecond.toFixed(0)} /s (${run.created} in ${run.seconds.toFixed(1)} s)` : '–';
    });
  const first = dbs[0];
  const counts = first?.generation.counts ?? {};
  const k = (n: number | undefined) => `${Math.round((n ?? 0) / 1000)}k`;
  const concurrencies = [...new Set(dbs.flatMap((db) => db.creation.map((run) => run.concurrency)))];
  return [
    [
      `Data generation (${k(counts.tickets)} tickets, ${k(counts.articles)} articles, ${k(counts.ticket_history)} history rows)`,
      ...dbs.map((db) => `${db.generation.seconds.toFixed(0)} s`),
    ],
    ...concurrencies.map((c): [string, ...string[]] => [
      c === 1 ? 'Tickets created via API, sequential' : `Tickets created via API, ${c} concurrent`,
      ...creation(c),
    ]),
    [
      `Queue view: 50 newest open of ${first?.reads.queueView.total ?? '?'} in 25 queues (median / p95)`,
      ...dbs.map((db) => ms(db.reads.queueView)),
    ],
    ['Same queue view, query function without HTTP', ...dbs.map((db) => ms(db.reads.queueViewFunction))],
    ['My queues (myQueues=true)', ...dbs.map((db) => ms(db.reads.myQueues))],
    ['Ticket zoom: ticket + articles + history (3 GETs)', ...dbs.map((db) => ms(db.reads.zoom))],
    [
      `Full-text search (${first?.reads.search.words.length ?? 0} words in 0.1–1% of articles)`,
      ...dbs.map((db) => ms(db.reads.search)),
    ],
  ];
}

export function markdownTable(results: BenchResults): string {
  const dbs = results.databases;
  const header = `| ${['', ...dbs.map((db) => LABEL[db.database])].join(' | ')} |`;
  const rule = `|${['---', ...dbs.map(() => '---:')].join('|')}|`;
  const body = rows(results).map((row) => `| ${row.join(' | ')} |`);
  const m = results.machine;
  const words = dbs[0]?.reads.search.words.map((w) => `${w.word} (${w.share}%)`).join(', ') ?? '';
  return [
    header,
    rule,
    ...body,
    '',
    `Measured with \`npm run bench\` on ${results.date.slice(0, 10)}: ${m.cpus} × ${m.cpuModel}, Node ${m.node}, ` +
      `${dbs.map((db) => db.version).join(' and ')}. Reads through \`app.inject\` (no sockets) as an agent ` +
      `with rw on 5 of 10 groups, ${dbs[0]?.reads.queueView.runs ?? 0} runs each after a warm-up; ` +
      `search words: ${words}. The whole bench took ${Math.round(results.totalSeconds)} s; ` +
      `load average ${m.loadAverage.start[0]} at its start, ${m.loadAverage.end[0]} at its end.`,
  ].join('\n');
}

/** Query functions without HTTP: before (one join of eleven tables) and after, per database. */
export function referenceTable(results: BenchResults): string {
  const dbs = results.databases;
  const names = [...new Set(dbs.flatMap((db) => Object.keys(db.reference)))];
  const header = `| query function (median / p95) | ${dbs.map((db) => `${LABEL[db.database]} before | after`).join(' | ')} |`;
  const rule = `|---|${dbs.map(() => '---:|---:').join('|')}|`;
  const body = names.map((name) => {
    const cells = dbs.flatMap((db) => {
      const comparison = db.reference[name];
      return comparison ? [ms(comparison.reference), ms(comparison.current)] : ['–', '–'];
    });
    return `| ${name} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...body].join('\n');
}

/** The same table for the terminal, in aligned columns. */
export function consoleTable(results: BenchResults): string {
  const table = [['', ...results.databases.map((db) => LABEL[db.database])], ...rows(results)];
  const widths = table[0]?.map((_, col) => Math.max(...table.map((row) => (row[col] ?? '').length))) ?? [];
  return table
    .map((row) => row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col] ?? 0) : cell.padStart(widths[col] ?? 0))))
    .map((row) => row.join('  '))
    .join('\n');
}

/** Reads whose p95 misses the target on PostgreSQL. */
export function slowReads(results: BenchResults): string[] {
  const pg = results.databases.find((db) => db.database === 'postgres');
  if (!pg) return [];
  const reads: [string, Latency][] = [
    ['queue view', pg.reads.queueView],
    ['queue view (function)', pg.reads.queueViewFunction],
    ['my queues', pg.reads.myQueues],
    ['zoom', pg.reads.zoom],
    ['search', pg.reads.search],
  ];
  return reads
    .filter(([, latency]) => latency.p95 > results.targetP95Ms)
    .map(([name, l]) => `${name}: p95 ${l.p95} ms`);
}
