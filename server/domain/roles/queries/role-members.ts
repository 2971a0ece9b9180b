import { requireRow } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';

/** The agents in a role. */
export async function roleMembers(ctx: DomainContext, roleId: number) {
  await requireRow(ctx.db, 'roles', roleId, 'error.not_found.role');
  return ctx.db
    .selectFrom('roleAgents as ra')
    .innerJoin('agents as a', 'a.id', 'ra.agentId')
    .select(['a.id', 'a.login', 'a.firstName', 'a.lastName', 'a.valid'])
    .where('ra.roleId', '=', roleId)
    .orderBy('a.login')
    .execute();
}
