import { DomainError, invalid } from '../../../platform/errors.ts';
import { hashPassword, sha256 } from '../../../platform/secrets.ts';
import { MIN_PASSWORD_LENGTH } from '../../config/password.ts';
import type { DomainContext } from '../../context.ts';
import type { LoginNamespace } from '../login-throttle.ts';

export interface ConfirmResetInput {
  token: string;
  password: string;
}

/**
 * Sets a new password with a link's token, in one transaction: the link's row locked (two uses at
 * once: the second finds it used), the password set, the link marked used and the person's other
 * links ended, every session of the person deleted (they log in again) and their failed-login count
 * cleared. An unknown, used or expired link, or one whose person is no longer valid, is
 * invalid_token; a short password is a validation error on `password`, told only for a good link.
 */
export async function confirmPasswordReset(
  ctx: DomainContext,
  input: ConfirmResetInput,
): Promise<{ login: string; as: LoginNamespace }> {
  // scrypt takes tens of milliseconds: not while the transaction holds the connection (PGlite has one)
  const passwordHash = input.password.length >= MIN_PASSWORD_LENGTH ? await hashPassword(input.password) : undefined;
  const now = ctx.now();
  return ctx.db.transaction().execute(async (trx) => {
    const reset = await trx
      .selectFrom('passwordResets')
      .select(['id', 'agentId', 'customerUserId', 'expiresAt', 'usedAt'])
      .where('tokenHash', '=', sha256(input.token))
      .forUpdate()
      .executeTakeFirst();
    const usable = reset && reset.usedAt === null && reset.expiresAt.getTime() > now.getTime();
    const as: LoginNamespace = reset?.agentId ? 'agent' : 'customer';
    const table = as === 'agent' ? 'agents' : 'customerUsers';
    const person = usable
      ? await trx
          .selectFrom(table)
          .select(['id', 'login'])
          .where('id', '=', reset.agentId ?? reset.customerUserId ?? 0)
          .where('valid', '=', true)
          .forUpdate()
          .executeTakeFirst()
      : undefined;
    if (!reset || !person) throw new DomainError('invalid_token', 'error.invalid_reset_token');
    if (!passwordHash) throw invalid('password', 'error.password_too_short', { min: MIN_PASSWORD_LENGTH });

    await trx.updateTable(table).set({ passwordHash, changedAt: now }).where('id', '=', person.id).execute();
    const owner = as === 'agent' ? 'agentId' : 'customerUserId';
    await trx.updateTable('passwordResets').set({ usedAt: now, mailToken: null }).where('id', '=', reset.id).execute();
    // the person's other links end with this one: a link mailed earlier must not undo the new password
    await trx
      .updateTable('passwordResets')
      .set({ expiresAt: now, mailToken: null })
      .where(owner, '=', person.id)
      .where('usedAt', 'is', null)
      .where('expiresAt', '>', now)
      .execute();
    await trx.deleteFrom('sessions').where(owner, '=', person.id).execute();
    await trx.deleteFrom('loginFailures').where('namespace', '=', as).where('login', '=', person.login).execute();
    return { login: person.login, as };
  });
}
