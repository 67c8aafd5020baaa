// Test data through the front door (GraphQL), with random names so tests never collide.
import { hashPassword } from '../src/modules/identity/identity.service';
import { Role, User } from '../src/modules/identity/user.entity';
import { Appointment, AppointmentStatus } from '../src/modules/scheduling/appointment.entity';
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
  const startsAt = options.startsAt ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
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
