import { DateTime } from 'luxon';
import { clock } from '../../clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, recordStatements, type TestApp } from '../../../test/harness';
import {
  bookAppointment, createAdmin, createDepartment, createDoctor, type DoctorSession, hospitalTime, insertAppointment, openAllWeek,
  type PatientSession, registerPatient, type Session,
} from '../../../test/factories';
import { ensureDailyRollup, rollupZone, utcOffsets } from './rollup';

// The dashboard's daily roll-up (appointment_daily) must equal a recount of the appointments after
// every kind of change (API bookings, moves, cancellations, check-ins, completions, no-shows; raw SQL inserts,
// updates and deletes), across a DST change, and be rebuilt when the hospital's zone changes.
const ZONE = 'Europe/Berlin';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let other: DoctorSession;
let patients: PatientSession[];

const DASHBOARD = `query($from: LocalDate!, $to: LocalDate!, $doctorId: ID) { dashboard(from: $from, to: $to, doctorId: $doctorId) {
  totals { appointments completed cancelled noShow patients appointmentsByStatus { status count } }
  daily { date appointments completed cancelled noShow patients }
  byDoctor { doctorId appointments completed cancelled noShow patients }
  byDepartment { departmentId appointments patients } } }`;

/** appointment_daily for our two doctors, as "day doctor n s ci co ca ns" lines. */
async function rollupRows(): Promise<string[]> {
  const rows = await t.orm.em.fork().getConnection().execute<Array<Record<string, unknown>>>(
    `select day, doctor_id, appointments, scheduled, checked_in, completed, cancelled, no_show from appointment_daily
     where doctor_id in (?, ?) and appointments > 0 order by day, doctor_id`, [Number(doctor.doctorId), Number(other.doctorId)]);
  return rows.map((r: Record<string, unknown>) => [r.day, r.doctor_id, r.appointments, r.scheduled, r.checked_in, r.completed, r.cancelled, r.no_show].join(' '));
}

/** The same, recounted here from the appointments with luxon's idea of the hospital day in `zone`. */
async function recount(zone: string): Promise<string[]> {
  const rows = await t.orm.em.fork().getConnection().execute<Array<{ starts_at: string; doctor_id: number; status: string }>>(
    'select starts_at, doctor_id, status from appointment where doctor_id in (?, ?)', [Number(doctor.doctorId), Number(other.doctorId)]);
  const counts = new Map<string, number[]>();
  const order = ['SCHEDULED', 'CHECKED_IN', 'COMPLETED', 'CANCELLED', 'NO_SHOW'];
  for (const r of rows) {
    const day = DateTime.fromSQL(r.starts_at, { zone: 'utc' }).setZone(zone).toISODate()!;
    const key = `${day} ${String(r.doctor_id).padStart(10, '0')}`;
    const c = counts.get(key) ?? [0, 0, 0, 0, 0, 0];
    c[0] += 1;
    c[1 + order.indexOf(r.status)] += 1;
    counts.set(key, c);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([key, c]) => `${key.split(' ')[0]} ${Number(key.split(' ')[1])} ${c.join(' ')}`);
}

beforeAll(async () => {
  t = await createTestApp({ HMS_TIMEZONE: ZONE, HMS_BOOKING_WINDOW_DAYS: '30' });
  admin = await createAdmin(t);
  const departmentId = await createDepartment(t, admin);
  doctor = await createDoctor(t, admin, { departmentId });
  other = await createDoctor(t, admin, { departmentId });
  await openAllWeek(t, admin.token, doctor.doctorId);
  patients = [await registerPatient(t), await registerPatient(t), await registerPatient(t)];
});
afterAll(async () => { await t.close(); });

describe('the daily roll-up', () => {
  it('is built for the configured zone at start-up', async () => {
    expect(await rollupZone(t.orm.em.fork())).toBe(ZONE);
  });

  it('finds the zone\'s offset changes to the second', () => {
    const changes = utcOffsets(ZONE, Date.UTC(2026, 0, 1), Date.UTC(2027, 0, 1));
    expect(changes.map((c) => [c.startsAt.toISOString(), c.offsetMinutes])).toEqual([
      ['2026-01-01T00:00:00.000Z', 60], ['2026-03-29T01:00:00.000Z', 120], ['2026-10-25T01:00:00.000Z', 60],
    ]);
    expect(utcOffsets('UTC')).toHaveLength(1);
  });

  it('stays equal to a recount through every kind of change, across a DST change', async () => {
    const p = (i: number) => patients[i].patientId;
    // Around the October 2026 change in Berlin: 23:30 local is 21:30 UTC before it and 22:30 UTC after.
    const local = (iso: string) => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
    const raw = [
      await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p(0), startsAt: local('2026-10-24T23:30'), status: 'COMPLETED' }),
      await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p(1), startsAt: local('2026-10-25T00:30'), status: 'NO_SHOW' }),
      await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p(2), startsAt: local('2026-10-25T23:30'), status: 'CANCELLED' }),
      await insertAppointment(t, { doctorId: other.doctorId, patientId: p(0), startsAt: local('2026-03-29T01:30'), status: 'COMPLETED' }),
      await insertAppointment(t, { doctorId: other.doctorId, patientId: p(1), startsAt: local('2026-03-29T03:30'), status: 'CHECKED_IN' }),
    ];
    expect(await rollupRows()).toEqual(await recount(ZONE));

    // Through the API: book, move to another day, cancel, check in.
    const a = await bookAppointment(t, patients[0].token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 2, '09:00') });
    const b = await bookAppointment(t, patients[1].token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 2, '10:00') });
    await bookAppointment(t, patients[2].token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 3, '19:30') });
    await t.ok('mutation($id: ID!, $s: DateTime!) { rescheduleAppointment(id: $id, startsAt: $s) { id } }',
      { id: a, s: await hospitalTime(t, 5, '08:00') }, patients[0].token);
    await t.ok('mutation($id: ID!) { cancelAppointment(id: $id, reason: "ill") { id } }', { id: b }, patients[1].token);
    expect(await rollupRows()).toEqual(await recount(ZONE));

    // Through the API at the desk: a check-in and its completion, a no-show (visits of today, one started 10 minutes ago).
    const status = 'mutation($id: ID!, $s: AppointmentStatus!) { setAppointmentStatus(id: $id, status: $s) { id status } }';
    const minute = Math.floor(clock.nowMs() / 60_000) * 60_000;
    const started = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p(0), startsAt: new Date(minute - 10 * 60_000), minutes: 15 });
    const soon = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p(1), startsAt: new Date(minute + 30 * 60_000), minutes: 15 });
    await t.ok(status, { id: started, s: 'NO_SHOW' }, doctor.token);
    await t.ok(status, { id: soon, s: 'CHECKED_IN' }, doctor.token);
    expect(await rollupRows()).toEqual(await recount(ZONE));
    await t.ok(status, { id: soon, s: 'COMPLETED' }, doctor.token);
    expect(await rollupRows()).toEqual(await recount(ZONE));

    // Raw SQL: a status change, a move across midnight and a doctor change, a delete.
    const sql = (q: string, params: unknown[]) => t.orm.em.fork().getConnection().execute(q, params);
    await sql("update appointment set status = 'NO_SHOW' where id = ?", [raw[0]]);
    await sql('update appointment set starts_at = starts_at + interval 2 hour, ends_at = ends_at + interval 2 hour, doctor_id = ? where id = ?',
      [Number(other.doctorId), raw[2]]);
    await sql('delete from appointment where id = ?', [raw[4]]);
    expect(await rollupRows()).toEqual(await recount(ZONE));
  });

  it('gives the same dashboard as counting the appointments themselves, without grouping them', async () => {
    const variables = { from: '2026-01-01', to: '2026-12-31' };
    const { result: fromRollup, statements } = await recordStatements(t, () => t.ok(DASHBOARD, variables, admin.token));
    // Without daily patients, nothing groups the appointments by day.
    const { statements: lean } = await recordStatements(t, () => t.ok(
      'query($from: LocalDate!, $to: LocalDate!) { dashboard(from: $from, to: $to) { daily { date appointments completed } totals { patients } } }',
      variables, admin.token));
    expect(statements.some((s) => /from appointment_daily/.test(s))).toBe(true);
    expect(lean.filter((s) => /from appointment a\b[\s\S]*group by day/.test(s))).toEqual([]);

    // Forget the roll-up: the dashboard counts the appointments (the path used while it is rebuilt).
    await t.orm.em.fork().getConnection().execute('delete from report_rollup_state');
    const { result: counted, statements: scanned } = await recordStatements(t, () => t.ok(DASHBOARD, variables, admin.token));
    expect(scanned.some((s) => /from appointment_daily/.test(s))).toBe(false);
    expect(counted).toEqual(fromRollup);
    expect(fromRollup.dashboard.totals.appointments).toBeGreaterThanOrEqual(5);

    expect(await ensureDailyRollup(t.orm, ZONE)).toBe(true);
    expect(await ensureDailyRollup(t.orm, ZONE)).toBe(false);
    expect(await t.ok(DASHBOARD, variables, admin.token)).toEqual(fromRollup);
  });

  it('is rebuilt for another zone when a process starts with it', async () => {
    const kolkata = await createTestApp({ HMS_TIMEZONE: 'Asia/Kolkata' });
    try {
      expect(await rollupZone(kolkata.orm.em.fork())).toBe('Asia/Kolkata');
      expect(await rollupRows()).toEqual(await recount('Asia/Kolkata'));
    } finally {
      await kolkata.close();
    }
    expect(await ensureDailyRollup(t.orm, ZONE)).toBe(true);
    expect(await rollupRows()).toEqual(await recount(ZONE));
  });
});
