import { clock } from '../../clock';
import type { EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codes, createTestApp, type TestApp, recordStatements } from '../../../test/harness';
import {
  bookAppointment, createAdmin, createDoctor, hospitalTime, openAllWeek, quickPatients, type DoctorSession, type Session,
} from '../../../test/factories';
import { DateTime } from 'luxon';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
});
afterAll(async () => { await t.close(); });

const DAY = `query($d: ID!, $date: LocalDate!, $c: Boolean) {
  doctorDay(doctorId: $d, date: $date, includeCancelled: $c) {
    id startsAt endsAt status reason
    patient { id fullName }
    doctor { id fullName department { name } }
  }
}`;

/** Counts the SQL statements the app's connection runs while `work` runs (this file's tests run one at a time). */
async function countStatements(work: () => Promise<unknown>): Promise<{ count: number; statements: string[] }> {
  // Through the ORM's logger, which every statement (the lean reads too) reports to.
  const { statements } = await recordStatements(t, work);
  return { count: statements.length, statements };
}

async function doctorWithBookings(n: number): Promise<{ doctor: DoctorSession; date: string }> {
  const doctor = await createDoctor(t, admin);
  await openAllWeek(t, doctor.token, doctor.doctorId);
  const patients = await quickPatients(t, n);
  for (let i = 0; i < n; i += 1) {
    const time = `${String(8 + Math.floor(i / 2)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`;
    await bookAppointment(t, patients[i].token, { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 2, time), reason: `r${i}` });
  }
  return { doctor, date: DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).plus({ days: 2 }).toISODate()! };
}

describe('doctorDay', () => {
  it('runs the same number of SQL statements for 1 and 10 appointments', async () => {
    const one = await doctorWithBookings(1);
    const ten = await doctorWithBookings(10);
    const a = await countStatements(() => t.ok(DAY, { d: one.doctor.doctorId, date: one.date }, one.doctor.token));
    const b = await countStatements(async () => {
      const data = await t.ok(DAY, { d: ten.doctor.doctorId, date: ten.date }, ten.doctor.token);
      expect(data.doctorDay).toHaveLength(10);
    });
    expect(a.count).toBeGreaterThan(0);
    expect(b.count).toBe(a.count);
    // viewer, doctor, appointments with patients, department: no statement per appointment.
    expect(b.count).toBeLessThanOrEqual(5);
  });

  it('is sorted, names the patients, hides cancelled ones unless asked', async () => {
    const { doctor, date } = await doctorWithBookings(3);
    const day = (await t.ok(DAY, { d: doctor.doctorId, date }, doctor.token)).doctorDay;
    expect(day.map((a: { startsAt: string }) => a.startsAt)).toEqual([...day.map((a: { startsAt: string }) => a.startsAt)].sort());
    expect(day.every((a: { patient: { fullName: string } }) => a.patient.fullName.startsWith('Quick '))).toBe(true);
    await t.ok('mutation($id: ID!) { cancelAppointment(id: $id, reason: "x") { id } }', { id: day[1].id }, doctor.token);
    expect((await t.ok(DAY, { d: doctor.doctorId, date }, doctor.token)).doctorDay).toHaveLength(2);
    expect((await t.ok(DAY, { d: doctor.doctorId, date, c: true }, admin.token)).doctorDay).toHaveLength(3);
  });

  it('only that doctor or an admin may read it', async () => {
    const { doctor, date } = await doctorWithBookings(1);
    const other = await createDoctor(t, admin);
    const [patient] = await quickPatients(t, 1);
    expect(codes(await t.gql(DAY, { d: doctor.doctorId, date }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(DAY, { d: doctor.doctorId, date }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(DAY, { d: doctor.doctorId, date }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(DAY, { d: '99999999', date }, admin.token))).toEqual(['NOT_FOUND']);
  });

  it('reads plain rows: no Appointment or Patient entity is built, and every field still answers', async () => {
    const { doctor, date } = await doctorWithBookings(4);
    const FULL = `query($d: ID!, $date: LocalDate!) {
      doctorDay(doctorId: $d, date: $date) {
        id startsAt endsAt status reason cancelReason checkedInAt cancelledAt version createdAt updatedAt
        patient { id fullName medicalRecordNumber dateOfBirth gender phone bloodGroup heightCm weightKg allergies hasAccount }
        treatments { id }
        invoice { id }
      }
    }`;
    // The request's EntityManager: the context forks it from the app's one.
    const fork = vi.spyOn(t.orm.em, 'fork');
    let day;
    let forks: EntityManager[];
    try {
      day = (await t.ok(FULL, { d: doctor.doctorId, date }, doctor.token)).doctorDay;
      forks = fork.mock.results.map((r) => r.value as EntityManager);
    } finally {
      fork.mockRestore();
    }
    expect(forks.length).toBeGreaterThan(0);
    const held = forks.flatMap((em) => [...em.getUnitOfWork().getIdentityMap().values()].map((entity) => entity.constructor.name));
    expect(held.filter((name) => name === 'Appointment' || name === 'Patient')).toEqual([]);
    expect(day).toHaveLength(4);
    const [first] = day;
    expect(first).toMatchObject({ status: 'SCHEDULED', reason: 'r0', cancelReason: null, version: 1, treatments: [], invoice: null });
    expect(first.patient).toMatchObject({ fullName: expect.stringMatching(/^Quick /), hasAccount: true });
    expect(first.patient.medicalRecordNumber).toMatch(/^MRN-/);
    expect(new Date(first.endsAt).getTime() - new Date(first.startsAt).getTime()).toBeGreaterThan(0);
    expect(Number.isNaN(Date.parse(first.createdAt))).toBe(false);
    // The same answer as the appointment read one by one through the ORM.
    const one = (await t.ok(`query($id: ID!) { appointment(id: $id) {
      id startsAt endsAt status reason cancelReason checkedInAt cancelledAt version createdAt updatedAt
      patient { id fullName medicalRecordNumber dateOfBirth gender phone bloodGroup heightCm weightKg allergies hasAccount }
    } }`, { id: first.id }, doctor.token)).appointment;
    expect({ ...first, treatments: undefined, invoice: undefined }).toEqual({ ...one, treatments: undefined, invoice: undefined });
  });
});
