import { DomainError } from '../../platform/errors.ts';
import type { Actor } from '../permissions/actor.ts';

/** An agent's "my queues" are theirs to see and choose; admins may do it for anyone. */
export function requireOwnOrAdmin(actor: Actor, agentId: number): void {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'error.agents_only');
  if (actor.agentId !== agentId && !actor.isAdmin) throw new DomainError('forbidden', 'error.own_queues_only');
}
