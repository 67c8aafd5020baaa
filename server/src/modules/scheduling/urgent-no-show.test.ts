// Urgent visits (over taken slots, outside hours) and the automatic no-show sweep.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { loadConfig } from '../../config';
import { codes, type TestApp } from '../../../test/harness';
import {
  bookAppointment, createDoctor, hospitalTime, insertAppointment, openAllWeek, quickPatients, registerPatient, type Session,
} from '../../../test/factories';
import { closeTwoApps, sqlRows, startTwoApps } from '../../../test/two-apps';
import { markNoShows } from './no-shows';

let a: TestApp;
let b: TestApp;
let admin: Session;

beforeAll(async () => { ({ a, b, admin } = await startTwoApps()); });
afterAll(() => closeTwoApps({ a, b }));

const URGENT = 'mutation($i: BookUrgentAppointmentInput!) { bookUrgentAppointment(input: $i) { id startsAt endsAt status urgent urgentReason patient { id } } }';
const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
const DAY = 'query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { id urgent urgentReason status } }';

const rows = sqlRows(() => a);

const today = () => DateTime.fromJSDate(clock.now()).setZone(a.config.timezone);

describe('urgent visits', () => {
  it('the front desk books over a taken slot and outside hours; marked, audited, counted apart; others keep their guarantees', async () => {
    const d = await createDoctor(a, admin);
    await openAllWeek(a, d.token, d.doctorId, { startTime: '08:00', endTime: '18:00' });
    const [p1, p2, p3, ...racers] = await quickPatients(a, 10);
    const startsAt = await hospitalTime(a, 1, '10:00');
    await bookAppointment(a, p1.token, { doctorId: d.doctorId, startsAt });

    const over = await a.ok(URGENT, { i: { doctorId: d.doctorId, patientId: p2.patientId, startsAt, reason: 'Chest pain' } }, admin.token);
    expect(over.bookUrgentAppointment).toMatchObject({ startsAt, status: 'SCHEDULED', urgent: true, urgentReason: 'Chest pain', patient: { id: p2.patientId } });
    const late = await b.ok(URGENT, { i: { doctorId: d.doctorId, patientId: p3.patientId, startsAt: await hospitalTime(a, 1, '21:15'), minutes: 20, reason: 'Fracture' } }, admin.token);
    expect(late.bookUrgentAppointment).toMatchObject({ endsAt: await hospitalTime(a, 1, '21:35'), urgent: true });

    // Every view marks it: the doctor's day, the appointment itself; the patient does not see the front desk's reason.
    const day = (await a.ok(DAY, { d: d.doctorId, date: today().plus({ days: 1 }).toISODate() }, d.token)).doctorDay;
    expect(day.map((x: { urgent: boolean }) => x.urgent)).toEqual([false, true, true]);
    expect(day[1].urgentReason).toBe('Chest pain');
    const seen = await a.ok('query($id: ID!) { appointment(id: $id) { urgent urgentReason } }', { id: over.bookUrgentAppointment.id }, p2.token);
    expect(seen.appointment).toEqual({ urgent: true, urgentReason: null });
    const audit = await rows<{ n: number }>("select count(*) as n from audit_event where action = 'appointment.book_urgent' and entity_id = ?", [over.bookUrgentAppointment.id]);
    expect(Number(audit[0].n)).toBe(1);

    // Ordinary bookings still cannot take 10:00, nor the urgent 21:15 time; a free slot still has one winner.
    expect(codes(await a.gql(BOOK, { input: { doctorId: d.doctorId, startsAt } }, racers[0].token))).toEqual(['SLOT_UNAVAILABLE']);
    const free = await hospitalTime(a, 1, '11:00');
    const race = await Promise.all(racers.map((r, i) => (i % 2 ? a : b).gql(BOOK, { input: { doctorId: d.doctorId, startsAt: free } }, r.token)));
    expect(race.filter((r) => !r.errors)).toHaveLength(1);
    // Never over the patient's own visit.
    expect(codes(await a.gql(URGENT, { i: { doctorId: d.doctorId, patientId: p1.patientId, startsAt, reason: 'Again' } }, admin.token))).toEqual(['SLOT_UNAVAILABLE']);

    const stats = await a.ok('query($f: LocalDate!, $t: LocalDate!) { schedulingStats(from: $f, to: $t) { urgentVisits } }',
      { f: today().toISODate(), t: today().plus({ days: 2 }).toISODate() }, admin.token);
    expect(stats.schedulingStats.urgentVisits).toBe(2);
  });

  it('refuses other roles and bad input', async () => {
    const d = await createDoctor(a, admin);
    const p = await registerPatient(a);
    const input = { doctorId: d.doctorId, patientId: p.patientId, startsAt: await hospitalTime(a, 1, '10:00'), reason: 'Bleeding' };
    expect(codes(await a.gql(URGENT, { i: input }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await a.gql(URGENT, { i: input }, p.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(URGENT, { i: input }, d.token))).toEqual(['FORBIDDEN']);
    for (const [patch, field] of [[{ reason: ' ' }, 'reason'], [{ minutes: 300 }, 'minutes'], [{ minutes: 2 }, 'minutes'],
      [{ startsAt: await hospitalTime(a, 30, '10:00') }, 'startsAt'], [{ startsAt: new Date(clock.nowMs() - 3 * 3600_000).toISOString() }, 'startsAt']] as const) {
      const result = await a.gql(URGENT, { i: { ...input, ...patch } }, admin.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toHaveProperty(`fields.${field}`);
    }
    expect(codes(await a.gql(URGENT, { i: { ...input, patientId: '99999999' } }, admin.token))).toEqual(['NOT_FOUND']);
    expect(await rows('select id from appointment where doctor_id = ?', [d.doctorId])).toEqual([]);
  });
});

describe('no-shows', () => {
  it('visits still SCHEDULED when their hospital day ended become NO_SHOW, once, whichever process sweeps', async () => {
    const d = await createDoctor(a, admin);
    const p = await registerPatient(a);
    const other = await registerPatient(a);
    const yesterday = today().minus({ days: 1 }).set({ hour: 10, minute: 0 }).toJSDate();
    const missed = await insertAppointment(a, { doctorId: d.doctorId, patientId: p.patientId, startsAt: yesterday });
    const came = await insertAppointment(a, { doctorId: d.doctorId, patientId: other.patientId, startsAt: new Date(yesterday.getTime() + 3600_000), status: 'COMPLETED' });
    // Today's visit that has started but whose day is not over stays SCHEDULED.
    const earlier = today().set({ hour: 0, minute: 30 }).toJSDate();
    const todays = await insertAppointment(a, { doctorId: d.doctorId, patientId: other.patientId, startsAt: earlier });

    const counts = await Promise.all([markNoShows(a.app.deps), markNoShows(b.app.deps)]);
    expect(counts[0] + counts[1]).toBeGreaterThanOrEqual(1);
    const status = async (id: string) => (await rows<{ status: string }>('select status from appointment where id = ?', [id]))[0].status;
    expect(await status(missed)).toBe('NO_SHOW');
    expect(await status(came)).toBe('COMPLETED');
    expect(await status(todays)).toBe('SCHEDULED');
    const audit = await rows<{ n: number }>("select count(*) as n from audit_event where action = 'appointment.no_show_auto' and entity_id = ?", [missed]);
    expect(Number(audit[0].n)).toBe(1);
    const events = await rows<{ n: number }>("select count(*) as n from outbox_event where kind = 'STATUS_CHANGED' and appointment_id = ?", [missed]);
    expect(Number(events[0].n)).toBe(1);
    expect(await markNoShows(a.app.deps)).toBe(0);

    // The front desk sees the count when booking; the dashboard per doctor and department.
    const count = await a.ok('query($p: ID!) { patientNoShowCount(patientId: $p) }', { p: p.patientId }, admin.token);
    expect(count.patientNoShowCount).toBe(1);
    expect(codes(await a.gql('query($p: ID!) { patientNoShowCount(patientId: $p) }', { p: p.patientId }, p.token))).toEqual(['FORBIDDEN']);
    const stats = await a.ok('query($f: LocalDate!, $t: LocalDate!) { schedulingStats(from: $f, to: $t) { noShows noShowsByDoctor { id noShows visits } noShowsByDepartment { id noShows } } }',
      { f: today().minus({ days: 1 }).toISODate(), t: today().toISODate() }, admin.token);
    expect(stats.schedulingStats.noShowsByDoctor).toContainEqual({ id: d.doctorId, noShows: 1, visits: 2 });
    expect(stats.schedulingStats.noShowsByDepartment).toContainEqual({ id: d.departmentId, noShows: 1 });
    expect(codes(await a.gql('query($f: LocalDate!, $t: LocalDate!) { schedulingStats(from: $f, to: $t) { noShows } }', { f: today().toISODate(), t: today().minus({ days: 2 }).toISODate() }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await a.gql('query($f: LocalDate!, $t: LocalDate!) { schedulingStats(from: $f, to: $t) { noShows } }', { f: today().toISODate(), t: today().toISODate() }, d.token))).toEqual(['FORBIDDEN']);
  });

  it('HMS_AUTO_NO_SHOW switches the sweep off; other values are refused', () => {
    const base = { DATABASE_URL: 'mysql://root@127.0.0.1:3306/x' } as NodeJS.ProcessEnv;
    expect(loadConfig(base).autoNoShow).toBe(true);
    expect(loadConfig({ ...base, HMS_AUTO_NO_SHOW: 'off' }).autoNoShow).toBe(false);
    expect(() => loadConfig({ ...base, HMS_AUTO_NO_SHOW: 'maybe' })).toThrow(/HMS_AUTO_NO_SHOW/);
    expect(loadConfig({ ...base, HMS_WAITLIST_HOLD_MINUTES: '5', HMS_SERIES_WINDOW_DAYS: '90' })).toMatchObject({ waitlistHoldMinutes: 5, seriesWindowDays: 90 });
    expect(() => loadConfig({ ...base, HMS_WAITLIST_HOLD_MINUTES: '0' })).toThrow(/HMS_WAITLIST_HOLD_MINUTES/);
  });
});
