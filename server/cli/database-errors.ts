import type { Config } from '../config/config.ts';
import { CliFailure } from './cli-errors.ts';

/** Why a connection attempt failed, by the socket error's code. */
const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused',
  ENOTFOUND: 'host name not found',
  EAI_AGAIN: 'host name not found',
  ETIMEDOUT: 'timed out',
  EHOSTUNREACH: 'host unreachable',
  ENETUNREACH: 'network unreachable',
  ECONNRESET: 'connection reset',
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
  const check = `check DATABASE_URL (${safeDatabaseUrl(config.databaseUrl)})`;
  const reason = NETWORK_REASONS[code];
  if (reason) return new CliFailure(`the PostgreSQL server at ${where} could not be reached (${reason}); ${check}`);
  // SQLSTATE 3D000 invalid_catalog_name, 28000/28P01 authorization failures: the server answered
  if (code === '3D000' || code === '28000' || code === '28P01') {
    return new CliFailure(`the PostgreSQL server at ${where} refused the connection (${error.message}); ${check}`);
  }
  return undefined;
}
