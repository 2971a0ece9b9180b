import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const LOCK_FILE = 'sportello.lock';

/** What the lock file holds: who has the data directory, doing what. */
export interface LockOwner {
  pid: number;
  command: string;
  startedAt: string;
}

export type LockAttempt = { acquired: true; lock: DataDirLock } | { acquired: false; owner: LockOwner };

/**
 * PGlite does not lock its data directory, and two processes writing one PGlite directory corrupt
 * it. So every process that opens the embedded database first takes this lock file. It is created
 * atomically (written under a private name, then hard-linked into place, so nobody ever reads a
 * half-written lock), holds the owner's pid, and is taken over when that pid is no longer alive.
 */
export class DataDirLock {
  private released = false;
  private readonly onExit = () => this.release();

  constructor(
    readonly file: string,
    readonly owner: LockOwner,
  ) {
    // a crash or process.exit() still releases the lock; only SIGKILL leaves it stale
    process.on('exit', this.onExit);
  }

  release(): void {
    if (this.released) return;
    this.released = true;
    process.off('exit', this.onExit);
    // remove it only if it is still ours: never someone else's after a takeover
    const current = readOwner(this.file);
    if (current !== 'missing' && current?.pid === this.owner.pid) unlinkQuietly(this.file);
  }
}

export function tryLockDataDir(dataDir: string, command: string): LockAttempt {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 5; attempt++) {
    if (createExclusively(file, owner)) return { acquired: true, lock: new DataDirLock(file, owner) };
    const current = readOwner(file);
    if (current === 'missing') continue;
    if (current && isAlive(current.pid)) return { acquired: false, owner: current };
    takeOverStale(file, current);
  }
  // only reachable if other processes keep racing for the same directory
  const current = readOwner(file);
  return {
    acquired: false,
    owner: current && current !== 'missing' ? current : { pid: 0, command: 'unknown', startedAt: '' },
  };
}

/** The live process holding the data directory, if any, without taking or creating anything. */
export function currentOwner(dataDir: string): LockOwner | undefined {
  const owner = readOwner(path.join(dataDir, LOCK_FILE));
  return owner && owner !== 'missing' && isAlive(owner.pid) ? owner : undefined;
}

function createExclusively(file: string, owner: LockOwner): boolean {
  const draft = `${file}.${process.pid}.tmp`;
  writeFileSync(draft, `${JSON.stringify(owner)}\n`, { mode: 0o600 });
  try {
    linkSync(draft, file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkQuietly(draft);
  }
}

/** The owner, undefined for an unreadable (so abandoned) lock, 'missing' when it just went away. */
function readOwner(file: string): LockOwner | undefined | 'missing' {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return 'missing';
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (parsed && typeof parsed === 'object' && 'pid' in parsed && Number.isInteger(parsed.pid)) {
      const record = parsed as Partial<LockOwner>;
      return {
        pid: Number(record.pid),
        command: String(record.command ?? ''),
        startedAt: String(record.startedAt ?? ''),
      };
    }
  } catch {}
  return undefined;
}

/**
 * Moves a dead owner's lock aside under a private name, then checks that what was moved is still
 * the dead owner's: if a third process took the lock over in between, it is put back.
 */
function takeOverStale(file: string, stale: LockOwner | undefined): void {
  const aside = `${file}.${process.pid}.stale`;
  try {
    renameSync(file, aside);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return;
    throw error;
  }
  const moved = readOwner(aside);
  if (moved !== 'missing' && moved?.pid !== stale?.pid) {
    try {
      linkSync(aside, file);
    } catch {}
  }
  unlinkQuietly(aside);
}

/** Signal 0 checks that a process exists; EPERM means it exists but belongs to another user. */
export function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

function unlinkQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {}
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error ? String(error.code) : undefined;
}
