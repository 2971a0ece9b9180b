import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import type { Database } from './connect.ts';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export interface Migration {
  name: string;
  statements: string[];
}

/** Splits a migration file into statements: PGlite's extended protocol runs one at a time. */
function statements(text: string): string[] {
  return text
    .split(/;\s*$/m)
    .map((part) =>
      part
        .split('\n')
        .filter((line) => !line.trim().startsWith('--'))
        .join('\n')
        .trim(),
    )
    .filter((part) => part.length > 0);
}

export function loadMigrations(): Migration[] {
  return readdirSync(migrationsDir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file) => ({
      name: file.replace(/\.sql$/, ''),
      statements: statements(readFileSync(path.join(migrationsDir, file), 'utf8')),
    }));
}

export async function pendingMigrations(db: Database): Promise<Migration[]> {
  await sql`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`.execute(db);
  const applied = await sql<{ name: string }>`SELECT name FROM schema_migrations`.execute(db);
  const done = new Set(applied.rows.map((row) => row.name));
  return loadMigrations().filter((migration) => !done.has(migration.name));
}

/**
 * Applies pending migrations, each in its own transaction. An advisory lock keeps two processes
 * starting together on one PostgreSQL from applying the same migration twice.
 */
export async function migrate(db: Database, onApplied?: (name: string, index: number, total: number) => void) {
  const pending = await pendingMigrations(db);
  let index = 0;
  for (const migration of pending) {
    await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(727274)`.execute(trx);
      const already = await sql`SELECT 1 FROM schema_migrations WHERE name = ${migration.name}`.execute(trx);
      if (already.rows.length > 0) return;
      for (const statement of migration.statements) await sql.raw(statement).execute(trx);
      await sql`INSERT INTO schema_migrations (name) VALUES (${migration.name})`.execute(trx);
    });
    index += 1;
    onApplied?.(migration.name, index, pending.length);
  }
  return pending.map((migration) => migration.name);
}
