// Messages across processes sharing a Redis of the test's own: two API processes (one with
// HMS_WORKERS=off) and `npm run worker`, a real SMTP server and SMS gateway in this process.
// Redis is killed and restarted while reminders go out: nothing is lost, nothing sent twice.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../src/clock';
import { planRemindersForPatient } from '../src/modules/messages/planner';
import { createAdmin, createDoctor, hospitalTime, insertAppointment, openAllWeek, quickPatients, type DoctorSession } from './factories';
import { createTestApp, testDatabaseUrl, type TestApp } from './harness';
import { recipients, startSmsSink, startSmtpSink, type SmsSink, type SmtpSink } from './message-sinks';
import { PrivateRedis, waitUntil } from './outage-helpers';
import { listeningPort, SERVER_DIR, startMain, type MainProcess } from './processes';
import { RATE_LIMITS_OFF } from './harness';

let t: TestApp;
let smtp: SmtpSink;
let sms: SmsSink;
let redis: PrivateRedis;
let doctor: DoctorSession;
const servers: Array<{ proc: MainProcess; url: string }> = [];
let worker: MainProcess | undefined;

/** `npm run worker` (its clock starts at `at`: it has no HTTP to move it later). */
async function startWorker(at: Date): Promise<MainProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
    cwd: SERVER_DIR, env: { PATH: process.env.PATH ?? '', HMS_LOG: 'info', ...RATE_LIMITS_OFF, ...sharedEnv, HMS_TEST_CLOCK: '1', HMS_TEST_NOW: at.toISOString() }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  const started: MainProcess = { child, output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
  await waitUntil(async () => /HMS worker running/.test(output), 90_000, 'the worker to start');
  return started;
}
let sharedEnv: Record<string, string> = {};

function env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: testDatabaseUrl(), REDIS_URL: redis.url, PORT: '0', HMS_TEST_CLOCK: '1', HMS_BACKGROUND_JOBS: 'on',
    HMS_SMTP_URL: smtp.url, HMS_SMS_URL: sms.url, HMS_SMS_TOKEN: sms.token, HMS_JOBS_PREFIX: `hms-proc-${process.pid}-${Date.now()}`, ...extra,
  };
}

beforeAll(async () => {
  smtp = await startSmtpSink();
  sms = await startSmsSink();
  redis = new PrivateRedis();
  await redis.start();
  t = await createTestApp();
  const admin = await createAdmin(t);
  doctor = await createDoctor(t, admin);
  await openAllWeek(t, doctor.token, doctor.doctorId);
  const shared = env();
  sharedEnv = shared;
  for (const extra of [{}, { HMS_WORKERS: 'off' }] as Array<Record<string, string>>) {
    const proc = startMain({ ...shared, ...extra });
    servers.push({ proc, url: `http://127.0.0.1:${await listeningPort(proc)}` });
  }
}, 240_000);

afterAll(async () => {
  for (const { proc } of servers) proc.child.kill('SIGTERM');
  worker?.child.kill('SIGTERM');
  await Promise.all([...servers.map((s) => s.proc.exited), worker?.exited]);
  await t?.close();
  await redis?.kill();
  await smtp?.close();
  await sms?.close();
});

async function gql(url: string, query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
  const body = await response.json() as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}
async function setClocks(at: Date | null): Promise<void> {
  for (const { url } of servers) {
    await fetch(`${url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(at ? { at: at.toISOString() } : {}) });
  }
}
const mailsTo = (email: string) => smtp.mails.filter((m) => recipients(m).includes(email));

describe('across processes with Redis', () => {
  it('booking on either API process sends one confirmation each, by whichever process has workers', async () => {
    const patients = await quickPatients(t, 6);
    const ids: string[] = [];
    for (const [i, p] of patients.entries()) {
      const startsAt = await hospitalTime(t, 2, `${String(8 + i).padStart(2, '0')}:30`);
      const data = await gql(servers[i % 2].url, 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', { input: { doctorId: doctor.doctorId, startsAt } }, p.token);
      ids.push(data.bookAppointment.id);
    }
    await waitUntil(async () => patients.every((p) => mailsTo(p.email).length >= 1), 60_000, 'every confirmation');
    // Sentinel: a later booking's confirmation arrives after anything still in flight for the first six.
    const [late] = await quickPatients(t, 1);
    await gql(servers[1].url, 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', { input: { doctorId: doctor.doctorId, startsAt: await hospitalTime(t, 2, '16:30') } }, late.token);
    await waitUntil(async () => mailsTo(late.email).length === 1, 60_000, 'the sentinel');
    for (const p of patients) expect(mailsTo(p.email)).toHaveLength(1);
    const [{ sent }] = await t.orm.em.getConnection().execute(
      `select count(*) as sent from message where kind = 'BOOKING_CONFIRMATION' and status = 'SENT' and appointment_id in (${ids.map(() => '?').join(',')})`, ids);
    expect(Number(sent)).toBe(6);
  });

  it('reminders go out exactly once per opted-in channel while Redis is killed and restarted mid-run', async () => {
    const count = 120;
    const patients = await quickPatients(t, count);
    const conn = t.orm.em.getConnection();
    await conn.execute(`update patient set reminder_opt_in = 1, reminder_sms_opt_in = (id % 4 = 0), phone = concat('+1555', lpad(id, 7, '0')) where id in (${patients.map(() => '?').join(',')})`, patients.map((p) => p.patientId));
    const base = new Date(await hospitalTime(t, 3, '09:00')).getTime();
    for (const [i, p] of patients.entries()) {
      await insertAppointment(t, { doctorId: doctor.doctorId, patientId: p.patientId, startsAt: new Date(base + i * 60_000), minutes: 1 });
    }
    const em = t.orm.em.fork();
    await em.transactional(async (tx) => { for (const p of patients) await planRemindersForPatient(tx, Number(p.patientId)); });
    const [{ planned }] = await conn.execute(`select count(*) as planned from message where kind = 'REMINDER' and patient_id in (${patients.map(() => '?').join(',')})`, patients.map((p) => p.patientId));
    const smsPatients = patients.filter((p) => Number(p.patientId) % 4 === 0);
    expect(Number(planned)).toBe(count + smsPatients.length);

    smtp.delayMs = 40;
    const due = new Date(base + count * 60_000 - 24 * 3600_000 + 60_000);
    await setClocks(due);
    worker = await startWorker(due);
    const restore = clock.offsetMs();
    clock.setOffsetMs(due.getTime() - Date.now());
    try {
      const reminders = () => smtp.mails.filter((m) => /reminder/.test(m.subject ?? '') && patients.some((p) => recipients(m).includes(p.email))).length;
      // Mid-run: some went out, most did not.
      await waitUntil(async () => reminders() >= 5, 60_000, 'the first reminders');
      await redis.kill();
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await redis.start();
      await waitUntil(async () => reminders() >= count && sms.received.length >= smsPatients.length, 120_000, 'every reminder after the restart').catch(async (error) => {
        const rows = await conn.execute("select status, not_before is null as unclaimed, count(*) as n from message where kind = 'REMINDER' group by status, not_before is null");
        console.log('DEBUG', reminders(), sms.received.length, JSON.stringify(rows), clock.now().toISOString());
        console.log(servers[0].proc.output().slice(-3000));
        console.log(worker?.output().slice(-3000));
        throw error;
      });
      // Let the sweeps run once more over everything (nothing left to send).
      await waitUntil(async () => {
        const [{ pending }] = await conn.execute(`select count(*) as pending from message where kind = 'REMINDER' and status = 'PENDING' and patient_id in (${patients.map(() => '?').join(',')})`, patients.map((p) => p.patientId));
        return Number(pending) === 0;
      }, 60_000, 'no pending reminder');
      await new Promise((resolve) => setTimeout(resolve, 16_000));
      for (const p of patients) expect(mailsTo(p.email).filter((m) => /reminder/.test(m.subject ?? ''))).toHaveLength(1);
      const phones = sms.received.map((m) => m.to);
      expect(new Set(phones).size).toBe(phones.length);
      expect(phones.length).toBe(smsPatients.length);
    } finally {
      clock.setOffsetMs(restore);
      await setClocks(null);
      smtp.delayMs = 0;
    }
    const workersOutput = servers[0].proc.output() + (worker?.output() ?? '');
    expect(workersOutput).toMatch(/Redis \(jobs\) is unreachable|Redis.*unreachable/);
  }, 300_000);
});
