import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { bookingWindow, freeSlots, localDay, parseClock, slotStartingAt, slotsForDay, validateRanges, type WeeklyRange } from './slots';

const NY = 'America/New_York';
const everyDay = (startMinute: number, endMinute: number, slotMinutes: number): WeeklyRange[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startMinute, endMinute, slotMinutes }));
const local = (slots: Array<{ startsAt: Date }>, zone = NY) => slots.map((s) => DateTime.fromJSDate(s.startsAt, { zone }).toFormat('HH:mm ZZ'));

describe('slot grid', () => {
  it('parses HH:MM and refuses anything else', () => {
    expect(parseClock('09:30')).toBe(570);
    expect(parseClock('24:00')).toBe(1440);
    for (const bad of ['9:30', '24:30', '12:60', 'ab:cd', '']) expect(parseClock(bad)).toBeNull();
  });

  it('lists a plain day in order, with periods at 12:00 and 17:00', () => {
    const day = localDay('2026-06-10', NY)!;
    const slots = slotsForDay(day, [...everyDay(16 * 60, 18 * 60, 60), ...everyDay(11 * 60, 13 * 60, 60)]);
    expect(local(slots)).toEqual(['11:00 -04:00', '12:00 -04:00', '16:00 -04:00', '17:00 -04:00']);
    expect(slots.map((s) => s.period)).toEqual(['MORNING', 'AFTERNOON', 'AFTERNOON', 'EVENING']);
    expect(slots[0].startsAt.toISOString()).toBe('2026-06-10T15:00:00.000Z');
  });

  it('spring forward (New York, 2026-03-08): the missing hour has no slots, the rest are exact', () => {
    const slots = slotsForDay(localDay('2026-03-08', NY)!, [...everyDay(0, 4 * 60, 30), ...everyDay(9 * 60, 10 * 60, 60)]);
    expect(local(slots)).toEqual(['00:00 -05:00', '00:30 -05:00', '01:00 -05:00', '01:30 -05:00', '03:00 -04:00', '03:30 -04:00', '09:00 -04:00']);
    expect(slots.map((s) => s.startsAt.toISOString())).toEqual([
      '2026-03-08T05:00:00.000Z', '2026-03-08T05:30:00.000Z', '2026-03-08T06:00:00.000Z', '2026-03-08T06:30:00.000Z',
      '2026-03-08T07:00:00.000Z', '2026-03-08T07:30:00.000Z', '2026-03-08T13:00:00.000Z',
    ]);
    for (let i = 1; i < slots.length; i += 1) expect(slots[i].startsAt.getTime()).toBeGreaterThanOrEqual(slots[i - 1].endsAt.getTime());
  });

  it('fall back (New York, 2026-11-01): the repeated hour yields each wall time once', () => {
    const slots = slotsForDay(localDay('2026-11-01', NY)!, [...everyDay(0, 4 * 60, 30), ...everyDay(9 * 60, 10 * 60, 60)]);
    expect(local(slots)).toEqual([
      '00:00 -04:00', '00:30 -04:00', '01:00 -04:00', '01:30 -04:00', '02:00 -05:00', '02:30 -05:00', '03:00 -05:00', '03:30 -05:00', '09:00 -05:00',
    ]);
    expect(slots[slots.length - 1].startsAt.toISOString()).toBe('2026-11-01T14:00:00.000Z');
    for (let i = 1; i < slots.length; i += 1) expect(slots[i].startsAt.getTime()).toBeGreaterThanOrEqual(slots[i - 1].endsAt.getTime());
  });

  it('only the rules of that ISO weekday apply', () => {
    const monday = localDay('2026-11-23', 'UTC')!;
    expect(monday.weekday).toBe(1);
    expect(slotsForDay(monday, [{ weekday: 2, startMinute: 540, endMinute: 600, slotMinutes: 30 }])).toEqual([]);
    expect(slotsForDay(monday, [{ weekday: 1, startMinute: 540, endMinute: 600, slotMinutes: 30 }])).toHaveLength(2);
  });

  it('finds a booking start only on the grid', () => {
    const rules = everyDay(9 * 60, 12 * 60, 20);
    expect(slotStartingAt(new Date('2026-06-10T13:20:00.000Z'), NY, rules)?.endsAt.toISOString()).toBe('2026-06-10T13:40:00.000Z');
    expect(slotStartingAt(new Date('2026-06-10T13:25:00.000Z'), NY, rules)).toBeNull();
    expect(slotStartingAt(new Date('2026-06-10T12:40:00.000Z'), NY, rules)).toBeNull();
    expect(slotStartingAt(new Date('2026-06-10T16:00:00.000Z'), NY, rules)).toBeNull();
  });

  it('free slots drop past, taken, blocked and out-of-window ones', () => {
    const rules = everyDay(9 * 60, 12 * 60, 60);
    const now = new Date('2026-06-10T14:30:00.000Z'); // 10:30 in New York
    const day = localDay('2026-06-10', NY)!;
    const base = { ranges: rules, taken: [], blocks: [], now, windowDays: 7, zone: NY };
    expect(local(freeSlots({ ...base, day }))).toEqual(['11:00 -04:00']);
    const tomorrow = localDay('2026-06-11', NY)!;
    expect(freeSlots({ ...base, day: tomorrow })).toHaveLength(3);
    const taken = [{ startsAt: new Date('2026-06-11T13:00:00.000Z'), endsAt: new Date('2026-06-11T14:00:00.000Z') }];
    const blocks = [{ startsAt: new Date('2026-06-11T15:30:00.000Z'), endsAt: new Date('2026-06-11T15:31:00.000Z') }];
    expect(local(freeSlots({ ...base, day: tomorrow, taken, blocks }))).toEqual(['10:00 -04:00']);
    expect(freeSlots({ ...base, day: localDay('2026-06-16', NY)! })).toHaveLength(3);
    expect(freeSlots({ ...base, day: localDay('2026-06-17', NY)! })).toHaveLength(0);
    expect(bookingWindow(now, NY, 7).lastDay.toISODate()).toBe('2026-06-16');
  });

  it('validates ranges: slot length, division, overlaps', () => {
    expect(validateRanges(everyDay(540, 720, 30))).toEqual({});
    expect(validateRanges([{ weekday: 1, startMinute: 540, endMinute: 600, slotMinutes: 4 }])).toHaveProperty(['rules.0.slotMinutes']);
    expect(validateRanges([{ weekday: 1, startMinute: 540, endMinute: 600, slotMinutes: 241 }])).toHaveProperty(['rules.0.slotMinutes']);
    expect(validateRanges([{ weekday: 1, startMinute: 540, endMinute: 600, slotMinutes: 25 }])).toHaveProperty(['rules.0.slotMinutes']);
    expect(validateRanges([
      { weekday: 1, startMinute: 540, endMinute: 720, slotMinutes: 30 },
      { weekday: 1, startMinute: 700, endMinute: 800, slotMinutes: 20 },
    ])).toHaveProperty(['rules.1.startTime']);
    expect(validateRanges([
      { weekday: 1, startMinute: 540, endMinute: 720, slotMinutes: 30 },
      { weekday: 1, startMinute: 720, endMinute: 780, slotMinutes: 30 },
      { weekday: 2, startMinute: 540, endMinute: 720, slotMinutes: 30 },
    ])).toEqual({});
  });
});

describe('slotStartingAt agrees with slotsForDay', () => {
  it.each(['2026-03-08', '2026-11-01', '2026-06-10', '2026-12-31'])('on %s in New York, for every minute of the day', (date) => {
    const rules: WeeklyRange[] = [
      ...everyDay(0, 4 * 60, 30), ...everyDay(9 * 60, 12 * 60, 20), ...everyDay(13 * 60, 24 * 60, 45),
    ].filter((r) => (r.endMinute - r.startMinute) % r.slotMinutes === 0);
    const day = localDay(date, NY)!;
    const listed = new Set(slotsForDay(day, rules).map((s) => s.startsAt.getTime()));
    const from = day.toMillis() - 3_600_000;
    for (let t = from; t < from + 27 * 3_600_000; t += 5 * 60_000) {
      const found = slotStartingAt(new Date(t), NY, rules);
      const inDay = DateTime.fromMillis(t, { zone: NY }).toISODate() === date;
      if (inDay) expect(Boolean(found), new Date(t).toISOString()).toBe(listed.has(t));
    }
    expect(slotStartingAt(new Date(day.set({ hour: 9 }).toMillis() + 1000), NY, rules)).toBeNull();
  });
});
