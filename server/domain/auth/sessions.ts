import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import { newSecret, sha256, verifyPassword } from '../../platform/secrets.ts';
import type { DomainContext } from '../context.ts';
import { countLoginAttempt, loginSucceeded } from './login-throttle.ts';

/** Sessions last 16 hours at most and end after 2 idle hours (OTRS SessionMaxTime / MaxIdleTime). */
const MAX_SESSION_MS = 16 * 3600_000;
const MAX_IDLE_MS = 2 * 3600_000;

export interface LoginInput {
  login: string;
  password: string;
  /** agents log in to the agent app, customer users to the portal */
  as: 'agent' | 'customer';
}

/**
 * The hash of a random password nobody knows. Unknown logins and users without a password are
 * checked against it, so that they take as long to refuse as a wrong password (scrypt, tens of
 * milliseconds): the answer's timing does not tell which logins exist.
 */
const DUMMY_HASH = 'scrypt$2mc0MmhED5KwO/hTgsfXmg==$CrN/9EMl+Sz7XCvtxn61Y3dka+/VdsiHetvzzLtg7pI=';

/**
 * Checks a login and password and opens a session; the same answer, in the same time, for a wrong
 * login or password. Too many failures for one login are refused for a while (login-throttle.ts).
 */
export async function createSession(ctx: DomainContext, input: LoginInput) {
  await countLoginAttempt(ctx, input.as, input.login);
  const table = input.as === 'agent' ? 'agents' : 'customerUsers';
  const user = await ctx.db
    .selectFrom(table)
    .select(['id', 'passwordHash'])
    .where('login', '=', input.login)
    .where('valid', '=', true)
    .executeTakeFirst();
  const stored = user?.passwordHash ?? null;
  const matches = await verifyPassword(input.password, stored ?? DUMMY_HASH);
  if (!user || stored === null || !matches) {
    throw new DomainError('unauthenticated', 'error.bad_credentials');
  }
  await loginSucceeded(ctx, input.as, input.login);
  const { secret, hash } = newSecret('ses');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = ctx.now();
  await ctx.db
    .insertInto('sessions')
    .values({
      tokenHash: hash,
      csrfToken,
      agentId: input.as === 'agent' ? user.id : null,
      customerUserId: input.as === 'customer' ? user.id : null,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: new Date(now.getTime() + MAX_SESSION_MS),
    })
    .execute();
  return { secret, csrfToken, userId: user.id };
}

export async function findSession(ctx: DomainContext, secret: string) {
  const now = ctx.now();
  const session = await ctx.db
    .selectFrom('sessions')
    .select(['id', 'csrfToken', 'agentId', 'customerUserId', 'lastSeenAt'])
    .where('tokenHash', '=', sha256(secret))
    .where('expiresAt', '>', now)
    .where('lastSeenAt', '>', new Date(now.getTime() - MAX_IDLE_MS))
    .executeTakeFirst();
  // refresh the idle clock at most once a minute, not on every request
  if (session && now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await ctx.db.updateTable('sessions').set({ lastSeenAt: now }).where('id', '=', session.id).execute();
  }
  return session;
}

export async function deleteSession(ctx: DomainContext, secret: string) {
  await ctx.db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('tokenHash', '=', sha256(secret)), eb('expiresAt', '<', sql<Date>`now()`)]))
    .execute();
}
