// Recurring visits over two API processes (two apps on one database).
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { codes, type TestApp } from '../../../test/harness';
import { createDoctor, hospitalTime, insertAppointment, quickPatients, registerPatient, type DoctorSession, type Session } from '../../../test/factories';
import { closeTwoApps, openDoctor as openDoctorOn, sqlRows, startTwoApps } from '../../../test/two-apps';

let a: TestApp;
let b: TestApp;
let admin: Session;

beforeAll(async () => { ({ a, b, admin } = await startTwoApps()); });
afterAll(() => closeTwoApps({ a, b }));

const SERIES = 'mutation($i: BookAppointmentSeriesInput!) { bookAppointmentSeries(input: $i) { seriesId booked { id startsAt status seriesId patient { id } } skipped { startsAt code message } } }';
const CANCEL_SERIES = 'mutation($s: ID!, $from: ID, $r: String) { cancelAppointmentSeries(seriesId: $s, fromAppointmentId: $from, reason: $r) { id status startsAt } }';
const VISITS = 'query($s: ID!) { appointmentSeries(seriesId: $s) { id status startsAt } }';

const openDoctor = (): Promise<DoctorSession> => openDoctorOn(a, admin);

/** The instant `weeks` weeks after `iso`, same hospital wall time. */
function weeksAfter(iso: string, weeks: number): string {
  return DateTime.fromISO(iso).setZone(a.config.timezone).plus({ weeks }).toUTC().toISO()!;
}

const rows = sqlRows(() => a);

describe('bookAppointmentSeries', () => {
  it('a 6-week series with one clash: ALL_OR_NOTHING books nothing and names the date; BOOK_WHAT_FITS books the other five', async () => {
    const d = await openDoctor();
    const p = await registerPatient(a);
    const other = await registerPatient(a);
    const first = await hospitalTime(a, 1, '10:00');
    const clash = weeksAfter(first, 2);
    // Week 3 is beyond the patients' 7-day window but inside the series window; someone has it.
    await insertAppointment(a, { doctorId: d.doctorId, patientId: other.patientId, startsAt: new Date(clash) });
    const input = { doctorId: d.doctorId, startsAt: first, everyWeeks: 1, count: 6, reason: 'Physio' };

    const none = await a.ok(SERIES, { i: { ...input, mode: 'ALL_OR_NOTHING' } }, p.token);
    expect(none.bookAppointmentSeries).toMatchObject({ seriesId: null, booked: [], skipped: [{ startsAt: clash, code: 'SLOT_UNAVAILABLE' }] });
    expect(await rows('select id from appointment where patient_id = ?', [p.patientId])).toEqual([]);
    expect(await rows('select id from appointment_series where patient_id = ?', [p.patientId])).toEqual([]);

    const some = await b.ok(SERIES, { i: { ...input, mode: 'BOOK_WHAT_FITS' } }, p.token);
    const result = some.bookAppointmentSeries;
    expect(result.seriesId).toBeTruthy();
    expect(result.booked.map((x: { startsAt: string }) => x.startsAt)).toEqual([0, 1, 3, 4, 5].map((w) => weeksAfter(first, w)));
    expect(result.booked.every((x: { status: string; seriesId: string; patient: { id: string } }) =>
      x.status === 'SCHEDULED' && x.seriesId === result.seriesId && x.patient.id === p.patientId)).toBe(true);
    expect(result.skipped).toEqual([{ startsAt: clash, code: 'SLOT_UNAVAILABLE', message: expect.any(String) }]);
    // Ordinary appointments: one live event and one audit row each, in the same transactions.
    const ids = result.booked.map((x: { id: string }) => Number(x.id));
    const events = await rows<{ n: number }>(`select count(*) as n from outbox_event where kind = 'BOOKED' and appointment_id in (${ids.join(',')})`);
    expect(Number(events[0].n)).toBe(5);
    const audits = await rows<{ n: number }>(`select count(*) as n from audit_event where action = 'appointment.book' and entity_id in (${ids.map((i: number) => `'${i}'`).join(',')})`);
    expect(Number(audits[0].n)).toBe(5);

    // Cancel from the third visit on (week 4): weeks 4, 5, 6 go; weeks 1 and 2 stay.
    const cancelled = await a.ok(CANCEL_SERIES, { s: result.seriesId, from: result.booked[2].id, r: 'Moving away' }, p.token);
    expect(cancelled.cancelAppointmentSeries.map((x: { startsAt: string }) => x.startsAt)).toEqual([3, 4, 5].map((w) => weeksAfter(first, w)));
    const visits = await b.ok(VISITS, { s: result.seriesId }, p.token);
    expect(visits.appointmentSeries.map((x: { status: string }) => x.status)).toEqual(['SCHEDULED', 'SCHEDULED', 'CANCELLED', 'CANCELLED', 'CANCELLED']);
    // One at a time and moving one are the ordinary mutations.
    await a.ok('mutation($id: ID!) { cancelAppointment(id: $id) { id } }', { id: result.booked[1].id }, p.token);
    const moved = await a.ok('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { startsAt } }',
      { id: result.booked[0].id, s: await hospitalTime(a, 1, '11:00') }, p.token);
    expect(moved.rescheduleAppointment.startsAt).toBe(await hospitalTime(a, 1, '11:00'));
    // The whole rest: nothing upcoming is left.
    await a.ok(CANCEL_SERIES, { s: result.seriesId }, admin.token);
    expect(codes(await a.gql(CANCEL_SERIES, { s: result.seriesId }, admin.token))).toEqual(['INVALID_TRANSITION']);
  });

  it('two patients racing for the same weekly slot over two processes: every date has one winner', async () => {
    const d = await openDoctor();
    const patients = await quickPatients(a, 6);
    const first = await hospitalTime(a, 2, '14:00');
    const results = await Promise.all(patients.map((p, i) => (i % 2 ? a : b).ok(SERIES, {
      i: { doctorId: d.doctorId, startsAt: first, count: 4, mode: i < 3 ? 'BOOK_WHAT_FITS' : 'ALL_OR_NOTHING' },
    }, p.token)));
    const booked = results.flatMap((r) => r.bookAppointmentSeries.booked.map((x: { startsAt: string }) => x.startsAt));
    expect(booked.sort()).toEqual([0, 1, 2, 3].map((w) => weeksAfter(first, w)).sort());
    const active = await rows<{ n: number }>("select count(*) as n from appointment where doctor_id = ? and status = 'SCHEDULED'", [d.doctorId]);
    expect(Number(active[0].n)).toBe(4);
  });

  it('monthly on the same weekday of the month, and until an end date', async () => {
    const d = await openDoctor();
    const p = await registerPatient(a);
    const zone = a.config.timezone;
    // The first day, within the booking window, that is in the first four weeks of its month.
    let day = DateTime.fromJSDate(clock.now()).setZone(zone).plus({ days: 1 }).startOf('day');
    while (Math.ceil(day.day / 7) > 4) day = day.plus({ days: 1 });
    const first = day.set({ hour: 9 }).toUTC().toISO()!;
    const monthly = await a.ok(SERIES, { i: { doctorId: d.doctorId, startsAt: first, repeat: 'MONTHLY_WEEKDAY', count: 3, mode: 'ALL_OR_NOTHING' } }, p.token);
    const dates = monthly.bookAppointmentSeries.booked.map((x: { startsAt: string }) => DateTime.fromISO(x.startsAt).setZone(zone));
    expect(dates).toHaveLength(3);
    for (const date of dates) {
      expect(date.weekday).toBe(day.weekday);
      expect(Math.ceil(date.day / 7)).toBe(Math.ceil(day.day / 7));
      expect(date.toFormat('HH:mm')).toBe('09:00');
    }
    const other = await registerPatient(a);
    const start = await hospitalTime(a, 1, '16:00');
    const until = DateTime.fromISO(start).setZone(zone).plus({ weeks: 4 }).toISODate();
    const weekly = await b.ok(SERIES, { i: { doctorId: d.doctorId, startsAt: start, everyWeeks: 2, until, mode: 'BOOK_WHAT_FITS' } }, other.token);
    expect(weekly.bookAppointmentSeries.booked.map((x: { startsAt: string }) => x.startsAt)).toEqual([0, 2, 4].map((w) => weeksAfter(start, w)));
  });

  it('refuses bad input, and every role but the patient themself and the front desk', async () => {
    const d = await openDoctor();
    const p = await registerPatient(a);
    const other = await registerPatient(a);
    const first = await hospitalTime(a, 1, '12:00');
    const base = { doctorId: d.doctorId, startsAt: first, count: 3, mode: 'ALL_OR_NOTHING' };
    const bad = async (input: Record<string, unknown>, field: string) => {
      const result = await a.gql(SERIES, { i: input }, p.token);
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors![0].extensions).toHaveProperty(`fields.${field}`);
    };
    await bad({ ...base, count: 13 }, 'count');
    await bad({ ...base, count: 1 }, 'count');
    await bad({ ...base, count: undefined }, 'count');
    await bad({ ...base, until: DateTime.fromISO(first).plus({ weeks: 3 }).toISODate() }, 'until');
    await bad({ ...base, count: undefined, until: DateTime.fromJSDate(clock.now()).plus({ days: 400 }).toISODate() }, 'until');
    await bad({ ...base, everyWeeks: 0 }, 'everyWeeks');
    await bad({ ...base, everyWeeks: 12, count: 12 }, 'count');
    expect(codes(await a.gql(SERIES, { i: { ...base, reason: 'x'.repeat(501) } }, p.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await a.gql(SERIES, { i: { ...base, doctorId: '99999999' } }, p.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(SERIES, { i: base }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await a.gql(SERIES, { i: base }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(SERIES, { i: { ...base, patientId: other.patientId } }, p.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(SERIES, { i: base }, admin.token))).toEqual(['BAD_USER_INPUT']);
    const made = await a.ok(SERIES, { i: { ...base, patientId: p.patientId } }, admin.token);
    const seriesId = made.bookAppointmentSeries.seriesId;
    expect(made.bookAppointmentSeries.booked).toHaveLength(3);
    // Another patient and another doctor see nothing of it.
    const stranger = await createDoctor(a, admin);
    expect(codes(await a.gql(VISITS, { s: seriesId }, other.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(CANCEL_SERIES, { s: seriesId }, other.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(CANCEL_SERIES, { s: seriesId }, stranger.token))).toEqual(['NOT_FOUND']);
    expect(codes(await a.gql(CANCEL_SERIES, { s: seriesId, from: '99999999' }, p.token))).toEqual(['BAD_USER_INPUT']);
    // Its doctor may cancel it.
    const gone = await a.ok(CANCEL_SERIES, { s: seriesId }, d.token);
    expect(gone.cancelAppointmentSeries).toHaveLength(3);
  });
});
