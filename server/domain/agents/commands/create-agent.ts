import type { Static } from '@sinclair/typebox';
import { createConfigRow, passwordColumn, requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import type { AgentCreate } from '../agent-schemas.ts';
import { agentTable } from '../agent-table.ts';

export type CreateAgentInput = Static<typeof AgentCreate>;

/**
 * Creates an agent with their direct grants (groups named by id or name) and roles, in one
 * transaction. Used by POST /api/v1/agents and by `sportello agent add`.
 */
export async function createAgent(ctx: DomainContext, actor: Actor, input: CreateAgentInput) {
  requireAdmin(actor);
  const computed = await passwordColumn(input.password);
  return createConfigRow(ctx, actor, agentTable, input, computed);
}
