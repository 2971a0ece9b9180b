import { existsSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Config } from '../config/config.ts';
import { type DatabaseHandle, type DatabaseTarget, openDatabase } from '../db/connect.ts';
import { migrate, pendingMigrations } from '../db/migrate.ts';
import type { DomainContext } from '../domain/context.ts';
import { loadSystemSettings, watchSystemSettings } from '../domain/system/index.ts';
import { defineJobs } from '../jobs/define-jobs.ts';
import { JobQueue } from '../jobs/job-queue.ts';
import { t } from './cli-messages.ts';
import type { DataDirLock } from './data-dir-lock.ts';
import { databaseConnectionFailure, safeDatabaseUrl } from './database-errors.ts';
import type { Progress } from './progress.ts';

/** An open system: database migrated, jobs defined (not worked), the domain context. */
export interface Runtime {
  ctx: DomainContext;
  database: DatabaseHandle;
  /** what was opened, for messages ("embedded PGlite in …", "PostgreSQL at …") */
  description: string;
  migrationsApplied: string[];
  close(): Promise<void>;
}

export function pgliteDir(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

export function databaseTarget(config: Config): DatabaseTarget {
  return config.databaseUrl
    ? { kind: 'postgres', url: config.databaseUrl }
    : { kind: 'pglite', dataDir: pgliteDir(config) };
}

/** The database for people to read: never with its password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) return t('database.embedded', { dir: pgliteDir(config) });
  return t('database.postgres', { url: safeDatabaseUrl(config.databaseUrl) });
}

/** pg_advisory_lock key of a process setting up a PostgreSQL database (migrations take 727274). */
const SET_UP_LOCK = 727275;

/**
 * On PostgreSQL several processes may start together on an empty database, and not every step of
 * setting it up is safe to run twice at once: the migrations table is created before the
 * migrations' own lock is taken, and pg-boss creates its schema (the loser got "duplicate key value
 * violates unique constraint pg_type_typname_nsp_index"). So the set-up runs one process at a time,
 * under a session advisory lock held on one connection; the next process finds it done.
 */
async function oneAtATime<T>(database: DatabaseHandle, setUp: () => Promise<T>): Promise<T> {
  if (database.kind !== 'postgres') return setUp();
  return database.db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${SET_UP_LOCK})`.execute(connection);
    try {
      return await setUp();
    } finally {
      await sql`SELECT pg_advisory_unlock(${SET_UP_LOCK})`.execute(connection);
    }
  });
}

/**
 * Opens the database, applies pending migrations and defines the jobs. On PGlite the caller must
 * hold the data directory's lock; the runtime releases it on close, after the database is closed.
 */
export async function openRuntime(config: Config, progress: Progress, lock?: DataDirLock): Promise<Runtime> {
  const closers: (() => Promise<void> | void)[] = [];
  if (lock) closers.push(() => lock.release());
  const close = async () => {
    for (const closer of closers.reverse().splice(0)) await closer();
  };
  if (!config.databaseUrl && !existsSync(path.join(pgliteDir(config), 'PG_VERSION'))) {
    process.stderr.write(`${t('progress.creating_embedded', { dir: pgliteDir(config) })}\n`);
  }
  try {
    progress.total(2);
    progress.update(0, t(config.databaseUrl ? 'progress.connecting' : 'progress.opening_embedded'));
    const database = await openDatabase(databaseTarget(config));
    closers.push(() => database.close());
    const { ctx, applied } = await oneAtATime(database, async () => {
      const pending = await pendingMigrations(database.db);
      progress.total(pending.length + 2);
      const step = (next: { name: string } | undefined) =>
        next ? t('progress.migration', { name: next.name }) : t('progress.job_queue');
      progress.update(1, step(pending[0]));
      const applied = await migrate(database.db, (_name, index) => progress.update(1 + index, step(pending[index])));
      const jobs = await JobQueue.open(database);
      closers.push(() => jobs.stop());
      const ctx: DomainContext = { db: database.db, config, jobs, now: () => new Date() };
      // the settings admins saved replace the environment's defaults; other processes on the same
      // PostgreSQL may save too, so they are read again (on PGlite this process is the only one)
      await loadSystemSettings(ctx);
      if (database.kind === 'postgres') closers.push(watchSystemSettings(ctx));
      await defineJobs(ctx);
      progress.update(pending.length + 2, t('progress.ready'));
      return { ctx, applied };
    });
    return { ctx, database, description: describeDatabase(config), migrationsApplied: applied, close };
  } catch (error) {
    await close().catch(() => {});
    throw databaseConnectionFailure(error, config) ?? error;
  } finally {
    progress.stop();
  }
}
