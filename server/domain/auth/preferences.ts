import { invalid } from '../../platform/errors.ts';
import { isTimeZoneName } from '../../platform/time-zone.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

export interface PreferencesInput {
  language?: 'it' | 'en';
  /** null: follow the server's TIME_ZONE */
  timeZone?: string | null;
}

/** The logged-in person's own language and time zone (agents and customer users alike). */
export async function setMyPreferences(ctx: DomainContext, actor: Actor, input: PreferencesInput): Promise<void> {
  if (input.timeZone && !isTimeZoneName(input.timeZone)) {
    throw invalid('timeZone', 'error.validation', { detail: input.timeZone });
  }
  const changes = {
    ...(input.language ? { language: input.language } : {}),
    ...(input.timeZone !== undefined ? { timeZone: input.timeZone } : {}),
  };
  if (Object.keys(changes).length === 0) return;
  const query =
    actor.kind === 'agent'
      ? ctx.db.updateTable('agents').set(changes).where('id', '=', actor.agentId)
      : ctx.db.updateTable('customerUsers').set(changes).where('id', '=', actor.customerUserId);
  await query.execute();
}
