import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, runCli, ServerProcess, tempDataDir } from './cli-process.ts';

/**
 * Mistakes in what was typed, whichever way the command reaches the data: the message names the
 * option (never the API field) and the exit code is 2; a group that does not exist is a refusal (1).
 */
async function expectInputMistakesRefused(env: Record<string, string>): Promise<void> {
  const agent = (login: string, ...more: string[]) => [
    'agent',
    'add',
    login,
    '--first-name',
    'Ada',
    '--last-name',
    'Rossi',
    '--email',
    'ada@example.test',
    ...more,
  ];
  const cases: { args: string[]; input?: string; code: number; stderr: RegExp }[] = [
    {
      args: ['token', 'create', '--agent', 'admin', '--name', ''],
      code: 2,
      stderr: /option '--name <name>' argument '' is invalid\. it must not be empty\./,
    },
    {
      args: ['token', 'create', '--agent', ' ', '--name', 'x'],
      code: 2,
      stderr: /option '--agent <login>' argument ' ' is invalid/,
    },
    {
      args: [...agent('ada.rossi'), '--first-name', ''],
      code: 2,
      stderr: /option '--first-name <name>' argument '' is invalid/,
    },
    {
      args: [...agent('ada.rossi'), '--email', 'not-an-address'],
      code: 2,
      stderr: /^sportello: Invalid value for --email: .+\.$/,
    },
    { args: agent('ada rossi'), code: 2, stderr: /^sportello: Invalid value for <login>: .+\.$/ },
    {
      args: [...agent('ada.rossi'), '--password', 'corta'],
      code: 2,
      stderr: /^sportello: --password: The password must be at least 8 characters long\.$/,
    },
    {
      args: [...agent('ada.rossi'), '--password-stdin'],
      input: 'corta\n',
      code: 2,
      stderr: /^sportello: --password-stdin: The password must be at least 8 characters long\.$/,
    },
    {
      args: [...agent('ada.rossi'), '--group', 'nessuno:rw'],
      code: 1,
      stderr: /^sportello: Group nessuno does not exist\.$/,
    },
  ];
  for (const { args, input, code, stderr } of cases) {
    const result = await runCli(args, env, { input });
    expect(result.stderr.trim(), args.join(' ')).toMatch(stderr);
    expect(result.stderr).not.toMatch(/firstName|lastName|agentLogin|groupName/);
    expect(result.code, args.join(' ')).toBe(code);
  }
}

/**
 * One embedded data directory through its life: first start with demo data, commands through the
 * running server's socket, a refused second server, a clean stop, commands straight on the
 * database, a restart. The steps depend on each other, so they run in order in one file.
 */
describe.skipIf(process.env.TEST_DB === 'postgres')('sportello on the embedded database', () => {
  let dataDir = '';
  let server: ServerProcess | undefined;
  let restarted: ServerProcess | undefined;
  let env: Record<string, string> = {};
  let directToken = '';

  beforeAll(async () => {
    dataDir = await tempDataDir();
    env = { DATA_DIR: dataDir };
    server = await ServerProcess.start(['--demo'], env);
  }, 90_000);
  afterAll(async () => {
    server?.kill();
    restarted?.kill();
    await removeDir(dataDir);
  });

  const running = () => {
    if (!server) throw new Error('the server did not start');
    return server;
  };

  it('starts on a fresh data directory: migrates, loads the demo data, answers /api/health', async () => {
    const { url, stdout } = running();
    expect(stdout).toContain('Demo data loaded.');
    expect(stdout).toMatch(/admin\s+admin-demo/);
    expect(stdout).toMatch(/paolo\.cevoli\s+paolo-demo/);
    expect(stdout).toContain(`${url}/api/docs`);
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(((await health.json()) as { status: string }).status).toBe('ok');
  });

  it('serves the local socket owner-only and holds the lock file', () => {
    const socket = statSync(path.join(dataDir, 'sportello.sock'));
    expect(socket.isSocket()).toBe(true);
    expect(socket.mode & 0o777).toBe(0o600);
    expect(existsSync(path.join(dataDir, 'sportello.lock'))).toBe(true);
  });

  it('refuses a second start on the same data directory', async () => {
    const second = await runCli(['start'], env);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`Sportello is already running on the data directory ${dataDir}`);
    expect(second.stderr).toContain(`pid ${running().child.pid}`);
  });

  it('does not trust requests over TCP for the internal routes', async () => {
    const response = await fetch(`${running().url}/api/v1/system/demo`, { method: 'POST' });
    expect(response.status).toBe(401);
  });

  it('adds an agent and creates a token through the running server; the token works over HTTP', async () => {
    const added = await runCli(
      [
        'agent',
        'add',
        'tina.prova',
        '--first-name',
        'Tina',
        '--last-name',
        'Prova',
        '--email',
        'tina@example.test',
      ].concat(['--group', 'users:rw', '--group', 'energia:ro', '--password-stdin']),
      env,
      { input: 'segreta-lunga\n' },
    );
    expect(added.stderr).toContain('Created agent tina.prova');
    expect(added.stderr).toContain(`through the running server (pid ${running().child.pid})`);
    expect(added.code).toBe(0);

    const token = await runCli(['token', 'create', '--agent', 'tina.prova', '--name', 'cli test'], env);
    expect(token.code).toBe(0);
    expect(token.stderr).toContain('through the running server');
    const secret = token.stdout.trim();
    expect(secret).toMatch(/^spt_\S+$/);

    const tickets = await fetch(`${running().url}/api/v1/tickets`, { headers: { authorization: `Bearer ${secret}` } });
    expect(tickets.status).toBe(200);
    const page = (await tickets.json()) as { items: { title: string }[] };
    // ro on the energia group: she sees the FEN Energia demo tickets
    expect(page.items.map((ticket) => ticket.title)).toContain('Variazione orario biblioteca');

    const login = await fetch(`${running().url}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'tina.prova', password: 'segreta-lunga' }),
    });
    expect(login.status).toBe(201);
  });

  it('reports refusals from the server as one sentence with a non-zero code', async () => {
    const duplicate = await runCli(
      ['agent', 'add', 'tina.prova', '--first-name', 'T', '--last-name', 'P', '--email', 'tina@example.test'],
      env,
    );
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr.trim()).toMatch(/^sportello: login "tina\.prova" already exists\.$/i);
    const noAgent = await runCli(['token', 'create', '--agent', 'nessuno', '--name', 'x'], env);
    expect(noAgent.code).toBe(1);
    expect(noAgent.stderr.trim()).toBe('sportello: Agent nessuno does not exist.');
  });

  it('refuses input mistakes through the running server with exit code 2, naming the option', async () => {
    await expectInputMistakesRefused(env);
  }, 60_000);

  it('demo through the socket finds the demo data already loaded', async () => {
    const demo = await runCli(['demo'], env);
    expect(demo.code).toBe(0);
    expect(demo.stderr).toContain('already loaded through the running server');
  });

  it('stops cleanly on SIGTERM: exit 0, lock and socket removed', async () => {
    expect(await running().stop('SIGTERM')).toBe(0);
    expect(running().stderr).toContain('Sportello stopped.');
    expect(existsSync(path.join(dataDir, 'sportello.lock'))).toBe(false);
    expect(existsSync(path.join(dataDir, 'sportello.sock'))).toBe(false);
  });

  it('migrate --dry-run on the existing data directory finds it up to date and leaves no lock', async () => {
    const dryRun = await runCli(['migrate', '--dry-run'], env);
    expect(dryRun.code).toBe(0);
    expect(dryRun.stdout).toBe('');
    expect(dryRun.stderr.trim()).toBe(
      `The database is up to date (embedded PGlite in ${path.join(dataDir, 'pglite')}).`,
    );
    expect(existsSync(path.join(dataDir, 'sportello.lock'))).toBe(false);
  });

  it('without a server, the commands open the database directly (taking over a stale lock)', async () => {
    // a lock left by a process that no longer exists, as after a crash
    const dead = spawnSync(process.execPath, ['-e', '0']);
    writeFileSync(path.join(dataDir, 'sportello.lock'), JSON.stringify({ pid: dead.pid, command: 'start' }));

    const added = await runCli(
      ['agent', 'add', 'ugo.diretto', '--first-name', 'Ugo', '--last-name', 'Diretto', '--email', 'ugo@example.test'],
      env,
    );
    expect(added.stderr).toContain('directly in the database (embedded PGlite');
    expect(added.code).toBe(0);
    const token = await runCli(['token', 'create', '--agent', 'ugo.diretto', '--name', 'direct'], env);
    expect(token.code).toBe(0);
    expect(token.stderr).toContain('directly in the database');
    directToken = token.stdout.trim();
    expect(existsSync(path.join(dataDir, 'sportello.lock'))).toBe(false);
  }, 60_000);

  it('refuses input mistakes directly in the database the same way', async () => {
    await expectInputMistakesRefused(env);
  }, 90_000);

  it('restarts on the existing data directory without loading the demo again; the token works', async () => {
    restarted = await ServerProcess.start(['--demo'], env);
    expect(restarted.stdout).not.toContain('Demo data loaded.');
    expect(restarted.stdout).toMatch(/mario\.rossi\s+mario-demo/);
    const me = await fetch(`${restarted.url}/api/v1/sessions/current`, {
      headers: { authorization: `Bearer ${directToken}` },
    });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { login: string }).login).toBe('ugo.diretto');
    expect(await restarted.stop('SIGINT')).toBe(0);
  }, 90_000);
});
