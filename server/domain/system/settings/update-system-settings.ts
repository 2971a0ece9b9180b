import { sql, type Transaction } from 'kysely';
import type { TicketHookTag } from '../../../config/config.ts';
import type { DB } from '../../../db/schema.ts';
import { DomainError } from '../../../platform/errors.ts';
import { diffChanges, recordAdminChange } from '../../admin-log/index.ts';
import { requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { presentSettings, type SystemSettingsView } from './present-settings.ts';
import { isSettingKey, type SettingKey, type SystemSettings, settingError } from './setting-rules.ts';
import {
  applySettings,
  effectiveSettings,
  FORMER_HOOKS_KEY,
  readSavedSettings,
  type SavedSettings,
} from './settings-store.ts';

/** Each setting to change: a value to save, or null to go back to the environment's default. */
export type SettingsChanges = Partial<Record<SettingKey, string | null>>;

/** One settings change at a time: the log's "before" and the former hooks are read under it. */
const SETTINGS_LOCK = 727277;
/** Hooks remembered for follow-ups: more changes than that in a desk's life would be odd. */
const MAX_FORMER_HOOKS = 20;

const sameTag = (a: TicketHookTag, b: TicketHookTag) => a.hook === b.hook && a.divider === b.divider;
const tagOf = (settings: SystemSettings): TicketHookTag => ({
  hook: settings.ticketHook,
  divider: settings.ticketHookDivider,
});

function checkChanges(changes: SettingsChanges): void {
  for (const [key, value] of Object.entries(changes)) {
    if (!isSettingKey(key)) throw new DomainError('validation', 'error.value_not_allowed', { field: key }, key);
    const error = value === null || value === undefined ? null : settingError(key, value);
    if (error) throw error;
  }
}

async function saveValue(trx: Transaction<DB>, key: string, value: unknown, changedBy: number | null, now: Date) {
  await trx
    .insertInto('systemSettings')
    .values({ key, value: JSON.stringify(value), changedAt: now, changedBy })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), changedAt: now, changedBy }))
    .execute();
}

/**
 * An admin changes system settings. A new SYSTEM_ID or ticket number generator applies to tickets
 * created afterwards; existing numbers stay as they are and are still recognised in subjects. A
 * new ticket hook or divider goes on outgoing subjects from now on; the former one is remembered,
 * so replies that name a ticket the old way still find it. Saved in one transaction with its entry
 * in the admin change log; this process applies it at once, the others within seconds.
 */
export async function updateSystemSettings(
  ctx: DomainContext,
  actor: Actor,
  changes: SettingsChanges,
): Promise<SystemSettingsView> {
  requireAdmin(actor);
  checkChanges(changes);
  const changedBy = actor.kind === 'agent' && !actor.system ? actor.agentId : null;
  const saved: SavedSettings = await ctx.db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${sql.lit(SETTINGS_LOCK)})`.execute(trx);
    const before = await readSavedSettings(trx);
    const now = ctx.now();
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) continue;
      if (value === null) await trx.deleteFrom('systemSettings').where('key', '=', key).execute();
      else await saveValue(trx, key, value, changedBy, now);
    }
    const after = await readSavedSettings(trx);
    const [from, to] = [effectiveSettings(ctx.config, before), effectiveSettings(ctx.config, after)];
    if (!sameTag(tagOf(from), tagOf(to))) {
      after.formerTicketHooks = [tagOf(from), ...before.formerTicketHooks]
        .filter((tag, index, tags) => !sameTag(tag, tagOf(to)) && tags.findIndex((t) => sameTag(t, tag)) === index)
        .slice(0, MAX_FORMER_HOOKS);
      await saveValue(trx, FORMER_HOOKS_KEY, after.formerTicketHooks, changedBy, now);
    }
    const diff = diffChanges({ ...from }, { ...to });
    if (Object.keys(diff).length > 0) {
      await recordAdminChange(trx, actor, {
        objectType: 'system_settings',
        objectId: null,
        action: 'settings',
        changes: diff,
      });
    }
    return after;
  });
  applySettings(ctx.config, saved);
  return presentSettings(ctx.config, saved);
}
