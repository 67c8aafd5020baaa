import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../clock';
import { createTestApp, privateDatabase, setClock, type TestApp } from '../../test/harness';
import { DEMO_DOCTOR_EMAIL, DEMO_PASSWORD, DEMO_PATIENT_EMAIL, DemoRefusedError, seedDemo, type DemoSeedResult } from './demo-seed';

// The demo hospital in a database of its own, seeded once at 10:40 hospital time (so "today" has
// visits done, one with the doctor, patients checked in and visits to come).
const ZONE = 'Asia/Kolkata';
let db: Awaited<ReturnType<typeof privateDatabase>>;
let t: TestApp;
let first: DemoSeedResult;
let restoreClock: () => void;
const today = () => DateTime.fromJSDate(clock.now(), { zone: ZONE }).toISODate()!; // the server clock's day, in hospital time

beforeAll(async () => {
  db = await privateDatabase('demo');
  t = await createTestApp({ HMS_TIMEZONE: ZONE }, { databaseUrl: db.url });
  const pinnedDay = DateTime.fromJSDate(clock.now(), { zone: 'UTC' }); // test/setup.ts pins midday UTC
  restoreClock = setClock(DateTime.fromISO(`${pinnedDay.toISODate()}T10:40:00`, { zone: ZONE }).toJSDate());
  first = await seedDemo(t.orm, t.config);
}, 120_000);
afterAll(async () => {
  restoreClock?.();
  await t?.close();
  await db?.drop();
});

const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) =>
  (await t.orm.em.getConnection().execute(query, params)) as T[];
const one = async (query: string, params: unknown[] = []) => Number(Object.values((await sql(query, params))[0])[0]);

async function login(email: string, password = DEMO_PASSWORD): Promise<string> {
  const data = await t.ok<{ login: { token: string } }>('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: email, p: password });
  return data.login.token;
}

describe('the demo hospital', () => {
  it('has what it promises: departments, doctors with hours and time off, patients in several scripts, visits past and to come', async () => {
    expect(first.status).toBe('seeded');
    expect(await one('select count(*) from department')).toBe(6);
    expect(await one('select count(*) from doctor')).toBe(20);
    expect(await one('select count(distinct doctor_id) from availability_rule')).toBe(20);
    expect(await one('select count(*) from availability_block')).toBeGreaterThanOrEqual(3);
    expect(await one('select count(*) from patient')).toBe(300);
    // Devanagari, Arabic and Latin names.
    expect(await one("select count(*) from patient where full_name regexp '[ऀ-ॿ]'")).toBeGreaterThan(20);
    expect(await one("select count(*) from patient where full_name regexp '[؀-ۿ]'")).toBeGreaterThan(5);
    expect(await one("select count(*) from patient where full_name regexp '^[A-Za-z]'")).toBeGreaterThan(150);

    const sixWeeksAgo = DateTime.fromISO(today(), { zone: ZONE }).minus({ days: 42 }).toUTC().toJSDate();
    expect(await one("select count(*) from appointment where status = 'COMPLETED' and starts_at < ?", [sixWeeksAgo])).toBe(0);
    expect(await one("select count(*) from appointment where status = 'COMPLETED'")).toBeGreaterThan(1500);
    expect(await one("select count(*) from appointment where status = 'NO_SHOW'")).toBeGreaterThan(0);
    expect(await one("select count(*) from appointment where status = 'CANCELLED' and cancel_reason is not null")).toBeGreaterThan(0);
    expect(await one("select count(*) from appointment where status = 'SCHEDULED' and starts_at > ?", [clock.now()])).toBeGreaterThan(100);
    expect(await one("select count(*) from appointment where status = 'SCHEDULED' and starts_at < ?", [clock.now()])).toBe(0);
    // Every completed visit has its treatment, with an ICD-10 code; most are billed.
    expect(await one("select count(*) from appointment a left join treatment tr on tr.appointment_id = a.id where a.status = 'COMPLETED' and tr.id is null")).toBe(0);
    expect(await one("select count(*) from treatment where icd_code is null or diagnosis_enc not like '%:%'")).toBe(0);
    expect(await one("select count(*) from invoice where status = 'PAID' and paid_minor = total_minor")).toBeGreaterThan(500);
    expect(await one("select count(*) from invoice where status = 'ISSUED' and paid_minor > 0 and paid_minor < total_minor")).toBeGreaterThan(10);
    expect(await one("select count(*) from invoice where status = 'ISSUED' and paid_minor = 0")).toBeGreaterThan(10);
    expect(await one('select count(*) from invoice i where i.paid_minor <> (select coalesce(sum(amount_minor), 0) from payment p where p.invoice_id = i.id)')).toBe(0);
    expect(await one('select count(*) from invoice i where i.total_minor <> (select sum(quantity * unit_price_minor) from invoice_line l where l.invoice_id = i.id)')).toBe(0);
    // Recurring series and the waitlist.
    expect(await one('select count(*) from appointment_series')).toBeGreaterThanOrEqual(3);
    expect(await one('select count(*) from appointment where series_id is not null')).toBeGreaterThanOrEqual(8);
    expect(await one("select count(*) from waitlist_entry where status = 'WAITING'")).toBeGreaterThanOrEqual(3);
    // Today at the front desk: patients checked in with queue numbers 1..N per doctor.
    expect(await one("select count(*) from appointment where status = 'CHECKED_IN'")).toBeGreaterThan(0);
    expect(await one("select count(*) from appointment a left join queue_ticket q on q.appointment_id = a.id where a.status in ('CHECKED_IN','IN_CONSULTATION','COMPLETED') and q.appointment_id is null")).toBe(0);
    expect(await one('select count(*) from (select doctor_id, day from queue_ticket group by doctor_id, day having max(number) <> count(*)) x')).toBe(0);
    expect(await one('select count(*) from queue_counter c where c.last_number <> (select max(number) from queue_ticket q where q.doctor_id = c.doctor_id and q.day = c.day)')).toBe(0);
    // Audit trail like the app's: every visit's booking, every invoice's issue.
    expect(await one("select count(distinct entity_id) from audit_event where action = 'appointment.book' and entity_type = 'appointment'")).toBe(await one('select count(*) from appointment'));
    expect(await one("select count(distinct entity_id) from audit_event where action = 'invoice.issue' and entity_type = 'invoice'")).toBe(await one('select count(*) from invoice'));
    // The roll-up the triggers kept equals a recount.
    expect(await one('select coalesce(sum(appointments), 0) from appointment_daily')).toBe(await one("select count(*) from appointment where status not in ('HELD','RELEASED')"));
    expect(await one('select coalesce(sum(completed), 0) from appointment_daily')).toBe(await one("select count(*) from appointment where status = 'COMPLETED'"));
  });

  it('takes invoice numbers from the real sequence: gapless, and the next invoice the app issues continues it', async () => {
    const year = DateTime.fromJSDate(clock.now(), { zone: ZONE }).year;
    const issued = await one('select count(*) from invoice where year = ?', [year]);
    expect(await one('select max(sequence) from invoice where year = ?', [year])).toBe(issued);
    expect(await one('select last_sequence from invoice_counter where year = ?', [year])).toBe(issued);
    const [unbilled] = await sql<{ id: number }>("select a.id from appointment a left join invoice i on i.appointment_id = a.id where a.status = 'COMPLETED' and i.id is null order by a.starts_at desc limit 1");
    const admin = await login(first.signIns.admin!, first.signIns.adminPassword!);
    const data = await t.ok('mutation($a: ID!) { issueInvoice(appointmentId: $a) { number } }', { a: String(unbilled.id) }, admin);
    expect(data.issueInvoice.number).toBe(`INV-${year}-${String(issued + 1).padStart(6, '0')}`);
  });

  it('answers the admin dashboard and a doctor\'s day over GraphQL', async () => {
    const admin = await login(first.signIns.admin!, first.signIns.adminPassword!);
    const from = DateTime.fromISO(today()).minus({ days: 41 }).toISODate();
    const dashboard = await t.ok(`query($from: LocalDate!, $to: LocalDate!) { dashboard(from: $from, to: $to) {
      totals { appointments completed cancelled noShow patients invoiceCount collected { amount } } byDepartment { departmentName appointments } } }`, { from, to: today() }, admin);
    const fromUtc = DateTime.fromISO(from!, { zone: ZONE }).toUTC().toJSDate();
    const toUtc = DateTime.fromISO(today(), { zone: ZONE }).plus({ days: 1 }).toUTC().toJSDate();
    expect(dashboard.dashboard.totals.completed).toBe(await one("select count(*) from appointment where status = 'COMPLETED' and starts_at >= ? and starts_at < ?", [fromUtc, toUtc]));
    expect(dashboard.dashboard.totals.completed).toBeGreaterThan(1500);
    expect(dashboard.dashboard.totals.noShow).toBeGreaterThan(0);
    expect(dashboard.dashboard.byDepartment).toHaveLength(6);

    const doctor = await login(DEMO_DOCTOR_EMAIL);
    const [{ id: doctorId }] = await sql<{ id: number }>('select d.id from doctor d join `user` u on u.id = d.user_id where u.email = ?', [DEMO_DOCTOR_EMAIL]);
    const day = await t.ok(`query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { id startsAt status queueNumber patient { fullName } } }`,
      { d: String(doctorId), date: today() }, doctor);
    const startOfDay = DateTime.fromISO(today(), { zone: ZONE }).toUTC().toJSDate();
    expect(day.doctorDay.length).toBe(await one("select count(*) from appointment where doctor_id = ? and starts_at >= ? and starts_at < ? and status <> 'CANCELLED'", [doctorId, startOfDay, toUtc]));
    expect(day.doctorDay.length).toBeGreaterThan(0);
    // The doctor opens a patient's history: clinical text decrypts with the app's key.
    const patientId = (await t.ok('query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { patient { id } } }',
      { d: String(doctorId), date: DateTime.fromISO(today()).minus({ days: 1 }).toISODate() }, doctor)).doctorDay[0]?.patient.id
      ?? String((await sql<{ patient_id: number }>("select patient_id from appointment where doctor_id = ? and status = 'COMPLETED' limit 1", [doctorId]))[0].patient_id);
    const history = await t.ok('query($p: ID!) { patientHistory(patientId: $p) { diagnosis icdCode medicines { name } } }', { p: patientId }, doctor);
    expect(history.patientHistory.length).toBeGreaterThan(0);
    expect(history.patientHistory[0].diagnosis).toMatch(/[a-z]{4}/i);
    expect(history.patientHistory[0].icdCode).toMatch(/^[A-Z]\d/);
  });

  it('lets the demo patient sign in with the printed password and see their visits and bills', async () => {
    expect(first.signIns.patient).toBe(DEMO_PATIENT_EMAIL);
    expect(first.signIns.password).toBe(DEMO_PASSWORD);
    const patient = await login(first.signIns.patient);
    const data = await t.ok('{ myAppointments(first: 50) { items { id status } } myInvoices(first: 20) { items { number status } } }', {}, patient);
    expect(data.myAppointments.items.length).toBeGreaterThan(0);
    const bad = await t.gql('mutation { login(email: "anita.desai@demo.hms.example.org", password: "wrong-Password-1") { token } }');
    expect(bad.errors?.length).toBeGreaterThan(0);
  });

  it('changes nothing on a second run, in-process or through `npm run seed:demo`, and says so', async () => {
    const fingerprint = async () => JSON.stringify(await sql(`select
      (select count(*) from appointment) a, (select max(id) from appointment) ai, (select count(*) from audit_event) e, (select count(*) from invoice) i,
      (select max(version) from appointment) v, (select count(*) from \`user\`) u, (select count(*) from notification) n, (select count(*) from outbox_event) o,
      (select group_concat(concat(year, ':', last_sequence)) from invoice_counter) c`));
    const before = await fingerprint();
    const again = await seedDemo(t.orm, t.config);
    expect(again.status).toBe('already');
    expect(again.signIns).toEqual(first.signIns);
    const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), 'src/demo/seed-demo.ts'], {
      cwd: path.resolve(__dirname, '../..'), env: { ...process.env, DATABASE_URL: db.url, HMS_TIMEZONE: ZONE, HMS_LOG: 'silent' }, encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(out).toMatch(/already seeded in this database: nothing changed/);
    expect(out).toContain(DEMO_PATIENT_EMAIL);
    expect(out).toContain(DEMO_PASSWORD);
    expect(await fingerprint()).toBe(before);
  }, 60_000);
});

describe('a database that is not the demo', () => {
  it('is refused, and nothing is written to it', async () => {
    const other = await createTestApp({ HMS_TIMEZONE: ZONE });
    try {
      const connection = other.orm.em.getConnection();
      await connection.execute("insert into department (name, active, created_at) values ('Radiology', 1, now())");
      const counts = async () => JSON.stringify(await connection.execute(
        "select (select count(*) from department) d, (select count(*) from `user`) u, (select count(*) from system_setting where name = 'demo_hospital') m"));
      const before = await counts();
      await expect(seedDemo(other.orm, other.config)).rejects.toThrow(DemoRefusedError);
      await expect(seedDemo(other.orm, other.config)).rejects.toThrow(/already holds data \(1 departments\)/);
      expect(await counts()).toBe(before);
    } finally {
      await other.close();
    }
  });
});
