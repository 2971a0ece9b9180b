/** The settings an admin changes at run time (GET/PATCH /api/v1/system/settings). */
export const SETTING_KEYS = [
  'systemId',
  'ticketNumberGenerator',
  'ticketHook',
  'ticketHookDivider',
  'defaultLanguage',
  'timeZone',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];

export const GENERATORS = ['DateChecksum', 'Date', 'AutoIncrement'] as const;

export type SystemSettings = Record<SettingKey, string> & {
  /** environment: the environment variable (or its default) is in force; saved: an admin saved it */
  sources: Record<SettingKey, 'environment' | 'saved'>;
  /** what each setting goes back to when the saved value is removed */
  defaults: Record<SettingKey, string>;
};

/** An edit of one setting: a value to save, or null to go back to the environment's default. */
export type Draft = Partial<Record<SettingKey, string | null>>;

/** The value a field shows: the edit, or the default it goes back to, or the value in force. */
export function shownValue(settings: SystemSettings, draft: Draft, key: SettingKey): string {
  if (!(key in draft)) return settings[key];
  return draft[key] ?? settings.defaults[key];
}

/** The PATCH body: only what would change (a default kept as default, or a value typed again, is not sent). */
export function changesOf(settings: SystemSettings, draft: Draft): Draft {
  const body: Draft = {};
  for (const key of SETTING_KEYS) {
    if (!(key in draft)) continue;
    const value = draft[key];
    if (value === null ? settings.sources[key] === 'saved' : value !== settings[key]) body[key] = value ?? null;
  }
  return body;
}

/**
 * An example ticket number as the server would make it today (server/domain/tickets/ticket-number.ts:
 * UTC day, system ID, the first counter padded to 5 digits, and for DateChecksum its check digit).
 */
export function exampleTicketNumber(generator: string, systemId: string, now = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const counter = 1;
  const padded = String(counter).padStart(5, '0');
  if (generator === 'AutoIncrement') return `${systemId}${padded}`;
  if (generator === 'Date') return `${day}${systemId}${counter}`;
  const base = `${day}${systemId}${padded}`;
  let sum = 0;
  for (let i = 0; i < base.length; i++) sum += Number(base[i]) * (i % 2 === 0 ? 1 : 2);
  const digit = 10 - (sum % 10);
  return `${base}${digit === 10 ? 1 : digit}`;
}
