import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { CamelCasePlugin, CompiledQuery, Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PGliteQueuedDialect } from './pglite-driver.ts';
import type { DB } from './schema.ts';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** For pg-boss: runs one statement outside of any transaction. */
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; poolSize?: number }
  | { kind: 'pglite'; dataDir?: string; pglite?: PGlite };

function withPlugins(dialect: PostgresDialect | PGliteQueuedDialect): Database {
  return new Kysely<DB>({ dialect, plugins: [new CamelCasePlugin()] });
}

function postgresTypes() {
  // int8 (counts, bigserial) as numbers, like PGlite returns them: our values stay far below 2^53.
  return {
    getTypeParser(oid: number, format?: 'text' | 'binary') {
      if (oid === 20) return (value: string) => Number(value);
      return pg.types.getTypeParser(oid, format);
    },
  };
}

export async function openDatabase(target: DatabaseTarget): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10, types: postgresTypes() });
    // a connection error on an idle client must not crash the process; the next query reports it
    pool.on('error', () => {});
    const db = withPlugins(new PostgresDialect({ pool }));
    return {
      db,
      kind: 'postgres',
      executeSql: async (text, values) => ({ rows: (await pool.query(text, values)).rows }),
      close: () => db.destroy(),
    };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const pglite = target.pglite ?? new PGlite(target.dataDir);
  await pglite.waitReady;
  const db = withPlugins(new PGliteQueuedDialect(pglite));
  return {
    db,
    kind: 'pglite',
    // through Kysely, so that pg-boss waits its turn on the one connection
    executeSql: async (text, values) => ({ rows: (await db.executeQuery(CompiledQuery.raw(text, values))).rows }),
    close: () => db.destroy(),
  };
}
