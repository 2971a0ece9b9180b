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

/**
 * Stores raw messages and commits, one result each in order; resolves only once it is safe to
 * delete the stored ones from the server.
 */
export type Receive = (raws: Uint8Array[]) => Promise<({ duplicate: boolean } | Error)[]>;

/**
 * The messages of a batch are downloaded and then received together (one transaction for all):
 * at most `reconnectEvery` of them, and about this many bytes.
 */
export const BATCH_BYTES = 16 * 1024 * 1024;

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
 * Receives a batch of messages and tells which were stored (and may be deleted from the server).
 * A message the store refuses for what it is (too large, empty) stays on the server and the run
 * goes on; any other failure (the database is gone) is returned, to end the run once the stored
 * messages are deleted, and leaves that message on the server for the next run.
 */
export async function receiveBatch(
  receive: Receive,
  raws: Uint8Array[],
  labels: string[],
  result: FetchResult,
): Promise<{ stored: boolean[]; failure?: unknown }> {
  let outcomes: Awaited<ReturnType<Receive>>;
  try {
    outcomes = await receive(raws);
  } catch (error) {
    return { stored: raws.map(() => false), failure: error };
  }
  let failure: unknown;
  const stored = outcomes.map((outcome, i) => {
    if (!(outcome instanceof Error)) {
      if (outcome.duplicate) result.duplicates += 1;
      else result.stored += 1;
      return true;
    }
    if (outcome instanceof DomainError) {
      result.skipped += 1;
      result.errors.push(`${labels[i]}: ${outcome.message}`);
    } else {
      failure ??= outcome;
    }
    return false;
  });
  return { stored, failure };
}

/** Splits a batch into parts of at most `maxBytes` (a larger item goes alone). */
export function bySize<T>(items: T[], sizeOf: (item: T) => number, maxBytes: number): T[][] {
  const parts: T[][] = [];
  let part: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const size = sizeOf(item);
    if (part.length > 0 && bytes + size > maxBytes) {
      parts.push(part);
      part = [];
      bytes = 0;
    }
    part.push(item);
    bytes += size;
  }
  if (part.length > 0) parts.push(part);
  return parts;
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
