import { notFound } from '../../platform/errors.ts';
import { createToken } from '../auth/tokens.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

export interface IssueTokenInput {
  agentLogin: string;
  name: string;
  expiresAt?: Date | null;
}

/** An API token for an agent named by login (`sportello token create`); the secret is returned once. */
export async function issueAgentToken(ctx: DomainContext, actor: Actor, input: IssueTokenInput) {
  const agent = await ctx.db
    .selectFrom('agents')
    .select(['id', 'login'])
    .where('login', '=', input.agentLogin)
    .executeTakeFirst();
  if (!agent) throw notFound('error.not_found.agent', input.agentLogin);
  const token = await createToken(ctx, actor, { name: input.name, agentId: agent.id, expiresAt: input.expiresAt });
  return {
    id: token.id,
    name: token.name,
    agentId: agent.id,
    agentLogin: agent.login,
    expiresAt: token.expiresAt,
    token: token.token,
  };
}
