import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { codes, createTestApp, setClock, type TestApp } from '../../../test/harness';
import {
  createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type PatientSession, type Session,
} from '../../../test/factories';
import { runExportJob, sweepExportJobs } from './export-jobs';

/**
 * Large exports as jobs (issue 12, "trigger export, check status, download"):
 * startExport → exportJob(id) shows progress → DONE with a signed link that
 * works without a token, then expires; the file itself is dropped after the
 * retention time. Each role only exports what it may read.
 */
let t: TestApp;
let admin: Session;
let doctor: DoctorSession;
let stranger: DoctorSession;
let patient: PatientSession;
let otherPatient: PatientSession;

const START = `mutation($input: StartExportInput!) { startExport(input: $input) { id kind format status progress } }`;
const JOB = `query($id: ID!) { exportJob(id: $id) { id status progress stage fileName size downloadUrl downloadUrlExpiresAt expiresAt error } }`;
const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }';
const HOUR = 3600_000;

beforeAll(async () => {
  t = await createTestApp({ HMS_EXPORT_LINK_MINUTES: '10', HMS_EXPORT_RETENTION_HOURS: '24' });
  admin = await createAdmin(t);
  [doctor, stranger] = await Promise.all([createDoctor(t, admin), createDoctor(t, admin)]);
  [patient, otherPatient] = await Promise.all([registerPatient(t, { fullName: 'अनिता देसाई' }), registerPatient(t)]);
  const visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - 2 * HOUR), status: 'COMPLETED' });
  await t.ok(RECORD, { a: visit, input: { diagnosis: 'Dengue fever', icdCode: 'A90' } }, doctor.token);
  for (let day = 1; day <= 30; day += 1) {
    await insertAppointment(t, { doctorId: doctor.doctorId, patientId: otherPatient.patientId, startsAt: new Date(clock.nowMs() - day * 24 * HOUR), status: day % 3 ? 'COMPLETED' : 'NO_SHOW' });
  }
});
afterAll(async () => { await t.close(); });

/** Runs what the job engine holds (timers are off in tests), as a worker would. */
const work = () => t.app.deps.jobs.runDueNow();
/** The link points at HMS_PUBLIC_URL; the test server listens elsewhere. */
const local = (url: string) => url.replace(t.config.publicUrl, t.url);

describe('export jobs', () => {
  it('a year of the dashboard: starts QUEUED, runs with progress, DONE with a link that works without a token, then expires', async () => {
    const from = new Date(clock.nowMs() - 364 * 24 * HOUR).toISOString().slice(0, 10);
    const to = clock.now().toISOString().slice(0, 10);
    const started = (await t.ok(START, { input: { kind: 'DASHBOARD', format: 'XLSX', from, to } }, admin.token)).startExport;
    expect(started).toMatchObject({ kind: 'DASHBOARD', format: 'XLSX', status: 'QUEUED', progress: 0 });
    expect((await t.ok(JOB, { id: started.id }, admin.token)).exportJob).toMatchObject({ status: 'QUEUED', downloadUrl: null });

    // A worker runs it: progress (written to the row at each step) rises to 100.
    const steps: Array<{ progress: number; stage: string }> = [];
    const status = await runExportJob(t.app.deps, started.id, (progress, stage) => { steps.push({ progress, stage }); });
    expect(status).toBe('DONE');
    expect(steps.map((s) => s.progress)).toEqual([...steps.map((s) => s.progress)].sort((a, b) => a - b));
    expect(steps.length).toBeGreaterThanOrEqual(4);
    expect(steps.at(-1)).toMatchObject({ progress: 100, stage: 'Done' });
    // A second runner of the same job (another process, a retry) finds it taken and does nothing.
    expect(await runExportJob(t.app.deps, started.id)).toBeNull();

    const done = (await t.ok(JOB, { id: started.id }, admin.token)).exportJob;
    expect(done).toMatchObject({ status: 'DONE', progress: 100, fileName: `hms-dashboard-${from}-to-${to}.xlsx`, error: null });
    expect(done.size).toBeGreaterThan(1000);
    expect(new Date(done.downloadUrlExpiresAt).getTime() - clock.nowMs()).toBeLessThanOrEqual(10 * 60_000);
    expect(done.downloadUrl).toMatch(/\/exports\/jobs\/[0-9a-f-]{36}\/file\?expires=\d+&signature=/);

    const file = await fetch(local(done.downloadUrl));
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain(done.fileName);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Daily')!.rowCount).toBe(1 + 365);

    // A tampered link is refused; the link stops working after HMS_EXPORT_LINK_MINUTES.
    expect((await fetch(local(done.downloadUrl.replace(/signature=./, 'signature=A')))).status).toBe(403);
    expect((await fetch(local(done.downloadUrl.replace(/expires=\d+/, (m: string) => `expires=${Number(m.slice(8)) + 3600}`)))).status).toBe(403);
    const undo = setClock(new Date(clock.nowMs() + 11 * 60_000));
    try {
      const expired = await fetch(local(done.downloadUrl));
      expect(expired.status).toBe(410);
      expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('NOT_FOUND');
      // Asking again gives a fresh link that works.
      const fresh = (await t.ok(JOB, { id: started.id }, admin.token)).exportJob;
      expect((await fetch(local(fresh.downloadUrl))).status).toBe(200);
    } finally { undo(); }

    // After the retention time the file is dropped: EXPIRED, no link, and old links answer 410.
    const later = setClock(new Date(clock.nowMs() + 25 * HOUR));
    try {
      const linkBefore = (await t.ok(JOB, { id: started.id }, admin.token)).exportJob.downloadUrl;
      expect((await sweepExportJobs(t.app.deps)).expired).toBeGreaterThanOrEqual(1);
      expect((await t.ok(JOB, { id: started.id }, admin.token)).exportJob).toMatchObject({ status: 'EXPIRED', downloadUrl: null });
      expect((await fetch(local(linkBefore))).status).toBe(410);
      const [row] = await t.orm.em.getConnection().execute<Array<{ data: Buffer | null }>>('select data from export_job where id = ?', [started.id]);
      expect(row.data).toBeNull();
    } finally { later(); }
  });

  it('the job engine runs a started export (trigger, check status, download)', async () => {
    const started = (await t.ok(START, { input: { kind: 'PATIENT_HISTORY', format: 'PDF' } }, patient.token)).startExport;
    await work();
    const done = (await t.ok(JOB, { id: started.id }, patient.token)).exportJob;
    expect(done.status).toBe('DONE');
    const file = await fetch(local(done.downloadUrl));
    const parser = new PDFParse({ data: new Uint8Array(await file.arrayBuffer()) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain('अनिता देसाई');
    expect(text).toContain('Dengue fever');
    // Listed among my exports, newest first.
    const mine = (await t.ok('{ myExports { id status } }', {}, patient.token)).myExports;
    expect(mine[0]).toEqual({ id: started.id, status: 'DONE' });
  });

  it('a doctor in the patient\'s care exports the history, and the patient sees that read', async () => {
    const started = (await t.ok(START, { input: { kind: 'PATIENT_HISTORY', format: 'CSV', patientId: patient.patientId } }, doctor.token)).startExport;
    await work();
    const done = (await t.ok(JOB, { id: started.id }, doctor.token)).exportJob;
    expect(done).toMatchObject({ status: 'DONE', fileName: expect.stringMatching(/^medical-history-.*\.csv$/) });
    expect(await (await fetch(local(done.downloadUrl))).text()).toContain('Dengue fever');
    const access = (await t.ok('{ myRecordAccess { readerName readerRole kind granted } }', {}, patient.token)).myRecordAccess;
    expect(access).toContainEqual({ readerName: doctor.fullName, readerRole: 'DOCTOR', kind: 'CSV_EXPORT', granted: true });
  });

  it('a doctor exports their own dashboard only', async () => {
    const from = new Date(clock.nowMs() - 30 * 24 * HOUR).toISOString().slice(0, 10);
    const to = clock.now().toISOString().slice(0, 10);
    const own = (await t.ok(START, { input: { kind: 'DASHBOARD', format: 'CSV', from, to } }, doctor.token)).startExport;
    await work();
    const done = (await t.ok(JOB, { id: own.id }, doctor.token)).exportJob;
    const csv = await (await fetch(local(done.downloadUrl))).text();
    expect(csv).toContain(doctor.fullName);
    expect(csv).not.toContain(stranger.fullName);
    expect(codes(await t.gql(START, { input: { kind: 'DASHBOARD', format: 'CSV', from, to, doctorId: stranger.doctorId } }, doctor.token))).toEqual(['FORBIDDEN']);
  });

  it('refuses what a role may not read, before any job exists', async () => {
    const count = async () => Number((await t.orm.em.getConnection().execute<Array<{ n: number }>>('select count(*) as n from export_job'))[0].n);
    const before = await count();
    const from = '2026-01-01';
    const to = '2026-01-31';
    // Admins never get clinical text; a stranger doctor is outside the care relationship; patient B is not patient A.
    expect(codes(await t.gql(START, { input: { kind: 'PATIENT_HISTORY', format: 'PDF', patientId: patient.patientId } }, admin.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(START, { input: { kind: 'PATIENT_HISTORY', format: 'PDF', patientId: patient.patientId } }, stranger.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(START, { input: { kind: 'PATIENT_HISTORY', format: 'CSV', patientId: patient.patientId } }, otherPatient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(START, { input: { kind: 'DASHBOARD', format: 'CSV', from, to } }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(START, { input: { kind: 'DASHBOARD', format: 'CSV', from, to } }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(START, { input: { kind: 'DASHBOARD', format: 'PDF', from, to } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(START, { input: { kind: 'DASHBOARD', format: 'CSV', from: '2024-01-01', to } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(START, { input: { kind: 'DASHBOARD', format: 'CSV' } }, admin.token))).toEqual(['BAD_USER_INPUT']);
    expect(await count()).toBe(before);
    // The stranger's attempt is on the patient's "who opened my records".
    const access = (await t.ok('{ myRecordAccess { readerName kind granted } }', {}, patient.token)).myRecordAccess;
    expect(access).toContainEqual({ readerName: stranger.fullName, kind: 'PDF_EXPORT', granted: false });
  });

  it('nobody else sees a job: NOT_FOUND for another person and for made-up ids', async () => {
    const started = (await t.ok(START, { input: { kind: 'PATIENT_HISTORY', format: 'CSV' } }, patient.token)).startExport;
    for (const token of [otherPatient.token, doctor.token, admin.token]) expect(codes(await t.gql(JOB, { id: started.id }, token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(JOB, { id: 'nope' }, patient.token))).toEqual(['NOT_FOUND']);
    expect(codes(await t.gql(JOB, { id: started.id }))).toEqual(['UNAUTHENTICATED']);
    await work();
  });

  it('rights are checked again when the job runs: care that ended by then fails the job', async () => {
    const fresh = await registerPatient(t);
    const visit = await insertAppointment(t, { doctorId: stranger.doctorId, patientId: fresh.patientId, startsAt: new Date(clock.nowMs() + 24 * HOUR) });
    const started = (await t.ok(START, { input: { kind: 'PATIENT_HISTORY', format: 'CSV', patientId: fresh.patientId } }, stranger.token)).startExport;
    await t.orm.em.getConnection().execute("update appointment set status = 'CANCELLED' where id = ?", [visit]);
    await work();
    const failed = (await t.ok(JOB, { id: started.id }, stranger.token)).exportJob;
    expect(failed).toMatchObject({ status: 'FAILED', downloadUrl: null });
    expect(failed.error).toMatch(/Only the patient and doctors caring for them/);
  });
});
