import { sql } from 'kysely';
import { translate } from '../../../platform/i18n.ts';
import type { DomainContext } from '../../context.ts';
import { receiveMails } from '../inbound/receive-mail.ts';
import { ConnectionFailure } from './connection-failure.ts';
import { DEFAULT_LIMITS, emptyResult, type FetchLimits, type FetchResult, type Receive } from './fetch-run.ts';
import { fetchImap } from './imap-fetch.ts';
import { isImap, type MailServerSettings } from './mail-server.ts';
import { fetchPop3 } from './pop3-fetch.ts';

/** pg_try_advisory_lock(key, account id): one process fetches one account at a time. */
const FETCH_LOCK_KEY = 727280;

export type FetchAccountResult =
  | ({ status: 'done' } & FetchResult)
  | ({ status: 'failed'; stage: string; error: string } & FetchResult)
  | { status: 'busy' }
  | { status: 'not_found' };

/** Accounts being fetched by this process (on PGlite the only process; on PostgreSQL the lock covers the others). */
const running = new Set<number>();

export async function loadAccountSettings(ctx: DomainContext, id: number) {
  return ctx.db
    .selectFrom('mailAccounts')
    .select([
      'id',
      'protocol',
      'host',
      'port',
      'login',
      'password',
      'folder',
      'tlsVerify',
      'valid',
      'changedAt',
      'pollSeconds',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Runs `body` while holding the account's fetch lock. On PostgreSQL that is a session advisory
 * lock on one connection: several servers share the database, and a process that dies (SIGKILL)
 * releases it with its connection, so the next run does not wait for a lease to expire. PGlite has
 * one process only (the data directory's lock), and one connection that must not be held.
 */
async function withFetchLock<T>(ctx: DomainContext, id: number, body: () => Promise<T>): Promise<T | 'busy'> {
  if (running.has(id)) return 'busy';
  running.add(id);
  try {
    if (!ctx.config.databaseUrl) return await body();
    return await ctx.db.connection().execute(async (connection) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`SELECT pg_try_advisory_lock(${FETCH_LOCK_KEY}, ${id}) AS locked`.execute(connection);
      if (!rows[0]?.locked) return 'busy' as const;
      try {
        return await body();
      } finally {
        await sql`SELECT pg_advisory_unlock(${FETCH_LOCK_KEY}, ${id})`.execute(connection);
      }
    });
  } finally {
    running.delete(id);
  }
}

/**
 * Fetches one account now: every message stored (committed) before it is deleted from the
 * server. The outcome is recorded on the account (last_fetch_at, last_error), where admins see it;
 * a failing account does not concern the others.
 */
export async function fetchAccount(
  ctx: DomainContext,
  id: number,
  limits: FetchLimits = DEFAULT_LIMITS,
  /** told of each message once it is stored and processed, before it is deleted from the server (progress, tests) */
  onStored?: (received: { id: number; duplicate: boolean }) => Promise<void> | void,
): Promise<FetchAccountResult> {
  const account = await loadAccountSettings(ctx, id);
  if (!account) return { status: 'not_found' };
  const settings: MailServerSettings = account;
  const source = isImap(settings.protocol) ? 'imap' : 'pop3';
  const receive: Receive = async (raws) => {
    const results = await receiveMails(
      ctx,
      raws.map((raw) => ({ raw, meta: { source, accountId: id } })),
    );
    for (const received of results) if (!(received instanceof Error)) await onStored?.(received);
    return results;
  };
  const outcome = await withFetchLock(ctx, id, async (): Promise<FetchAccountResult> => {
    const result = emptyResult();
    try {
      const bounded = { maxBytes: ctx.config.mailMaxBytes, ...limits };
      if (isImap(settings.protocol)) await fetchImap(settings, receive, bounded, result);
      else await fetchPop3(settings, receive, bounded, result);
      await record(ctx, id, result.errors.length > 0 ? result.errors.join('; ') : null);
      return { status: 'done', ...result };
    } catch (error) {
      const failure = error instanceof ConnectionFailure ? error : undefined;
      const message = failure
        ? `${translate('en', failure.messageKey, failure.params)} (${failure.detail})`
        : error instanceof Error
          ? error.message
          : String(error);
      await record(ctx, id, message).catch(() => {});
      return {
        status: 'failed',
        stage: failure?.stage ?? 'store',
        error: message,
        ...result,
        errors: [...result.errors, message],
      };
    }
  });
  return outcome === 'busy' ? { status: 'busy' } : outcome;
}

async function record(ctx: DomainContext, id: number, error: string | null) {
  await ctx.db
    .updateTable('mailAccounts')
    .set({ lastFetchAt: ctx.now(), lastError: error === null ? null : error.slice(0, 2000) })
    .where('id', '=', id)
    .execute();
}
