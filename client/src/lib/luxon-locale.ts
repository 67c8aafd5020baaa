// luxon formats in its own default locale (the browser's): keep it on the interface language, so
// DateTime#toLocaleString reads in Hindi when the interface does. Imported by every module of ours
// that uses luxon, and early by the app shell, so it runs before the first page formats a date.
import i18next from 'i18next';
import { Settings } from 'luxon';
import { intlLocale } from '../i18n';

/** The locale luxon should format in now: the language's, or the browser's own for English. */
export function luxonLocale(): string {
  // English: the browser's own locale (its date order), as lib/format.ts does.
  return intlLocale() ?? (typeof navigator === 'undefined' ? 'en' : navigator.language);
}

function follow(): void {
  Settings.defaultLocale = luxonLocale();
}
follow();
i18next.on('languageChanged', follow);
