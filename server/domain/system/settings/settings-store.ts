import type { Kysely, Transaction } from 'kysely';
import {
  type Config,
  TICKET_HOOK_DIVIDER_PATTERN,
  TICKET_HOOK_PATTERN,
  type TicketHookTag,
} from '../../../config/config.ts';
import type { DB } from '../../../db/schema.ts';
import type { DomainContext } from '../../context.ts';
import { isSettingKey, type SettingKey, type SystemSettings, settingError } from './setting-rules.ts';

type Reader = Kysely<DB> | Transaction<DB>;

/** The key under which the hooks used before are kept (see Config.formerTicketHooks). */
export const FORMER_HOOKS_KEY = 'formerTicketHooks';

/** How often a process reads the settings again, so that processes sharing one PostgreSQL agree. */
const RELOAD_MS = 10_000;

export interface SavedSettings {
  values: Partial<SystemSettings>;
  formerTicketHooks: TicketHookTag[];
}

/**
 * The environment's values of each running config, taken the first time this module sees it:
 * before any saved value replaced them (every replacement goes through applySettings).
 */
const environments = new WeakMap<Config, SystemSettings>();

export function environmentSettings(config: Config): SystemSettings {
  let defaults = environments.get(config);
  if (!defaults) {
    defaults = {
      systemId: config.systemId,
      ticketNumberGenerator: config.ticketNumberGenerator,
      ticketHook: config.ticketHook,
      ticketHookDivider: config.ticketHookDivider,
      defaultLanguage: config.defaultLanguage,
      timeZone: config.timeZone,
    };
    environments.set(config, defaults);
  }
  return defaults;
}

function isHookTag(value: unknown): value is TicketHookTag {
  if (typeof value !== 'object' || value === null) return false;
  const { hook, divider } = value as Record<string, unknown>;
  return (
    typeof hook === 'string' &&
    typeof divider === 'string' &&
    TICKET_HOOK_PATTERN.test(hook) &&
    TICKET_HOOK_DIVIDER_PATTERN.test(divider)
  );
}

export async function readSavedSettings(db: Reader): Promise<SavedSettings> {
  const rows = await db.selectFrom('systemSettings').select(['key', 'value']).execute();
  const values: Partial<Record<SettingKey, unknown>> = {};
  let formerTicketHooks: TicketHookTag[] = [];
  for (const row of rows) {
    if (row.key === FORMER_HOOKS_KEY && Array.isArray(row.value)) formerTicketHooks = row.value.filter(isHookTag);
    // a value the rules no longer allow (a stricter rule, a hand edit) leaves the environment's in force
    else if (isSettingKey(row.key) && settingError(row.key, row.value) === null) values[row.key] = row.value;
  }
  return { values: values as Partial<SystemSettings>, formerTicketHooks };
}

/** Each setting: the saved value where there is one, else the environment's. */
export function effectiveSettings(config: Config, saved: SavedSettings): SystemSettings {
  return { ...environmentSettings(config), ...saved.values };
}

/** Puts the settings into the running config, which every command and query reads at use. */
export function applySettings(config: Config, saved: SavedSettings): void {
  Object.assign(config, effectiveSettings(config, saved));
  config.formerTicketHooks = saved.formerTicketHooks;
}

export async function loadSystemSettings(ctx: DomainContext): Promise<void> {
  applySettings(ctx.config, await readSavedSettings(ctx.db));
}

/**
 * Reads the settings again every few seconds, so that a change saved by another process on the
 * same PostgreSQL applies here too; a failed reading keeps the values in force. Returns the stop.
 */
export function watchSystemSettings(ctx: DomainContext, intervalMs = RELOAD_MS): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    timer = setTimeout(() => {
      loadSystemSettings(ctx)
        .catch(() => undefined)
        .finally(() => {
          if (!stopped) schedule();
        });
    }, intervalMs);
    timer.unref();
  };
  schedule();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
