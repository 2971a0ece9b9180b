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
      const lock = config.databaseUrl ? undefined : lockForMigrate(config);
      if (flags.dryRun) {
        await listPending(config, lock);
        return;
      }
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

async function listPending(config: Config, lock: DataDirLock | undefined): Promise<void> {
  const [{ openDatabase }, { pendingMigrations }, { databaseTarget, describeDatabase }] = await Promise.all([
    import('../db/connect.ts'),
    import('../db/migrate.ts'),
    import('./runtime.ts'),
  ]);
  try {
    const database = await openDatabase(databaseTarget(config));
    try {
      const pending = await pendingMigrations(database.db);
      process.stdout.write(pending.map((migration) => `${migration.name}\n`).join(''));
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
