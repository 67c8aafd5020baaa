import { clock } from '../clock';
// Lists that grow: a page costs the same however deep it is, and totalCount is
// counted only when the client asks for it. Patient search runs on indexes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type TestApp, uid, recordStatements } from '../../test/harness';
import { createAdmin, createDoctor, type DoctorSession, insertAppointment, registerPatient, type Session } from '../../test/factories';

let t: TestApp;
let admin: Session;
let doctor: DoctorSession;

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
});
afterAll(async () => { await t.close(); });

/** The SQL statements the app runs while `work` runs (this file's tests run one at a time). */
async function statements(work: () => Promise<unknown>): Promise<string[]> {
  // Through the ORM's logger, which every statement (the lean reads too) reports to.
  return (await recordStatements(t, work)).statements;
}
const counts = (sql: string[]) => sql.filter((s) => /count\(\*\)/i.test(s)).length;

describe('totalCount only when asked', () => {
  const LISTS = [
    { name: 'appointments', query: (f: string) => `query($after: String) { appointments(first: 2, after: $after) { ${f} nextCursor items { id } } }` },
    { name: 'auditEvents', query: (f: string) => `query($after: String) { auditEvents(first: 2, after: $after) { ${f} nextCursor items { id } } }` },
    { name: 'patients', query: (f: string) => `query($after: String) { patients(first: 2, after: $after) { ${f} nextCursor items { id } } }` },
    { name: 'invoices', query: (f: string) => `query($after: String) { invoices(first: 2, after: $after) { ${f} nextCursor items { id } } }` },
  ];

  beforeAll(async () => {
    // Enough rows that every list has a second page: appointments (and their audit rows through booking elsewhere), patients.
    const patients = await Promise.all([0, 1, 2].map(() => registerPatient(t)));
    for (const [i, p] of patients.entries()) {
      const id = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p.patientId, startsAt: new Date(clock.nowMs() - (i + 2) * 86_400_000), status: 'COMPLETED' });
      await t.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id }, admin.token);
    }
  });

  for (const list of LISTS) {
    it(`${list.name}: no count(*) without totalCount, on the first page or a deep one; one with it`, async () => {
      const first = await t.ok(list.query('totalCount'), {}, admin.token);
      expect(first[list.name].totalCount).toBeGreaterThan(2);
      expect(first[list.name].nextCursor).not.toBeNull();
      const after = first[list.name].nextCursor;
      expect(counts(await statements(() => t.ok(list.query(''), {}, admin.token)))).toBe(0);
      expect(counts(await statements(() => t.ok(list.query(''), { after }, admin.token)))).toBe(0);
      expect(counts(await statements(() => t.ok(list.query('totalCount'), { after }, admin.token)))).toBe(1);
    });
  }

  it('a first page that is also the last is counted without a query', async () => {
    const Q = 'query($f: AppointmentFilter) { appointments(first: 20, filter: $f) { totalCount items { id } } }';
    const sql = await statements(async () => {
      const { appointments } = await t.ok(Q, { f: { doctorId: doctor.doctorId } }, admin.token);
      expect(appointments.totalCount).toBe(appointments.items.length);
    });
    expect(counts(sql)).toBe(0);
  });
});

describe('patient search on indexes', () => {
  const SEARCH = 'query($s: String, $first: Int, $after: String) { patients(search: $s, first: $first, after: $after) { totalCount nextCursor items { id fullName } } }';
  const found = async (s: string) => (await t.ok(SEARCH, { s, first: 100 }, admin.token)).patients.items.map((p: { id: string }) => p.id);
  const tag = uid().replace(/\d/g, 'x');
  let anna: string;
  let bo: string;
  let carla: string;

  beforeAll(async () => {
    const walkIn = async (fullName: string, phone: string) => (await t.ok(
      'mutation($input: CreateWalkInPatientInput!) { createWalkInPatient(input: $input) { id } }', { input: { fullName, phone } }, admin.token,
    )).createWalkInPatient.id as string;
    const digits = String(Date.now()).slice(-7);
    anna = await walkIn(`Anna Maria Kowalski${tag}`, `+1 (555) ${digits.slice(0, 3)}-${digits.slice(3)}`);
    bo = await walkIn(`Bo Li${tag}`, '020 7946 0958');
    carla = await walkIn(`Carla Li${tag} Smith`, '');
  });

  it('finds a word of the name by its start, in any case, with every word of the search', async () => {
    expect(await found(`kowalski${tag}`.slice(0, 10).toUpperCase())).toContain(anna);
    expect(await found(`maria kowalski${tag}`)).toEqual([anna]);
    expect(await found(`anna li${tag}`)).toEqual([]);
    expect(await found(`li${tag}`)).toEqual([bo, carla]);
    expect(await found(`bo li${tag}`)).toEqual([bo]); // "bo" is too short for the full-text index: it filters the matches
    expect(await found(`owalski${tag}`)).toEqual([]); // the middle of a word is not a start
  });

  it('finds the record number by its start (with or without MRN-) and the phone by its first or last digits', async () => {
    const { patient } = await t.ok('query($id: ID!) { patient(id: $id) { medicalRecordNumber phone } }', { id: anna }, admin.token);
    expect(await found(patient.medicalRecordNumber)).toEqual([anna]);
    expect(await found(patient.medicalRecordNumber.slice(4, 9).toLowerCase())).toContain(anna);
    const digits = patient.phone.replace(/\D/g, '');
    expect(await found(digits.slice(-6))).toContain(anna);
    expect(await found(`${digits.slice(-7, -4)}-${digits.slice(-4)}`)).toContain(anna);
    expect(await found(patient.phone)).toContain(anna);
    expect(await found('7946 0958')).toContain(bo);
  });

  it('pages a search in name order; odd input is harmless', async () => {
    const page1 = (await t.ok(SEARCH, { s: `li${tag}`, first: 1 }, admin.token)).patients;
    expect(page1.items.map((p: { id: string }) => p.id)).toEqual([bo]);
    expect(page1.totalCount).toBe(2);
    const page2 = (await t.ok(SEARCH, { s: `li${tag}`, first: 1, after: page1.nextCursor }, admin.token)).patients;
    expect(page2.items.map((p: { id: string }) => p.id)).toEqual([carla]);
    expect(page2.nextCursor).toBeNull();
    for (const s of ['"', '+-*~<>()@', "o'brien", '%', '_', '\\', 'a'.repeat(300)]) {
      const result = await t.gql(SEARCH, { s }, admin.token);
      expect(result.errors, s).toBeUndefined();
    }
    expect(codes(await t.gql(SEARCH, { s: 'x', after: 'bm90IGEgY3Vyc29y' }, admin.token))).toEqual(['BAD_USER_INPUT']);
  });
});
