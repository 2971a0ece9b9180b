import {
  type Config,
  isLanguage,
  isTicketNumberGenerator,
  SYSTEM_ID_PATTERN,
  TICKET_HOOK_DIVIDER_PATTERN,
  TICKET_HOOK_PATTERN,
  TICKET_NUMBER_GENERATORS,
} from '../../../config/config.ts';
import { DomainError } from '../../../platform/errors.ts';
import { LANGUAGES, type MessageKey } from '../../../platform/i18n.ts';
import { isTimeZoneName } from '../../../platform/time-zone.ts';

/** The settings an admin may change at run time; the environment gives their defaults. */
export const SETTING_KEYS = [
  'systemId',
  'ticketNumberGenerator',
  'ticketHook',
  'ticketHookDivider',
  'defaultLanguage',
  'timeZone',
] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type SystemSettings = Pick<Config, SettingKey>;

export function isSettingKey(key: string): key is SettingKey {
  return (SETTING_KEYS as readonly string[]).includes(key);
}

/**
 * Why a value is refused, or null when it is allowed: the same rules the environment's variables
 * follow (config.ts), so that a value an admin saves could also have been given at start.
 */
export function settingError(key: SettingKey, value: unknown): DomainError | null {
  if (typeof value !== 'string') return new DomainError('validation', 'error.value_not_allowed', { field: key }, key);
  const refuse = (messageKey: MessageKey, params = {}) =>
    new DomainError('validation', messageKey, { value, ...params }, key);
  switch (key) {
    case 'systemId':
      return SYSTEM_ID_PATTERN.test(value) ? null : refuse('error.setting.system_id');
    case 'ticketNumberGenerator':
      return isTicketNumberGenerator(value)
        ? null
        : refuse('error.setting.one_of', { field: key, values: TICKET_NUMBER_GENERATORS.join(', ') });
    case 'ticketHook':
      return TICKET_HOOK_PATTERN.test(value) ? null : refuse('error.setting.ticket_hook');
    case 'ticketHookDivider':
      return TICKET_HOOK_DIVIDER_PATTERN.test(value) ? null : refuse('error.setting.ticket_hook_divider');
    case 'defaultLanguage':
      return isLanguage(value) ? null : refuse('error.setting.one_of', { field: key, values: LANGUAGES.join(', ') });
    case 'timeZone':
      return isTimeZoneName(value) ? null : refuse('error.setting.time_zone');
  }
}
