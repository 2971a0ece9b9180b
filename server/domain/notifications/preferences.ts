import type { NotificationEvent } from '../../db/schema.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { diffChanges, recordAdminChange } from '../admin-log/index.ts';
import type { Reader } from '../config/loose-db.ts';
import type { DomainContext } from '../context.ts';
import type { Actor } from '../permissions/actor.ts';

/** What an agent can be notified of by email; every one is on until the agent turns it off. */
export const NOTIFICATION_EVENTS: readonly NotificationEvent[] = [
  'new_ticket',
  'follow_up',
  'lock_changed',
  'moved',
  'owner_changed',
  'responsible_changed',
  'note_added',
  'pending_reminder',
  'send_failed',
];

export type NotificationPreferences = Record<NotificationEvent, boolean>;

/** An agent's own preferences, or an admin's look at anyone's. */
function requireOwnOrAdmin(actor: Actor, agentId: number): void {
  if (actor.kind !== 'agent') throw new DomainError('forbidden', 'error.agents_only');
  if (actor.agentId !== agentId && !actor.isAdmin) throw new DomainError('forbidden', 'error.admin_only');
}

async function requireAgent(db: Reader, agentId: number): Promise<string> {
  const agent = await db.selectFrom('agents').select('login').where('id', '=', agentId).executeTakeFirst();
  if (!agent) throw notFound('error.not_found.agent', agentId);
  return agent.login;
}

async function readPreferences(db: Reader, agentId: number): Promise<NotificationPreferences> {
  const rows = await db
    .selectFrom('agentNotificationPreferences')
    .select(['event', 'email'])
    .where('agentId', '=', agentId)
    .execute();
  const chosen = new Map(rows.map((row) => [row.event, row.email]));
  return Object.fromEntries(
    NOTIFICATION_EVENTS.map((event) => [event, chosen.get(event) ?? true]),
  ) as NotificationPreferences;
}

export async function getNotificationPreferences(
  ctx: DomainContext,
  actor: Actor,
  agentId: number,
): Promise<NotificationPreferences> {
  requireOwnOrAdmin(actor, agentId);
  await requireAgent(ctx.db, agentId);
  return readPreferences(ctx.db, agentId);
}

/** Records the choices given; events not named keep theirs. An admin's choice for another agent is logged. */
export async function setNotificationPreferences(
  ctx: DomainContext,
  actor: Actor,
  agentId: number,
  changes: Partial<NotificationPreferences>,
): Promise<NotificationPreferences> {
  requireOwnOrAdmin(actor, agentId);
  return ctx.db.transaction().execute(async (trx) => {
    const login = await requireAgent(trx, agentId);
    const before = await readPreferences(trx, agentId);
    for (const event of NOTIFICATION_EVENTS) {
      const email = changes[event];
      if (email === undefined) continue;
      await trx
        .insertInto('agentNotificationPreferences')
        .values({ agentId, event, email })
        .onConflict((oc) => oc.columns(['agentId', 'event']).doUpdateSet({ email }))
        .execute();
    }
    const after = await readPreferences(trx, agentId);
    const diff = diffChanges(before, after);
    if (actor.kind === 'agent' && actor.agentId !== agentId && Object.keys(diff).length > 0) {
      await recordAdminChange(trx, actor, {
        objectType: 'agents',
        objectId: agentId,
        objectName: login,
        action: 'notification_preferences',
        changes: diff,
      });
    }
    return after;
  });
}
