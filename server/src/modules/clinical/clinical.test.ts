import { DateTime } from 'luxon';
import { clock } from '../../clock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, uid, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDepartment, createDoctor, insertAppointment, registerPatient,
  type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

let t: TestApp;
let admin: Session;
let patientA: PatientSession;
let patientB: PatientSession;
/** Sees patient A today (CHECKED_IN) and writes the entries. */
let author: DoctorSession;
/** Has a SCHEDULED appointment with patient A tomorrow (so A is in their care), but wrote nothing. */
let colleague: DoctorSession;
/** Never had an appointment with patient A. */
let stranger: DoctorSession;
let visitId: string;

const DAY = 24 * 3600_000;
const minute = (offsetMs = 0) => new Date(Math.floor((clock.nowMs() + offsetMs) / 60_000) * 60_000);
// The hospital's calendar day on the server's clock (UTC dates break near midnight in other zones).
const today = () => DateTime.fromJSDate(clock.now()).setZone(t.config.timezone).toISODate()!;
const dayOffset = (days: number) => new Date(clock.nowMs() + days * DAY).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  const departmentId = await createDepartment(t, admin);
  [patientA, patientB] = await Promise.all([registerPatient(t, { phone: `+44 20 ${Math.floor(Math.random() * 1e7)}` }), registerPatient(t)]);
  [author, colleague, stranger] = await Promise.all([
    createDoctor(t, admin, { departmentId }), createDoctor(t, admin, { departmentId }), createDoctor(t, admin),
  ]);
  visitId = await insertAppointment(t, { doctorId: author.doctorId, patientId: patientA.patientId, status: 'CHECKED_IN' });
  await insertAppointment(t, { doctorId: colleague.doctorId, patientId: patientA.patientId, startsAt: minute(DAY) });
});
afterAll(async () => { await t.close(); });

const TREATMENT_FIELDS = `id diagnosis icdCode prescription notes followUpDate testsOrdered precautions visitType version revisionCount
  createdAt updatedAt medicines { name dose frequency duration instructions }
  appointment { id status patient { id } } doctor { id fullName } department { id name } patient { id }`;
const RECORD = `mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { ${TREATMENT_FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdateTreatmentInput!) { updateTreatment(id: $id, input: $input) { ${TREATMENT_FIELDS} } }`;
const HISTORY = `query($p: ID!) { patientHistory(patientId: $p) { ${TREATMENT_FIELDS} } }`;
const REVISIONS = `query($id: ID!) { treatmentRevisions(treatmentId: $id) { id treatmentId editedBy editedAt changedFields
  previous { diagnosis icdCode prescription notes visitType followUpDate testsOrdered precautions medicines { name dose } } } }`;

async function count(table: string, where = '1=1', params: unknown[] = []): Promise<number> {
  const rows = await t.orm.em.getConnection().execute<Array<{ n: number }>>(`select count(*) as n from \`${table}\` where ${where}`, params);
  return Number(rows[0].n);
}

/** A fresh CHECKED_IN visit of patient A with the author (a distinct time, so the active-slot indexes allow it). */
let slot = 0;
async function newVisit(status = 'CHECKED_IN', patient: PatientSession = patientA): Promise<string> {
  slot += 1;
  return insertAppointment(t, { doctorId: author.doctorId, patientId: patient.patientId, startsAt: minute(-(slot * 40) * 60_000), status });
}

describe('recordTreatment', () => {
  it('the visit\'s doctor records a full entry; it comes back decrypted with appointment, doctor and department', async () => {
    const marker = uid();
    const input = {
      diagnosis: `Acute bronchitis ${marker}`,
      icdCode: 'j20.9',
      prescription: 'Rest and fluids',
      notes: 'Cough for 5 days, no fever.',
      followUpDate: dayOffset(7),
      medicines: [{ name: 'Amoxicillin', dose: '500 mg', frequency: '3x daily', duration: '7 days', instructions: 'After meals' }],
      testsOrdered: 'Chest X-ray',
      precautions: 'Avoid smoke',
      visitType: 'CONSULTATION',
    };
    const data = await t.ok(RECORD, { a: visitId, input }, author.token);
    expect(data.recordTreatment).toMatchObject({
      ...input,
      icdCode: 'J20.9',
      version: 1,
      revisionCount: 0,
      appointment: { id: visitId, status: 'CHECKED_IN', patient: { id: patientA.patientId } },
      doctor: { id: author.doctorId, fullName: author.fullName },
      department: { id: author.departmentId },
      patient: { id: patientA.patientId },
    });
    expect(data.recordTreatment.createdAt).toMatch(/Z$/);
  });

  it('a visit may have several entries; a COMPLETED visit takes entries too; visitType defaults to CONSULTATION', async () => {
    const visit = await newVisit('COMPLETED');
    const first = await t.ok(RECORD, { a: visit, input: { diagnosis: 'Entry one' } }, author.token);
    const second = await t.ok(RECORD, { a: visit, input: { diagnosis: 'Entry two', visitType: 'PROCEDURE' } }, author.token);
    expect(first.recordTreatment).toMatchObject({ visitType: 'CONSULTATION', medicines: [], prescription: null, notes: null });
    expect(second.recordTreatment.visitType).toBe('PROCEDURE');
    expect(await count('treatment', 'appointment_id = ?', [visit])).toBe(2);
  });

  it('only the appointment\'s doctor: anonymous UNAUTHENTICATED; patient, admin and other doctors FORBIDDEN; nothing written', async () => {
    const input = { diagnosis: 'Should not be stored' };
    const before = await count('treatment', 'appointment_id = ?', [visitId]);
    expect(codes(await t.gql(RECORD, { a: visitId, input }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(RECORD, { a: visitId, input }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RECORD, { a: visitId, input }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RECORD, { a: visitId, input }, stranger.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(RECORD, { a: visitId, input }, colleague.token))).toEqual(['FORBIDDEN']);
    expect(await count('treatment', 'appointment_id = ?', [visitId])).toBe(before);
  });

  it('an unknown appointment is NOT_FOUND; a malformed id BAD_USER_INPUT', async () => {
    expect(codes(await t.gql(RECORD, { a: '99999999', input: { diagnosis: 'x' } }, author.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(RECORD, { a: 'abc', input: { diagnosis: 'x' } }, author.token))).toEqual(['BAD_USER_INPUT']);
  });

  it.each(['SCHEDULED', 'CANCELLED', 'NO_SHOW'])('a %s appointment is INVALID_TRANSITION and writes nothing', async (status) => {
    const visit = await newVisit(status);
    const audits = await count('audit_event', "entity_type = 'treatment'");
    const result = await t.gql(RECORD, { a: visit, input: { diagnosis: 'Too early or too late' } }, author.token);
    expect(codes(result)).toEqual(['INVALID_TRANSITION']);
    expect(await count('treatment', 'appointment_id = ?', [visit])).toBe(0);
    expect(await count('audit_event', "entity_type = 'treatment'")).toBe(audits);
  });

  it.each([
    ['empty diagnosis', { diagnosis: '' }, 'diagnosis'],
    ['blank diagnosis', { diagnosis: '   ' }, 'diagnosis'],
    ['diagnosis over 5,000 characters', { diagnosis: 'd'.repeat(5001) }, 'diagnosis'],
    ['1 MB of notes', { diagnosis: 'ok', notes: 'n'.repeat(1024 * 1024) }, 'notes'],
    ['a bad ICD-10 code', { diagnosis: 'ok', icdCode: 'ASTHMA' }, 'icdCode'],
    ['an ICD-10 code with a bad suffix', { diagnosis: 'ok', icdCode: 'J45.90999' }, 'icdCode'],
    ['a follow-up date in the past', { diagnosis: 'ok', followUpDate: dayOffset(-2) }, 'followUpDate'],
    ['a medicine without a name', { diagnosis: 'ok', medicines: [{ name: ' ', dose: '1 tab' }] }, 'medicines.0.name'],
    ['51 medicines', { diagnosis: 'ok', medicines: Array.from({ length: 51 }, () => ({ name: 'Vitamin C' })) }, 'medicines'],
  ])('%s is BAD_USER_INPUT naming the field, and writes nothing', async (_label, input, field) => {
    const before = await count('treatment', 'appointment_id = ?', [visitId]);
    const audits = await count('audit_event', "entity_type = 'treatment'");
    const result = await t.gql(RECORD, { a: visitId, input }, author.token);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(result.errors![0].extensions!.fields!)).toContain(field);
    expect(await count('treatment', 'appointment_id = ?', [visitId])).toBe(before);
    expect(await count('audit_event', "entity_type = 'treatment'")).toBe(audits);
  });

  it('accepts ICD-10 shapes A00, A00.0, J45.909, S72.001A and a follow-up date of today; an unknown visitType is BAD_USER_INPUT', async () => {
    for (const icdCode of ['A00', 'a00.0', 'J45.909', 'S72.001A']) {
      const data = await t.ok(RECORD, { a: visitId, input: { diagnosis: 'ok', icdCode, followUpDate: today() } }, author.token);
      expect(data.recordTreatment.icdCode).toBe(icdCode.toUpperCase());
    }
    expect(codes(await t.gql(RECORD, { a: visitId, input: { diagnosis: 'ok', visitType: 'HOUSE_CALL' } }, author.token))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('patientHistory', () => {
  it('newest first; the patient and doctors in their care read it; others FORBIDDEN', async () => {
    const patient = await registerPatient(t);
    const v1 = await newVisit('COMPLETED', patient);
    const v2 = await newVisit('CHECKED_IN', patient);
    await t.ok(RECORD, { a: v1, input: { diagnosis: 'Older entry' } }, author.token);
    await t.ok(RECORD, { a: v2, input: { diagnosis: 'Newer entry' } }, author.token);

    const own = await t.ok(HISTORY, { p: patient.patientId }, patient.token);
    expect(own.patientHistory.map((e: { diagnosis: string }) => e.diagnosis)).toEqual(['Newer entry', 'Older entry']);
    expect(own.patientHistory[0]).toMatchObject({ appointment: { id: v2 }, doctor: { id: author.doctorId }, department: { id: author.departmentId } });
    expect((await t.ok(HISTORY, { p: patient.patientId }, author.token)).patientHistory).toHaveLength(2);

    // A cancelled visit grants nothing; a SCHEDULED one in the next 14 days lets a doctor who wrote nothing read it too.
    const other = await createDoctor(t, admin);
    expect(codes(await t.gql(HISTORY, { p: patient.patientId }, other.token))).toEqual(['FORBIDDEN']);
    await insertAppointment(t, { doctorId: other.doctorId, patientId: patient.patientId, startsAt: minute(DAY), status: 'CANCELLED' });
    expect(codes(await t.gql(HISTORY, { p: patient.patientId }, other.token))).toEqual(['FORBIDDEN']);
    await insertAppointment(t, { doctorId: other.doctorId, patientId: patient.patientId, startsAt: minute(2 * DAY) });
    expect((await t.ok(HISTORY, { p: patient.patientId }, other.token)).patientHistory).toHaveLength(2);

    expect(codes(await t.gql(HISTORY, { p: patient.patientId }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(HISTORY, { p: patient.patientId }, patientB.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HISTORY, { p: patient.patientId }, stranger.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HISTORY, { p: patient.patientId }, admin.token))).toEqual(['FORBIDDEN']);
  });

  it('patient A reads their own history; patient B, a stranger doctor and the admin cannot, and see no clinical text', async () => {
    // An entry of this test's own, so it does not lean on what an earlier test recorded.
    const marker = `Own entry ${uid()}`;
    await t.ok(RECORD, { a: await newVisit(), input: { diagnosis: marker } }, author.token);
    const result = await t.gql(HISTORY, { p: patientA.patientId }, patientB.token);
    expect(codes(result)).toEqual(['FORBIDDEN']);
    expect(result.data).toBeNull();
    // The colleague's SCHEDULED visit tomorrow puts A in their care (care.test.ts tests every grant).
    expect(JSON.stringify(result)).not.toContain(marker);
    const diagnoses = async (token: string) => (await t.ok(HISTORY, { p: patientA.patientId }, token)).patientHistory.map((e: { diagnosis: string }) => e.diagnosis);
    expect(await diagnoses(colleague.token)).toContain(marker);
    expect(await diagnoses(patientA.token)).toContain(marker);
    for (const who of [stranger, admin]) {
      const refused = await t.gql(HISTORY, { p: patientA.patientId }, who.token);
      expect(codes(refused)).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(refused)).not.toContain(marker);
    }
    // An unknown patient id tells nothing: FORBIDDEN as for anyone else's.
    expect(codes(await t.gql(HISTORY, { p: '99999999' }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HISTORY, { p: '99999999' }, author.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(HISTORY, { p: 'x' }, author.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('treatment(id) follows the same rule', async () => {
    const visit = await newVisit();
    const { recordTreatment } = await t.ok(RECORD, { a: visit, input: { diagnosis: 'Single entry' } }, author.token);
    const ONE = 'query($id: ID!) { treatment(id: $id) { id diagnosis } }';
    expect((await t.ok(ONE, { id: recordTreatment.id }, patientA.token)).treatment.diagnosis).toBe('Single entry');
    expect((await t.ok(ONE, { id: recordTreatment.id }, colleague.token)).treatment.diagnosis).toBe('Single entry');
    for (const who of [patientB, stranger, admin]) expect(codes(await t.gql(ONE, { id: recordTreatment.id }, who.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(ONE, { id: '99999999' }, author.token))).toEqual(['NOT_FOUND']);
  });

  it('nested appointment, doctor and department load in batches: the SQL count does not grow with the history', async () => {
    const patient = await registerPatient(t);
    const doctors = await Promise.all([createDoctor(t, admin), createDoctor(t, admin), createDoctor(t, admin)]);
    const measure = async () => {
      const logged: string[] = [];
      const logger = t.orm.config.getLogger();
      const original = logger.logQuery.bind(logger);
      logger.logQuery = (context) => { logged.push(context.query ?? ''); };
      try {
        await t.ok(HISTORY, { p: patient.patientId }, patient.token);
      } finally {
        logger.logQuery = original;
      }
      return logged.length;
    };
    let offset = 10;
    const addEntries = async (n: number) => {
      for (let i = 0; i < n; i += 1) {
        const doctor = doctors[i % doctors.length];
        offset += 1;
        const visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: minute(-offset * 3600_000), status: 'COMPLETED' });
        await t.ok(RECORD, { a: visit, input: { diagnosis: `Entry ${i}` } }, doctor.token);
      }
    };
    await addEntries(2);
    const small = await measure();
    await addEntries(7);
    const large = await measure();
    expect(large).toBe(small);
    expect(small).toBeGreaterThan(2);
    expect(small).toBeLessThanOrEqual(8);
  });
});

describe('Appointment.treatments', () => {
  it('lists a visit\'s entries oldest first for the patient and their doctors, in one batch for many visits; admins get FORBIDDEN', async () => {
    const patient = await registerPatient(t);
    const v1 = await newVisit('COMPLETED', patient);
    const v2 = await newVisit('CHECKED_IN', patient);
    const a = (await t.ok(RECORD, { a: v1, input: { diagnosis: 'Visit one, first' } }, author.token)).recordTreatment.id;
    const b = (await t.ok(RECORD, { a: v1, input: { diagnosis: 'Visit one, second' } }, author.token)).recordTreatment.id;
    const c = (await t.ok(RECORD, { a: v2, input: { diagnosis: 'Visit two' } }, author.token)).recordTreatment.id;
    const NESTED = 'query($p: ID!) { patientHistory(patientId: $p) { id appointment { id treatments { id diagnosis } } } }';
    for (const who of [patient, author]) {
      const history = (await t.ok(NESTED, { p: patient.patientId }, who.token)).patientHistory;
      const byVisit = Object.fromEntries(history.map((e: { appointment: { id: string; treatments: Array<{ id: string }> } }) =>
        [e.appointment.id, e.appointment.treatments.map((x) => x.id)]));
      expect(byVisit).toEqual({ [v1]: [a, b], [v2]: [c] });
    }
    const ONE = 'query($id: ID!) { appointment(id: $id) { id treatments { id } } }';
    const asAdmin = await t.gql(ONE, { id: v1 }, admin.token);
    expect(codes(asAdmin)).toEqual(['FORBIDDEN']);
    expect(asAdmin.data?.appointment).toEqual({ id: v1, treatments: null });
    expect((await t.ok(ONE, { id: v1 }, patient.token)).appointment.treatments.map((x: { id: string }) => x.id)).toEqual([a, b]);
  });
});

describe('updateTreatment and revisions', () => {
  it('the author edits; each edit keeps a revision with the previous values and an audit event with field names only', async () => {
    const visit = await newVisit();
    const secret = `Suspected pneumonia ${uid()}`;
    const { recordTreatment: entry } = await t.ok(RECORD, {
      a: visit, input: { diagnosis: secret, notes: 'first notes', medicines: [{ name: 'Paracetamol', dose: '1 g' }] },
    }, author.token);

    const edited = await t.ok(UPDATE, { id: entry.id, input: { diagnosis: 'Confirmed pneumonia', icdCode: 'J18.9', expectedVersion: 1 } }, author.token);
    expect(edited.updateTreatment).toMatchObject({ diagnosis: 'Confirmed pneumonia', icdCode: 'J18.9', notes: 'first notes', version: 2, revisionCount: 1 });
    await t.ok(UPDATE, { id: entry.id, input: { notes: null, medicines: [] } }, author.token);
    // Sending unchanged values is not an edit: no revision.
    const same = await t.ok(UPDATE, { id: entry.id, input: { diagnosis: 'Confirmed pneumonia' } }, author.token);
    expect(same.updateTreatment).toMatchObject({ version: 3, revisionCount: 2, notes: null, medicines: [] });

    const revisions = (await t.ok(REVISIONS, { id: entry.id }, author.token)).treatmentRevisions;
    expect(revisions).toHaveLength(2);
    expect(revisions[0]).toMatchObject({ treatmentId: entry.id, editedBy: author.fullName, changedFields: ['medicines', 'notes'] });
    expect(revisions[0].previous).toMatchObject({ notes: 'first notes', medicines: [{ name: 'Paracetamol', dose: '1 g' }], diagnosis: null });
    expect(revisions[1]).toMatchObject({ changedFields: ['diagnosis', 'icdCode'], previous: { diagnosis: secret, icdCode: null, notes: null } });
    expect(await count('treatment_revision', 'treatment_id = ?', [entry.id])).toBe(2);

    const audits = (await t.orm.em.getConnection().execute(
      "select action, changes, actor_id from audit_event where entity_type = 'treatment' and entity_id = ? and action like 'treatment.%' order by id", [entry.id],
    )) as Array<{ action: string; changes: unknown; actor_id: number }>;
    expect(audits.map((a) => a.action)).toEqual(['treatment.record', 'treatment.update', 'treatment.update']);
    expect(audits.every((a) => String(a.actor_id) === author.userId)).toBe(true);
    const changes = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as Record<string, unknown>;
    expect(Object.keys(changes(audits[1].changes)).sort()).toEqual(['diagnosis', 'icdCode']);
    expect(JSON.stringify(audits)).not.toContain('pneumonia');
    expect(JSON.stringify(audits)).not.toContain('first notes');

    // A colleague who may read the history reads the revisions too; nobody else does.
    expect((await t.ok(REVISIONS, { id: entry.id }, colleague.token)).treatmentRevisions).toHaveLength(2);
    expect(codes(await t.gql(REVISIONS, { id: entry.id }, stranger.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVISIONS, { id: entry.id }, patientB.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVISIONS, { id: entry.id }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REVISIONS, { id: entry.id }))).toEqual(['UNAUTHENTICATED']);
  });

  it('only the author edits: colleague, stranger, patient and admin FORBIDDEN; bad and stale edits refused; nothing written', async () => {
    const visit = await newVisit();
    const { recordTreatment: entry } = await t.ok(RECORD, { a: visit, input: { diagnosis: 'Original', followUpDate: dayOffset(3) } }, author.token);
    const input = { diagnosis: 'Tampered' };
    expect(codes(await t.gql(UPDATE, { id: entry.id, input }))).toEqual(['UNAUTHENTICATED']);
    for (const who of [colleague, stranger, patientA, admin]) {
      expect(codes(await t.gql(UPDATE, { id: entry.id, input }, who.token))).toEqual(['FORBIDDEN']);
    }
    expect(codes(await t.gql(UPDATE, { id: '99999999', input }, author.token))).toEqual(['NOT_FOUND']);
    for (const bad of [{ diagnosis: '' }, { diagnosis: null }, { notes: 'n'.repeat(1024 * 1024) }, { icdCode: '123' }, { followUpDate: dayOffset(-1) }]) {
      expect(codes(await t.gql(UPDATE, { id: entry.id, input: bad }, author.token))).toEqual(['BAD_USER_INPUT']);
    }
    expect(codes(await t.gql(UPDATE, { id: entry.id, input: { diagnosis: 'Stale', expectedVersion: 7 } }, author.token))).toEqual(['CONFLICT']);
    expect(await count('treatment_revision', 'treatment_id = ?', [entry.id])).toBe(0);
    expect(await count('audit_event', "entity_type = 'treatment' and entity_id = ? and action = 'treatment.update'", [entry.id])).toBe(0);
    const read = await t.ok(HISTORY, { p: patientA.patientId }, patientA.token);
    expect(read.patientHistory.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ diagnosis: 'Original', version: 1 });
  });
});

describe('encryption at rest', () => {
  it('no clinical plaintext in any table of the database (as text, hex, or base64 at any alignment)', async () => {
    const marker = `Zebra${uid()}`;
    const visit = await newVisit();
    const { recordTreatment: entry } = await t.ok(RECORD, {
      a: visit,
      input: {
        diagnosis: `Diagnosis ${marker}`, prescription: `Prescription ${marker}`, notes: `Notes ${marker}`,
        medicines: [{ name: `Medicine ${marker}`, instructions: `Take ${marker}` }], testsOrdered: `Tests ${marker}`, precautions: `Care ${marker}`,
      },
    }, author.token);
    await t.ok(UPDATE, { id: entry.id, input: { diagnosis: `Revised ${marker}`, notes: `More notes ${marker}` } }, author.token);

    const connection = t.orm.em.getConnection();
    const rows = {
      treatment: await connection.execute('select * from treatment where id = ?', [entry.id]),
      treatment_revision: await connection.execute('select * from treatment_revision where treatment_id = ?', [entry.id]),
      audit_event: await connection.execute("select * from audit_event where entity_type = 'treatment' and entity_id = ?", [entry.id]),
    };
    expect(rows.treatment).toHaveLength(1);
    expect(rows.treatment_revision).toHaveLength(1);
    expect(rows.audit_event).toHaveLength(2);
    // Every table of this file's own database, every row: the marker is in none of them, as text,
    // hex or base64 at any of the three byte alignments (inside a longer base64 value too).
    const plain = Buffer.from(marker);
    const needles = [marker, plain.toString('hex'), ...[0, 1, 2].map((k) => {
      const encoded = Buffer.concat([Buffer.alloc(k, 0x20), plain]).toString('base64');
      return encoded.slice(k === 0 ? 0 : 4, -4);
    })];
    const tables = await connection.execute<Array<{ name: string }>>(
      "select table_name as name from information_schema.tables where table_schema = database() and table_type = 'BASE TABLE'");
    expect(tables.map((row: { name: string }) => row.name)).toEqual(expect.arrayContaining(['treatment', 'treatment_revision', 'audit_event', 'outbox_event', 'notification']));
    for (const { name } of tables) {
      const found = await connection.execute<Array<Record<string, unknown>>>(`select * from \`${name}\``);
      // JSON columns come back parsed: stringify them (String() would read "[object Object]").
      const asText = (v: unknown) => (Buffer.isBuffer(v) ? `${v.toString('utf8')} ${v.toString('base64')}` : v !== null && typeof v === 'object' ? JSON.stringify(v) : String(v));
      const text = found.map((row: Record<string, unknown>) => Object.values(row).map(asText).join('\u0001')).join('\n');
      for (const needle of needles) expect(text.includes(needle), `${name} holds ${needle}`).toBe(false);
    }
    const row = (rows.treatment as Array<Record<string, string>>)[0];
    for (const column of ['diagnosis_enc', 'prescription_enc', 'medicines_enc', 'tests_ordered_enc', 'precautions_enc', 'notes_enc']) {
      expect(row[column], column).toMatch(/^[0-9a-f]{8}:[A-Za-z0-9+/]+=*$/);
    }
    // Same plaintext, different ciphertext (random IV per value).
    const again = await t.ok(RECORD, { a: visit, input: { diagnosis: `Diagnosis ${marker}` } }, author.token);
    const [r2] = await connection.execute<Array<{ diagnosis_enc: string }>>('select diagnosis_enc from treatment where id = ?', [again.recordTreatment.id]);
    expect(r2.diagnosis_enc).not.toBe(row.diagnosis_enc);
    // And it all reads back.
    const history = (await t.ok(HISTORY, { p: patientA.patientId }, patientA.token)).patientHistory;
    expect(history.find((e: { id: string }) => e.id === entry.id)).toMatchObject({ diagnosis: `Revised ${marker}`, prescription: `Prescription ${marker}` });
  });

  it('a value that cannot be decrypted gives a generic error, never garbage or the ciphertext', async () => {
    const patient = await registerPatient(t);
    const visit = await newVisit('CHECKED_IN', patient);
    const { recordTreatment: entry } = await t.ok(RECORD, { a: visit, input: { diagnosis: 'Will be corrupted' } }, author.token);
    const connection = t.orm.em.getConnection();
    const [row] = await connection.execute<Array<{ diagnosis_enc: string }>>('select diagnosis_enc from treatment where id = ?', [entry.id]);
    const [id, payload] = row.diagnosis_enc.split(':');
    const bytes = Buffer.from(payload, 'base64');
    bytes[bytes.length - 1] ^= 0xff;
    await connection.execute('update treatment set diagnosis_enc = ? where id = ?', [`${id}:${bytes.toString('base64')}`, entry.id]);
    const result = await t.gql('query($p: ID!) { patientHistory(patientId: $p) { id diagnosis } }', { p: patient.patientId }, patient.token);
    expect(codes(result)).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(result.errors![0].message).toMatch(/^Internal error \(id [0-9a-f-]+\)$/);
    expect(JSON.stringify(result)).not.toContain(payload.slice(0, 10));
  });
});

describe('record summaries', () => {
  it('admins get counts and dates for any patient, never content; the patient gets count and latest entry', async () => {
    const patient = await registerPatient(t);
    const SUMMARY = 'query($p: ID!) { patientRecordSummary(patientId: $p) { patientId treatmentCount lastVisitAt lastRecordedAt } }';
    const MINE = '{ myRecordSummary { treatmentCount lastVisitAt latest { id diagnosis doctor { fullName } } } }';
    expect((await t.ok(SUMMARY, { p: patient.patientId }, admin.token)).patientRecordSummary).toEqual({
      patientId: patient.patientId, treatmentCount: 0, lastVisitAt: null, lastRecordedAt: null,
    });
    expect((await t.ok(MINE, {}, patient.token)).myRecordSummary).toEqual({ treatmentCount: 0, lastVisitAt: null, latest: null });

    const olderAt = minute(-3 * DAY);
    const newerAt = minute(-DAY);
    const older = await insertAppointment(t, { doctorId: author.doctorId, patientId: patient.patientId, startsAt: olderAt, status: 'COMPLETED' });
    const newer = await insertAppointment(t, { doctorId: author.doctorId, patientId: patient.patientId, startsAt: newerAt, status: 'CHECKED_IN' });
    // A later visit without an entry does not count as a visit of the record.
    await insertAppointment(t, { doctorId: author.doctorId, patientId: patient.patientId, startsAt: minute(2 * DAY) });
    await t.ok(RECORD, { a: older, input: { diagnosis: 'First' } }, author.token);
    const { recordTreatment: latest } = await t.ok(RECORD, { a: newer, input: { diagnosis: 'Second' } }, author.token);

    const summary = (await t.ok(SUMMARY, { p: patient.patientId }, admin.token)).patientRecordSummary;
    expect(summary.treatmentCount).toBe(2);
    expect(summary.lastVisitAt).toBe(newerAt.toISOString());
    const [recorded] = await t.orm.em.getConnection().execute<Array<{ at: Date }>>('select max(created_at) as at from treatment where patient_id = ?', [Number(patient.patientId)]);
    expect(summary.lastRecordedAt).toBe(new Date(`${String(recorded.at instanceof Date ? recorded.at.toISOString() : recorded.at).replace(' ', 'T').replace(/Z?$/, 'Z')}`).toISOString());
    expect((await t.ok(SUMMARY, { p: patient.patientId }, author.token)).patientRecordSummary.treatmentCount).toBe(2);
    expect((await t.ok(SUMMARY, { p: patient.patientId }, patient.token)).patientRecordSummary.treatmentCount).toBe(2);
    expect(codes(await t.gql(SUMMARY, { p: patient.patientId }, patientB.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SUMMARY, { p: patient.patientId }, stranger.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SUMMARY, { p: '99999999' }, admin.token))).toEqual(['NOT_FOUND']);

    const mine = (await t.ok(MINE, {}, patient.token)).myRecordSummary;
    expect(mine).toMatchObject({ treatmentCount: 2, latest: { id: latest.id, diagnosis: 'Second', doctor: { fullName: author.fullName } } });
    expect(codes(await t.gql(MINE, {}, author.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(MINE, {}, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(MINE))).toEqual(['UNAUTHENTICATED']);
  });
});

describe('patient search from the doctor\'s side', () => {
  const SEARCH = 'query($s: String, $first: Int, $after: String) { patients(search: $s, first: $first, after: $after) { items { id fullName medicalRecordNumber phone } nextCursor totalCount } }';

  it('a doctor finds their patients by part of the name, record number or phone, in any case; not others\' patients', async () => {
    const { patient } = await t.ok('query($id: ID!) { patient(id: $id) { medicalRecordNumber phone } }', { id: patientA.patientId }, author.token);
    const ids = async (s: string, token: string) =>
      (await t.ok(SEARCH, { s, first: 100 }, token)).patients.items.map((p: { id: string }) => p.id);
    expect(await ids(patientA.fullName.slice(4).toUpperCase(), author.token)).toEqual([patientA.patientId]);
    expect(await ids(patient.medicalRecordNumber.slice(4, 10).toLowerCase(), author.token)).toEqual([patientA.patientId]);
    expect(await ids(patient.phone.slice(-6), author.token)).toContain(patientA.patientId);
    // The colleague (appointment tomorrow) finds A too; the stranger does not, and B is nobody's patient here.
    expect(await ids(patientA.fullName, colleague.token)).toEqual([patientA.patientId]);
    expect(await ids(patientA.fullName, stranger.token)).toEqual([]);
    expect(await ids(patientB.fullName, author.token)).toEqual([]);
    // Admins search everyone; patients may not search.
    expect(await ids(patientB.fullName, admin.token)).toEqual([patientB.patientId]);
    expect(codes(await t.gql(SEARCH, { s: 'Pat' }, patientA.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(SEARCH, { s: 'Pat' }))).toEqual(['UNAUTHENTICATED']);
  });

  it('pages through a doctor\'s patients with nextCursor', async () => {
    const doctor = await createDoctor(t, admin);
    const tag = uid();
    const patients = await Promise.all([1, 2, 3].map((i) => registerPatient(t, { fullName: `Paged ${tag} ${i}` })));
    for (const [i, p] of patients.entries()) {
      await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p.patientId, startsAt: minute((i + 3) * DAY) });
    }
    const page1 = (await t.ok(SEARCH, { s: `paged ${tag}`, first: 2 }, doctor.token)).patients;
    expect(page1.totalCount).toBe(3);
    expect(page1.items.map((p: { fullName: string }) => p.fullName)).toEqual([`Paged ${tag} 1`, `Paged ${tag} 2`]);
    const page2 = (await t.ok(SEARCH, { s: `paged ${tag}`, first: 2, after: page1.nextCursor }, doctor.token)).patients;
    expect(page2.items.map((p: { fullName: string }) => p.fullName)).toEqual([`Paged ${tag} 3`]);
    expect(page2.nextCursor).toBeNull();
  });
});
