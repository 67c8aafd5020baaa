import { DateTime } from 'luxon';
import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { PDFParse } from 'pdf-parse';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { createTestApp, setClock, type TestApp } from '../../../test/harness';
import { createAdmin, createDoctor, insertAppointment, registerPatient, type DoctorSession, type Session } from '../../../test/factories';
import { previousHospitalMonth } from './hospital-days';
import { nodemailerReportMailer, sendMonthlyReports, setReportMailer } from './monthly-mail';

/**
 * The 1st-of-month job (hospital time) mails each doctor last month's report
 * and each admin the hospital's, through a real SMTP server started here, once
 * per person however often (and from however many runners) it runs.
 */
interface Received { to: string; raw: string }
let t: TestApp;
let smtp: SMTPServer;
let received: Received[];
let failNext = 0;
let admin: Session;
let doctor: DoctorSession;
let month: string;
let mailer: ReturnType<typeof nodemailerReportMailer>;

beforeAll(async () => {
  received = [];
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (failNext > 0) { failNext -= 1; callback(new Error('mailbox busy, try later')); return; }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        for (const to of session.envelope.rcptTo) received.push({ to: to.address, raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const port = (smtp.server.address() as AddressInfo).port;
  mailer = nodemailerReportMailer(nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, ignoreTLS: true }), 'reports@hms.test');

  t = await createTestApp({ HMS_TIMEZONE: 'Asia/Kolkata' });
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  month = previousHospitalMonth(clock.now(), 'Asia/Kolkata');
  const patient = await registerPatient(t);
  const start = DateTime.fromISO(`${month}-10T10:00`, { zone: 'Asia/Kolkata' }).toJSDate();
  await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: start, status: 'COMPLETED' });
  await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(start.getTime() + 86_400_000), status: 'NO_SHOW' });
});
afterAll(async () => {
  setReportMailer(null);
  await t.close();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

/** The base64 parts of a MIME message whose content type is PDF, decoded. */
function pdfAttachments(raw: string): Buffer[] {
  const parts = raw.split(/\r?\n--/);
  return parts.filter((p) => /Content-Type: application\/pdf/i.test(p)).map((p) => {
    const body = p.split(/\r?\n\r?\n/).slice(1).join('\n').replace(/[^A-Za-z0-9+/=]/g, '');
    return Buffer.from(body, 'base64');
  });
}

describe('monthly report mail', () => {
  it('on the 1st in hospital time it reports the month before', () => {
    // 00:10 on 1 March in Kolkata is still 28 February in UTC: the report is February's.
    expect(previousHospitalMonth(new Date('2027-02-28T18:40:00Z'), 'Asia/Kolkata')).toBe('2027-02');
    expect(previousHospitalMonth(new Date('2027-02-28T18:20:00Z'), 'Asia/Kolkata')).toBe('2027-01');
  });

  it('mails each doctor their PDF and each admin the hospital\'s PDF and XLSX, once however often it runs', async () => {
    // A failing recipient first: retried on the next run.
    failNext = 1;
    const first = await sendMonthlyReports(t.app.deps, mailer, month);
    expect(first.failed).toBe(1);
    // Two runners at once (two processes on the 1st), then a third later: nobody gets a second mail.
    const [a, b] = await Promise.all([sendMonthlyReports(t.app.deps, mailer, month), sendMonthlyReports(t.app.deps, mailer, month)]);
    const again = await sendMonthlyReports(t.app.deps, mailer, month);
    expect(first.sent + a.sent + b.sent + again.sent).toBe(2);
    expect(again.sent).toBe(0);

    const toDoctor = received.filter((m) => m.to === doctor.email);
    const toAdmin = received.filter((m) => m.to === admin.email);
    expect(toDoctor).toHaveLength(1);
    expect(toAdmin).toHaveLength(1);
    expect(toAdmin[0].raw).toContain(`hospital-report-${month}.xlsx`);
    expect(toAdmin[0].raw).toContain(`hospital-report-${month}.pdf`);

    const [pdf] = pdfAttachments(toDoctor[0].raw);
    const parser = new PDFParse({ data: new Uint8Array(pdf) });
    const { text } = await parser.getText();
    await parser.destroy();
    expect(text).toContain(doctor.fullName);
    expect(text.split('\n').find((l) => l.startsWith('Visits '))?.replace(/\s+/g, ' ').trim()).toBe('Visits 2');
    expect(text.split('\n').find((l) => l.startsWith('No-shows'))?.replace(/\s+/g, ' ').trim()).toBe('No-shows 1');

    const ledger = await t.orm.em.getConnection().execute<Array<{ status: string; attempts: number }>>(
      'select status, attempts from report_delivery where month = ? order by recipient_id', [month]);
    expect(ledger.map((r: { status: string }) => r.status)).toEqual(['SENT', 'SENT']);
    expect(ledger.map((r: { attempts: number }) => r.attempts).sort()).toEqual([1, 2]);
  });

  it('the job engine\'s monthly sweep sends through the configured mailer, and nothing without one', async () => {
    const undo = setClock(DateTime.fromISO(`${month}-01T00:05`, { zone: 'Asia/Kolkata' }).plus({ months: 2 }).toJSDate());
    try {
      const before = received.length;
      setReportMailer(null);
      await t.app.deps.jobs.runDueNow();
      expect(received.length).toBe(before);
      setReportMailer(mailer);
      await t.app.deps.jobs.runDueNow();
      // The month before that 1st: one mail each for the doctor and the admin.
      expect(received.slice(before).map((m) => m.to).sort()).toEqual([admin.email, doctor.email].sort());
    } finally { undo(); }
  });
});
