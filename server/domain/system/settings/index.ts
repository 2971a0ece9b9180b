/** System settings an admin changes at run time over the environment's defaults. */
export { getSystemSettings } from './get-system-settings.ts';
export type { SettingSource, SystemSettingsView } from './present-settings.ts';
export { systemSettingsRoutes } from './routes.ts';
export { SETTING_KEYS, type SettingKey, type SystemSettings } from './setting-rules.ts';
export { loadSystemSettings, watchSystemSettings } from './settings-store.ts';
export { type SettingsChanges, updateSystemSettings } from './update-system-settings.ts';
