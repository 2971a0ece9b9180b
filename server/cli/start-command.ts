import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { type Config, loadConfig } from '../config/config.ts';
import { demoLogins } from '../demo/demo-logins.ts';
import { BusyError } from './cli-errors.ts';
import { cliLanguage, t } from './cli-messages.ts';
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
    .description(t('start.description'))
    .option('--demo', t('start.demo_option'))
    .option('--port <port>', t('start.port_option'), parsePort)
    .option('--host <host>', t('start.host_option'), parseHost)
    .addHelpText('after', `\n${t('start.after')}`)
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
  process.stderr.write(`${t('start.stopping')}\n`);
  const timeout = setTimeout(() => {
    process.stderr.write(`sportello: ${t('start.stop_timeout')}\n`);
    process.exit(1);
  }, STOP_TIMEOUT_MS);
  timeout.unref();
  await server.stop();
  clearTimeout(timeout);
  process.stderr.write(`${t('start.stopped')}\n`);
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
      process.stderr.write(`sportello: ${t('start.stopping_at_once')}\n`);
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
      process.stderr.write(
        `${t('start.waiting_for_command', { command: attempt.owner.command, pid: attempt.owner.pid })}\n`,
      );
      announced = true;
    }
    await sleep(250);
  }
}

function refusal(dataDir: string, owner: LockOwner): string {
  const params = { dataDir, pid: owner.pid, command: owner.command };
  return owner.command === 'start' ? t('start.refused_server', params) : t('start.refused_command', params);
}

function printBanner(server: RunningServer, config: Config): void {
  const labels = {
    docs: t('banner.api_docs'),
    database: t('banner.database'),
    publicUrl: t('banner.public_url'),
    socket: t('banner.local_socket'),
    smtp: t('banner.smtp'),
  };
  const labelWidth = Math.max(...Object.values(labels).map((label) => label.length)) + 2;
  const field = (label: string, value: string) => `  ${label.padEnd(labelWidth)}${value}`;
  const lines = [
    t('banner.running', { url: server.url }),
    field(labels.docs, `${server.url}/api/docs`),
    field(labels.database, server.database),
  ];
  if (process.env.PUBLIC_URL) lines.push(field(labels.publicUrl, config.publicUrl));
  if (server.socket) lines.push(field(labels.socket, t('banner.socket_use', { socket: server.socket })));
  if (server.smtp) lines.push(field(labels.smtp, t('banner.smtp_use', { address: server.smtp })));
  if (server.demoLoaded) lines.push('', t('banner.demo_loaded'));
  if (server.demoPresent) {
    const logins = demoLogins(cliLanguage());
    const width = Math.max(...logins.map((login) => login.login.length)) + 2;
    const row = (login: (typeof logins)[number]) =>
      `  ${login.login.padEnd(width)}${login.password.padEnd(14)}${login.description}`;
    lines.push(
      '',
      t('banner.agent_logins'),
      ...logins.filter((login) => login.kind === 'agent').map(row),
      t('banner.customer_logins'),
      ...logins.filter((login) => login.kind === 'customer').map(row),
    );
  }
  lines.push('', t('banner.stop'));
  process.stdout.write(`${lines.join('\n')}\n`);
}
