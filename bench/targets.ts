import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, Kysely, type LogEvent, PostgresDialect } from 'kysely';
import pg from 'pg';
import { loadConfig } from '../server/config/config.ts';
import { type Database, type DatabaseHandle, openDatabase } from '../server/db/connect.ts';
import { migrate } from '../server/db/migrate.ts';
import { PGliteQueuedDialect } from '../server/db/pglite-driver.ts';
import type { DB } from '../server/db/schema.ts';
import type { DomainContext } from '../server/domain/context.ts';
import { defineJobs } from '../server/jobs/define-jobs.ts';
import { JobQueue } from '../server/jobs/job-queue.ts';
import { pgliteRunner, postgresRunner, type SqlRunner } from './sql-runner.ts';

export type TargetKind = 'pglite' | 'postgres';

export const BENCH_DATABASE = 'sportello_bench';

export interface BenchTarget {
  kind: TargetKind;
  ctx: DomainContext;
  handle: DatabaseHandle;
  /** dedicated connections for the data generator (PostgreSQL: one per core); the first also runs EXPLAIN */
  sessions: SqlRunner[];
  sql: SqlRunner;
  /** a second Kysely on the same database that reports every statement (for EXPLAIN) */
  loggingDb(onQuery: (event: LogEvent) => void): { db: Database; close(): Promise<void> };
  close(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, text: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function context(handle: DatabaseHandle, dataDir: string): Promise<DomainContext> {
  await migrate(handle.db);
  const jobs = await JobQueue.open(handle);
  const ctx: DomainContext = {
    db: handle.db,
    config: loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    jobs,
    now: () => new Date(),
  };
  // pg-boss needs its queues before anything is sent to them; nothing works the jobs here
  await defineJobs(ctx);
  return ctx;
}

/** An empty, migrated database: PGlite in memory (or in a temp directory), or a fresh PostgreSQL database. */
export async function openTarget(kind: TargetKind, options: { adminUrl: string; pgliteDisk: boolean }) {
  const scratch = mkdtempSync(path.join(os.tmpdir(), 'sportello-bench-'));
  if (kind === 'pglite') {
    const pglite = new PGlite(options.pgliteDisk ? path.join(scratch, 'pgdata') : undefined);
    const handle = await openDatabase({ kind: 'pglite', pglite });
    const ctx = await context(handle, scratch);
    const target: BenchTarget = {
      kind,
      ctx,
      handle,
      sessions: [pgliteRunner(pglite)],
      sql: pgliteRunner(pglite),
      loggingDb: (onQuery) => ({
        db: new Kysely<DB>({
          dialect: new PGliteQueuedDialect(pglite),
          plugins: [new CamelCasePlugin()],
          log: onQuery,
        }),
        // the PGlite instance belongs to the main handle: closing this Kysely must not close it
        close: async () => {},
      }),
      close: async () => {
        await ctx.jobs.stop();
        await handle.close();
        rmSync(scratch, { recursive: true, force: true });
      },
    };
    return target;
  }
  await adminQuery(options.adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  await adminQuery(options.adminUrl, `CREATE DATABASE ${BENCH_DATABASE}`);
  const url = withDatabase(options.adminUrl, BENCH_DATABASE);
  const handle = await openDatabase({ kind: 'postgres', url, poolSize: 10 });
  const clients = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  for (const client of clients) await client.connect();
  const [main, ...more] = clients.map(postgresRunner);
  if (!main) throw new Error('no client');
  const ctx = await context(handle, scratch);
  const target: BenchTarget = {
    kind,
    ctx,
    handle,
    sessions: [main, ...more],
    sql: main,
    loggingDb: (onQuery) => {
      const pool = new pg.Pool({ connectionString: url, max: 2 });
      return {
        db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }), plugins: [new CamelCasePlugin()], log: onQuery }),
        close: () => pool.end(),
      };
    },
    close: async () => {
      await ctx.jobs.stop();
      await handle.close();
      for (const client of clients) await client.end();
      await adminQuery(options.adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
      rmSync(scratch, { recursive: true, force: true });
    },
  };
  return target;
}

/** Drops the bench database if a previous run was cut short. */
export async function dropLeftover(adminUrl: string) {
  await adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
}
