import type { Config } from '../config/config.ts';
import { CliFailure } from './cli-errors.ts';
import { type CliMessageKey, t } from './cli-messages.ts';

/** Why a connection attempt failed, by the socket error's code. */
const NETWORK_REASONS: Record<string, CliMessageKey> = {
  ECONNREFUSED: 'network.connection_refused',
  ENOTFOUND: 'network.host_not_found',
  EAI_AGAIN: 'network.host_not_found',
  ETIMEDOUT: 'network.timed_out',
  EHOSTUNREACH: 'network.host_unreachable',
  ENETUNREACH: 'network.network_unreachable',
  ECONNRESET: 'network.connection_reset',
};

/** DATABASE_URL for people to read: the password is left out. */
export function safeDatabaseUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.password = '';
  return url.toString();
}

/** host:port of the PostgreSQL server DATABASE_URL names (the default port when it names none). */
function serverAddress(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  const host = url.searchParams.get('host') || url.hostname || 'localhost';
  return `${host}:${url.port || '5432'}`;
}

/**
 * A failure to reach or log in to the PostgreSQL server of DATABASE_URL, as one sentence that says
 * where and what to check (instead of a bare "connect ECONNREFUSED …"); undefined for anything else.
 * Not bad usage: the command was right, the server was not there (exit code 1).
 */
export function databaseConnectionFailure(error: unknown, config: Config): CliFailure | undefined {
  if (!config.databaseUrl || !(error instanceof Error)) return undefined;
  const code = 'code' in error && typeof error.code === 'string' ? error.code : undefined;
  if (code === undefined) return undefined;
  const where = serverAddress(config.databaseUrl);
  const url = safeDatabaseUrl(config.databaseUrl);
  const reason = NETWORK_REASONS[code];
  if (reason) return new CliFailure(t('database.unreachable', { where, reason: { key: reason }, url }));
  // SQLSTATE 3D000 invalid_catalog_name, 28000/28P01 authorization failures: the server answered
  if (code === '3D000' || code === '28000' || code === '28P01') {
    // the reason is PostgreSQL's own, in the language of its lc_messages
    return new CliFailure(t('database.refused', { where, detail: error.message, url }));
  }
  return undefined;
}
