// `npm run bench:reminders`: 10,000 visits whose reminders fall due within the next hour, two API
// processes sharing Redis and MySQL, a real SMTP server (smtp-server) in this process. The clock of
// both processes jumps one hour ahead; the bench waits until every reminder arrived, checks that each
// went out exactly once (SMTP and ledger), and prints the time to drain and messages per second.
// Figures only: nothing here asserts a timing.
//
// Environment (all optional):
//   BENCH_REMINDERS_DATABASE_URL  scratch database, dropped and re-created (default mysql://root@127.0.0.1:3306/hms_bench_reminders)
//   BENCH_REMINDERS               number of visits (default 10000)
//   REDIS_URL                     default redis://127.0.0.1:6379 (keys under a prefix of this run, removed after)
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import Redis from 'ioredis';
import mysql from 'mysql2/promise';
import { openDatabase } from '../src/db/orm';
import { startSmtpSink } from '../test/message-sinks';
import { recipients } from '../test/message-sinks';

const DATABASE_URL = process.env.BENCH_REMINDERS_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_bench_reminders';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const COUNT = Number(process.env.BENCH_REMINDERS || 10_000);
const SERVER_DIR = path.resolve(__dirname, '..');
const PREFIX = `hms-bench-reminders-${process.pid}`;
const log = (message: string) => console.log(`[bench:reminders] ${message}`);
const children: ChildProcess[] = [];

async function main(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const dbName = url.pathname.slice(1);
  const admin = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password) });
  await admin.query(`drop database if exists \`${dbName}\``);
  await admin.end();
  const orm = await openDatabase({ databaseUrl: DATABASE_URL }, { retrySeconds: 5 });
  await orm.close();
  const db = await mysql.createConnection({ uri: DATABASE_URL.replace(/^mariadb:/, 'mysql:'), timezone: 'Z' });

  const now = Date.now();
  // Visits 24–25 h ahead: with the default 24 h lead their reminders fall due within the next hour
  // (visits between 09:00 and 21:00 UTC would all be outside quiet hours for HMS_TIMEZONE=UTC; the
  // bench pins the hospital zone to UTC and starts the visits at the next full hour + 24 h, so some
  // may fall in quiet hours and move earlier: they are due at once then, which the drain includes).
  log(`seeding ${COUNT} patients with accounts and visits`);
  await db.query("insert into department (name, active, created_at) values ('Bench', 1, now(3))");
  const doctors = 20;
  const perDoctor = Math.ceil(COUNT / doctors);
  for (let d = 0; d < doctors; d++) {
    await db.query("insert into `user` (email, password_hash, role, created_at, updated_at) values (?, '', 'DOCTOR', now(3), now(3))", [`doctor-${d}@bench.test`]);
    await db.query("insert into doctor (user_id, department_id, full_name, specialization, created_at) values (last_insert_id(), (select id from department limit 1), ?, 'General', now(3))", [`Dr Bench ${d}`]);
  }
  const [doctorRows] = await db.query('select id from doctor order by id') as unknown as [Array<{ id: number }>];
  const BATCH = 1000;
  for (let start = 0; start < COUNT; start += BATCH) {
    const n = Math.min(BATCH, COUNT - start);
    const users = Array.from({ length: n }, (_, i) => [`patient-${start + i}@bench.test`]);
    await db.query("insert into `user` (email, password_hash, role, created_at, updated_at) values " + users.map(() => "(?, '', 'PATIENT', now(3), now(3))").join(','), users.flat());
    await db.query(
      "insert into patient (user_id, full_name, medical_record_number, reminder_opt_in, created_at) " +
        "select u.id, concat('Bench patient ', u.id), concat('MRN-B', lpad(u.id, 10, '0')), 1, now(3) from `user` u where u.email like 'patient-%@bench.test' and not exists (select 1 from patient p where p.user_id = u.id)");
  }
  const [patients] = await db.query('select id, user_id from patient order by id') as unknown as [Array<{ id: number; user_id: number }>];
  const firstStart = now + 24 * 3600_000 + 5 * 60_000;
  const appointments: unknown[][] = [];
  for (const [i, p] of patients.entries()) {
    const doctor = doctorRows[i % doctors].id;
    const slot = Math.floor(i / doctors);
    // Spread over 55 minutes; each doctor's visits are distinct minutes apart by slot.
    const startsAt = new Date(firstStart + Math.floor((slot / perDoctor) * 55 * 60_000 / 1000) * 1000 + (i % doctors) * 10);
    appointments.push([p.id, doctor, startsAt, new Date(startsAt.getTime() + 15 * 60_000)]);
  }
  for (let start = 0; start < appointments.length; start += BATCH) {
    const rows = appointments.slice(start, start + BATCH);
    await db.query('insert into appointment (patient_id, doctor_id, starts_at, ends_at, status, version, created_at, updated_at) values ' +
      rows.map(() => "(?, ?, ?, ?, 'SCHEDULED', 1, now(3), now(3))").join(','), rows.flat());
  }
  // The ledger rows, as booking would have written them (one REMINDER by e-mail per visit, due 24 h before).
  await db.query(
    "insert into message (kind, subject, channel, status, recipient_user_id, patient_id, appointment_id, appointment_starts_at, due_at, attempts, created_at, updated_at) " +
      "select 'REMINDER', concat('appointment:', a.id, '@', date_format(a.starts_at, '%Y-%m-%dT%H:%i:%s.%fZ')), 'EMAIL', 'PENDING', p.user_id, p.id, a.id, a.starts_at, a.starts_at - interval 24 hour, 0, now(3), now(3) " +
      'from appointment a join patient p on p.id = a.patient_id');
  const [[{ planned }]] = await db.query("select count(*) as planned from message where kind = 'REMINDER' and status = 'PENDING'") as unknown as [[{ planned: number }]];
  log(`${planned} reminders planned, due between now and one hour from now`);

  const smtp = await startSmtpSink();
  const env = {
    PATH: process.env.PATH ?? '', DATABASE_URL, REDIS_URL, PORT: '0', HMS_TEST_CLOCK: '1', HMS_BACKGROUND_JOBS: 'on', HMS_LOG: 'info',
    HMS_SMTP_URL: smtp.url, HMS_JOBS_PREFIX: PREFIX, HMS_TIMEZONE: 'UTC',
    HMS_RATE_LIMIT_GRAPHQL_IP: 'off',
  };
  const urls: string[] = [];
  for (let i = 0; i < 2; i++) {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    urls.push(await new Promise<string>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`process ${i} did not start:\n${output}`)), 120_000);
      const onData = (d: Buffer) => {
        output += d;
        const match = /HMS listening on http:\/\/localhost:(\d+)/.exec(output);
        if (match) { clearTimeout(timer); resolve(`http://127.0.0.1:${match[1]}`); }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
    }));
  }
  log(`2 API processes up (${urls.join(', ')}); moving their clocks one hour ahead`);
  const started = Date.now();
  const at = new Date(Date.now() + 3600_000 + 60_000).toISOString();
  for (const u of urls) await fetch(`${u}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
  let lastLog = 0;
  while (smtp.mails.length < COUNT) {
    if (Date.now() - started > 30 * 60_000) throw new Error(`only ${smtp.mails.length} of ${COUNT} reminders after 30 minutes`);
    if (Date.now() - lastLog > 5_000) { log(`${smtp.mails.length} sent after ${((Date.now() - started) / 1000).toFixed(1)} s`); lastLog = Date.now(); }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const drainSeconds = (Date.now() - started) / 1000;
  // Two more sweep intervals: nothing else may arrive.
  await new Promise((resolve) => setTimeout(resolve, 32_000));
  const perRecipient = new Map<string, number>();
  for (const mail of smtp.mails) for (const to of recipients(mail)) perRecipient.set(to, (perRecipient.get(to) ?? 0) + 1);
  const twice = [...perRecipient.values()].filter((n) => n > 1).length;
  const [[{ sent }]] = await db.query("select count(*) as sent from message where kind = 'REMINDER' and status = 'SENT'") as unknown as [[{ sent: number }]];
  log(`drained ${COUNT} reminders in ${drainSeconds.toFixed(1)} s: ${(COUNT / drainSeconds).toFixed(0)} messages/s over 2 processes`);
  log(`SMTP received ${smtp.mails.length} (${perRecipient.size} distinct recipients, ${twice} received more than one); ledger SENT ${sent}`);
  const ok = smtp.mails.length === COUNT && perRecipient.size === COUNT && twice === 0 && Number(sent) === COUNT;
  log(ok ? 'every reminder exactly once: OK' : 'MISMATCH: not exactly once');
  for (const child of children) child.kill('SIGTERM');
  await smtp.close();
  await db.end();
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${PREFIX}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  process.exit(ok ? 0 : 1);
}

main().catch((error) => {
  console.error(error);
  for (const child of children) child.kill('SIGKILL');
  process.exit(1);
});
