import type { FastifyReply, FastifyRequest } from 'fastify';
import { findSession } from '../domain/auth/sessions.ts';
import { findToken } from '../domain/auth/tokens.ts';
import type { DomainContext } from '../domain/context.ts';
import { loadAgentActor, loadCustomerActor, systemActor } from '../domain/permissions/load-actor.ts';
import { DomainError } from '../platform/errors.ts';

export const SESSION_COOKIE = 'sportello_session';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Finds who is calling: the local CLI over the owner-only socket, an API token (Bearer), or a
 * session cookie. Cookie sessions must echo their CSRF token on every state-changing request;
 * tokens need not, as a browser never sends them by itself.
 */
export async function authenticate(ctx: DomainContext, request: FastifyRequest, _reply: FastifyReply) {
  if (request.local) {
    request.actor = systemActor();
    return;
  }
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = await findToken(ctx, header.slice('Bearer '.length).trim());
    if (!token) throw new DomainError('unauthenticated', 'error.unauthenticated');
    request.actor = token.agentId
      ? await loadAgentActor(ctx.db, token.agentId)
      : await loadCustomerActor(ctx.db, token.customerUserId ?? 0);
    if (!request.actor) throw new DomainError('unauthenticated', 'error.unauthenticated');
    return;
  }
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return;
  const session = await findSession(ctx, cookie);
  if (!session) return;
  if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== session.csrfToken) {
    throw new DomainError('csrf', 'error.csrf');
  }
  request.csrfToken = session.csrfToken;
  request.actor = session.agentId
    ? await loadAgentActor(ctx.db, session.agentId)
    : await loadCustomerActor(ctx.db, session.customerUserId ?? 0);
}
