// How money, days and times read on screen. Times are shown in the hospital's zone and in
// the signed-in person's 12- or 24-hour choice (lib/preferences.ts): every time on screen
// goes through formatTime / formatDateTime / formatTimeRange. Plain Intl, no date library,
// so the pages that only show times do not download one.
import { intlLocale, t } from '../i18n';
import { hospitalZone } from './hospital-zone';
import { hourCycle } from './preferences';

export function formatMoney(money: { amount: string; currency: string }): string {
  const value = Number(money.amount);
  try {
    return new Intl.NumberFormat(intlLocale(), { style: 'currency', currency: money.currency }).format(value);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}

function timeOptions(): Intl.DateTimeFormatOptions {
  const cycle = hourCycle();
  return { hour: 'numeric', minute: '2-digit', ...(cycle === 'auto' ? {} : { hourCycle: cycle }) };
}

function inHospital(iso: string, options: Intl.DateTimeFormatOptions): string {
  return new Intl.DateTimeFormat(intlLocale(), { ...options, timeZone: hospitalZone() }).format(new Date(iso));
}

/** 09:30 or 9:30 AM, as the person chose. */
export function formatTime(iso: string): string {
  return inHospital(iso, timeOptions());
}

/** 9:30 AM – 10:00 AM (both ends written the same way). */
export function formatTimeRange(startIso: string, endIso: string): string {
  return `${formatTime(startIso)} – ${formatTime(endIso)}`;
}

/** Mon, 23 Nov 2026, 09:30 */
export function formatDateTime(iso: string): string {
  return inHospital(iso, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', ...timeOptions() });
}

/** Parts of a moment's hospital date: "Nov", "23", "Mon" (for calendar tiles). */
export function formatHospitalDate(iso: string, options: Intl.DateTimeFormatOptions): string {
  return inHospital(iso, options);
}

/** The hospital day (YYYY-MM-DD) a moment falls on. */
export function hospitalDate(iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: hospitalZone() })
    .formatToParts(new Date(iso));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** A LocalDate (YYYY-MM-DD) as "Monday, 23 November". */
export function formatLocalDate(date: string, format: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }): string {
  return new Intl.DateTimeFormat(intlLocale(), { ...format, timeZone: 'UTC' }).format(new Date(`${date}T12:00:00Z`));
}

/** The LocalDate `days` after (or before) `date`. */
export function addDays(date: string, days: number): string {
  const moment = new Date(`${date}T12:00:00Z`);
  moment.setUTCDate(moment.getUTCDate() + days);
  return moment.toISOString().slice(0, 10);
}

/**
 * Server-written text (notifications) carries times as 24-hour "14:20": write them the
 * person's way, so one screen never mixes "14:20" and "2:20 PM".
 */
export function localizeTimesInText(text: string): string {
  if (hourCycle() === 'h23') return text;
  return text.replace(/\b([01]\d|2[0-3]):([0-5]\d)\b/g, (_match, h: string, m: string) =>
    new Intl.DateTimeFormat(intlLocale(), { ...timeOptions(), timeZone: 'UTC' }).format(new Date(Date.UTC(2000, 0, 1, Number(h), Number(m)))));
}

/** The zone times are shown in, e.g. "Europe/London", for a caption under time pickers. */
export function displayZone(): string {
  return hospitalZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Dr. Vikram Mehta" for a doctor's name, without doubling a title the name already carries ("Dr. Dr."). */
export function doctorTitle(fullName: string): string {
  return /^(dr\b\.?|डॉ)/i.test(fullName.trim()) ? fullName.trim() : t('Dr. {{name}}', { name: fullName.trim() });
}
