import type { Language } from '../../../platform/i18n.ts';

/** A stored language ('it', 'en', 'en_GB' …) as one of ours; the default language when unknown or missing. */
export function mailLanguage(stored: string | null | undefined, fallback: Language): Language {
  const tag = stored?.toLowerCase().slice(0, 2);
  return tag === 'it' || tag === 'en' ? tag : fallback;
}

/** A date and time as a reader in that language and time zone writes it. */
export function formatDateTime(date: Date, language: Language, timeZone: string): string {
  return new Intl.DateTimeFormat(language === 'it' ? 'it-IT' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone,
  }).format(date);
}
