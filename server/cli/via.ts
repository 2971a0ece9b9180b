import type { SystemOperations } from './system-operations.ts';

/** Says how a command reached the data, so that nobody wonders which database it changed. */
export function describeVia(via: SystemOperations['via']): string {
  return via.kind === 'socket'
    ? `through the running server (pid ${via.pid})`
    : `directly in the database (${via.description})`;
}
