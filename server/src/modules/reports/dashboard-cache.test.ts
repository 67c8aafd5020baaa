// Admins reloading the dashboard share one computation for a few seconds (HMS_DASHBOARD_CACHE_SECONDS);
// after that, or for another range, the figures are counted again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { createTestApp, recordStatements, setClock, type TestApp } from '../../../test/harness';
import { createAdmin, createDoctor, type DoctorSession, insertAppointment, registerPatient, type PatientSession, type Session } from '../../../test/factories';

let t: TestApp;
let admin: Session;
let otherAdmin: Session;
let doctor: DoctorSession;
let patient: PatientSession;

const DASHBOARD = 'query($from: LocalDate!, $to: LocalDate!) { dashboard(from: $from, to: $to) { totals { appointments } byDoctor { doctorId appointments } } }';
const today = () => clock.now().toISOString().slice(0, 10);
const range = () => ({ from: today(), to: today() });
const dashboardReads = (statements: string[]) => statements.filter((s) => /appointment_daily|from appointment a/.test(s)).length;

beforeAll(async () => {
  t = await createTestApp({ HMS_DASHBOARD_CACHE_SECONDS: '5', HMS_TIMEZONE: 'UTC' });
  admin = await createAdmin(t);
  otherAdmin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  patient = await registerPatient(t);
});
afterAll(async () => { await t.close(); });

describe('the dashboard cache', () => {
  it('computes once for admins asking at the same moment, reuses it for 5 seconds, then counts again', async () => {
    const at = (minutes: number) => new Date(Math.floor(clock.nowMs() / 3_600_000) * 3_600_000 + minutes * 60_000);
    await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: at(0) });

    const { result: answers, statements } = await recordStatements(t, () => Promise.all([admin, otherAdmin, admin]
      .map((who) => t.ok(DASHBOARD, range(), who.token))));
    expect(answers[1]).toEqual(answers[0]);
    expect(answers[2]).toEqual(answers[0]);
    const once = dashboardReads(statements);
    expect(once).toBeGreaterThan(0);
    const { statements: alone } = await recordStatements(t, () => t.ok(DASHBOARD, { from: today(), to: today() }, admin.token));
    expect(dashboardReads(alone)).toBe(0); // reused
    // Three at once cost what one costs: the same statements once, not three times.
    const { statements: fresh } = await recordStatements(t, () => t.ok(DASHBOARD, { from: '2020-01-01', to: '2020-01-02' }, admin.token));
    expect(dashboardReads(fresh)).toBe(once);

    // A visit booked meanwhile shows within the cache's 5 seconds, not before.
    const before = answers[0].dashboard.totals.appointments;
    await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: at(30) });
    expect((await t.ok(DASHBOARD, range(), admin.token)).dashboard.totals.appointments).toBe(before);
    const restore = setClock(new Date(clock.nowMs() + 5_001));
    try {
      const { result: later, statements: recount } = await recordStatements(t, () => t.ok(DASHBOARD, range(), admin.token));
      expect(dashboardReads(recount)).toBe(once);
      expect(later.dashboard.totals.appointments).toBe(before + 1);
    } finally {
      restore();
    }
  });
});
