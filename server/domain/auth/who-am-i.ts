import type { DomainContext } from '../context.ts';
import { loadAgentActor } from '../permissions/load-actor.ts';

/** The logged-in person as the apps show them. */
export async function whoAmI(ctx: DomainContext, kind: 'agent' | 'customer', id: number) {
  const table = kind === 'agent' ? 'agents' : 'customerUsers';
  const user = await ctx.db
    .selectFrom(table)
    .select(['id', 'login', 'firstName', 'lastName', 'email', 'language', 'timeZone'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const isAdmin = kind === 'agent' ? ((await loadAgentActor(ctx.db, id))?.isAdmin ?? false) : false;
  return {
    kind,
    id: user.id,
    login: user.login,
    name: `${user.firstName} ${user.lastName}`,
    email: user.email,
    language: user.language,
    isAdmin,
    timeZone: user.timeZone ?? ctx.config.timeZone,
  };
}
