// Pure slot arithmetic: no database, no clock of its own, so every rule about
// weekly hours, time zones and daylight-saving days can be unit-tested.
import { DateTime } from 'luxon';

/** One weekly range of hours, in minutes after local midnight (as stored). */
export interface WeeklyRange {
  weekday: number;
  startMinute: number;
  endMinute: number;
  slotMinutes: number;
}

export interface Interval {
  startsAt: Date;
  endsAt: Date;
}

export type DayPeriodName = 'MORNING' | 'AFTERNOON' | 'EVENING';

export interface ComputedSlot extends Interval {
  period: DayPeriodName;
}

export const MIN_SLOT_MINUTES = 5;
export const MAX_SLOT_MINUTES = 240;

/** "09:30" -> 570; null when malformed. "24:00" is accepted as the end of the day. */
export function parseClock(value: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes !== 0)) return null;
  return hours * 60 + minutes;
}

/** 570 -> "09:30". */
export function formatClock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** MORNING before 12:00, AFTERNOON before 17:00, EVENING from 17:00 (local wall clock). */
export function periodOf(local: DateTime): DayPeriodName {
  const minute = local.hour * 60 + local.minute;
  if (minute < 12 * 60) return 'MORNING';
  if (minute < 17 * 60) return 'AFTERNOON';
  return 'EVENING';
}

/** The local calendar day `date` (YYYY-MM-DD) in `zone`, or null when it is not a date. */
export function localDay(date: string, zone: string): DateTime | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const day = DateTime.fromISO(date, { zone });
  return day.isValid ? day.startOf('day') : null;
}

/** [start, end) of a hospital day in UTC instants; 23 or 25 hours long on DST days. */
export function dayBounds(day: DateTime): Interval {
  return { startsAt: day.startOf('day').toJSDate(), endsAt: day.startOf('day').plus({ days: 1 }).toJSDate() };
}

const boundsCache = new Map<string, [number, number] | null>();

/**
 * `dayBounds(localDay(date, zone))`, remembered: a day's bounds never change, and the day view
 * asks for the same few days on every request (luxon's zone arithmetic was ~3 % of its CPU).
 * Fresh Date objects each time (callers may keep them). null for a malformed date.
 */
export function hospitalDayBounds(date: string, zone: string): Interval | null {
  const key = `${zone} ${date}`;
  let cached = boundsCache.get(key);
  if (cached === undefined) {
    const day = localDay(date, zone);
    const bounds = day ? dayBounds(day) : null;
    cached = bounds ? [bounds.startsAt.getTime(), bounds.endsAt.getTime()] : null;
    if (boundsCache.size >= 512) boundsCache.clear();
    boundsCache.set(key, cached);
  }
  return cached ? { startsAt: new Date(cached[0]), endsAt: new Date(cached[1]) } : null;
}

/** The hospital-day (YYYY-MM-DD) an instant falls on. */
export function localDateOf(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toISODate()!;
}

/**
 * Every slot the weekly ranges give on one local day, in time order.
 *
 * Slots follow the wall clock: each range yields the local times start,
 * start+slot, ... before end. On the spring-forward day a local time that does
 * not exist (02:30 in New York) yields no slot; on the fall-back day a
 * repeated local time yields one slot, at its first occurrence. A slot lasts
 * `slotMinutes` of real time.
 */
export function slotsForDay(day: DateTime, ranges: WeeklyRange[]): ComputedSlot[] {
  const midnight = day.startOf('day');
  const slots: ComputedSlot[] = [];
  for (const range of ranges) {
    if (range.weekday !== midnight.weekday) continue;
    for (let minute = range.startMinute; minute + range.slotMinutes <= range.endMinute; minute += range.slotMinutes) {
      const hour = Math.floor(minute / 60);
      const local = midnight.set({ hour, minute: minute % 60 });
      // Luxon moves a non-existent local time forward; such a time has no slot.
      if (local.hour !== hour || local.minute !== minute % 60 || !local.hasSame(midnight, 'day')) continue;
      const startsAt = local.toJSDate();
      slots.push({ startsAt, endsAt: new Date(startsAt.getTime() + range.slotMinutes * 60_000), period: periodOf(local) });
    }
  }
  slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  // Ranges never overlap (validated), but a fall-back day could map two wall times
  // to neighbouring instants; keep the list strictly increasing and non-overlapping.
  return slots.filter((slot, i) => i === 0 || slot.startsAt.getTime() >= slots[i - 1].endsAt.getTime());
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.startsAt.getTime() < b.endsAt.getTime() && b.startsAt.getTime() < a.endsAt.getTime();
}

/**
 * The hospital days a booking may fall on: today and the following days,
 * `windowDays` calendar days in all (today included).
 */
export function bookingWindow(now: Date, zone: string, windowDays: number): { firstDay: DateTime; lastDay: DateTime; endsAt: Date } {
  const firstDay = DateTime.fromJSDate(now, { zone }).startOf('day');
  const lastDay = firstDay.plus({ days: windowDays - 1 });
  return { firstDay, lastDay, endsAt: lastDay.plus({ days: 1 }).startOf('day').toJSDate() };
}

export interface FreeSlotQuery {
  day: DateTime;
  ranges: WeeklyRange[];
  /** Active appointments of the doctor that may touch the day. */
  taken: Interval[];
  blocks: Interval[];
  now: Date;
  windowDays: number;
  zone: string;
}

/** Free slots of one day: on the grid, in the future, inside the window, not taken, not blocked. */
export function freeSlots(query: FreeSlotQuery): ComputedSlot[] {
  const window = bookingWindow(query.now, query.zone, query.windowDays);
  const busy = [...query.taken, ...query.blocks];
  return slotsForDay(query.day, query.ranges).filter((slot) =>
    slot.startsAt.getTime() > query.now.getTime() &&
    slot.startsAt.getTime() < window.endsAt.getTime() &&
    !busy.some((b) => overlaps(slot, b)));
}

/** The grid slot that starts exactly at `startsAt`, or null (off-grid or outside hours). */
export function slotStartingAt(startsAt: Date, zone: string, ranges: WeeklyRange[]): ComputedSlot | null {
  const local = DateTime.fromJSDate(startsAt, { zone });
  const midnight = local.startOf('day');
  // On a day whose UTC offset changes, walk the whole day exactly as the slot list does.
  if (midnight.offset !== midnight.plus({ days: 1 }).startOf('day').offset || midnight.offset !== local.offset) {
    return slotsForDay(midnight, ranges).find((slot) => slot.startsAt.getTime() === startsAt.getTime()) ?? null;
  }
  // Otherwise (nearly always) the booking path only needs arithmetic on the local minute.
  if (local.second !== 0 || local.millisecond !== 0) return null;
  const minute = local.hour * 60 + local.minute;
  const range = ranges.find((r) => r.weekday === local.weekday && minute >= r.startMinute &&
    minute + r.slotMinutes <= r.endMinute && (minute - r.startMinute) % r.slotMinutes === 0);
  if (!range) return null;
  return { startsAt, endsAt: new Date(startsAt.getTime() + range.slotMinutes * 60_000), period: periodOf(local) };
}

/** Why a set of ranges is invalid, per input index and field; empty when valid. */
export function validateRanges(ranges: WeeklyRange[]): Record<string, string> {
  const fields: Record<string, string> = {};
  ranges.forEach((range, i) => {
    if (range.slotMinutes < MIN_SLOT_MINUTES || range.slotMinutes > MAX_SLOT_MINUTES || !Number.isInteger(range.slotMinutes)) {
      fields[`rules.${i}.slotMinutes`] ??= `From ${MIN_SLOT_MINUTES} to ${MAX_SLOT_MINUTES} minutes`;
    } else if (range.startMinute < range.endMinute && (range.endMinute - range.startMinute) % range.slotMinutes !== 0) {
      fields[`rules.${i}.slotMinutes`] ??= 'Must divide the range into whole slots';
    }
  });
  const sorted = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute);
  for (let k = 1; k < sorted.length; k += 1) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (prev.weekday === cur.weekday && cur.startMinute < prev.endMinute) {
      fields[`rules.${cur.i}.startTime`] ??= `Overlaps another range on the same day (${formatClock(prev.startMinute)}-${formatClock(prev.endMinute)})`;
    }
  }
  return fields;
}
