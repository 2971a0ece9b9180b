import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { en } from './en.ts';
import { it } from './it.ts';

export const LANGUAGES = ['it', 'en'] as const;
const STORAGE_KEY = 'sportello.language';

/** The desk's default language (an admin's system setting), asked only when nothing else decides. */
async function serverDefaultLanguage(): Promise<string> {
  const answer = await fetch('/api/v1/system/public-settings')
    .then((response) => (response.ok ? response.json() : null))
    .catch(() => null);
  return answer?.defaultLanguage === 'en' ? 'en' : 'it';
}

/** The saved choice, else the browser's first language we have, else the desk's default language. */
async function initialLanguage(): Promise<string> {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved;
  const browser = navigator.languages.map((lang) => lang.slice(0, 2)).find((lang) => lang === 'it' || lang === 'en');
  return browser ?? serverDefaultLanguage();
}

export async function setupI18n() {
  const lng = await initialLanguage();
  setApiLanguage(lng);
  document.documentElement.lang = lng;
  return i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, it: { translation: it } },
    lng,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
}

export function changeLanguage(lng: string) {
  localStorage.setItem(STORAGE_KEY, lng);
  setApiLanguage(lng);
  document.documentElement.lang = lng;
  return i18next.changeLanguage(lng);
}
