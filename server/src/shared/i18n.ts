import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';

/**
 * The server speaks the client's languages from the client's own catalogue
 * (client/src/i18n/locales/<code>.json): a key is the English text, each other
 * language is one file, so adding a language is still adding one file. PDFs,
 * spreadsheets and file names follow the reader (Accept-Language or ?lang=),
 * e-mails and SMS the recipient's `user.language`.
 */

/** client/src/i18n/locales, found from this file upwards (works under tsx, vitest and from any cwd). */
function localeDir(): string {
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'client', 'src', 'i18n', 'locales');
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error('client/src/i18n/locales not found above ' + __dirname);
  }
}

type Catalogue = Record<string, string>;
const dir = localeDir();
const catalogues: Record<string, Catalogue> = {};
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  catalogues[file.slice(0, -'.json'.length)] = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Catalogue;
}
catalogues.en ??= {};

/** Codes of the languages the server writes in: English and one per catalogue file. */
export const LANGUAGES: string[] = ['en', ...Object.keys(catalogues).filter((code) => code !== 'en').sort()];
export const DEFAULT_LANGUAGE = 'en';

const i18n = createInstance();
void i18n.init({
  lng: DEFAULT_LANGUAGE,
  fallbackLng: DEFAULT_LANGUAGE,
  resources: Object.fromEntries(Object.entries(catalogues).map(([code, translation]) => [code, { translation }])),
  // Keys are English sentences: no nesting, and "." or ":" inside them are text.
  keySeparator: false,
  nsSeparator: false,
  returnEmptyString: false,
  interpolation: { escapeValue: false }, // PDFs and plain text; HTML mail escapes itself
  initAsync: false,
  showSupportNotice: false,
} as Parameters<typeof i18n.init>[0]);

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** A supported language code for `code` ("hi-IN" -> "hi"), or null. */
export function supportedLanguage(code: string | null | undefined): string | null {
  if (!code) return null;
  const base = code.trim().toLowerCase().split(/[-_]/)[0]!;
  return LANGUAGES.includes(base) ? base : null;
}

const fixed = new Map<string, TFunction>();
/** t(key, vars) in `lang` (English for an unknown or missing one). */
export function translator(lang: string | null | undefined): Translate {
  const code = supportedLanguage(lang) ?? DEFAULT_LANGUAGE;
  let t = fixed.get(code);
  if (!t) {
    t = i18n.getFixedT(code);
    fixed.set(code, t);
  }
  const bound = t;
  return (key, vars) => String(bound(key, vars as never));
}

/**
 * A language's words, dates and numbers, for one file or message. English keeps the
 * formats HMS always printed (2026-03-10 14:30, 120.50); other languages use Intl with
 * their locale, always in the hospital's zone.
 */
export interface Speech {
  lang: string;
  t: Translate;
  /** Date and time in `zone` ("2026-03-10 14:30" in English). */
  dateTime(at: Date, zone: string): string;
  /** A calendar date given as YYYY-MM-DD. */
  date(isoDate: string): string;
  /** "March 2026" for YYYY-MM. */
  month(isoMonth: string): string;
  /** A decimal string ("120.50") or a count, grouped as the language writes it. */
  number(value: string | number): string;
}

export function speech(lang: string | null | undefined): Speech {
  const code = supportedLanguage(lang) ?? DEFAULT_LANGUAGE;
  const english = code === DEFAULT_LANGUAGE;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    lang: code,
    t: translator(code),
    dateTime(at, zone) {
      if (!english) return new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeStyle: 'short', timeZone: zone }).format(at);
      const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
        .formatToParts(at).map((p) => [p.type, p.value]));
      return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
    },
    date(isoDate) {
      if (english || !/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) return isoDate;
      return new Intl.DateTimeFormat(code, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${isoDate}T00:00:00Z`));
    },
    month(isoMonth) {
      const [year, month] = isoMonth.split('-').map(Number);
      const at = new Date(Date.UTC(year!, (month ?? 1) - 1, 1));
      return new Intl.DateTimeFormat(english ? 'en-US' : code, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(at);
    },
    number(value) {
      if (english) return String(value);
      const text = String(value);
      const digits = /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
      const n = Number(text);
      return Number.isFinite(n) ? new Intl.NumberFormat(code, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n) : text;
    },
  };
}

/** Content-Disposition for a download: an ASCII name for old clients, the reader's one (RFC 6266/5987) for the others. */
export function attachment(asciiName: string, localName = asciiName): string {
  const plain = `attachment; filename="${asciiName}"`;
  return localName === asciiName ? plain : `${plain}; filename*=UTF-8''${encodeURIComponent(localName)}`;
}

/**
 * The best supported language for a request: `?lang=` if supported, else the
 * Accept-Language entries by quality ("hi-IN,hi;q=0.9,en;q=0.8"), else English.
 */
export function requestLanguage(req: { query?: unknown; headers: Record<string, string | string[] | undefined> }): string {
  const query = (req.query ?? {}) as Record<string, unknown>;
  const asked = typeof query.lang === 'string' ? supportedLanguage(query.lang) : null;
  if (asked) return asked;
  const header = req.headers['accept-language'];
  const value = Array.isArray(header) ? header.join(',') : header ?? '';
  const ranked = value.split(',')
    .map((part, index) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)).find(Boolean);
      return { tag: tag!.trim(), q: q ? Number(q[1]) : 1, index };
    })
    .filter((entry) => entry.tag && entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const entry of ranked) {
    const code = supportedLanguage(entry.tag);
    if (code) return code;
  }
  return DEFAULT_LANGUAGE;
}
