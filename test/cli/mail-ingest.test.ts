import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_ADMIN_URL } from '../support/test-database.ts';
import { removeDir, runCli, ServerProcess, tempDataDir } from './cli-process.ts';

let serial = 0;
function message(subject = 'Caldaia guasta'): string {
  return [
    'From: Paolo Cevoli <paolo@comune.example>',
    'To: supporto@helpdesk.test',
    `Subject: ${subject}`,
    `Message-ID: <mail-ingest-${process.pid}-${++serial}-${randomBytes(3).toString('hex')}@comune.example>`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    'La caldaia della scuola non si accende. Tel. 0541 123456',
    '',
  ].join('\r\n');
}

/**
 * `sportello mail ingest` as an MTA runs it: one message on standard input, an exit code from
 * sysexits.h. On the embedded database through the running server (and 75 once it is stopped),
 * over HTTP with a token, and straight into PostgreSQL.
 */
describe.skipIf(process.env.TEST_DB === 'postgres')(
  'sportello mail ingest beside a server on the embedded database',
  () => {
    let dataDir = '';
    let server: ServerProcess | undefined;
    let env: Record<string, string> = {};

    beforeAll(async () => {
      dataDir = await tempDataDir();
      env = { DATA_DIR: dataDir, SMTP_LISTEN_PORT: '0', SMTP_ACCEPT_DOMAINS: 'helpdesk.test' };
      server = await ServerProcess.start([], env);
    }, 90_000);
    afterAll(async () => {
      server?.kill();
      await removeDir(dataDir);
    });
    const running = () => {
      if (!server) throw new Error('the server did not start');
      return server;
    };

    it('hands a piped message to the running server over its socket (0), and the same one again is not stored twice', async () => {
      const raw = message();
      const first = await runCli(['mail', 'ingest', '--sender', 'paolo@comune.example'], env, { input: raw });
      expect(first.stderr).toMatch(/^Stored message \d+ through the running server \(pid \d+\)\.\n$/);
      expect(first.code).toBe(0);
      const id = first.stdout.trim();
      const again = await runCli(['mail', 'ingest'], env, { input: raw });
      expect(again.code).toBe(0);
      expect(again.stdout.trim()).toBe(id);
      expect(again.stderr).toContain(`Message ${id} was stored before`);
    });

    it('refuses an empty message with 65 and bad options with 64', async () => {
      const empty = await runCli(['mail', 'ingest'], env, { input: '' });
      expect(empty.code).toBe(65);
      expect(empty.stderr).toBe('sportello: standard input was empty: there is no message to store.\n');
      const bad = await runCli(['mail', 'ingest', '--nonsense'], env, { input: message() });
      expect(bad.code).toBe(64);
      const noToken = await runCli(['mail', 'ingest', '--url', running().url], env, { input: message() });
      expect(noToken.code).toBe(64);
      expect(noToken.stderr).toContain('--url needs an API token');
    });

    it('over HTTP with --url: an admin token stores the message (0), a wrong token is refused (77)', async () => {
      const { url } = running();
      const added = await runCli(
        ['agent', 'add', 'mailgate', '--first-name', 'Mail', '--last-name', 'Gate', '--email', 'gate@helpdesk.test'],
        env,
      );
      expect(added.code, added.stderr).toBe(0);
      const grant = ['--group', 'admin:rw'];
      const admin = await runCli(
        [
          'agent',
          'add',
          'mailadmin',
          '--first-name',
          'Mail',
          '--last-name',
          'Admin',
          '--email',
          'ma@helpdesk.test',
          ...grant,
        ],
        env,
      );
      expect(admin.code, admin.stderr).toBe(0);
      const token = (await runCli(['token', 'create', '--agent', 'mailadmin', '--name', 'mta'], env)).stdout.trim();
      const plain = (await runCli(['token', 'create', '--agent', 'mailgate', '--name', 'mta'], env)).stdout.trim();

      const stored = await runCli(['mail', 'ingest', '--url', url, '--token', token], env, { input: message() });
      expect(stored.stderr).toMatch(new RegExp(`^Stored message \\d+ at ${url}\\.\\n$`));
      expect(stored.code).toBe(0);
      // the token from the environment, as the alias in the help text does
      const fromEnv = await runCli(
        ['mail', 'ingest'],
        { ...env, SPORTELLO_URL: url, SPORTELLO_TOKEN: token },
        {
          input: message(),
        },
      );
      expect(fromEnv.code, fromEnv.stderr).toBe(0);

      const wrong = await runCli(['mail', 'ingest', '--url', url, '--token', 'not-a-token'], env, { input: message() });
      expect(wrong.code).toBe(77);
      expect(wrong.stderr).toContain('refused the API token');
      const notAdmin = await runCli(['mail', 'ingest', '--url', url, '--token', plain], env, { input: message() });
      expect(notAdmin.code).toBe(77);
    });

    it('start with SMTP_LISTEN_PORT runs the SMTP listener on SMTP_LISTEN_HOST and names it in the banner', async () => {
      const { stdout } = running();
      const match = /SMTP listener\s+127\.0\.0\.1:(\d+)/.exec(stdout);
      expect(match, stdout).not.toBeNull();
      const transport = nodemailer.createTransport({ host: '127.0.0.1', port: Number(match?.[1]), ignoreTLS: true });
      try {
        const info = await transport.sendMail({
          envelope: { from: 'paolo@comune.example', to: ['supporto@helpdesk.test'] },
          raw: message('Via SMTP'),
        });
        expect(info.response).toMatch(/^250 Message stored as \d+/);
      } finally {
        transport.close();
      }
    });

    it('with no server running exits 75 (the MTA keeps the message), without opening the data directory', async () => {
      expect(await running().stop()).toBe(0);
      const result = await runCli(['mail', 'ingest'], env, { input: message() });
      expect(result.code).toBe(75);
      expect(result.stderr).toContain(`no Sportello server runs on ${dataDir}`);
      const italian = await runCli(['mail', 'ingest'], { ...env, LANG: 'it_IT.UTF-8' }, { input: message() });
      expect(italian.code).toBe(75);
      expect(italian.stderr).toContain(`nessun server Sportello è avviato su ${dataDir}`);
      // it did not take the data directory (a server may start at any moment)
      expect(existsSync(path.join(dataDir, 'sportello.lock'))).toBe(false);
      // a server named by --url that does not answer: the same
      const unreachable = await runCli(['mail', 'ingest', '--url', 'http://127.0.0.1:1', '--token', 'x'], env, {
        input: message(),
      });
      expect(unreachable.code).toBe(75);
      expect(unreachable.stderr).toContain('http://127.0.0.1:1 cannot be reached (connection refused)');
    });
  },
);

describe.skipIf(process.env.TEST_DB !== 'postgres')('sportello mail ingest on PostgreSQL', () => {
  const database = `sportello_ingest_${randomBytes(5).toString('hex')}`;
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${database}`;
  let dataDir = '';

  async function query(connection: string, statement: string) {
    const client = new pg.Client({ connectionString: connection });
    await client.connect();
    try {
      return (await client.query(statement)).rows;
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await query(PG_ADMIN_URL, `CREATE DATABASE ${database}`);
    dataDir = await tempDataDir();
  });
  afterAll(async () => {
    await query(PG_ADMIN_URL, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await removeDir(dataDir);
  });

  it('stores and processes the message directly, no server needed; an unreachable database exits 75', async () => {
    const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir };
    const raw = message();
    const result = await runCli(['mail', 'ingest', '--recipient', 'supporto@helpdesk.test'], env, {
      input: raw,
      timeoutMs: 60_000,
    });
    expect(result.stderr).toMatch(/Stored message \d+ directly in the database \(PostgreSQL at /);
    expect(result.code).toBe(0);
    const rows = await query(
      url.toString(),
      "SELECT source, envelope_to, convert_from(raw, 'UTF8') AS raw FROM mail_messages",
    );
    expect(rows).toEqual([{ source: 'pipe', envelope_to: 'supporto@helpdesk.test', raw }]);

    const down = await runCli(
      ['mail', 'ingest'],
      { ...env, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      {
        input: message(),
      },
    );
    expect(down.code).toBe(75);
    expect(down.stderr).toContain('could not be reached');
  }, 90_000);
});
