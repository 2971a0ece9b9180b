import { invalid } from '../../platform/errors.ts';
import { hashPassword } from '../../platform/secrets.ts';

export const MIN_PASSWORD_LENGTH = 8;

/**
 * The password_hash column for a password given to an agent or customer user: a hash, or null
 * to remove it (no login until one is set); nothing when none was given.
 */
export async function passwordColumn(password: string | null | undefined): Promise<{ passwordHash?: string | null }> {
  if (password === undefined) return {};
  if (password === null) return { passwordHash: null };
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid('password', 'error.password_too_short', { min: MIN_PASSWORD_LENGTH });
  }
  return { passwordHash: await hashPassword(password) };
}
