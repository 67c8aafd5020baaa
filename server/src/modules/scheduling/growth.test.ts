import { clock } from '../../clock';
// Reads that must not grow with the doctor's history: the clash check of every
// booking and the free-slot read. ANALYZE runs each statement and reports how many
// rows it actually read, so a query that walks the whole history fails here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, type DoctorSession, hospitalTime, insertAppointment, openAllWeek, type PatientSession, registerPatient, type Session,
} from '../../../test/factories';
import { activeIntervalsQuery, clashQuery, sqlTime } from './scheduling.db';

const HISTORY = 3000;
const mariadb = process.env.TEST_DB_FLAVOR !== 'mysql';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;

async function rows<T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> {
  return t.orm.em.fork().getConnection().execute(query, params);
}

/** Rows MariaDB read from `appointment` running `query` (ANALYZE FORMAT=JSON: r_rows per table access). */
async function appointmentRowsRead(query: { sql: string; params: unknown[] }): Promise<number> {
  const [result] = await rows<Record<string, string>>(`analyze format=json ${query.sql}`, query.params);
  const plan = JSON.parse(Object.values(result)[0]);
  let read = 0;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) { node.forEach(walk); return; }
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.table_name === 'appointment' && typeof record.r_rows === 'number') read += record.r_rows * Number(record.r_loops ?? 1);
    Object.values(record).forEach(walk);
  };
  walk(plan);
  return read;
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  patient = await registerPatient(t);
  await openAllWeek(t, doctor.token, doctor.doctorId, { slotMinutes: 15 });
  // Years of completed visits, one an hour back from yesterday, in one statement.
  const yesterday = sqlTime(new Date(clock.nowMs() - 86_400_000));
  await rows(
    `insert into appointment (patient_id, doctor_id, starts_at, ends_at, status, version, created_at, updated_at)
     select ?, ?, timestamp(?) - interval seq hour, timestamp(?) - interval seq hour + interval 30 minute, 'COMPLETED', 1, now(3), now(3)
     from seq_1_to_${HISTORY}`,
    [patient.patientId, doctor.doctorId, yesterday, yesterday],
  );
  await rows('analyze table appointment');
});
afterAll(async () => { await t.close(); });

describe('reads bounded on both sides of time', () => {
  it.skipIf(!mariadb)('the clash check of a booking reads a handful of index entries, not the doctor\'s or the patient\'s history', async () => {
    const startsAt = new Date(await hospitalTime(t, 2, '10:00'));
    const slot = { startsAt, endsAt: new Date(startsAt.getTime() + 15 * 60_000) };
    const read = await appointmentRowsRead(clashQuery(Number(doctor.doctorId), Number(patient.patientId), slot, null));
    expect(read).toBeLessThan(10);
  });

  it.skipIf(!mariadb)('the free-slot read of a day reads that day\'s appointments only', async () => {
    const from = new Date(await hospitalTime(t, 2, '00:00'));
    const read = await appointmentRowsRead(activeIntervalsQuery(Number(doctor.doctorId), from, new Date(from.getTime() + 86_400_000)));
    expect(read).toBeLessThan(10);
  });

  it('still sees the longest visit that overlaps from before: booking inside it is SLOT_UNAVAILABLE', async () => {
    const other = await registerPatient(t);
    const start = new Date(await hospitalTime(t, 3, '08:00'));
    await insertAppointment(t, { doctorId: doctor.doctorId, patientId: other.patientId, startsAt: start, minutes: 240 });
    const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
    const inside = await t.gql(BOOK, { input: { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 3, '11:45') } }, patient.token);
    expect(codes(inside)).toEqual(['SLOT_UNAVAILABLE']);
    const after = await t.gql(BOOK, { input: { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 3, '12:00') } }, patient.token);
    expect(after.errors).toBeUndefined();
    const slots = await t.ok('query($d: ID!, $date: LocalDate!) { availableSlots(doctorId: $d, date: $date) { startsAt } }',
      { d: doctor.doctorId, date: (await hospitalTime(t, 3, '00:00')).slice(0, 10) });
    const times = slots.availableSlots.map((s: { startsAt: string }) => Date.parse(s.startsAt));
    expect(times.some((ms: number) => ms >= start.getTime() && ms < start.getTime() + 240 * 60_000)).toBe(false);
  });

  it('the database refuses a visit longer than the longest slot (240 minutes), which the bounds rely on', async () => {
    const start = new Date(await hospitalTime(t, 4, '08:00'));
    await expect(insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: start, minutes: 241 }))
      .rejects.toThrow(/appointment_length_check/);
  });
});
