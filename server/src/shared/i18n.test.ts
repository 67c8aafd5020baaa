// Issue 15: "every string … PDFs included". Downloads follow the reader's Accept-Language, e-mails the
// recipient's stored language, both from the client's catalogue files (client/src/i18n/locales).
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { createTestApp, setClock, type TestApp } from '../../test/harness';
import { bookAppointment, createAdmin, createDoctor, hospitalTime, insertAppointment, openAllWeek, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../test/factories';
import { recipients, startSmtpSink, type SmtpSink } from '../../test/message-sinks';
import { LANGUAGES, requestLanguage, translator } from './i18n';

const NAME = 'अनिता देसाई';
// The Hindi the catalogue holds today (its wording may change; the tests follow the file).
const HI_INVOICE: string = JSON.parse(readFileSync(path.resolve(__dirname, '../../../client/src/i18n/locales/hi.json'), 'utf8')).Invoice;
let t: TestApp;
let smtp: SmtpSink;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;
let invoiceId: string;

beforeAll(async () => {
  smtp = await startSmtpSink();
  t = await createTestApp({ HMS_SMTP_URL: smtp.url, HMS_HOSPITAL_NAME: 'St Test Hospital' });
  admin = await createAdmin(t);
  doctor = await createDoctor(t, admin, { consultationFee: '120.50' });
  await openAllWeek(t, doctor.token, doctor.doctorId);
  patient = await registerPatient(t, { fullName: NAME });
  const visit = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - 3 * 3600_000), status: 'COMPLETED' });
  await t.ok('mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }',
    { a: visit, input: { diagnosis: 'Seasonal influenza', precautions: 'Rest' } }, doctor.token);
  invoiceId = (await t.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id: visit }, admin.token)).issueInvoice.id;
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

async function pdfText(path: string, language: string): Promise<{ text: string; disposition: string }> {
  const response = await fetch(`${t.url}${path}`, { headers: { authorization: `Bearer ${patient.token}`, 'accept-language': language } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('application/pdf');
  const parser = new PDFParse({ data: new Uint8Array(await response.arrayBuffer()) });
  try {
    return { text: (await parser.getText()).text.replace(/\s+/g, ' '), disposition: response.headers.get('content-disposition') ?? '' };
  } finally { await parser.destroy(); }
}

describe('the catalogue', () => {
  it('is the client\'s: every file in client/src/i18n/locales is a language', () => {
    expect(LANGUAGES).toContain('en');
    expect(LANGUAGES).toContain('hi');
    expect(translator('hi')('Invoice {{number}}', { number: 'INV-1' })).toBe(`${HI_INVOICE} INV-1`);
    expect(translator('en')('Invoice {{number}}', { number: 'INV-1' })).toBe('Invoice INV-1');
    expect(translator('xx')('Invoice {{number}}', { number: 'INV-1' })).toBe('Invoice INV-1');
  });

  it('picks the best supported language of Accept-Language, ?lang= first, English otherwise', () => {
    const req = (header?: string, lang?: string) => ({ headers: { 'accept-language': header }, query: lang ? { lang } : {} });
    expect(requestLanguage(req('hi-IN,hi;q=0.9,en;q=0.8'))).toBe('hi');
    expect(requestLanguage(req('fr;q=1,hi;q=0.5,en;q=0.7'))).toBe('en');
    expect(requestLanguage(req('fr,de'))).toBe('en');
    expect(requestLanguage(req(undefined))).toBe('en');
    expect(requestLanguage(req('en', 'hi'))).toBe('hi');
    expect(requestLanguage(req('hi', 'xx'))).toBe('hi');
  });
});

describe('PDFs in the reader\'s language', () => {
  it('the invoice in Hindi with Accept-Language: hi, English with en, English for an unsupported xx', async () => {
    const hi = await pdfText(`/exports/invoices/${invoiceId}.pdf`, 'hi');
    expect(hi.text).toContain(HI_INVOICE);
    expect(hi.text).toContain('कुल');
    expect(hi.text).toContain(NAME);
    expect(hi.text).not.toContain('Balance due');
    const en = await pdfText(`/exports/invoices/${invoiceId}.pdf`, 'en');
    expect(en.text).toContain('Invoice');
    expect(en.text).toContain('Balance due');
    expect(en.text).toContain(NAME);
    expect(en.text).not.toContain(HI_INVOICE);
    const xx = await pdfText(`/exports/invoices/${invoiceId}.pdf`, 'xx');
    expect(xx.text).toContain('Balance due');
  });

  it('the medical history in Hindi, its file name too; English otherwise', async () => {
    const hi = await pdfText(`/exports/patients/${patient.patientId}/history.pdf`, 'hi-IN,hi;q=0.9');
    expect(hi.text).toContain('चिकित्सा इतिहास');
    expect(hi.text).toContain('निदान');
    expect(hi.text).toContain(NAME);
    expect(hi.text).toContain('Seasonal influenza');
    expect(hi.text).not.toContain('Medical history');
    expect(decodeURIComponent(hi.disposition)).toContain('चिकित्सा-इतिहास');
    const en = await pdfText(`/exports/patients/${patient.patientId}/history.pdf`, 'en');
    expect(en.text).toContain('Medical history');
    expect(en.text).toContain('Diagnosis');
    expect(en.disposition).toContain('filename="medical-history-');
    const xx = await pdfText(`/exports/patients/${patient.patientId}/history.pdf?lang=xx`, 'xx');
    expect(xx.text).toContain('Medical history');
  });

  it('the history CSV has Hindi column headers', async () => {
    const response = await fetch(`${t.url}/exports/patients/${patient.patientId}/history.csv`, { headers: { authorization: `Bearer ${patient.token}`, 'accept-language': 'hi' } });
    const firstLine = (await response.text()).split('\n')[0];
    expect(firstLine).toContain('निदान');
    expect(firstLine).not.toContain('Diagnosis');
  });
});

describe('the account\'s language', () => {
  const SET = 'mutation($l: String!) { setMyLanguage(language: $l) }';

  it('setMyLanguage stores a supported code (me.language), refuses others with BAD_USER_INPUT', async () => {
    const p = await registerPatient(t);
    expect((await t.ok('{ me { language } }', {}, p.token)).me.language).toBeNull();
    const bad = await t.gql(SET, { l: 'xx' }, p.token);
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect((await t.ok(SET, { l: 'hi' }, p.token)).setMyLanguage).toBe(true);
    expect((await t.ok('{ me { language } }', {}, p.token)).me.language).toBe('hi');
    expect((await t.gql(SET, { l: 'hi' })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await t.ok(SET, { l: 'en' }, doctor.token)).setMyLanguage).toBe(true);
  });

  it('a reminder e-mail to a patient whose language is hi is in Hindi', async () => {
    const p = await registerPatient(t);
    await t.ok('mutation($i: UpdateMyProfileInput!) { updateMyProfile(input: $i) { id } }', { i: { reminderOptIn: true } }, p.token);
    await t.ok(SET, { l: 'hi' }, p.token);
    const startsAt = await hospitalTime(t, 3, '10:00');
    await bookAppointment(t, p.token, { doctorId: doctor.doctorId, startsAt });
    const mails = () => smtp.mails.filter((m) => recipients(m).includes(p.email));
    const restore = setClock(new Date(new Date(startsAt).getTime() - 24 * 3600_000 + 60_000));
    try {
      const end = Date.now() + 15_000;
      while (!mails().some((m) => /अनुस्मारक/.test(m.subject ?? ''))) {
        if (Date.now() > end) throw new Error(`no Hindi reminder; got ${mails().map((m) => m.subject).join(' | ')}`);
        await t.app.deps.jobs.runDueNow();
        await new Promise((resolve) => setTimeout(resolve, 30));
      }
    } finally { restore(); }
    const reminder = mails().find((m) => /अनुस्मारक/.test(m.subject ?? ''))!;
    expect(reminder.subject).toContain('St Test Hospital');
    expect(reminder.text).toContain('प्रिय');
    expect(reminder.text).not.toContain('Dear');
    // The booking confirmation went out in Hindi too.
    expect(mails().some((m) => /St Test Hospital: .*आपकी अपॉइंटमेंट/.test(m.subject ?? ''))).toBe(true);
  });
});
