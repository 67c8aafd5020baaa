import { clock } from '../../clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, uid, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDepartment, createDoctor, insertAppointment, PASSWORD, registerPatient,
  type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

let t: TestApp;
let admin: Session;
let patientA: PatientSession;
let patientB: PatientSession;
let doctorX: DoctorSession;
let doctorY: DoctorSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  [patientA, patientB] = await Promise.all([registerPatient(t), registerPatient(t)]);
  doctorX = await createDoctor(t, admin);
  doctorY = await createDoctor(t, admin);
});
afterAll(async () => { await t.close(); });

const CREATE_DEPT = 'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id name description } }';
const CREATE_DOCTOR = 'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id fullName specialization consultationFee { amount currency } department { id name } } }';

describe('departments', () => {
  it('only an admin creates one; patient and doctor get FORBIDDEN, anonymous UNAUTHENTICATED', async () => {
    const input = { name: `Cardiology ${uid()}` };
    expect(codes(await t.gql(CREATE_DEPT, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(CREATE_DEPT, { input }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(CREATE_DEPT, { input }, doctorX.token))).toEqual(['FORBIDDEN']);
    const data = await t.ok(CREATE_DEPT, { input: { ...input, description: 'Hearts' } }, admin.token);
    expect(data.createDepartment).toMatchObject({ name: input.name, description: 'Hearts' });
  });

  it('a duplicate name is CONFLICT; a blank or long one BAD_USER_INPUT', async () => {
    const name = `Neuro ${uid()}`;
    await t.ok(CREATE_DEPT, { input: { name } }, admin.token);
    const dup = await t.gql(CREATE_DEPT, { input: { name } }, admin.token);
    expect(codes(dup)).toEqual(['CONFLICT']);
    expect(codes(await t.gql(CREATE_DEPT, { input: { name: '  ' } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CREATE_DEPT, { input: { name: 'x'.repeat(121) } }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('concurrent creates of one name: exactly one wins, the rest CONFLICT', async () => {
    const name = `Race ${uid()}`;
    const results = await Promise.all(Array.from({ length: 6 }, () => t.gql(CREATE_DEPT, { input: { name } }, admin.token)));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors).flatMap(codes)).toEqual(Array(5).fill('CONFLICT'));
  });

  it('anyone lists active departments with their active doctors; inactive ones only for admins', async () => {
    const id = await createDepartment(t, admin);
    const doctor = await createDoctor(t, admin, { departmentId: id });
    const LIST = '{ departments { id doctors { id } } }';
    const anon = await t.ok(LIST);
    expect(anon.departments.find((d: { id: string }) => d.id === id).doctors).toEqual([{ id: doctor.doctorId }]);
    await t.ok('mutation($id: ID!) { updateDepartment(id: $id, input: { active: false }) { active } }', { id }, admin.token);
    expect((await t.ok(LIST)).departments.some((d: { id: string }) => d.id === id)).toBe(false);
    const all = await t.ok('{ departments(includeInactive: true) { id active } }', {}, admin.token);
    expect(all.departments.find((d: { id: string }) => d.id === id)).toEqual({ id, active: false });
    // A patient asking for inactive ones still sees only active ones.
    const asPatient = await t.ok('{ departments(includeInactive: true) { id } }', {}, patientA.token);
    expect(asPatient.departments.some((d: { id: string }) => d.id === id)).toBe(false);
  });

  it('a department with doctors cannot be deleted; an empty one can', async () => {
    const DELETE = 'mutation($id: ID!) { deleteDepartment(id: $id) }';
    expect(codes(await t.gql(DELETE, { id: doctorX.departmentId }, admin.token))).toEqual(['CONFLICT']);
    const empty = await createDepartment(t, admin);
    expect(codes(await t.gql(DELETE, { id: empty }, patientA.token))).toEqual(['FORBIDDEN']);
    expect((await t.ok(DELETE, { id: empty }, admin.token)).deleteDepartment).toBe(true);
    expect(codes(await t.gql(DELETE, { id: empty }, admin.token))).toEqual(['NOT_FOUND']);
  });
});

describe('doctors', () => {
  it('admin creates a doctor with a fee as Money; the doctor signs in flagged to change password', async () => {
    const departmentId = await createDepartment(t, admin);
    const email = `doc-${uid()}@hms.test`;
    const input = { email, password: PASSWORD, fullName: 'Dr Grey', departmentId, specialization: 'Surgery', consultationFee: '500' };
    const data = await t.ok(CREATE_DOCTOR, { input }, admin.token);
    expect(data.createDoctor).toMatchObject({ fullName: 'Dr Grey', specialization: 'Surgery', consultationFee: { amount: '500.00', currency: 'USD' }, department: { id: departmentId } });
    expect(codes(await t.gql(CREATE_DOCTOR, { input }, admin.token))).toEqual(['CONFLICT']);
    expect(codes(await t.gql(CREATE_DOCTOR, { input: { ...input, email: `x-${uid()}@hms.test` } }, doctorX.token))).toEqual(['FORBIDDEN']);
  });

  it.each([
    [{ consultationFee: '12.345' }, 'consultationFee'],
    [{ consultationFee: '-5' }, 'consultationFee'],
    [{ consultationFee: 'ten' }, 'consultationFee'],
    [{ password: 'short' }, 'password'],
    [{ specialization: '' }, 'specialization'],
    [{ email: 'nope' }, 'email'],
  ])('refuses %o with BAD_USER_INPUT', async (bad, field) => {
    const input = { email: `d-${uid()}@hms.test`, password: PASSWORD, fullName: 'Dr X', departmentId: doctorX.departmentId, specialization: 'GP', ...bad };
    const result = await t.gql(CREATE_DOCTOR, { input }, admin.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(result.errors![0].extensions!.fields!)).toContain(field);
  });

  it('an unknown department is NOT_FOUND and creates no account', async () => {
    const email = `d-${uid()}@hms.test`;
    const input = { email, password: PASSWORD, fullName: 'Dr X', departmentId: '99999999', specialization: 'GP' };
    expect(codes(await t.gql(CREATE_DOCTOR, { input }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql('mutation($e: String!) { login(email: $e, password: "Correct-Horse-42") { token } }', { e: email }))).toEqual(['UNAUTHENTICATED']);
  });

  it('lists by department and search; deactivated doctors are hidden from patients', async () => {
    const departmentId = await createDepartment(t, admin);
    const a = await createDoctor(t, admin, { departmentId });
    const b = await createDoctor(t, admin, { departmentId });
    const LIST = 'query($d: ID, $s: String) { doctors(departmentId: $d, search: $s) { id fullName } }';
    expect((await t.ok(LIST, { d: departmentId })).doctors.map((d: { id: string }) => d.id).sort()).toEqual([a.doctorId, b.doctorId].sort());
    expect((await t.ok(LIST, { d: departmentId, s: a.fullName.slice(3).toUpperCase() })).doctors).toEqual([{ id: a.doctorId, fullName: a.fullName }]);
    await t.ok('mutation($id: ID!) { updateDoctor(id: $id, input: { active: false, consultationFee: "75.50" }) { active consultationFee { amount } } }', { id: b.doctorId }, admin.token);
    expect((await t.ok(LIST, { d: departmentId }, patientA.token)).doctors.map((d: { id: string }) => d.id)).toEqual([a.doctorId]);
    const withInactive = await t.ok('query($d: ID) { doctors(departmentId: $d, includeInactive: true) { id active email } }', { d: departmentId }, admin.token);
    expect(withInactive.doctors).toHaveLength(2);
    expect(codes(await t.gql('query($d: ID) { doctors(departmentId: $d) { email } }', { d: departmentId }, patientA.token))).toEqual(['FORBIDDEN']);
  });

  it('a doctor with upcoming appointments cannot be deleted, only deactivated; one without any can', async () => {
    const DELETE = 'mutation($id: ID!) { deleteDoctor(id: $id) }';
    const busy = await createDoctor(t, admin);
    await insertAppointment(t, { doctorId: busy.doctorId, patientId: patientA.patientId, startsAt: new Date(clock.nowMs() + 86_400_000) });
    expect(codes(await t.gql(DELETE, { id: busy.doctorId }, admin.token))).toEqual(['CONFLICT']);
    const idle = await createDoctor(t, admin);
    expect(codes(await t.gql(DELETE, { id: idle.doctorId }, doctorX.token))).toEqual(['FORBIDDEN']);
    expect((await t.ok(DELETE, { id: idle.doctorId }, admin.token)).deleteDoctor).toBe(true);
    expect(codes(await t.gql(DELETE, { id: idle.doctorId }, admin.token))).toEqual(['NOT_FOUND']);
  });
});

describe('patients', () => {
  const UPDATE = 'mutation($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { id phone bloodGroup heightCm weightKg allergies address } }';

  it('a patient updates their own profile; bad values are BAD_USER_INPUT; doctors and admins cannot use it', async () => {
    const data = await t.ok(UPDATE, { input: { phone: '+1 555 0100', bloodGroup: 'O+', heightCm: 180, weightKg: 72.5, allergies: 'Penicillin', address: '1 Main St' } }, patientA.token);
    expect(data.updateMyProfile).toMatchObject({ id: patientA.patientId, bloodGroup: 'O+', heightCm: 180, weightKg: '72.5', allergies: 'Penicillin' });
    expect(codes(await t.gql(UPDATE, { input: { bloodGroup: 'Z' } }, patientA.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE, { input: { heightCm: 9000 } }, patientA.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE, { input: { dateOfBirth: '2999-01-01' } }, patientA.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(UPDATE, { input: { phone: '1' } }, doctorX.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPDATE, { input: { phone: '1' } }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(UPDATE, { input: { phone: '1' } }))).toEqual(['UNAUTHENTICATED']);
  });

  it('patient(id): self and admin see it; another patient and an unrelated doctor get NOT_FOUND; their doctor sees it', async () => {
    const Q = 'query($id: ID!) { patient(id: $id) { id fullName } }';
    expect((await t.ok(Q, { id: patientB.patientId }, patientB.token)).patient.id).toBe(patientB.patientId);
    expect((await t.ok(Q, { id: patientB.patientId }, admin.token)).patient.id).toBe(patientB.patientId);
    expect(codes(await t.gql(Q, { id: patientB.patientId }, patientA.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(Q, { id: patientB.patientId }, doctorY.token))).toEqual(['NOT_FOUND']);
    await insertAppointment(t, { doctorId: doctorY.doctorId, patientId: patientB.patientId, startsAt: new Date(clock.nowMs() + 2 * 86_400_000) });
    expect((await t.ok(Q, { id: patientB.patientId }, doctorY.token)).patient.id).toBe(patientB.patientId);
    expect(codes(await t.gql(Q, { id: patientB.patientId }))).toEqual(['UNAUTHENTICATED']);
  });

  it('patients(search): admins search all, doctors only their own patients, patients are refused; paged', async () => {
    const Q = 'query($s: String, $first: Int, $after: String) { patients(search: $s, first: $first, after: $after) { items { id } nextCursor totalCount } }';
    const tag = uid();
    const made = await Promise.all([0, 1, 2].map(() => registerPatient(t, { fullName: `Zed ${tag}` })));
    const page1 = await t.ok(Q, { s: tag.toUpperCase(), first: 2 }, admin.token);
    expect(page1.patients.totalCount).toBe(3);
    expect(page1.patients.items).toHaveLength(2);
    const page2 = await t.ok(Q, { s: tag, first: 2, after: page1.patients.nextCursor }, admin.token);
    expect(page2.patients.items).toHaveLength(1);
    expect(page2.patients.nextCursor).toBeNull();
    expect([...page1.patients.items, ...page2.patients.items].map((p: { id: string }) => p.id).sort()).toEqual(made.map((m) => m.patientId).sort());
    expect((await t.ok(Q, { s: tag }, doctorX.token)).patients.totalCount).toBe(0);
    await insertAppointment(t, { doctorId: doctorX.doctorId, patientId: made[0].patientId, startsAt: new Date(clock.nowMs() + 3 * 86_400_000) });
    expect((await t.ok(Q, { s: tag }, doctorX.token)).patients.items).toEqual([{ id: made[0].patientId }]);
    expect(codes(await t.gql(Q, { s: tag }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(Q, { first: 1000 }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(Q, { after: '%%%' }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('an admin registers a walk-in patient without an account', async () => {
    const M = 'mutation($input: CreateWalkInPatientInput!) { createWalkInPatient(input: $input) { id fullName hasAccount medicalRecordNumber } }';
    const data = await t.ok(M, { input: { fullName: 'Walk In', phone: '555 0199' } }, admin.token);
    expect(data.createWalkInPatient).toMatchObject({ fullName: 'Walk In', hasAccount: false });
    expect(codes(await t.gql(M, { input: { fullName: 'X' } }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(M, { input: { fullName: '' } }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('hospital', () => {
  it('anyone reads the time zone, currency and booking window', async () => {
    const data = await t.ok('{ hospital { name timezone currency currencyDigits bookingWindowDays } }');
    expect(data.hospital).toEqual({ name: 'HMS Hospital', timezone: 'UTC', currency: 'USD', currencyDigits: 2, bookingWindowDays: 7 });
  });
});
