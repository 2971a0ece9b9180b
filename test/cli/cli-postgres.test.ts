import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../support/test-database.ts';
import { removeDir, runCli, ServerProcess, tempDataDir } from './cli-process.ts';

const SERVERS = 3;
const TICKETS_EACH = 10;

async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/**
 * Several `sportello start` processes on one PostgreSQL database, as on a bigger installation:
 * they start together on an empty database (migrations under an advisory lock) and create
 * tickets at the same moment; every ticket number must be distinct.
 */
describe.skipIf(process.env.TEST_DB !== 'postgres')('sportello on one PostgreSQL shared by processes', () => {
  const database = `sportello_cli_${randomBytes(5).toString('hex')}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  const servers: ServerProcess[] = [];
  let dataDir = '';
  let env: Record<string, string> = {};

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${database}`);
    dataDir = await tempDataDir();
    env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
  });
  afterAll(async () => {
    for (const server of servers) server.kill();
    await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await removeDir(dataDir);
  });

  it('migrate --dry-run lists what an empty database needs, changing nothing', async () => {
    const result = await runCli(['migrate', '--dry-run'], env);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('0001_core');
    expect(result.stderr).toContain(`to apply to PostgreSQL at postgres://root@127.0.0.1:5432/${database}`);
    // not even the table that records migrations
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      const tables = await client.query("SELECT to_regclass('schema_migrations') AS name");
      expect(tables.rows[0].name).toBeNull();
    } finally {
      await client.end();
    }
  });

  it(`${SERVERS} servers start together on the empty database`, async () => {
    servers.push(...(await Promise.all(Array.from({ length: SERVERS }, () => ServerProcess.start([], env)))));
    for (const server of servers) {
      expect(server.stdout).toContain('PostgreSQL at');
      expect(server.stdout).not.toContain('Local socket');
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    }
  }, 90_000);

  it('migrate then finds the database up to date', async () => {
    const result = await runCli(['migrate'], env);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('The database is up to date');
  });

  it('tickets created at once through the three processes all get distinct numbers', async () => {
    const token = await runCli(['token', 'create', '--agent', 'root@localhost', '--name', 'load'], env);
    expect(token.code).toBe(0);
    const headers = { authorization: `Bearer ${token.stdout.trim()}`, 'content-type': 'application/json' };
    const create = async (server: ServerProcess, index: number) => {
      const response = await fetch(`${server.url}/api/v1/tickets`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: `Accensione ${index}`,
          queueId: 2,
          article: { subject: `Accensione ${index}`, body: 'Richiesta di accensione anticipata.' },
        }),
      });
      expect(response.status).toBe(201);
      return ((await response.json()) as { ticket: { tn: string } }).ticket.tn;
    };
    const numbers = await Promise.all(
      servers.flatMap((server, s) =>
        Array.from({ length: TICKETS_EACH }, (_, i) => create(server, s * TICKETS_EACH + i)),
      ),
    );
    expect(numbers).toHaveLength(SERVERS * TICKETS_EACH);
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('every server stops cleanly on SIGTERM', async () => {
    const codes = await Promise.all(servers.map((server) => server.stop('SIGTERM')));
    expect(codes).toEqual(servers.map(() => 0));
  });
});

describe.skipIf(process.env.TEST_DB !== 'postgres')('sportello when the PostgreSQL server cannot be used', () => {
  it('says which server could not be reached, without the password, and exits 1', async () => {
    const env = { DATABASE_URL: 'postgres://root:segreta@127.0.0.1:5999/x' };
    for (const command of [['migrate'], ['migrate', '--dry-run'], ['token', 'create', '--agent', 'a', '--name', 'b']]) {
      const result = await runCli(command, env);
      expect(result.code).toBe(1);
      expect(result.stderr.trim()).toBe(
        'sportello: the PostgreSQL server at 127.0.0.1:5999 could not be reached (connection refused); ' +
          'check DATABASE_URL (postgres://root@127.0.0.1:5999/x).',
      );
    }
  });

  it('says the database does not exist on a server that answers, and exits 1', async () => {
    const url = new URL(PG_ADMIN_URL);
    url.pathname = '/sportello_cli_missing';
    const shown = new URL(url);
    shown.password = '';
    const result = await runCli(['migrate'], { DATABASE_URL: url.toString() });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      `sportello: the PostgreSQL server at ${url.hostname}:${url.port || '5432'} refused the connection ` +
        `(database "sportello_cli_missing" does not exist); check DATABASE_URL (${shown.toString()}).`,
    );
  });
});
