import { t } from './cli-messages.ts';
import type { SystemOperations } from './system-operations.ts';

/** Says how a command reached the data, so that nobody wonders which database it changed. */
export function describeVia(via: SystemOperations['via']): string {
  return via.kind === 'socket' ? t('via.socket', { pid: via.pid }) : t('via.direct', { database: via.description });
}
