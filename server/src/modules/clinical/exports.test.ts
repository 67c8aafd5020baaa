import { clock } from '../../clock';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, uid, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

const HOSPITAL = `St Example ${uid()} Hospital`;
let t: TestApp;
let admin: Session;
let patient: PatientSession;
let other: PatientSession;
let author: DoctorSession;
let colleague: DoctorSession;
let stranger: DoctorSession;
let mrn: string;

const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }';
const HOUR = 3600_000;
const at = (offset: number) => new Date(Math.floor((clock.nowMs() + offset) / 60_000) * 60_000);

beforeAll(async () => {
  t = await createTestApp({ HMS_HOSPITAL_NAME: HOSPITAL });
  admin = await createAdmin(t);
  [patient, other] = await Promise.all([registerPatient(t, { fullName: `Grace Export ${uid()}` }), registerPatient(t)]);
  [author, colleague, stranger] = await Promise.all([createDoctor(t, admin), createDoctor(t, admin), createDoctor(t, admin)]);
  const older = await insertAppointment(t, { doctorId: author.doctorId, patientId: patient.patientId, startsAt: at(-3 * HOUR), status: 'COMPLETED' });
  const newer = await insertAppointment(t, { doctorId: author.doctorId, patientId: patient.patientId, startsAt: at(0), status: 'CHECKED_IN' });
  await insertAppointment(t, { doctorId: colleague.doctorId, patientId: patient.patientId, startsAt: at(24 * HOUR) });
  await t.ok(RECORD, {
    a: older,
    input: {
      diagnosis: 'Seasonal influenza', icdCode: 'J11.1', prescription: 'Oseltamivir course', notes: 'Private: query malingering, "quoted", comma',
      patientNotes: 'Fever 39C, aches, "quoted", comma, here',
      medicines: [{ name: 'Oseltamivir', dose: '75 mg', frequency: 'twice daily', duration: '5 days', instructions: 'with food' }],
      testsOrdered: 'Rapid flu test', precautions: 'Stay home', visitType: 'CONSULTATION',
    },
  }, author.token);
  await t.ok(RECORD, { a: newer, input: { diagnosis: '=HYPERLINK("x") follow-up fine', visitType: 'FOLLOW_UP' } }, author.token);
  mrn = (await t.ok('query($id: ID!) { patient(id: $id) { medicalRecordNumber } }', { id: patient.patientId }, patient.token)).patient.medicalRecordNumber;
});
afterAll(async () => { await t.close(); });

function download(path: string, token?: string): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

/** Minimal RFC 4180 parser, enough to check the cells. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i += 1; } else if (ch === '"') quoted = false; else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (ch !== '\r') cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

describe('history exports', () => {
  it('the patient downloads a CSV of their history, oldest first, with every field', async () => {
    const response = await download(`/exports/patients/${patient.patientId}/history.csv`, patient.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="medical-history-${mrn}.csv"`);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const text = (await response.text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([
      'Visit', 'Recorded at', 'Doctor', 'Department', 'Visit type', 'Diagnosis', 'ICD-10', 'Prescription',
      'Medicines', 'Tests ordered', 'Precautions', 'Notes for the patient', 'Follow-up date',
    ]);
    expect(rows).toHaveLength(2);
    // Issue 15 item 2: the private clinical notes never reach the patient's CSV.
    expect(text).not.toContain('malingering');
    const record = Object.fromEntries(header.map((h, i) => [h, rows[0][i]]));
    expect(record).toMatchObject({
      Doctor: author.fullName, 'Visit type': 'CONSULTATION', Diagnosis: 'Seasonal influenza', 'ICD-10': 'J11.1',
      Prescription: 'Oseltamivir course', Medicines: 'Oseltamivir, 75 mg, twice daily, 5 days (with food)',
      'Tests ordered': 'Rapid flu test', Precautions: 'Stay home', 'Notes for the patient': 'Fever 39C, aches, "quoted", comma, here',
    });
    // A cell a spreadsheet would run as a formula is kept as text.
    expect(rows[1][5]).toBe('\'=HYPERLINK("x") follow-up fine');
    expect(rows[1][4]).toBe('FOLLOW_UP');
  });

  it('the patient downloads a PDF: hospital name, patient, record number, entries in order with doctor, department, medicines', async () => {
    const response = await download(`/exports/patients/${patient.patientId}/history.pdf`, patient.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString()).toBe('%PDF-');
    const parser = new PDFParse({ data: bytes });
    const { text } = await parser.getText();
    await parser.destroy();
    const flat = text.replace(/\s+/g, ' ');
    for (const expected of [
      HOSPITAL, 'Medical history', patient.fullName, mrn, `${mrn} - page 1 of 1`, 'Seasonal influenza (ICD-10 J11.1)', 'Oseltamivir course',
      'Oseltamivir, 75 mg, twice daily, 5 days (with food)', 'Rapid flu test', 'Stay home', author.fullName, 'Follow-up',
      '=HYPERLINK("x") follow-up fine',
    ]) {
      expect(flat, expected).toContain(expected);
    }
    expect(flat.indexOf('Seasonal influenza')).toBeLessThan(flat.indexOf('=HYPERLINK'));
    expect(flat).toContain('Fever 39C');
    expect(flat).not.toContain('malingering');
    expect(flat).not.toContain('Private clinical notes');
  });

  it('the private clinical notes reach clinicians (GraphQL, CSV, PDF) and never the patient (GraphQL)', async () => {
    const HISTORY = 'query($p: ID!) { patientHistory(patientId: $p) { notes patientNotes } }';
    const mine = (await t.ok(HISTORY, { p: patient.patientId }, patient.token)).patientHistory;
    expect(mine.map((e: { notes: string | null }) => e.notes)).toEqual([null, null]);
    expect(mine.map((e: { patientNotes: string | null }) => e.patientNotes)).toContain('Fever 39C, aches, "quoted", comma, here');
    const theirs = (await t.ok(HISTORY, { p: patient.patientId }, author.token)).patientHistory;
    expect(theirs.map((e: { notes: string | null }) => e.notes)).toContain('Private: query malingering, "quoted", comma');
    const csv = await (await download(`/exports/patients/${patient.patientId}/history.csv`, author.token)).text();
    expect(parseCsv(csv.replace(/^\uFEFF/, ''))[0].at(-1)).toBe('Private clinical notes');
    expect(csv).toContain('malingering');
    const parser = new PDFParse({ data: new Uint8Array(await (await download(`/exports/patients/${patient.patientId}/history.pdf`, author.token)).arrayBuffer()) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text.replace(/\s+/g, ' ')).toContain('Private clinical notes');
    expect(text).toContain('malingering');
  });

  it('doctors with an appointment with the patient may download; others get JSON errors with 401/403/404/400', async () => {
    for (const doctor of [author, colleague]) {
      const response = await download(`/exports/patients/${patient.patientId}/history.csv`, doctor.token);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('Seasonal influenza');
    }
    const cases: Array<[string, string | undefined, number, string]> = [
      [`/exports/patients/${patient.patientId}/history.pdf`, undefined, 401, 'UNAUTHENTICATED'],
      [`/exports/patients/${patient.patientId}/history.pdf`, 'not-a-token', 401, 'UNAUTHENTICATED'],
      [`/exports/patients/${patient.patientId}/history.pdf`, other.token, 403, 'FORBIDDEN'],
      [`/exports/patients/${patient.patientId}/history.csv`, stranger.token, 403, 'FORBIDDEN'],
      [`/exports/patients/${patient.patientId}/history.csv`, admin.token, 403, 'FORBIDDEN'],
      ['/exports/patients/abc/history.csv', patient.token, 400, 'BAD_USER_INPUT'],
    ];
    for (const [path, token, status, code] of cases) {
      const response = await download(path, token);
      expect(response.status, `${path} ${status}`).toBe(status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const body = (await response.json()) as { error: { code: string } };
      expect(body.error.code).toBe(code);
      expect(JSON.stringify(body)).not.toContain('influenza');
    }
  });

  it('an empty history is still a valid document', async () => {
    const fresh = await registerPatient(t);
    const csv = await download(`/exports/patients/${fresh.patientId}/history.csv`, fresh.token);
    expect(parseCsv((await csv.text()).replace(/^\uFEFF/, ''))).toHaveLength(1);
    const pdf = await download(`/exports/patients/${fresh.patientId}/history.pdf`, fresh.token);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    expect((await parser.getText()).text).toContain('No treatment entries recorded.');
    await parser.destroy();
  });

  it('a long history runs over several pages, each with its footer', async () => {
    const fresh = await registerPatient(t);
    const visit = await insertAppointment(t, { doctorId: author.doctorId, patientId: fresh.patientId, startsAt: at(-30 * HOUR), status: 'COMPLETED' });
    const notes = Array.from({ length: 2500 }, (_, i) => `word${i}`).join(' ').slice(0, 20000);
    for (let i = 0; i < 3; i += 1) await t.ok(RECORD, { a: visit, input: { diagnosis: `Long entry ${i}`, patientNotes: notes } }, author.token);
    const pdf = await download(`/exports/patients/${fresh.patientId}/history.pdf`, fresh.token);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const { text, total } = await parser.getText();
    await parser.destroy();
    expect(total).toBeGreaterThan(3);
    expect(text).toContain(`page ${total} of ${total}`);
    expect(text).toContain('Long entry 2');
    const lastWord = notes.split(' ').slice(-2)[0];
    expect(text.replace(/\s+/g, ' ')).toContain(` ${lastWord} `);
  });

  it('non-Latin text prints as itself (embedded Noto fonts), never as wrong glyphs', async () => {
    const fresh = await registerPatient(t, { fullName: 'Zoë Иванова' });
    const visit = await insertAppointment(t, { doctorId: author.doctorId, patientId: fresh.patientId, startsAt: at(-50 * HOUR), status: 'COMPLETED' });
    await t.ok(RECORD, { a: visit, input: { diagnosis: 'Пневмония, café', medicines: [{ name: 'Амоксициллин' }] } }, author.token);
    const pdf = await download(`/exports/patients/${fresh.patientId}/history.pdf`, fresh.token);
    const parser = new PDFParse({ data: new Uint8Array(await pdf.arrayBuffer()) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('Zoë Иванова');
    expect(text).toContain('Пневмония, café');
    expect(text).toContain('Амоксициллин');
  });
});
