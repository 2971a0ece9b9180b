import { randomBytes } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../server/db/connect.ts';
import { migrate } from '../../server/db/migrate.ts';
import { JobQueue } from '../../server/jobs/job-queue.ts';
import { PG_ADMIN_URL } from './test-database.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgTemplate: string;
    pgliteTemplate: string;
  }
}

/**
 * Builds each migrated template once per run; test files clone them. The names are this run's own,
 * so two runs on one machine (two developers, or CI beside a session) never drop each other's.
 */
export default async function setup(project: TestProject) {
  const run = randomBytes(4).toString('hex');
  const pgTemplate = `sportello_template_${run}`;
  const pgliteTemplate = path.resolve(`.tmp/pglite-template-${run}.tar.gz`);
  project.provide('pgTemplate', pgTemplate);
  project.provide('pgliteTemplate', pgliteTemplate);
  await mkdir(path.dirname(pgliteTemplate), { recursive: true });
  const pglite = new PGlite();
  const lite = await openDatabase({ kind: 'pglite', pglite });
  await migrate(lite.db);
  await (await JobQueue.open(lite)).stop();
  const dump = await pglite.dumpDataDir('gzip');
  await writeFile(pgliteTemplate, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pgTemplate}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${pgTemplate}`;
  const server = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrate(server.db);
  await (await JobQueue.open(server)).stop();
  await server.close();

  return async () => {
    await rm(pgliteTemplate, { force: true });
    const client = new pg.Client({ connectionString: PG_ADMIN_URL });
    await client.connect();
    await client.query(`DROP DATABASE IF EXISTS ${pgTemplate} WITH (FORCE)`);
    await client.end();
  };
}
