import { passwordColumn, requireAdmin, updateConfigRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { agentTable } from '../agent-table.ts';
import type { CreateAgentInput } from './create-agent.ts';

export type UpdateAgentInput = Partial<CreateAgentInput>;

/** Changes an agent; `groups` and `roleIds`, when given, replace all of theirs. */
export async function updateAgent(ctx: DomainContext, actor: Actor, agentId: number, input: UpdateAgentInput) {
  requireAdmin(actor);
  const computed = await passwordColumn(input.password);
  return updateConfigRow(ctx, actor, agentTable, agentId, input, computed);
}
