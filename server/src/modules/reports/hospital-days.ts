import { DateTime } from 'luxon';
import { BadInputError } from '../../errors';

/** One hospital calendar day and its [start, end) instants in UTC. */
export interface HospitalDay {
  day: string;
  start: Date;
  end: Date;
}

function parseDay(value: string, zone: string, field: string): DateTime {
  const parsed = DateTime.fromISO(value, { zone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || !parsed.isValid) {
    throw new BadInputError(`${field} must be a date like 2026-11-23`, { [field]: 'Not a date (YYYY-MM-DD)' });
  }
  return parsed.startOf('day');
}

/**
 * The UTC instants bounding hospital days `from`..`to` (both inclusive), as
 * [start, end). Either end may be missing (open range).
 */
export function dayRange(from: string | null | undefined, to: string | null | undefined, zone: string): { start: Date | null; end: Date | null } {
  const start = from ? parseDay(from, zone, 'from') : null;
  const end = to ? parseDay(to, zone, 'to').plus({ days: 1 }) : null;
  if (start && end && end <= start) throw new BadInputError('to must not be before from', { to: 'Before from' });
  return { start: start?.toUTC().toJSDate() ?? null, end: end?.toUTC().toJSDate() ?? null };
}

/**
 * Every hospital day from `from` to `to` inclusive, each with its own UTC
 * bounds (days around a DST change are 23 or 25 hours long).
 */
export function hospitalDays(from: string, to: string, zone: string, maxDays = 366): HospitalDay[] {
  let day = parseDay(from, zone, 'from');
  const last = parseDay(to, zone, 'to');
  if (last < day) throw new BadInputError('to must not be before from', { to: 'Before from' });
  if (last.diff(day, 'days').days >= maxDays) {
    throw new BadInputError(`The range may cover at most ${maxDays} days`, { to: `At most ${maxDays} days after from` });
  }
  const days: HospitalDay[] = [];
  while (day <= last) {
    const next = day.plus({ days: 1 });
    days.push({ day: day.toISODate()!, start: day.toUTC().toJSDate(), end: next.toUTC().toJSDate() });
    day = next;
  }
  return days;
}

/** The hospital calendar year of an instant. */
export function hospitalYear(instant: Date, zone: string): number {
  return DateTime.fromJSDate(instant, { zone }).year;
}

/** A hospital calendar month: "YYYY-MM", its first and last day, and its [start, end) instants in UTC. */
export interface HospitalMonth {
  month: string;
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** Parses "YYYY-MM" as a month of the hospital calendar; BAD_USER_INPUT otherwise. */
export function hospitalMonth(month: string, zone: string, field = 'month'): HospitalMonth {
  const first = /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? DateTime.fromISO(`${month}-01`, { zone }) : null;
  if (!first || !first.isValid || first.year < 2000 || first.year > 2100) {
    throw new BadInputError(`${field} must be a month like 2026-11`, { [field]: 'Not a month (YYYY-MM)' });
  }
  const next = first.plus({ months: 1 });
  return {
    month,
    from: first.toISODate()!,
    to: next.minus({ days: 1 }).toISODate()!,
    start: first.toUTC().toJSDate(),
    end: next.toUTC().toJSDate(),
  };
}

/** The hospital month before the one `instant` falls in (what the 1st-of-month job reports). */
export function previousHospitalMonth(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}
