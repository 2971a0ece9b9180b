import { sql } from 'kysely';
import type { DomainContext } from '../context.ts';
import type { AgentActor } from '../permissions/actor.ts';
import { requireVisibleTicket } from '../tickets/queries/ticket-visibility.ts';

/** A viewer whose app has not refreshed its row for this long has gone. */
const FRESH_MS = 30_000;
/** Rows older than this are removed when anyone refreshes. */
const SWEEP_MS = 10 * 60_000;

export interface Viewer {
  agentId: number;
  name: string;
}

/**
 * "I have this ticket open": records the agent as viewing it and answers who else does. Not a
 * change to the ticket (no history, no event): presence is what the screens show, nothing more.
 */
export async function markViewing(ctx: DomainContext, actor: AgentActor, ticketId: number): Promise<Viewer[]> {
  await requireVisibleTicket(ctx.db, actor, ticketId);
  const now = ctx.now();
  if (!actor.system) {
    await ctx.db
      .insertInto('ticketViewers')
      .values({ ticketId, agentId: actor.agentId, seenAt: now })
      .onConflict((oc) => oc.columns(['ticketId', 'agentId']).doUpdateSet({ seenAt: now }))
      .execute();
  }
  await ctx.db
    .deleteFrom('ticketViewers')
    .where('seenAt', '<', new Date(now.getTime() - SWEEP_MS))
    .execute();
  const rows = await ctx.db
    .selectFrom('ticketViewers as v')
    .innerJoin('agents as a', 'a.id', 'v.agentId')
    .select(['a.id as agentId', sql<string>`a.first_name || ' ' || a.last_name`.as('name')])
    .where('v.ticketId', '=', ticketId)
    .where('v.agentId', '!=', actor.agentId)
    .where('v.seenAt', '>=', new Date(now.getTime() - FRESH_MS))
    .orderBy('a.lastName')
    .execute();
  return rows;
}

/** The agent closed the ticket's page. */
export async function stopViewing(ctx: DomainContext, actor: AgentActor, ticketId: number): Promise<void> {
  await ctx.db
    .deleteFrom('ticketViewers')
    .where('ticketId', '=', ticketId)
    .where('agentId', '=', actor.agentId)
    .execute();
}
