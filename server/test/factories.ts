import { clock } from '../src/clock';
// Test data through the front door (GraphQL), with random names so tests never collide.
import { hashPassword } from '../src/modules/identity/identity.service';
import { Role, User } from '../src/modules/identity/user.entity';
import { Appointment, AppointmentStatus } from '../src/modules/scheduling/appointment.entity';
import { DateTime } from 'luxon';
import { Patient } from '../src/modules/directory/patient.entity';
import { signToken } from '../src/modules/identity/tokens';
import { uid, type TestApp } from './harness';

export const PASSWORD = 'Correct-Horse-42';

export interface Session {
  token: string;
  userId: string;
  email: string;
}

export interface PatientSession extends Session {
  patientId: string;
  fullName: string;
}

export interface DoctorSession extends Session {
  doctorId: string;
  departmentId: string;
  fullName: string;
}

export async function createAdmin(t: TestApp): Promise<Session> {
  const email = `admin-${uid()}@hms.test`;
  const em = t.orm.em.fork();
  em.persist(em.create(User, { email, passwordHash: await hashPassword(PASSWORD), role: Role.ADMIN }));
  await em.flush();
  return login(t, email);
}

export async function login(t: TestApp, email: string, password = PASSWORD): Promise<Session> {
  const data = await t.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id } } }', { e: email, p: password });
  return { token: data.login.token, userId: data.login.user.id, email };
}

export async function registerPatient(t: TestApp, overrides: Record<string, unknown> = {}): Promise<PatientSession> {
  const fullName = `Pat ${uid()}`;
  const input = { email: `patient-${uid()}@hms.test`, password: PASSWORD, fullName, ...overrides };
  const data = await t.ok(
    'mutation($input: RegisterInput!) { register(input: $input) { token user { id email patient { id fullName } } } }',
    { input },
  );
  const { token, user } = data.register;
  return { token, userId: user.id, email: user.email, patientId: user.patient.id, fullName: user.patient.fullName };
}

export async function createDepartment(t: TestApp, admin: Session, name = `Dept ${uid()}`): Promise<string> {
  const data = await t.ok('mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id } }', { input: { name } }, admin.token);
  return data.createDepartment.id;
}

export async function createDoctor(
  t: TestApp,
  admin: Session,
  options: { departmentId?: string; consultationFee?: string } = {},
): Promise<DoctorSession> {
  const departmentId = options.departmentId ?? (await createDepartment(t, admin));
  const email = `doctor-${uid()}@hms.test`;
  const fullName = `Dr ${uid()}`;
  const data = await t.ok(
    'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id } }',
    { input: { email, password: PASSWORD, fullName, departmentId, specialization: 'General', consultationFee: options.consultationFee ?? '50.00' } },
    admin.token,
  );
  // The initial password must be changed before the token can do anything (tested in identity.test.ts);
  // test doctors skip that step in the database, as a doctor who changed it would be.
  await t.orm.em.getConnection().execute('update `user` set must_change_password = 0 where email = ?', [email]);
  const session = await login(t, email);
  return { ...session, doctorId: data.createDoctor.id, departmentId, fullName };
}

/**
 * Inserts an appointment row directly (real rows in the real database), for
 * tests of later steps of a visit that need, say, a CHECKED_IN appointment now
 * without walking the booking rules. Booking itself is tested through the API.
 */
export async function insertAppointment(
  t: TestApp,
  options: { doctorId: string; patientId: string; startsAt?: Date; minutes?: number; status?: string; reason?: string },
): Promise<string> {
  const em = t.orm.em.fork();
  const startsAt = options.startsAt ?? new Date(Math.floor(clock.nowMs() / 60_000) * 60_000);
  const appointment = em.create(Appointment, {
    doctor: Number(options.doctorId),
    patient: Number(options.patientId),
    startsAt,
    endsAt: new Date(startsAt.getTime() + (options.minutes ?? 30) * 60_000),
    status: (options.status as AppointmentStatus | undefined) ?? AppointmentStatus.SCHEDULED,
    reason: options.reason ?? null,
  });
  await em.persistAndFlush(appointment);
  return String(appointment.id);
}

/**
 * Many patients at once for concurrency tests: rows inserted directly (one
 * password hash shared by all) and tokens signed with the app's secret, so 40
 * patients cost milliseconds instead of 40 argon2 hashes.
 */
export async function quickPatients(t: TestApp, count: number): Promise<PatientSession[]> {
  const em = t.orm.em.fork();
  const passwordHash = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHRzb21lc2FsdA$RdescudvJCsgt3ub+b+dWRWJTmaaJObG';
  const rows = Array.from({ length: count }, () => {
    const tag = uid();
    const user = em.create(User, { email: `quick-${tag}@hms.test`, passwordHash, role: Role.PATIENT });
    const patient = em.create(Patient, { user, fullName: `Quick ${tag}`, medicalRecordNumber: `MRN-Q${tag.slice(-9).toUpperCase()}` });
    return { user, patient };
  });
  await em.persist(rows.flatMap((r) => [r.user, r.patient])).flush();
  return rows.map(({ user, patient }) => ({
    token: signToken({ userId: user.id, role: Role.PATIENT, tokenVersion: 0 }, t.app.deps.secrets.jwtSecret, 3600),
    userId: String(user.id),
    email: user.email,
    patientId: String(patient.id),
    fullName: patient.fullName,
  }));
}

/** Weekly hours on all seven days (default 08:00-20:00 in 30-minute slots), set through the API. */
export async function openAllWeek(
  t: TestApp,
  token: string,
  doctorId: string,
  range: { startTime?: string; endTime?: string; slotMinutes?: number } = {},
): Promise<void> {
  const rules = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({
    weekday, startTime: range.startTime ?? '08:00', endTime: range.endTime ?? '20:00', slotMinutes: range.slotMinutes ?? 30,
  }));
  await t.ok('mutation($d: ID!, $r: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $d, rules: $r) { id } }', { d: doctorId, r: rules }, token);
}

/** The UTC ISO instant of hospital wall time `time` ("HH:MM"), `daysAhead` hospital days from today. */
export async function hospitalTime(t: TestApp, daysAhead: number, time: string): Promise<string> {
  const [hour, minute] = time.split(':').map(Number);
  return DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).startOf('day').plus({ days: daysAhead }).set({ hour, minute }).toUTC().toISO()!;
}

/** Books through the API; returns the appointment id. */
export async function bookAppointment(
  t: TestApp,
  token: string,
  input: { doctorId: string; startsAt: string; patientId?: string; reason?: string; idempotencyKey?: string },
): Promise<string> {
  const data = await t.ok('mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', { input }, token);
  return data.bookAppointment.id;
}
