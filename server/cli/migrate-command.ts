import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/config.ts';
import { BusyError } from './cli-errors.ts';
import { t } from './cli-messages.ts';
import { type DataDirLock, tryLockDataDir } from './data-dir-lock.ts';
import { databaseConnectionFailure } from './database-errors.ts';
import { progressBar } from './progress.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(t('migrate.description'))
    .option('--dry-run', t('migrate.dry_run_option'))
    .action(async (flags: { dryRun?: boolean }) => {
      const config = loadConfig();
      if (flags.dryRun) {
        await listPending(config);
        return;
      }
      const lock = config.databaseUrl ? undefined : lockForMigrate(config);
      const { openRuntime } = await import('./runtime.ts');
      const runtime = await openRuntime(config, progressBar(t('progress.migrating')), lock);
      await runtime.close();
      const applied = runtime.migrationsApplied;
      const database = runtime.description;
      const names = applied.join(', ');
      const message =
        applied.length === 0
          ? t('migrate.up_to_date', { database })
          : t(applied.length === 1 ? 'migrate.applied_one' : 'migrate.applied_many', {
              count: applied.length,
              names,
              database,
            });
      process.stderr.write(`${message}\n`);
    });
}

/** A running server migrated its database when it started; changing the schema under it is refused. */
function lockForMigrate(config: Config): DataDirLock {
  const attempt = tryLockDataDir(config.dataDir, 'migrate');
  if (attempt.acquired) return attempt.lock;
  throw new BusyError(
    t('migrate.busy', { command: attempt.owner.command, pid: attempt.owner.pid, dataDir: config.dataDir }),
  );
}

/** The embedded database exists once PGlite has written its data directory. */
function embeddedDatabaseExists(config: Config): boolean {
  return existsSync(path.join(config.dataDir, 'pglite', 'PG_VERSION'));
}

/**
 * --dry-run: reads which migrations are recorded, and writes nothing. A missing embedded database
 * is not created (every migration would be applied); a database without the migrations table
 * (a new PostgreSQL database) is not given one.
 */
async function listPending(config: Config): Promise<void> {
  const [{ sql }, { loadMigrations }, { openDatabase }, { databaseTarget, describeDatabase, pgliteDir }] =
    await Promise.all([
      import('kysely'),
      import('../db/migrate.ts'),
      import('../db/connect.ts'),
      import('./runtime.ts'),
    ]);
  const migrations = loadMigrations();
  const list = (names: string[]) => process.stdout.write(names.map((name) => `${name}\n`).join(''));
  if (!config.databaseUrl && !embeddedDatabaseExists(config)) {
    list(migrations.map((migration) => migration.name));
    process.stderr.write(`${t('migrate.not_created', { dir: pgliteDir(config), count: migrations.length })}\n`);
    return;
  }
  const lock = config.databaseUrl ? undefined : lockForMigrate(config);
  try {
    const database = await openDatabase(databaseTarget(config));
    try {
      const table = await sql<{
        present: boolean;
      }>`SELECT to_regclass('schema_migrations') IS NOT NULL AS present`.execute(database.db);
      const applied = table.rows[0]?.present
        ? (await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(database.db)).rows
        : [];
      const done = new Set(applied.map((row) => row.name));
      const pending = migrations.filter((migration) => !done.has(migration.name)).map((migration) => migration.name);
      list(pending);
      const target = describeDatabase(config);
      const message =
        pending.length === 0
          ? t('migrate.up_to_date', { database: target })
          : t(pending.length === 1 ? 'migrate.pending_one' : 'migrate.pending_many', {
              count: pending.length,
              database: target,
            });
      process.stderr.write(`${message}\n`);
    } finally {
      await database.close();
    }
  } catch (error) {
    throw databaseConnectionFailure(error, config) ?? error;
  } finally {
    lock?.release();
  }
}
