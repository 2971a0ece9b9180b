import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { setApiLanguage } from '../api/client.ts';
import { en } from './en.ts';
import { it } from './it.ts';

export const LANGUAGES = ['it', 'en'] as const;
const STORAGE_KEY = 'sportello.language';

/** The saved choice, else the browser's first language we have, else Italian. */
function initialLanguage(): string {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved && (LANGUAGES as readonly string[]).includes(saved)) return saved;
  const browser = navigator.languages.map((lang) => lang.slice(0, 2)).find((lang) => lang === 'it' || lang === 'en');
  return browser ?? 'it';
}

export function setupI18n() {
  const lng = initialLanguage();
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
