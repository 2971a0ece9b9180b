import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, tempDataDir } from './cli-process.ts';

// These spawn the real command and touch no database: once (in the pglite project) is enough.
describe.skipIf(process.env.TEST_DB === 'postgres')('sportello command line: help and bad input', () => {
  let dataDir = '';
  beforeAll(async () => {
    dataDir = await tempDataDir();
  });
  afterAll(() => removeDir(dataDir));

  const helps: [string[], string[]][] = [
    [[], ['start', 'migrate', 'demo', 'agent', 'token', 'DATA_DIR', 'Exit codes']],
    [['start'], ['--demo', '--port <port>', '--host <host>', 'Ctrl-C']],
    [['migrate'], ['--dry-run']],
    [['demo'], ['Load the demo data']],
    [
      ['agent', 'add'],
      ['<login>', '--first-name', '--last-name', '--email', '--password', '--password-stdin', '--group'],
    ],
    [
      ['token', 'create'],
      ['--agent <login>', '--name <name>', '--expires <date>'],
    ],
  ];
  it.each(helps)('sportello %j --help exits 0 and lists the options', async (command, expected) => {
    const result = await runCli([...command, '--help'], { DATA_DIR: dataDir });
    expect(result.code).toBe(0);
    for (const text of expected) expect(result.stdout).toContain(text);
  });

  it('refuses a bad PORT with one sentence and exit code 2', async () => {
    const result = await runCli(['start'], { DATA_DIR: dataDir, PORT: 'eighty' });
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('sportello: PORT must be a whole number from 0 to 65535, not "eighty".');
  });

  it('refuses a bad HOST with one sentence and exit code 2, before creating the database', async () => {
    const fresh = path.join(dataDir, 'bad-host');
    for (const host of ['999.1.1.1', '1.2.3', 'bad_host', '-router', 'a..b', '[::1]']) {
      const result = await runCli(['start'], { DATA_DIR: fresh, HOST: host });
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(
        'sportello: HOST must be an IP address (such as 127.0.0.1, 0.0.0.0 or ::1) or a host name ' +
          `(such as localhost), not "${host}".`,
      );
    }
    expect(existsSync(fresh)).toBe(false);

    const option = await runCli(['start', '--host', '999.1.1.1'], { DATA_DIR: fresh });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain("option '--host <host>' argument '999.1.1.1' is invalid");
    expect(existsSync(fresh)).toBe(false);
  });

  it('treats an empty variable as unset, for every variable: DATA_DIR= is ./data, not the current directory', async () => {
    const cwd = path.join(dataDir, 'empty-values');
    mkdirSync(cwd);
    const names = ['PORT', 'HOST', 'DATA_DIR', 'DATABASE_URL', 'SYSTEM_ID', 'PUBLIC_URL', 'TIME_ZONE'];
    const empty = Object.fromEntries(
      [...names, 'TICKET_NUMBER_GENERATOR', 'ATTACHMENT_MAX_BYTES', 'LOG_LEVEL'].map((name) => [name, '']),
    );
    const result = await runCli(['migrate', '--dry-run'], empty, { cwd });
    expect(result.stderr).toContain(`embedded PGlite in ${path.join(cwd, 'data', 'pglite')}`);
    expect(result.code).toBe(0);
  });

  it('migrate --dry-run on a fresh data directory lists every migration and creates nothing', async () => {
    const fresh = path.join(dataDir, 'never-created');
    const result = await runCli(['migrate', '--dry-run'], { DATA_DIR: fresh });
    expect(result.code).toBe(0);
    const migrations = readdirSync('server/db/migrations')
      .filter((file) => file.endsWith('.sql'))
      .sort()
      .map((file) => file.replace(/\.sql$/, ''));
    expect(result.stdout.trim().split('\n')).toEqual(migrations);
    expect(result.stderr.trim()).toBe(
      `The database does not exist yet (embedded PGlite in ${path.join(fresh, 'pglite')}): migrate or start would ` +
        `create it and apply all ${migrations.length} migrations; nothing was created.`,
    );
    expect(existsSync(fresh)).toBe(false);
  });

  it('refuses an impossible or past --expires with exit code 2, naming the option', async () => {
    const cases: [string, string][] = [
      ['2099-02-30', '2099-02 has no day 30'],
      ['2099-02-29', '2099-02 has no day 29'],
      ['2099-13-01', 'there is no month 13'],
      ['2099-12-31T24:00', 'there is no time 24:00'],
      ['31/12/2099', 'write a date such as 2026-12-31'],
      ['2020-01-01', '2020-01-01 is in the past'],
    ];
    for (const [value, reason] of cases) {
      const result = await runCli(['token', 'create', '--agent', 'a', '--name', 'b', '--expires', value], {
        DATA_DIR: dataDir,
      });
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`option '--expires <date>' argument '${value}' is invalid. ${reason}`);
    }
  });

  it('refuses a bad SYSTEM_ID with one sentence and exit code 2, for every command', async () => {
    for (const command of [['start'], ['migrate'], ['token', 'create', '--agent', 'a', '--name', 'b']]) {
      const result = await runCli(command, { DATA_DIR: dataDir, SYSTEM_ID: '12345' });
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^sportello: SYSTEM_ID must be 1 to 4 digits/);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('refuses bad options with exit code 2 and names the option', async () => {
    const port = await runCli(['start', '--port', '70000'], { DATA_DIR: dataDir });
    expect(port.code).toBe(2);
    expect(port.stderr).toContain("option '--port <port>' argument '70000' is invalid");

    const missing = await runCli(['agent', 'add', 'x'], { DATA_DIR: dataDir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--first-name <name>' not specified");

    const permission = await runCli(
      ['agent', 'add', 'x', '--first-name', 'A', '--last-name', 'B', '--email', 'a@b.example', '--group', 'users:all'],
      { DATA_DIR: dataDir },
    );
    expect(permission.code).toBe(2);
    expect(permission.stderr).toContain('"all" is not a permission');

    const unknown = await runCli(['stop'], { DATA_DIR: dataDir });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown command 'stop'");
  });
});
