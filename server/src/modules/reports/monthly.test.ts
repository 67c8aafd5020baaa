import ExcelJS from 'exceljs';
import { DateTime } from 'luxon';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { codes, createTestApp, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';

/**
 * The doctor's monthly report (issue 12 "Reports as jobs"): visits by status,
 * patients seen (only CHECKED_IN/COMPLETED), no-shows, follow-ups due, counts
 * by ICD-10 code; no clinical free text. The PDF's text (pdf-parse) holds the
 * right counts. And the admin's monthly hospital report, PDF and XLSX.
 */
const ZONE = 'Asia/Kolkata';
let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let other: DoctorSession;
let patients: PatientSession[];
let month: string;

/** An instant of `day` (1-based) of the report month at 10:00 hospital time. */
const dayOf = (day: number, hour = 10) => DateTime.fromISO(`${month}-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00`, { zone: ZONE }).toJSDate();

async function treatment(appointmentId: string, icd: string | null, followUp: string | null = null): Promise<void> {
  // Ciphertext-shaped placeholders: the report never reads (or decrypts) the free text.
  await t.orm.em.getConnection().execute(
    `insert into treatment (appointment_id, patient_id, doctor_id, diagnosis_enc, icd_code, visit_type, follow_up_date, version, created_at, updated_at)
     select a.id, a.patient_id, a.doctor_id, 'k0:SECRET-DIAGNOSIS', ?, 'CONSULTATION', ?, 1, a.starts_at, a.starts_at from appointment a where a.id = ?`,
    [icd, followUp, appointmentId]);
}

beforeAll(async () => {
  t = await createTestApp({ HMS_TIMEZONE: ZONE });
  month = DateTime.fromJSDate(clock.now(), { zone: ZONE }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
  const next = DateTime.fromISO(`${month}-01`).plus({ months: 1 });
  admin = await createAdmin(t);
  [doctor, other] = await Promise.all([createDoctor(t, admin), createDoctor(t, admin)]);
  patients = await Promise.all([0, 1, 2, 3, 4].map(() => registerPatient(t)));
  const [a, b, c, d, e] = patients.map((p) => p.patientId);
  const visit = (patientId: string, day: number, status: string, hour = 10) =>
    insertAppointment(t, { doctorId: doctor.doctorId, patientId, startsAt: dayOf(day, hour), status });
  // Patient a: two completed visits (seen once); b: checked in; c: cancelled; d: no-show; e: completed on the other doctor.
  const v1 = await visit(a, 2, 'COMPLETED');
  const v2 = await visit(a, 9, 'COMPLETED');
  const v3 = await visit(b, 3, 'CHECKED_IN');
  await visit(c, 4, 'CANCELLED');
  await visit(d, 5, 'NO_SHOW');
  await visit(c, 6, 'SCHEDULED', 11);
  await insertAppointment(t, { doctorId: other.doctorId, patientId: e, startsAt: dayOf(7), status: 'COMPLETED' });
  // Just outside the month, in hospital time: 23:30 on the last day before, 00:30 on the first day after.
  await insertAppointment(t, { doctorId: doctor.doctorId, patientId: e, startsAt: DateTime.fromISO(`${month}-01T00:00`, { zone: ZONE }).minus({ minutes: 30 }).toJSDate(), status: 'COMPLETED' });
  await insertAppointment(t, { doctorId: doctor.doctorId, patientId: e, startsAt: next.setZone(ZONE, { keepLocalTime: true }).plus({ minutes: 30 }).toJSDate(), status: 'COMPLETED' });
  await treatment(v1, 'J11.1', `${month}-20`);
  await treatment(v1, 'J11.1'); // a second entry of the same visit counts the visit once
  await treatment(v2, 'I10', next.plus({ days: 3 }).toISODate());
  await treatment(v3, null, `${month}-25`);
});
afterAll(async () => { await t.close(); });

const REPORT = `query($m: String!, $d: ID) { doctorMonthlyReport(month: $m, doctorId: $d) {
  month from to timezone doctorId doctorName visits visitsByStatus { status count } patientsSeen noShows
  followUpsDue followUpsDueNextMonth byIcdCode { code visits } uncodedVisits } }`;

async function download(path: string, token?: string): Promise<Response> {
  return fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
}

async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try { return (await parser.getText()).text; } finally { await parser.destroy(); }
}

describe('doctor monthly report', () => {
  it('counts the month in hospital time: statuses, patients seen (checked in/completed only), no-shows, follow-ups, ICD-10 codes', async () => {
    const report = (await t.ok(REPORT, { m: month }, doctor.token)).doctorMonthlyReport;
    expect(report).toMatchObject({
      month, timezone: ZONE, doctorId: doctor.doctorId, visits: 6, patientsSeen: 2, noShows: 1,
      followUpsDue: 2, followUpsDueNextMonth: 1, byIcdCode: [{ code: 'I10', visits: 1 }, { code: 'J11.1', visits: 1 }], uncodedVisits: 1,
    });
    expect(Object.fromEntries(report.visitsByStatus.map((s: { status: string; count: number }) => [s.status, s.count])))
      .toEqual({ SCHEDULED: 1, CHECKED_IN: 1, COMPLETED: 2, CANCELLED: 1, NO_SHOW: 1 });
    // The admin sees the same for the doctor they name.
    expect((await t.ok(REPORT, { m: month, d: doctor.doctorId }, admin.token)).doctorMonthlyReport).toEqual(report);
  });

  it('the PDF the doctor downloads holds the same counts, and no clinical text', async () => {
    const text = await pdfText(await download(`/exports/reports/doctor-monthly.pdf?month=${month}`, doctor.token));
    const line = (label: string) => text.split('\n').find((l) => l.startsWith(label))?.replace(/\s+/g, ' ').trim();
    expect(text).toContain(doctor.fullName);
    expect(line('Visits ')).toBe('Visits 6');
    expect(line('Patients seen')).toBe('Patients seen (checked in or completed) 2');
    expect(line('No-shows')).toBe('No-shows 1');
    expect(line('Follow-ups due this month')).toBe('Follow-ups due this month 2');
    expect(line('Follow-ups due next month')).toBe('Follow-ups due next month 1');
    expect(line('Completed')).toBe('Completed 2');
    expect(line('Checked in')).toBe('Checked in 1');
    expect(line('Cancelled')).toBe('Cancelled 1');
    expect(line('No-show ')).toBe('No-show 1');
    expect(line('J11.1')).toBe('J11.1 1');
    expect(line('I10')).toBe('I10 1');
    expect(line('No code')).toBe('No code 1');
    expect(text).not.toContain('SECRET');
    for (const p of patients) expect(text).not.toContain(p.fullName);
  });

  it('any month can be downloaded; an empty one is still a document', async () => {
    const text = await pdfText(await download('/exports/reports/doctor-monthly.pdf?month=2021-02', doctor.token));
    expect(text).toContain('February 2021');
    expect(text).toContain('No treatment entries this month.');
  });

  it('refuses the other doctor, patients, anonymous callers and bad months; admins must name the doctor', async () => {
    expect(codes(await t.gql(REPORT, { m: month, d: doctor.doctorId }, other.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REPORT, { m: month }, patients[0].token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REPORT, { m: month }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(REPORT, { m: month }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(REPORT, { m: '2026-13' }, doctor.token))).toEqual(['BAD_USER_INPUT']);
    expect((await download(`/exports/reports/doctor-monthly.pdf?month=${month}&doctorId=${doctor.doctorId}`, other.token)).status).toBe(403);
    expect((await download(`/exports/reports/doctor-monthly.pdf?month=${month}`, patients[0].token)).status).toBe(403);
    expect((await download(`/exports/reports/doctor-monthly.pdf?month=${month}`)).status).toBe(401);
    expect((await download('/exports/reports/doctor-monthly.pdf?month=nope', doctor.token)).status).toBe(400);
    // The other doctor's own report does not include this doctor's visits.
    expect((await t.ok(REPORT, { m: month }, other.token)).doctorMonthlyReport).toMatchObject({ visits: 1, patientsSeen: 1 });
  });
});

describe('hospital monthly report', () => {
  it('admins download it as PDF and XLSX with the month\'s totals', async () => {
    const text = await pdfText(await download(`/exports/reports/monthly.pdf?month=${month}`, admin.token));
    expect(text).toContain('Monthly hospital report');
    expect(text.split('\n').find((l) => l.startsWith('Visits '))?.replace(/\s+/g, ' ').trim()).toBe('Visits 7');
    expect(text).toContain(doctor.fullName);

    const xlsx = await download(`/exports/reports/monthly.xlsx?month=${month}`, admin.token);
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const totals = new Map<string, unknown>();
    workbook.getWorksheet('Totals')!.eachRow((row) => { totals.set(String(row.getCell(1).value), row.getCell(2).value); });
    expect(totals.get('appointments')).toBe(7);
    expect(totals.get('no_show')).toBe(1);
  });

  it('is for admins only', async () => {
    for (const token of [doctor.token, patients[0].token]) {
      expect((await download(`/exports/reports/monthly.pdf?month=${month}`, token)).status).toBe(403);
      expect((await download(`/exports/reports/monthly.xlsx?month=${month}`, token)).status).toBe(403);
    }
    expect((await download(`/exports/reports/monthly.pdf?month=${month}`)).status).toBe(401);
    expect((await download('/exports/reports/monthly.pdf?month=2026-1', admin.token)).status).toBe(400);
  });
});
