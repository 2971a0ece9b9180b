import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { DomainError } from '../../platform/errors.ts';
import { newSecret, sha256, verifyPassword } from '../../platform/secrets.ts';
import type { DomainContext } from '../context.ts';

/** Sessions last 16 hours at most and end after 2 idle hours (OTRS SessionMaxTime / MaxIdleTime). */
const MAX_SESSION_MS = 16 * 3600_000;
const MAX_IDLE_MS = 2 * 3600_000;

export interface LoginInput {
  login: string;
  password: string;
  /** agents log in to the agent app, customer users to the portal */
  as: 'agent' | 'customer';
}

/** Checks a login and password and opens a session; the same answer for a wrong login or password. */
export async function createSession(ctx: DomainContext, input: LoginInput) {
  const table = input.as === 'agent' ? 'agents' : 'customerUsers';
  const user = await ctx.db
    .selectFrom(table)
    .select(['id', 'passwordHash'])
    .where('login', '=', input.login)
    .where('valid', '=', true)
    .executeTakeFirst();
  if (!user || !(await verifyPassword(input.password, user.passwordHash))) {
    throw new DomainError('unauthenticated', 'error.bad_credentials');
  }
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
