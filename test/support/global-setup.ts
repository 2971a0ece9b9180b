import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase } from '../../server/db/connect.ts';
import { migrate } from '../../server/db/migrate.ts';
import { JobQueue } from '../../server/jobs/job-queue.ts';
import { PG_ADMIN_URL, PG_TEMPLATE, PGLITE_TEMPLATE } from './test-database.ts';

/** Builds each migrated template once per run; test files clone them. */
export default async function setup() {
  await mkdir(path.dirname(PGLITE_TEMPLATE), { recursive: true });
  const pglite = new PGlite();
  const lite = await openDatabase({ kind: 'pglite', pglite });
  await migrate(lite.db);
  await (await JobQueue.open(lite)).stop();
  const dump = await pglite.dumpDataDir('gzip');
  await writeFile(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await lite.close();

  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${PG_TEMPLATE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${PG_TEMPLATE}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${PG_TEMPLATE}`;
  const server = await openDatabase({ kind: 'postgres', url: url.toString() });
  await migrate(server.db);
  await (await JobQueue.open(server)).stop();
  await server.close();
}
