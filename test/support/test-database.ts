import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Config, loadConfig } from '../../server/config/config.ts';
import { type DatabaseHandle, openDatabase } from '../../server/db/connect.ts';
import type { DomainContext } from '../../server/domain/context.ts';
import { defineJobs } from '../../server/jobs/define-jobs.ts';
import { JobQueue } from '../../server/jobs/job-queue.ts';

export type TestDbKind = 'pglite' | 'postgres';
export const TEST_DB: TestDbKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
export const PG_ADMIN_URL = process.env.TEST_PG_URL ?? 'postgres://root@127.0.0.1:5432/test';

export interface TestContext extends DomainContext {
  database: DatabaseHandle;
  close(): Promise<void>;
  /** moves the test clock; commands read ctx.now() */
  setNow(date: Date): void;
}

function pgUrl(database: string): string {
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

/** A fresh database cloned from the migrated template (≈ tens of ms instead of seconds). */
export async function openTestDatabase(): Promise<{ handle: DatabaseHandle; drop: () => Promise<void> }> {
  if (TEST_DB === 'pglite') {
    const blob = new Blob([await readFile(inject('pgliteTemplate'))]);
    const handle = await openDatabase({ kind: 'pglite', pglite: new PGlite({ loadDataDir: blob }) });
    return { handle, drop: async () => {} };
  }
  const name = `sportello_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('pgTemplate')}`);
  await admin.end();
  const handle = await openDatabase({ kind: 'postgres', url: pgUrl(name), poolSize: 8 });
  return {
    handle,
    drop: async () => {
      const client = new pg.Client({ connectionString: PG_ADMIN_URL });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...loadConfig({ DATA_DIR: '.tmp/unused', LOG_LEVEL: 'silent' }), ...overrides };
}

export async function createTestContext(overrides: Partial<Config> = {}): Promise<TestContext> {
  const { handle, drop } = await openTestDatabase();
  const jobs = await JobQueue.open(handle);
  let now: Date | undefined;
  const ctx: TestContext = {
    db: handle.db,
    database: handle,
    config: testConfig(overrides),
    jobs,
    now: () => now ?? new Date(),
    setNow: (date) => {
      now = date;
    },
    close: async () => {
      await jobs.stop();
      await handle.close();
      await drop();
    },
  };
  await defineJobs(ctx);
  return ctx;
}
