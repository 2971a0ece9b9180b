import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import type { Config } from '../config/config.ts';
import { loadConfig } from '../config/config.ts';
import { BusyError } from './cli-errors.ts';
import { type DataDirLock, tryLockDataDir } from './data-dir-lock.ts';
import { databaseConnectionFailure } from './database-errors.ts';
import { progressBar } from './progress.ts';

export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'Create or update the database schema (and the job queue schema). `start` does this too; ' +
        'run it on its own to upgrade a PostgreSQL database before starting several servers.',
    )
    .option('--dry-run', 'list the migrations that would be applied, and change nothing')
    .action(async (flags: { dryRun?: boolean }) => {
      const config = loadConfig();
      if (flags.dryRun) {
        await listPending(config);
        return;
      }
      const lock = config.databaseUrl ? undefined : lockForMigrate(config);
      const { openRuntime } = await import('./runtime.ts');
      const runtime = await openRuntime(config, progressBar('Migrating'), lock);
      await runtime.close();
      const applied = runtime.migrationsApplied;
      process.stderr.write(
        applied.length === 0
          ? `The database is up to date (${runtime.description}).\n`
          : `Applied ${applied.length} migration${applied.length === 1 ? '' : 's'} (${applied.join(', ')}) to ${runtime.description}.\n`,
      );
    });
}

/** A running server migrated its database when it started; changing the schema under it is refused. */
function lockForMigrate(config: Config): DataDirLock {
  const attempt = tryLockDataDir(config.dataDir, 'migrate');
  if (attempt.acquired) return attempt.lock;
  throw new BusyError(
    `sportello ${attempt.owner.command} (pid ${attempt.owner.pid}) is using ${config.dataDir}; ` +
      'stop it before migrating (start migrates the database by itself)',
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
    process.stderr.write(
      `The database does not exist yet (embedded PGlite in ${pgliteDir(config)}): migrate or start would create it ` +
        `and apply all ${migrations.length} migrations; nothing was created.\n`,
    );
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
      process.stderr.write(
        pending.length === 0
          ? `The database is up to date (${describeDatabase(config)}).\n`
          : `${pending.length} migration${pending.length === 1 ? '' : 's'} to apply to ${describeDatabase(config)}.\n`,
      );
    } finally {
      await database.close();
    }
  } catch (error) {
    throw databaseConnectionFailure(error, config) ?? error;
  } finally {
    lock?.release();
  }
}
