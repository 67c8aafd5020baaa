// The one i18n layer: every string on screen goes through t() (react-i18next). A key is the English
// text itself, so English needs no file but for plural forms (locales/en.json); any other language
// is one file, locales/<code>.json, mapping English to that language, downloaded only when chosen.
// Add a language by adding its file: the account menu and the sign-in pages list it by itself.
// Dates and numbers follow the same language (lib/format.ts reads `locale()`).
import i18next from 'i18next';
import { initReactI18next, useTranslation } from 'react-i18next';
import { useSyncExternalStore } from 'react';
import en from './locales/en.json';

type Catalogue = Record<string, string>;
const files = import.meta.glob<Catalogue>(['./locales/*.json', '!./locales/en.json'], { import: 'default' });
const LANGUAGE_KEY = 'hms.language';

/** Codes of the languages the interface speaks: English and one per file in ./locales. */
export const LANGUAGES: string[] = ['en', ...Object.keys(files).map((path) => path.slice('./locales/'.length, -'.json'.length)).sort()];

/** A language's name in that language ("हिन्दी"), for the menus. */
export function languageName(code: string): string {
  try { return new Intl.DisplayNames([code], { type: 'language' }).of(code) ?? code; } catch { return code; }
}

function stored(): string | null {
  try { return localStorage.getItem(LANGUAGE_KEY); } catch { return null; }
}

/** The language to start in: the one chosen in this browser, else the browser's if we speak it. */
function initial(): string {
  const wanted = [stored(), ...(typeof navigator === 'undefined' ? [] : navigator.languages ?? [])].filter(Boolean) as string[];
  for (const tag of wanted) {
    const code = tag.toLowerCase().split('-')[0]!;
    if (LANGUAGES.includes(code)) return code;
  }
  return 'en';
}

void i18next.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  resources: { en: { translation: en } },
  // Keys are English sentences: no nesting, and "." or ":" inside them are text.
  keySeparator: false,
  nsSeparator: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
  initAsync: false,
});

async function load(code: string): Promise<void> {
  if (code === 'en' || i18next.hasResourceBundle(code, 'translation')) return;
  const file = files[`./locales/${code}.json`];
  if (!file) return;
  i18next.addResourceBundle(code, 'translation', await file());
}

/** Switches the interface language (remembered in this browser) once its file is loaded. */
export async function setLanguage(code: string): Promise<void> {
  const next = LANGUAGES.includes(code) ? code : 'en';
  await load(next);
  try { localStorage.setItem(LANGUAGE_KEY, next); } catch { /* private mode: for this page only */ }
  await i18next.changeLanguage(next);
  document.documentElement.lang = next;
  // E-mails and SMS follow the account's language (loaded only when switching).
  void import('./server-language').then((m) => m.rememberLanguageOnServer(next), () => undefined);
}

/** Loads the starting language before the first render (no English flash for a Hindi reader). */
export async function startI18n(): Promise<void> {
  const code = initial();
  try { await load(code); } catch { /* offline: English */ }
  await i18next.changeLanguage(i18next.hasResourceBundle(code, 'translation') || code === 'en' ? code : 'en');
  document.documentElement.lang = i18next.language;
}

/** The current language, for Intl (dates, numbers) and the API's Accept-Language. */
export function locale(): string {
  return i18next.language || 'en';
}

function subscribe(listener: () => void): () => void {
  i18next.on('languageChanged', listener);
  return () => i18next.off('languageChanged', listener);
}

/** The locale for Intl: the browser's own for English (its date order), else the chosen language. */
export function intlLocale(): string | undefined {
  const code = locale();
  return code === 'en' ? undefined : code;
}

/** Re-renders on a language switch; returns the current language. */
export function useLanguage(): string {
  return useSyncExternalStore(subscribe, locale, () => 'en');
}

/** `const { t } = useT()`: t('Book the series'), t('Booked {{count}} visits', { count }). */
export const useT = useTranslation;

/** For code outside components (option lists built at call time, error texts). */
export const t = i18next.t.bind(i18next);
