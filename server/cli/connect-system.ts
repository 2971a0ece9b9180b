import { setTimeout as sleep } from 'node:timers/promises';
import type { Config } from '../config/config.ts';
import { BusyError } from './cli-errors.ts';
import { t } from './cli-messages.ts';
import { type DataDirLock, type LockOwner, tryLockDataDir } from './data-dir-lock.ts';
import { socketPath } from './local-socket.ts';
import { progressBar } from './progress.ts';
import { callSocket, SocketUnavailable } from './socket-client.ts';
import { socketOperations } from './socket-operations.ts';
import type { SystemOperations } from './system-operations.ts';

/** A server starting for the first time (creating and migrating its database) takes a few seconds. */
const WAIT_FOR_OWNER_MS = 30_000;

/**
 * Reaches the system for a command other than `start`. On PostgreSQL, directly: many processes may
 * share it. On the embedded database, only one process may open it: if this command gets the data
 * directory's lock it opens the database itself; if a server holds the lock, the command asks it
 * over its socket. If the holder is another command (or a server still starting), it waits a while.
 */
export async function connectSystem(config: Config, command: string): Promise<SystemOperations> {
  if (config.databaseUrl) return openDirect(config);
  const file = socketPath(config.dataDir);
  const deadline = Date.now() + WAIT_FOR_OWNER_MS;
  let announced = false;
  for (;;) {
    const attempt = tryLockDataDir(config.dataDir, command);
    if (attempt.acquired) return openDirect(config, attempt.lock);
    if (await answers(file)) return socketOperations(file, attempt.owner.pid);
    if (Date.now() > deadline) throw new BusyError(busyMessage(config.dataDir, attempt.owner));
    if (!announced) {
      process.stderr.write(
        `${t('connect.waiting', { owner: describeOwner(attempt.owner), dataDir: config.dataDir })}\n`,
      );
      announced = true;
    }
    await sleep(250);
  }
}

/**
 * Loaded on demand: the database, job queue and domain modules take about a second to load, which
 * a command talking to the server over its socket does not need to spend.
 */
async function openDirect(config: Config, lock?: DataDirLock): Promise<SystemOperations> {
  const [{ openRuntime }, { directOperations }] = await Promise.all([
    import('./runtime.ts'),
    import('./direct-operations.ts'),
  ]);
  return directOperations(await openRuntime(config, progressBar(t('progress.opening')), lock));
}

async function answers(file: string): Promise<boolean> {
  try {
    await callSocket(file, { method: 'GET', url: '/api/health' });
    return true;
  } catch (error) {
    // a 503 from /api/health is still an answering server
    if (error instanceof SocketUnavailable) return false;
    return true;
  }
}

export function describeOwner(owner: LockOwner): string {
  return owner.command
    ? t('owner.command', { command: owner.command, pid: owner.pid })
    : t('owner.unknown', { pid: owner.pid });
}

function busyMessage(dataDir: string, owner: LockOwner): string {
  return t('connect.busy', { dataDir, owner: describeOwner(owner) });
}
