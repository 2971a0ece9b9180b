import { requireAdmin } from '../../config/index.ts';
import type { DomainContext } from '../../context.ts';
import type { Actor } from '../../permissions/actor.ts';
import { presentSettings, type SystemSettingsView } from './present-settings.ts';
import { readSavedSettings } from './settings-store.ts';

/** The system settings as saved in the database now (this process may apply them a few seconds later). */
export async function getSystemSettings(ctx: DomainContext, actor: Actor): Promise<SystemSettingsView> {
  requireAdmin(actor);
  return presentSettings(ctx.config, await readSavedSettings(ctx.db));
}
