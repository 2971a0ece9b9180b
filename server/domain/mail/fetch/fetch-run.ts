import { DomainError } from '../../../platform/errors.ts';
import { translate } from '../../../platform/i18n.ts';

/** Bounds of one run over a mailbox (OTRS: at most 5,000 mails per run, reconnect every 20). */
export interface FetchLimits {
  maxMessages: number;
  /** a new session after this many messages: on POP3 the QUIT makes the deletions so far final */
  reconnectEvery: number;
  /** the server is stopping: finish the message in hand, end the session cleanly, stop */
  signal?: AbortSignal;
  /** larger messages (MAIL_MAX_BYTES) are left on the server without being downloaded */
  maxBytes?: number;
}

export const DEFAULT_LIMITS: FetchLimits = { maxMessages: 5_000, reconnectEvery: 50 };

/** Stores one raw message and commits; resolves only once it is safe to delete it from the server. */
export type Receive = (raw: Uint8Array) => Promise<{ duplicate: boolean }>;

export interface FetchResult {
  /** messages stored for the first time */
  stored: number;
  /** messages that were stored before (fetched again after a crash): deleted, not stored twice */
  duplicates: number;
  /** messages refused (too large, empty): left on the server, named in errors */
  skipped: number;
  errors: string[];
}

export const emptyResult = (): FetchResult => ({ stored: 0, duplicates: 0, skipped: 0, errors: [] });

/**
 * Receives one message. A message the store refuses for what it is (too large, empty) stays on the
 * server and the run goes on; anything else (the database is gone) ends the run, leaving the
 * message on the server for the next one.
 */
export async function receiveOne(receive: Receive, raw: Uint8Array, result: FetchResult, label: string) {
  try {
    const { duplicate } = await receive(raw);
    if (duplicate) result.duplicates += 1;
    else result.stored += 1;
    return true;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    result.skipped += 1;
    result.errors.push(`${label}: ${error.message}`);
    return false;
  }
}

/**
 * A message over the size limit is not downloaded at all (the store would refuse it anyway): it
 * stays on the server, named in the run's errors, for an admin to deal with.
 */
export function tooLarge(size: number | undefined, limits: FetchLimits, result: FetchResult, label: string): boolean {
  if (limits.maxBytes === undefined || size === undefined || size <= limits.maxBytes) return false;
  result.skipped += 1;
  result.errors.push(`${label}: ${translate('en', 'error.mail_too_large', { size, limit: limits.maxBytes })}`);
  return true;
}
