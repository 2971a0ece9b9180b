import { requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import { PERMISSIONS } from '../../permissions/actor.ts';
import { loadAgentActor } from '../../permissions/load-actor.ts';

/**
 * What an agent may do, as the permission checks see it: direct grants and those of their
 * valid roles, on valid groups. A deactivated agent holds nothing.
 */
export async function effectivePermissions(ctx: DomainContext, agentId: number) {
  await requireRow(ctx.db, 'agents', agentId, 'error.not_found.agent');
  const agent = await loadAgentActor(ctx.db, agentId);
  if (!agent || agent.groups.size === 0) return { isAdmin: false, groups: [] };
  const names = await ctx.db
    .selectFrom('groups')
    .select(['id', 'name'])
    .where('id', 'in', [...agent.groups.keys()])
    .orderBy('name')
    .execute();
  return {
    isAdmin: agent.isAdmin,
    groups: names.map((group) => ({
      group,
      permissions: [...(agent.groups.get(group.id) ?? [])].sort(
        (a, b) => PERMISSIONS.indexOf(a) - PERMISSIONS.indexOf(b),
      ),
    })),
  };
}
