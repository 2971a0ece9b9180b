import type { FastifyRequest } from 'fastify';
import type { Actor, AgentActor, CustomerActor } from '../domain/permissions/actor.ts';
import { DomainError } from '../platform/errors.ts';

/**
 * Who may call a route. Every route declares one in `config.access`; the app refuses to start
 * with a route that does not (see app.ts), so none can be left open by mistake.
 */
export type Access = 'public' | 'any' | 'agent' | 'customer' | 'admin';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
  }
  interface FastifyRequest {
    actor?: Actor;
    /** true when the request came over the data directory's owner-only socket (the local CLI) */
    local?: boolean;
    /** the CSRF token of the cookie session the request came with (a reloaded web app asks for it again) */
    csrfToken?: string;
  }
}

export function checkAccess(access: Access, actor: Actor | undefined): void {
  if (access === 'public') return;
  if (!actor) throw new DomainError('unauthenticated', 'error.unauthenticated');
  if (access === 'agent' && actor.kind !== 'agent') throw new DomainError('forbidden', 'error.agents_only');
  if (access === 'customer' && actor.kind !== 'customer')
    throw new DomainError('forbidden', 'error.customer_forbidden');
  if (access === 'admin' && !(actor.kind === 'agent' && actor.isAdmin)) {
    throw new DomainError('forbidden', 'error.admin_only');
  }
}

export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'error.unauthenticated');
  return request.actor;
}

export function agentOf(request: FastifyRequest): AgentActor {
  const actor = actorOf(request);
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'error.agents_only');
  return actor;
}

export function customerOf(request: FastifyRequest): CustomerActor {
  const actor = actorOf(request);
  if (actor.kind !== 'customer') throw new DomainError('forbidden', 'error.customer_forbidden');
  return actor;
}
