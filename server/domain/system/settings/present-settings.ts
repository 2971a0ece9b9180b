import type { Config } from '../../../config/config.ts';
import { SETTING_KEYS, type SettingKey, type SystemSettings } from './setting-rules.ts';
import { effectiveSettings, environmentSettings, type SavedSettings } from './settings-store.ts';

export type SettingSource = 'environment' | 'saved';

/** The settings in force, where each comes from, and the environment's values an admin may go back to. */
export interface SystemSettingsView extends SystemSettings {
  sources: Record<SettingKey, SettingSource>;
  defaults: SystemSettings;
}

export function presentSettings(config: Config, saved: SavedSettings): SystemSettingsView {
  const sources = Object.fromEntries(
    SETTING_KEYS.map((key) => [key, key in saved.values ? 'saved' : 'environment']),
  ) as Record<SettingKey, SettingSource>;
  return { ...effectiveSettings(config, saved), sources, defaults: environmentSettings(config) };
}
