import { clock } from '../../clock';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, setClock, type TestApp } from '../../../test/harness';
import {
  bookAppointment, createAdmin, createDoctor, hospitalTime, openAllWeek, registerPatient, type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let other: DoctorSession;
let patient: PatientSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  other = await createDoctor(t, admin);
  patient = await registerPatient(t);
});
afterAll(async () => { await t.close(); });

const SET = 'mutation($d: ID!, $r: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $d, rules: $r) { id weekday startTime endTime slotMinutes } }';
const RULES = 'query($d: ID!) { weeklyAvailability(doctorId: $d) { weekday startTime endTime slotMinutes } }';
const SLOTS = 'query($d: ID!, $date: LocalDate!) { availableSlots(doctorId: $d, date: $date) { startsAt endsAt period } }';
const DAYS = 'query($d: ID!, $from: LocalDate, $days: Int) { availableDays(doctorId: $d, from: $from, days: $days) { date freeSlots } }';
const ADD_BLOCK = 'mutation($input: AddAvailabilityBlockInput!) { addAvailabilityBlock(input: $input) { id doctorId startsAt endsAt reason note } }';
const REMOVE_BLOCK = 'mutation($id: ID!) { removeAvailabilityBlock(id: $id) }';
const BLOCKS = 'query($d: ID!) { availabilityBlocks(doctorId: $d) { id startsAt reason } }';
const DAY = 'query($d: ID!, $date: LocalDate!, $c: Boolean) { doctorDay(doctorId: $d, date: $date, includeCancelled: $c) { id status cancelReason } }';

const today = (plus: number) => DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).plus({ days: plus }).toISODate()!;

describe('setWeeklyAvailability', () => {
  it('the doctor sets several ranges a day; the rules replace the old ones and read back as HH:MM', async () => {
    const d = await createDoctor(t, admin);
    await t.ok(SET, { d: d.doctorId, r: [{ weekday: 1, startTime: '08:00', endTime: '09:00', slotMinutes: 15 }] }, d.token);
    const rules = [
      { weekday: 3, startTime: '14:00', endTime: '17:00', slotMinutes: 20 },
      { weekday: 3, startTime: '09:00', endTime: '12:00', slotMinutes: 30 },
      { weekday: 7, startTime: '20:00', endTime: '24:00', slotMinutes: 60 },
    ];
    const set = await t.ok(SET, { d: d.doctorId, r: rules }, d.token);
    expect(set.setWeeklyAvailability.map((r: { startTime: string }) => r.startTime)).toEqual(['09:00', '14:00', '20:00']);
    const read = await t.ok(RULES, { d: d.doctorId });
    expect(read.weeklyAvailability).toEqual([rules[1], rules[0], rules[2]]);
  });

  it('an admin may set any doctor\'s hours; another doctor, a patient and anonymous may not', async () => {
    const rules = [{ weekday: 1, startTime: '09:00', endTime: '10:00', slotMinutes: 30 }];
    await t.ok(SET, { d: other.doctorId, r: rules }, admin.token);
    expect(codes(await t.gql(SET, { d: other.doctorId, r: rules }, doctor.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SET, { d: other.doctorId, r: rules }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SET, { d: other.doctorId, r: rules }))).toEqual(['UNAUTHENTICATED']);
  });

  it.each([
    [{ weekday: 0 }, 'rules.0.weekday'],
    [{ weekday: 8 }, 'rules.0.weekday'],
    [{ startTime: '9:00' }, 'rules.0.startTime'],
    [{ endTime: '25:00' }, 'rules.0.endTime'],
    [{ startTime: '12:00', endTime: '09:00' }, 'rules.0.endTime'],
    [{ startTime: '09:00', endTime: '09:00' }, 'rules.0.endTime'],
    [{ slotMinutes: 4 }, 'rules.0.slotMinutes'],
    [{ slotMinutes: 241 }, 'rules.0.slotMinutes'],
    [{ slotMinutes: 25 }, 'rules.0.slotMinutes'],
  ])('refuses %o with BAD_USER_INPUT on %s and keeps the old rules', async (bad, field) => {
    const d = await createDoctor(t, admin);
    const good = { weekday: 2, startTime: '09:00', endTime: '12:00', slotMinutes: 30 };
    await t.ok(SET, { d: d.doctorId, r: [good] }, admin.token);
    const result = await t.gql(SET, { d: d.doctorId, r: [{ ...good, ...bad }] }, admin.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(result.errors![0].extensions!.fields!)).toContain(field);
    expect((await t.ok(RULES, { d: d.doctorId })).weeklyAvailability).toEqual([good]);
  });

  it('refuses overlapping ranges on one day', async () => {
    const result = await t.gql(SET, {
      d: doctor.doctorId,
      r: [{ weekday: 1, startTime: '09:00', endTime: '12:00', slotMinutes: 30 }, { weekday: 1, startTime: '11:30', endTime: '13:00', slotMinutes: 30 }],
    }, admin.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].extensions!.fields).toHaveProperty(['rules.1.startTime']);
  });

  it('writes an audit event with before and after', async () => {
    const d = await createDoctor(t, admin);
    await t.ok(SET, { d: d.doctorId, r: [{ weekday: 5, startTime: '10:00', endTime: '11:00', slotMinutes: 30 }] }, d.token);
    const audit = await t.ok('query($f: AuditEventFilter) { auditEvents(filter: $f) { items { action actorEmail actorRole changes } } }',
      { f: { entityType: 'doctor', entityId: d.doctorId, action: 'availability' } }, admin.token);
    expect(audit.auditEvents.items).toHaveLength(1);
    expect(audit.auditEvents.items[0]).toMatchObject({ action: 'availability.set', actorEmail: d.email, actorRole: 'DOCTOR' });
    expect(JSON.parse(audit.auditEvents.items[0].changes).weeklyHours.after).toEqual(['5 10:00-11:00/30']);
  });
});

describe('availableSlots and availableDays', () => {
  it('lists free slots in order with periods; anyone may ask', async () => {
    const d = await createDoctor(t, admin);
    await t.ok(SET, {
      d: d.doctorId,
      r: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { weekday, startTime: '16:00', endTime: '18:00', slotMinutes: 60 },
        { weekday, startTime: '11:00', endTime: '13:00', slotMinutes: 60 },
      ]),
    }, d.token);
    const date = today(2);
    const data = await t.ok(SLOTS, { d: d.doctorId, date });
    expect(data.availableSlots.map((s: { period: string }) => s.period)).toEqual(['MORNING', 'AFTERNOON', 'AFTERNOON', 'EVENING']);
    expect(data.availableSlots[0].startsAt).toBe(await hospitalTime(t, 2, '11:00'));
    expect(data.availableSlots[0].endsAt).toBe(await hospitalTime(t, 2, '12:00'));
  });

  it('never lists taken, blocked, past or out-of-window slots', async () => {
    const d = await createDoctor(t, admin);
    await openAllWeek(t, d.token, d.doctorId, { startTime: '00:00', endTime: '24:00', slotMinutes: 60 });
    const date = today(3);
    const all = (await t.ok(SLOTS, { d: d.doctorId, date })).availableSlots;
    expect(all).toHaveLength(24);
    await bookAppointment(t, patient.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 3, '10:00') });
    await t.ok(ADD_BLOCK, { input: { doctorId: d.doctorId, startsAt: await hospitalTime(t, 3, '12:30'), endsAt: await hospitalTime(t, 3, '14:00'), reason: 'SURGERY' } }, d.token);
    const left = (await t.ok(SLOTS, { d: d.doctorId, date })).availableSlots.map((s: { startsAt: string }) => s.startsAt);
    expect(left).toHaveLength(21);
    expect(left).not.toContain(await hospitalTime(t, 3, '10:00'));
    expect(left).not.toContain(await hospitalTime(t, 3, '12:00'));
    expect(left).not.toContain(await hospitalTime(t, 3, '13:00'));
    // Today at 12:00:30 hospital time: exactly the slots from 13:00 on (12:00 has begun).
    const restore = setClock(await hospitalTime(t, 0, '12:00').then((iso) => new Date(Date.parse(iso) + 30_000)));
    try {
      const todays = (await t.ok(SLOTS, { d: d.doctorId, date: today(0) })).availableSlots.map((s: { startsAt: string }) => s.startsAt);
      expect(todays).toEqual(await Promise.all(Array.from({ length: 11 }, (_, i) => hospitalTime(t, 0, `${13 + i}:00`))));
    } finally {
      restore();
    }
    // Beyond the window (7 days, today included) and in the past: nothing.
    expect((await t.ok(SLOTS, { d: d.doctorId, date: today(6) })).availableSlots).toHaveLength(24);
    expect((await t.ok(SLOTS, { d: d.doctorId, date: today(7) })).availableSlots).toEqual([]);
    expect((await t.ok(SLOTS, { d: d.doctorId, date: today(-1) })).availableSlots).toEqual([]);
    const days = (await t.ok(DAYS, { d: d.doctorId, from: today(1), days: 8 })).availableDays;
    expect(days.map((x: { date: string }) => x.date)).toEqual([1, 2, 3, 4, 5, 6, 7, 8].map(today));
    expect(days.map((x: { freeSlots: number }) => x.freeSlots)).toEqual([24, 24, 21, 24, 24, 24, 0, 0]);
  });

  it('answers NOT_FOUND for an unknown doctor and BAD_USER_INPUT for a bad date or range', async () => {
    expect(codes(await t.gql(SLOTS, { d: '99999999', date: today(1) }))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(SLOTS, { d: doctor.doctorId, date: '2026-02-30' }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DAYS, { d: doctor.doctorId, days: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(DAYS, { d: doctor.doctorId, days: 63 }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('daylight saving (America/New_York)', () => {
  let ny: TestApp;
  beforeAll(async () => { ny = await createTestApp({ HMS_TIMEZONE: 'America/New_York', HMS_BOOKING_WINDOW_DAYS: '365' }); });
  afterAll(async () => { await ny.close(); });

  /** The next day (from tomorrow) whose UTC offset changes in New York, and the direction. */
  function nextChange(forward: boolean): string | null {
    let day = DateTime.fromJSDate(clock.now()).setZone('America/New_York').startOf('day').plus({ days: 1 });
    for (let i = 1; i < 365; i += 1, day = day.plus({ days: 1 })) {
      const change = day.plus({ days: 1 }).startOf('day').offset - day.offset;
      if ((forward && change > 0) || (!forward && change < 0)) return day.toISODate()!;
    }
    // Rarely (a few days a year) the next change lies just beyond a 365-day window;
    // slots.test.ts covers the same days without a clock.
    return null;
  }

  it.for<[boolean, string[]]>([
    [true, ['00:00 -05:00', '00:30 -05:00', '01:00 -05:00', '01:30 -05:00', '03:00 -04:00', '03:30 -04:00', '09:00 -04:00']],
    [false, ['00:00 -04:00', '00:30 -04:00', '01:00 -04:00', '01:30 -04:00', '02:00 -05:00', '02:30 -05:00', '03:00 -05:00', '03:30 -05:00', '09:00 -05:00']],
  ])('spring forward %s: slots follow the wall clock and are stored in UTC', async ([forward, expected], context) => {
    const date = nextChange(forward);
    if (!date) return context.skip();
    const a = await createAdmin(ny);
    const d = await createDoctor(ny, a);
    await ny.ok(SET, {
      d: d.doctorId,
      r: [1, 2, 3, 4, 5, 6, 7].flatMap((weekday) => [
        { weekday, startTime: '00:00', endTime: '04:00', slotMinutes: 30 },
        { weekday, startTime: '09:00', endTime: '10:00', slotMinutes: 60 },
      ]),
    }, a.token);
    const slots = (await ny.ok(SLOTS, { d: d.doctorId, date })).availableSlots as Array<{ startsAt: string; endsAt: string }>;
    expect(slots.map((s) => DateTime.fromISO(s.startsAt, { zone: 'America/New_York' }).toFormat('HH:mm ZZ'))).toEqual(expected);
    for (const s of slots) expect(s.startsAt).toMatch(/Z$/);
    for (let i = 1; i < slots.length; i += 1) expect(Date.parse(slots[i].startsAt)).toBeGreaterThanOrEqual(Date.parse(slots[i - 1].endsAt));
    // The 09:00 slot is bookable at its exact UTC instant on that day.
    const p = await registerPatient(ny);
    await bookAppointment(ny, p.token, { doctorId: d.doctorId, startsAt: slots[slots.length - 1].startsAt });
    expect((await ny.ok(SLOTS, { d: d.doctorId, date })).availableSlots).toHaveLength(expected.length - 1);
  });
});

describe('blocks', () => {
  it('the doctor adds, lists and removes a block; the slots come back', async () => {
    const d = await createDoctor(t, admin);
    await openAllWeek(t, d.token, d.doctorId);
    const date = today(2);
    const before = (await t.ok(SLOTS, { d: d.doctorId, date })).availableSlots.length;
    const block = (await t.ok(ADD_BLOCK, {
      input: { doctorId: d.doctorId, startsAt: await hospitalTime(t, 2, '08:00'), endsAt: await hospitalTime(t, 2, '12:00'), reason: 'LEAVE', note: 'Conference' },
    }, d.token)).addAvailabilityBlock;
    expect(block).toMatchObject({ doctorId: d.doctorId, reason: 'LEAVE', note: 'Conference' });
    expect((await t.ok(SLOTS, { d: d.doctorId, date })).availableSlots.length).toBe(before - 8);
    expect((await t.ok(BLOCKS, { d: d.doctorId }, d.token)).availabilityBlocks.map((b: { id: string }) => b.id)).toEqual([block.id]);
    expect(await t.ok(REMOVE_BLOCK, { id: block.id }, d.token)).toEqual({ removeAvailabilityBlock: true });
    expect((await t.ok(SLOTS, { d: d.doctorId, date })).availableSlots.length).toBe(before);
  });

  it('only that doctor or an admin manage blocks', async () => {
    const input = { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 5, '08:00'), endsAt: await hospitalTime(t, 5, '09:00'), reason: 'BLOCKED_SLOT' };
    expect(codes(await t.gql(ADD_BLOCK, { input }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_BLOCK, { input }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_BLOCK, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(BLOCKS, { d: doctor.doctorId }, other.token))).toEqual(['FORBIDDEN']);
    const id = (await t.ok(ADD_BLOCK, { input }, admin.token)).addAvailabilityBlock.id;
    expect(codes(await t.gql(REMOVE_BLOCK, { id }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REMOVE_BLOCK, { id }, patient.token))).toEqual(['FORBIDDEN']);
    await t.ok(REMOVE_BLOCK, { id }, doctor.token);
    expect(codes(await t.gql(REMOVE_BLOCK, { id }, doctor.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(ADD_BLOCK, { input: { ...input, endsAt: input.startsAt } }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('over booked appointments: CONFLICT, unless an admin cancels them in the same change', async () => {
    const d = await createDoctor(t, admin);
    await openAllWeek(t, d.token, d.doctorId);
    const p = await registerPatient(t);
    const id = await bookAppointment(t, p.token, { doctorId: d.doctorId, startsAt: await hospitalTime(t, 4, '10:00') });
    const input = { doctorId: d.doctorId, startsAt: await hospitalTime(t, 4, '09:00'), endsAt: await hospitalTime(t, 4, '11:00'), reason: 'SURGERY' };
    expect(codes(await t.gql(ADD_BLOCK, { input }, d.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(ADD_BLOCK, { input: { ...input, cancelAppointments: true } }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ADD_BLOCK, { input }, admin.token))).toEqual(['CONFLICT']);
    expect((await t.ok(BLOCKS, { d: d.doctorId }, admin.token)).availabilityBlocks).toEqual([]);
    await t.ok(ADD_BLOCK, { input: { ...input, cancelAppointments: true } }, admin.token);
    const day = (await t.ok(DAY, { d: d.doctorId, date: today(4), c: true }, d.token)).doctorDay;
    expect(day).toEqual([{ id, status: 'CANCELLED', cancelReason: 'The doctor is unavailable (surgery)' }]);
    const outbox = await t.orm.em.fork().getConnection().execute('select kind from outbox_event where appointment_id = ? order by id', [Number(id)]);
    expect(outbox.map((r: { kind: string }) => r.kind)).toEqual(['BOOKED', 'CANCELLED']);
  });
});
