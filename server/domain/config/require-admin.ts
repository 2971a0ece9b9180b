import { DomainError } from '../../platform/errors.ts';
import type { Actor } from '../permissions/actor.ts';

/** Configuration is the admins' business; routes say so too, this holds for other callers (the CLI). */
export function requireAdmin(actor: Actor): void {
  if (actor.kind !== 'agent' || !actor.isAdmin) throw new DomainError('forbidden', 'error.admin_only');
}
