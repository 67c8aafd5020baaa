import { clock } from '../../clock';
// Clinical privacy against insiders: who may read a patient's clinical content (the care relationship),
// and that every read, and every refused attempt, is recorded where the patient can see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, uid, type TestApp } from '../../../test/harness';
import {
  PASSWORD, bookAppointment, createAdmin, createDepartment, createDoctor, hospitalTime, insertAppointment, login, openAllWeek, registerPatient,
  type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

let t: TestApp;
let admin: Session;
let patientA: PatientSession;
let patientB: PatientSession;
/** Saw patient A today (CHECKED_IN) and wrote an entry. */
let author: DoctorSession;
let entryId: string;

const DAY = 24 * 3600_000;
const MONTH = 30 * DAY;
let slot = 0;
/** A distinct minute for every appointment, so the active-slot indexes never collide. */
const at = (offsetMs: number) => {
  slot += 1;
  return new Date(Math.floor((clock.nowMs() + offsetMs) / 60_000) * 60_000 + slot * 60_000);
};

const HISTORY = 'query($p: ID!) { patientHistory(patientId: $p) { id diagnosis } }';
const ONE = 'query($id: ID!) { treatment(id: $id) { id diagnosis } }';
const REVISIONS = 'query($id: ID!) { treatmentRevisions(treatmentId: $id) { id } }';
const ACCESS = '{ myRecordAccess { id readerName readerRole kind treatmentId granted at requestId } }';
const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }';

async function download(path: string, token: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: await response.text() };
}

async function auditRows(where: string, params: unknown[]): Promise<Array<Record<string, unknown>>> {
  return t.orm.em.getConnection().execute(`select * from audit_event where ${where} order by id`, params);
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  [patientA, patientB] = await Promise.all([registerPatient(t), registerPatient(t)]);
  author = await createDoctor(t, admin);
  const visit = await insertAppointment(t, { doctorId: author.doctorId, patientId: patientA.patientId, startsAt: at(-3600_000), status: 'CHECKED_IN' });
  entryId = (await t.ok(RECORD, { a: visit, input: { diagnosis: `Secret diagnosis ${uid()}`, notes: 'Private notes' } }, author.token)).recordTreatment.id;
});
afterAll(async () => { await t.close(); });

describe('the care relationship', () => {
  it.each([
    ['a CHECKED_IN visit 23 months ago grants', 'CHECKED_IN', -23 * MONTH, true],
    ['a COMPLETED visit 23 months ago grants', 'COMPLETED', -23 * MONTH, true],
    ['a COMPLETED visit 25 months ago grants nothing', 'COMPLETED', -25 * MONTH, false],
    ['a CHECKED_IN visit 25 months ago grants nothing', 'CHECKED_IN', -25 * MONTH, false],
    ['a SCHEDULED visit in 13 days grants', 'SCHEDULED', 13 * DAY, true],
    ['a SCHEDULED visit in 15 days grants nothing', 'SCHEDULED', 15 * DAY, false],
    ['a SCHEDULED visit that was never held (yesterday) grants nothing', 'SCHEDULED', -DAY, false],
    ['a NO_SHOW visit last week grants nothing', 'NO_SHOW', -7 * DAY, false],
    ['a CANCELLED visit tomorrow grants nothing', 'CANCELLED', DAY, false],
  ])('%s', async (_label, status, offset, granted) => {
    const doctor = await createDoctor(t, admin);
    await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patientA.patientId, startsAt: at(offset as number), status: status as string });
    const history = await t.gql(HISTORY, { p: patientA.patientId }, doctor.token);
    const one = await t.gql(ONE, { id: entryId }, doctor.token);
    const revisions = await t.gql(REVISIONS, { id: entryId }, doctor.token);
    const csv = await download(`/exports/patients/${patientA.patientId}/history.csv`, doctor.token);
    if (granted) {
      expect(history.errors).toBeUndefined();
      expect(history.data.patientHistory.map((e: { id: string }) => e.id)).toContain(entryId);
      expect(one.data.treatment.id).toBe(entryId);
      expect(revisions.errors).toBeUndefined();
      expect(csv.status).toBe(200);
    } else {
      expect(codes(history)).toEqual(['FORBIDDEN']);
      expect(history.data).toBeNull();
      expect(codes(one)).toEqual(['FORBIDDEN']);
      expect(codes(revisions)).toEqual(['FORBIDDEN']);
      expect(csv.status).toBe(403);
      expect(csv.body).not.toContain('Secret diagnosis');
    }
  });

  it('an entry the doctor wrote grants reading even when the visit is over 2 years old', async () => {
    const doctor = await createDoctor(t, admin);
    const old = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patientA.patientId, startsAt: at(-30 * MONTH), status: 'COMPLETED' });
    expect(codes(await t.gql(HISTORY, { p: patientA.patientId }, doctor.token))).toEqual(['FORBIDDEN']);
    await t.ok(RECORD, { a: old, input: { diagnosis: 'Written late' } }, doctor.token);
    expect((await t.ok(HISTORY, { p: patientA.patientId }, doctor.token)).patientHistory.map((e: { id: string }) => e.id)).toContain(entryId);
  });

  it('each role: patient A yes and B no; doctor X (in care) yes and Y (none) no; admin FORBIDDEN; anonymous UNAUTHENTICATED', async () => {
    const doctorY = await createDoctor(t, admin);
    expect((await t.ok(HISTORY, { p: patientA.patientId }, patientA.token)).patientHistory.length).toBeGreaterThan(0);
    expect((await t.ok(HISTORY, { p: patientA.patientId }, author.token)).patientHistory.length).toBeGreaterThan(0);
    for (const who of [patientB, doctorY, admin]) {
      expect(codes(await t.gql(HISTORY, { p: patientA.patientId }, who.token))).toEqual(['FORBIDDEN']);
      expect(codes(await t.gql(ONE, { id: entryId }, who.token))).toEqual(['FORBIDDEN']);
      expect((await download(`/exports/patients/${patientA.patientId}/history.pdf`, who.token)).status).toBe(403);
    }
    expect(codes(await t.gql(HISTORY, { p: patientA.patientId }))).toEqual(['UNAUTHENTICATED']);
  });

  it('Appointment.treatments follows the same rule: a doctor whose visit with the patient was cancelled sees FORBIDDEN there too', async () => {
    const doctor = await createDoctor(t, admin);
    const cancelled = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patientA.patientId, startsAt: at(2 * DAY), status: 'CANCELLED' });
    const result = await t.gql('query($id: ID!) { appointment(id: $id) { id treatments { id diagnosis } } }', { id: cancelled }, doctor.token);
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(result.data?.appointment?.treatments ?? null).toBeNull();
    const seen = (await t.ok(ACCESS, {}, patientA.token)).myRecordAccess;
    expect(seen.find((r: { readerName: string }) => r.readerName === doctor.fullName)).toMatchObject({ kind: 'VISIT_ENTRIES', granted: false });
  });

  it('the invented doctor: an admin creates a doctor, books and cancels patient A with them, signs in as them: FORBIDDEN, and A sees the attempts', async () => {
    const departmentId = await createDepartment(t, admin);
    const email = `invented-${uid()}@hms.test`;
    const fullName = `Dr Invented ${uid()}`;
    const { createDoctor: invented } = await t.ok(
      'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id } }',
      { input: { email, password: PASSWORD, fullName, departmentId, specialization: 'General' } },
      admin.token,
    );
    await openAllWeek(t, admin.token, invented.id);
    const appointment = await bookAppointment(t, admin.token, { doctorId: invented.id, patientId: patientA.patientId, startsAt: await hospitalTime(t, 1, '10:00') });
    await t.ok('mutation($id: ID!) { cancelAppointment(id: $id, reason: "test") { id status } }', { id: appointment }, admin.token);
    // The admin knows the password: sign in, change it (so no must-change rule is what stops them), sign in again.
    const first = await login(t, email);
    await t.ok('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: PASSWORD, n: `${PASSWORD}-2` }, first.token);
    const doctor = await login(t, email, `${PASSWORD}-2`);

    const history = await t.gql(HISTORY, { p: patientA.patientId }, doctor.token);
    expect(codes(history)).toEqual(['FORBIDDEN']);
    expect(JSON.stringify(history)).not.toContain('Secret diagnosis');
    const csv = await download(`/exports/patients/${patientA.patientId}/history.csv`, doctor.token);
    expect(csv.status).toBe(403);
    expect(csv.body).not.toContain('Secret diagnosis');

    const seen = (await t.ok(ACCESS, {}, patientA.token)).myRecordAccess;
    const attempts = seen.filter((r: { readerName: string }) => r.readerName === fullName);
    expect(attempts.map((r: { kind: string; granted: boolean }) => [r.kind, r.granted])).toEqual([['CSV_EXPORT', false], ['HISTORY', false]]);
    expect(attempts[0]).toMatchObject({ readerRole: 'DOCTOR', treatmentId: null });
    expect(attempts[0].at).toMatch(/Z$/);
  });
});

describe('every read of clinical content is recorded', () => {
  it('history, one entry, revisions, CSV and PDF: who, whose, what, when and the request id; the patient sees them, newest first', async () => {
    const patient = await registerPatient(t);
    const doctor = await createDoctor(t, admin);
    const visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: at(-3600_000), status: 'CHECKED_IN' });
    const entry = (await t.ok(RECORD, { a: visit, input: { diagnosis: 'Recorded read' } }, doctor.token)).recordTreatment.id;
    expect((await t.ok(ACCESS, {}, patient.token)).myRecordAccess).toEqual([]);

    const requestId = `req-${uid()}`;
    const response = await fetch(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${doctor.token}`, 'x-request-id': requestId },
      body: JSON.stringify({ query: HISTORY, variables: { p: patient.patientId } }),
    });
    expect(response.status).toBe(200);
    await t.ok(ONE, { id: entry }, doctor.token);
    await t.ok(REVISIONS, { id: entry }, doctor.token);
    expect((await download(`/exports/patients/${patient.patientId}/history.csv`, doctor.token)).status).toBe(200);
    expect((await download(`/exports/patients/${patient.patientId}/history.pdf`, doctor.token)).status).toBe(200);
    // The patient's own reads are recorded for the audit trail but not listed to them.
    await t.ok(HISTORY, { p: patient.patientId }, patient.token);

    const seen = (await t.ok(ACCESS, {}, patient.token)).myRecordAccess;
    expect(seen.map((r: { kind: string }) => r.kind)).toEqual(['PDF_EXPORT', 'CSV_EXPORT', 'REVISIONS', 'TREATMENT', 'HISTORY']);
    expect(seen.every((r: { readerName: string; readerRole: string; granted: boolean }) =>
      r.readerName === doctor.fullName && r.readerRole === 'DOCTOR' && r.granted)).toBe(true);
    expect(seen[2].treatmentId).toBe(entry);
    expect(seen[4].requestId).toBe(requestId);

    const rows = await auditRows("subject_patient_id = ? and action like 'record.%'", [Number(patient.patientId)]);
    expect(rows.map((r) => [r.action, String(r.actor_id)])).toEqual([
      ['record.history', doctor.userId], ['record.treatment', doctor.userId], ['record.revisions', doctor.userId],
      ['record.csv_export', doctor.userId], ['record.pdf_export', doctor.userId], ['record.history', patient.userId],
    ]);
    expect(JSON.stringify(rows)).not.toContain('Recorded read');

    // Only patients have this list.
    for (const who of [doctor, admin]) expect(codes(await t.gql(ACCESS, {}, who.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ACCESS))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql('{ myRecordAccess(first: 0) { id } }', {}, patient.token))).toEqual(['BAD_USER_INPUT']);
    // Paged by id.
    const older = (await t.ok('query($b: ID) { myRecordAccess(first: 2, before: $b) { kind } }', { b: seen[1].id }, patient.token)).myRecordAccess;
    expect(older.map((r: { kind: string }) => r.kind)).toEqual(['REVISIONS', 'TREATMENT']);
  });

  it('a history read with every visit\'s entries is one INSERT, however long the history', async () => {
    const patient = await registerPatient(t);
    const doctor = await createDoctor(t, admin);
    for (let i = 0; i < 4; i += 1) {
      const visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: at(-(i + 2) * DAY), status: 'COMPLETED' });
      await t.ok(RECORD, { a: visit, input: { diagnosis: `Entry ${i}` } }, doctor.token);
    }
    const logged: string[] = [];
    const logger = t.orm.config.getLogger();
    const original = logger.logQuery.bind(logger);
    logger.logQuery = (context) => { logged.push(context.query ?? ''); };
    try {
      const data = await t.ok('query($p: ID!) { patientHistory(patientId: $p) { id appointment { id treatments { id diagnosis } } } }', { p: patient.patientId }, doctor.token);
      expect(data.patientHistory).toHaveLength(4);
    } finally {
      logger.logQuery = original;
    }
    expect(logged.filter((q) => /insert into audit_event/i.test(q))).toHaveLength(1);
    // Token check, care check, the insert, entries, their visits, the visits' entries: nothing per entry.
    expect(logged).toHaveLength(6);
    const rows = await auditRows("subject_patient_id = ? and action like 'record.%' and actor_id = ?", [Number(patient.patientId), Number(doctor.userId)]);
    expect(rows.map((r) => r.action)).toEqual(['record.history']);
  });

  it('admins see the reads in the audit log, with names, filtered by patient and by reader', async () => {
    const query = `query($f: AuditEventFilter) { auditEvents(filter: $f, first: 50) { totalCount items {
      action actorName actorRole subjectPatientId subjectName entityType entityId } } }`;
    await t.ok(HISTORY, { p: patientA.patientId }, author.token);
    const byPatient = (await t.ok(query, { f: { subjectPatientId: patientA.patientId, action: 'record' } }, admin.token)).auditEvents;
    expect(byPatient.items.length).toBeGreaterThan(0);
    expect(byPatient.items.every((e: { subjectName: string; action: string }) => e.subjectName === patientA.fullName && e.action.startsWith('record.'))).toBe(true);
    expect(byPatient.items[0]).toMatchObject({ action: 'record.history', actorName: author.fullName, actorRole: 'DOCTOR', subjectPatientId: patientA.patientId });
    const byReader = (await t.ok(query, { f: { actorSearch: author.fullName.slice(3).toLowerCase(), action: 'record.history' } }, admin.token)).auditEvents;
    expect(byReader.items.length).toBeGreaterThan(0);
    expect(byReader.items.every((e: { actorName: string }) => e.actorName === author.fullName)).toBe(true);
    const byName = (await t.ok(query, { f: { patientSearch: patientA.fullName, action: 'record' } }, admin.token)).auditEvents;
    expect(byName.totalCount).toBe(byPatient.totalCount);
  });
});
