// How money, days and times read on screen.
import { DateTime } from 'luxon';
import { hospitalZone } from './hospital-zone';

export function formatMoney(money: { amount: string; currency: string }): string {
  const value = Number(money.amount);
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency: money.currency }).format(value);
  } catch {
    return `${money.amount} ${money.currency}`;
  }
}


export function toHospitalTime(iso: string): DateTime {
  const time = DateTime.fromISO(iso, { zone: 'utc' });
  const zone = hospitalZone();
  return zone ? time.setZone(zone) : time.toLocal();
}

/** 09:30 */
export function formatTime(iso: string): string {
  return toHospitalTime(iso).toLocaleString(DateTime.TIME_SIMPLE);
}

/** Mon, 23 Nov 2026, 09:30 */
export function formatDateTime(iso: string): string {
  return toHospitalTime(iso).toLocaleString({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** A LocalDate (YYYY-MM-DD) as "Monday, 23 November". */
export function formatLocalDate(date: string, format: Intl.DateTimeFormatOptions = { weekday: 'long', day: 'numeric', month: 'long' }): string {
  return DateTime.fromISO(date).toLocaleString(format);
}

/** The zone times are shown in, e.g. "Europe/London", for a caption under time pickers. */
export function displayZone(): string {
  return hospitalZone() ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Midnight starting a hospital day (YYYY-MM-DD), in the hospital's zone. */
export function hospitalDayStart(date: string): DateTime {
  return DateTime.fromISO(date, { zone: hospitalZone() ?? 'local' }).startOf('day');
}

/** "Dr. Vikram Mehta" for a doctor's name, without doubling a title the name already carries ("Dr. Dr."). */
export function doctorTitle(fullName: string): string {
  return /^dr\b\.?/i.test(fullName.trim()) ? fullName.trim() : `Dr. ${fullName.trim()}`;
}
