import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config/config.ts';
import { demoLogins } from '../demo/demo-logins.ts';
import { BusyError } from './cli-errors.ts';
import { type DataDirLock, type LockOwner, tryLockDataDir } from './data-dir-lock.ts';
import { parseHost, parsePort } from './option-parsers.ts';
import type { RunningServer } from './server-process.ts';

interface StartFlags {
  demo?: boolean;
  port?: string;
  host?: string;
}

/** A stop that takes longer than this is stuck: give up waiting and exit. */
const STOP_TIMEOUT_MS = 20_000;
/** Another command (agent add, demo…) may hold the data directory for a moment. */
const WAIT_FOR_COMMAND_MS = 30_000;

export function registerStart(program: Command): void {
  program
    .command('start')
    .description(
      'Start Sportello: web app and REST API, job workers and, on the embedded database, the local socket ' +
        'for the other commands. Creates and migrates the database on the first start.',
    )
    .option('--demo', 'load the demo data (Italian help desk, demo logins) if it is not there yet')
    .option('--port <port>', 'TCP port to listen on, 0 for any free port (overrides PORT; default 3000)', parsePort)
    .option('--host <host>', 'address to listen on (overrides HOST; default 127.0.0.1)', parseHost)
    .addHelpText(
      'after',
      [
        '',
        'Stop with Ctrl-C or SIGTERM: requests under way finish, jobs stop, the database is closed cleanly.',
        'Only one server may use an embedded data directory (DATA_DIR); a second start there is refused.',
      ].join('\n'),
    )
    .action(async (flags: StartFlags) => {
      const config = loadConfig({
        ...process.env,
        ...(flags.port !== undefined ? { PORT: flags.port } : {}),
        ...(flags.host !== undefined ? { HOST: flags.host } : {}),
      });
      await runServer(config, flags.demo === true);
    });
}

async function runServer(config: Config, demo: boolean): Promise<void> {
  const signals = watchSignals();
  const lock = config.databaseUrl ? undefined : await lockForServer(config);
  let server: RunningServer;
  try {
    // loaded here, not at the top, so that `--help` and the other commands do not pay for it
    const { startServer } = await import('./server-process.ts');
    server = await startServer(config, { demo, lock });
  } catch (error) {
    lock?.release();
    throw error;
  }
  // asked to stop while starting: the start-up finished (a half-created database helps nobody), now stop
  if (!signals.received()) {
    printBanner(server, config);
    await signals.next();
  }
  process.stderr.write('Stopping Sportello: finishing requests under way…\n');
  const timeout = setTimeout(() => {
    process.stderr.write('sportello: the server did not stop within 20 seconds; exiting anyway.\n');
    process.exit(1);
  }, STOP_TIMEOUT_MS);
  timeout.unref();
  await server.stop();
  clearTimeout(timeout);
  process.stderr.write('Sportello stopped.\n');
}

/** SIGINT (Ctrl-C) and SIGTERM ask for a clean stop; a second one while stopping exits at once. */
function watchSignals() {
  let count = 0;
  let wake: () => void = () => {};
  const wakeUp = new Promise<void>((resolve) => {
    wake = resolve;
  });
  const onSignal = () => {
    count += 1;
    if (count === 1) wake();
    else {
      process.stderr.write('sportello: stopping at once.\n');
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { received: () => count > 0, next: () => wakeUp };
}

/**
 * Takes the data directory for the server. Another server there is refused at once; another
 * command (which holds the directory only while it runs) is waited for.
 */
async function lockForServer(config: Config): Promise<DataDirLock> {
  const deadline = Date.now() + WAIT_FOR_COMMAND_MS;
  let announced = false;
  for (;;) {
    const attempt = tryLockDataDir(config.dataDir, 'start');
    if (attempt.acquired) return attempt.lock;
    if (attempt.owner.command === 'start' || Date.now() > deadline) {
      throw new BusyError(refusal(config.dataDir, attempt.owner));
    }
    if (!announced) {
      process.stderr.write(`Waiting for sportello ${attempt.owner.command} (pid ${attempt.owner.pid}) to finish…\n`);
      announced = true;
    }
    await sleep(250);
  }
}

function refusal(dataDir: string, owner: LockOwner): string {
  const who = owner.command === 'start' ? 'Sportello is already running' : `sportello ${owner.command} is running`;
  return (
    `${who} on the data directory ${dataDir} (pid ${owner.pid}); stop it first, or set DATA_DIR to another ` +
    `directory (if no such process exists, delete ${dataDir}/sportello.lock)`
  );
}

function printBanner(server: RunningServer, config: Config): void {
  const lines = [
    `Sportello is running at ${server.url}`,
    `  API docs      ${server.url}/api/docs`,
    `  Database      ${server.database}`,
  ];
  if (process.env.PUBLIC_URL) lines.push(`  Public URL    ${config.publicUrl}`);
  if (server.socket) lines.push(`  Local socket  ${server.socket} (used by the sportello command)`);
  if (server.demoLoaded) lines.push('', 'Demo data loaded.');
  if (server.demoPresent) {
    const logins = demoLogins();
    const width = Math.max(...logins.map((login) => login.login.length)) + 2;
    const row = (login: (typeof logins)[number]) =>
      `  ${login.login.padEnd(width)}${login.password.padEnd(14)}${login.description}`;
    lines.push(
      '',
      'Demo logins for agents (log in with POST /api/v1/sessions):',
      ...logins.filter((login) => login.kind === 'agent').map(row),
      'Demo logins for customer users (the same, with "as": "customer"):',
      ...logins.filter((login) => login.kind === 'customer').map(row),
    );
  }
  lines.push('', 'Stop with Ctrl-C.');
  process.stdout.write(`${lines.join('\n')}\n`);
}
