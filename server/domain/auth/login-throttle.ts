import { sql } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import type { DomainContext } from '../context.ts';

/** After 10 failed logins for one name within 15 minutes, that name is refused until the 15 minutes pass. */
export const MAX_LOGIN_FAILURES = 10;
export const LOGIN_WINDOW_MS = 15 * 60_000;

export type LoginNamespace = 'agent' | 'customer';

/**
 * Counts a login attempt against the name before its password is checked, in one upsert (its row
 * lock lasts one statement): parallel attempts each get their own count, so a burst cannot slip
 * past the limit. An attempt counts as failed until it succeeds (`loginSucceeded`). Names that
 * belong to no one are counted the same way, so the refusal says nothing about who exists.
 * Throws too_many_requests once the name is over the limit, saying when to try again.
 */
export async function countLoginAttempt(ctx: DomainContext, namespace: LoginNamespace, login: string): Promise<void> {
  const now = ctx.now();
  const expired = new Date(now.getTime() - LOGIN_WINDOW_MS);
  const row = await ctx.db
    .insertInto('loginFailures')
    .values({ namespace, login, failures: 1, windowStart: now })
    .onConflict((oc) =>
      oc.columns(['namespace', 'login']).doUpdateSet({
        failures: sql<number>`CASE WHEN login_failures.window_start <= ${expired}::timestamptz
          THEN 1 ELSE login_failures.failures + 1 END`,
        windowStart: sql<Date>`CASE WHEN login_failures.window_start <= ${expired}::timestamptz
          THEN ${now}::timestamptz ELSE login_failures.window_start END`,
      }),
    )
    .returning(['failures', 'windowStart'])
    .executeTakeFirstOrThrow();
  if (row.failures <= MAX_LOGIN_FAILURES) return;
  const seconds = Math.max(1, Math.ceil((row.windowStart.getTime() + LOGIN_WINDOW_MS - now.getTime()) / 1000));
  throw new DomainError('too_many_requests', 'error.too_many_logins', { minutes: Math.ceil(seconds / 60), seconds });
}

/** A successful login clears its name's count, and the counts whose window has passed. */
export async function loginSucceeded(ctx: DomainContext, namespace: LoginNamespace, login: string): Promise<void> {
  const expired = new Date(ctx.now().getTime() - LOGIN_WINDOW_MS);
  await ctx.db
    .deleteFrom('loginFailures')
    .where((eb) =>
      eb.or([eb.and([eb('namespace', '=', namespace), eb('login', '=', login)]), eb('windowStart', '<=', expired)]),
    )
    .execute();
}
