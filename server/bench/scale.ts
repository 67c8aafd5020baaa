// `npm run bench:scale`: the hospital ×100. Builds a grown database in SQL
// (50 doctors, 20,000 patients, 200,000 appointments, 50,000 encrypted
// treatments, 50,000 invoices, 250,000 audit rows), runs the real server on
// it and prints p50/p99 of the reads and writes that must stay fast as data
// grows; then the same booking on a small database, for the ratio.
// Figures only: nothing here asserts a timing.
//
// Environment (all optional):
//   BENCH_SCALE_DATABASE_URL  scratch database, dropped and re-created (default mysql://root@127.0.0.1:3306/hms_bench_scale)
//   BENCH_SAMPLES             samples per operation (default 60; each op also stops after BENCH_OP_SECONDS, default 25)
//   BENCH_REUSE=1             keep an already seeded ×100 database (skips the seeding when its row counts match)
//   BENCH_SOAK_SECONDS        after the table, a mixed soak of this many seconds, twice, with RSS samples (default 0: none)
//   BENCH_ONLY                comma-separated operation names to run (default: all)
//   BENCH_NODE_ARGS           extra node flags for the ×100 server (e.g. V8 heap settings)
//   BENCH_PROFILE             a directory: the ×100 server writes a V8 CPU profile there when it stops
import type { ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import argon2 from 'argon2';
import { DateTime } from 'luxon';
import { Keyring } from '../src/modules/clinical/crypto';
import { signToken } from '../src/modules/identity/tokens';
import { Role } from '../src/modules/identity/user.entity';
import { benchDatabaseName, connect, freePort, guard, migrate, resetDatabase, startServer, stopChild, stopServers } from './support';

const BIG_URL = process.env.BENCH_SCALE_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_bench_scale';
const SMALL_URL = BIG_URL.replace(/\/([^/]+)$/, '/$1_small');
const SAMPLES = Number(process.env.BENCH_SAMPLES || 60);
const OP_SECONDS = Number(process.env.BENCH_OP_SECONDS || 25);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS || 0);
const ONLY = (process.env.BENCH_ONLY || '').split(',').map((s) => s.trim()).filter(Boolean);
// Fixed bench secrets (scratch data only), so BENCH_REUSE can run a new build on an old seed.
const JWT_SECRET = createHash('sha256').update('hms bench:scale jwt').digest('base64');
const DATA_KEY = createHash('sha256').update('hms bench:scale data key').digest();
const SLOT_MINUTES = 15;
const DAY_START_MINUTE = 8 * 60;
const SLOTS_PER_DAY = 48; // 08:00-20:00
const BOOKING_ACCOUNTS = 500;

interface Scale {
  doctors: number;
  patients: number;
  appointments: number;
  treatments: number;
  invoices: number;
  audit: number;
}

const BIG: Scale = { doctors: 50, patients: 20_000, appointments: 200_000, treatments: 50_000, invoices: 50_000, audit: 250_000 };
const SMALL: Scale = { doctors: 50, patients: 500, appointments: 2_000, treatments: 500, invoices: 500, audit: 2_500 };

const log = (message: string) => console.log(`[bench:scale] ${message}`);

const FIRST_NAMES = ['Ana', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maria', 'Noah', 'Olga', 'Pedro',
  'Quinn', 'Rosa', 'Samir', 'Tara', 'Umar', 'Vera', 'Wei', 'Ximena', 'Yusuf', 'Zoe', 'Amir', 'Bianca', 'Chen', 'Dalia', 'Emil', 'Fatima', 'Goran',
  'Hana', 'Ivan', 'Julia', 'Kofi', 'Lena', 'Marco', 'Nadia'];
const LAST_NAMES = ['Smith', 'Garcia', 'Muller', 'Rossi', 'Kowalski', 'Novak', 'Silva', 'Ivanova', 'Tanaka', 'Kim', 'Okafor', 'Haddad', 'Jensen',
  'Dubois', 'Costa', 'Nguyen', 'Singh', 'Cohen', 'Petrov', 'Larsen', 'Moreau', 'Fischer', 'Russo', 'Santos', 'Weber', 'Yilmaz', 'Khan', 'Murphy',
  'Olsen', 'Popescu', 'Horvat', 'Berg', 'Lopez', 'Schmidt', 'Meyer', 'Wagner', 'Becker', 'Hoffmann', 'Klein', 'Wolf', 'Braun', 'Zimmermann',
  'Hartmann', 'Kruger', 'Lange', 'Vogel', 'Frank', 'Roth', 'Beck', 'Lorenz'];
const sqlList = (values: string[]) => values.map((v) => `'${v}'`).join(',');

interface Seeded {
  adminUserId: number;
  doctorIds: number[];
  departmentIds: number[];
  historyPatientId: number;
  historyDoctorUserId: number;
  busyDoctorId: number;
  bookers: Array<{ patientId: number; token: string }>;
}

/**
 * The whole dataset in set-based SQL over MariaDB's sequence tables (seq_0_to_N).
 * Appointments: per doctor, 5 a day over the past days up to a week ahead, on a
 * 15-minute grid from 08:00 (UTC); the busy doctor has every slot of tomorrow taken.
 */
async function seed(url: string, scale: Scale): Promise<void> {
  const db = await connect(url);
  const q = (sql: string, params: unknown[] = []) => db.query(sql, params);
  const hash = await argon2.hash('Bench-Password-1', { type: argon2.argon2id });
  const keyring = new Keyring(DATA_KEY);
  const today = DateTime.utc().startOf('day');
  const t0 = today.toFormat('yyyy-MM-dd HH:mm:ss');
  const perDoctor = Math.floor(scale.appointments / scale.doctors);
  const days = Math.ceil(perDoctor / 5);
  const firstDay = -(days - 8); // the last 8 days of the grid are today..today+7

  await q('set session foreign_key_checks = 0, unique_checks = 1');
  await q(`insert into department (name, active, created_at) select concat('Department ', seq), 1, ? from seq_1_to_5`, [t0]);
  await q(`insert into \`user\` (email, password_hash, role, active, failed_login_count, must_change_password, token_version, created_at, updated_at)
    values ('admin@bench.test', ?, 'ADMIN', 1, 0, 0, 0, ?, ?)`, [hash, t0, t0]);
  await q(`insert into \`user\` (email, password_hash, role, active, failed_login_count, must_change_password, token_version, created_at, updated_at)
    select concat('doctor-', seq, '@bench.test'), ?, 'DOCTOR', 1, 0, 0, 0, ?, ? from seq_1_to_${scale.doctors}`, [hash, t0, t0]);
  await q(`insert into doctor (user_id, department_id, full_name, specialization, consultation_fee_minor, active, created_at)
    select u.id, 1 + (u.id % 5), concat('Dr ', elt(1 + u.id % 40, ${sqlList(FIRST_NAMES)}), ' ', elt(1 + u.id % 50, ${sqlList(LAST_NAMES)}), ' ', u.id),
      'General medicine', 5000, 1, ? from \`user\` u where u.role = 'DOCTOR' order by u.id`, [t0]);
  await q(`insert into availability_rule (doctor_id, weekday, start_minute, end_minute, slot_minutes)
    select d.id, w.seq, ${DAY_START_MINUTE}, ${DAY_START_MINUTE + SLOTS_PER_DAY * SLOT_MINUTES}, ${SLOT_MINUTES} from doctor d join seq_1_to_7 w`);
  // Patients: the first BOOKING_ACCOUNTS have accounts (they book); the rest are walk-ins.
  await q(`insert into \`user\` (email, password_hash, role, active, failed_login_count, must_change_password, token_version, created_at, updated_at)
    select concat('patient-', seq, '@bench.test'), ?, 'PATIENT', 1, 0, 0, 0, ?, ? from seq_1_to_${BOOKING_ACCOUNTS}`, [hash, t0, t0]);
  await q(`insert into patient (id, user_id, full_name, medical_record_number, date_of_birth, phone, reminder_opt_in, created_at)
    select s.seq, u.id,
      concat(elt(1 + s.seq % 40, ${sqlList(FIRST_NAMES)}), ' ', elt(1 + (s.seq div 40) % 50, ${sqlList(LAST_NAMES)})),
      concat('MRN-S', lpad(s.seq, 9, '0')), date('1950-01-01') + interval (s.seq * 37) % 25000 day,
      concat('+1555', lpad(s.seq, 7, '0')), 0, timestamp(?) - interval (s.seq * 13) % ${days} day
    from seq_1_to_${scale.patients} s left join \`user\` u on u.email = concat('patient-', s.seq, '@bench.test')`, [t0]);
  // One patient with a long history with the busy doctor, for patientHistory (50 visits).
  await q(`insert into patient (id, full_name, medical_record_number, reminder_opt_in, created_at) values (?, 'History Bench', 'MRN-HISTORY01', 0, ?)`,
    [scale.patients + 1, t0]);

  const [[{ first: firstDoctor }]] = await q('select min(id) as first from doctor') as unknown as [[{ first: number }]];
  await q(`insert into appointment (patient_id, doctor_id, starts_at, ends_at, status, created_by_id, version, created_at, updated_at)
    select 1 + (n * 7919) % ${scale.patients}, ${firstDoctor} + n % ${scale.doctors}, st, st + interval ${SLOT_MINUTES} minute,
      if(day_off < 0, elt(1 + n % 20, 'COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED',
        'COMPLETED','COMPLETED','COMPLETED','COMPLETED','COMPLETED','CANCELLED','CANCELLED','CANCELLED','NO_SHOW','COMPLETED','COMPLETED'), 'SCHEDULED'),
      null, 1, st - interval 3 day, st - interval 3 day
    from (select n, ${firstDay} + (n div ${scale.doctors}) div 5 as day_off,
            timestamp(?) + interval (${firstDay} + (n div ${scale.doctors}) div 5) day
              + interval (${DAY_START_MINUTE} + (((n div ${scale.doctors}) % 5) * 9 + (n % ${scale.doctors}) % 9) * ${SLOT_MINUTES}) minute as st
          from (select cast(seq as signed) as n from seq_0_to_${scale.appointments - 1}) ns) g`, [t0]);
  // The busy day: every free slot of tomorrow for the first doctor (patients may clash elsewhere: IGNORE skips those).
  await q(`insert ignore into appointment (patient_id, doctor_id, starts_at, ends_at, status, version, created_at, updated_at)
    select 1 + (s.seq * 131) % ${scale.patients}, ${firstDoctor}, timestamp(?) + interval 1 day + interval (${DAY_START_MINUTE} + s.seq * ${SLOT_MINUTES}) minute,
      timestamp(?) + interval 1 day + interval (${DAY_START_MINUTE} + (s.seq + 1) * ${SLOT_MINUTES}) minute, 'SCHEDULED', 1, ?, ?
    from seq_0_to_${SLOTS_PER_DAY - 1} s`, [t0, t0, t0, t0]);
  // The history patient takes over the busy doctor's 50 latest completed visits.
  await q(`update appointment set patient_id = ? where id in (select id from (select id from appointment
    where doctor_id = ? and status = 'COMPLETED' order by starts_at desc limit 50) x)`, [scale.patients + 1, firstDoctor]);

  // Treatments: real AES-256-GCM values from the crypto module (a pool of 200, reused), for completed visits.
  await q('create temporary table bench_cipher (i int primary key, diagnosis text, prescription text, notes text)');
  const pool = Array.from({ length: 200 }, (_, i) => [i,
    keyring.encrypt(`Diagnosis ${i}: acute bronchitis, follow the plan`),
    keyring.encrypt(`Amoxicillin 500 mg three times a day for ${5 + (i % 5)} days`),
    keyring.encrypt(`Notes ${i}: patient advised rest and fluids; review if not better in a week.`)]);
  await q('insert into bench_cipher values ?', [pool]);
  await q(`insert into treatment (appointment_id, patient_id, doctor_id, diagnosis_enc, icd_code, prescription_enc, notes_enc, visit_type, version, created_at, updated_at)
    select a.id, a.patient_id, a.doctor_id, c.diagnosis, 'J20.9', c.prescription, c.notes, 'CONSULTATION', 1, a.ends_at, a.ends_at
    from appointment a join bench_cipher c on c.i = a.id % 200
    where a.status = 'COMPLETED' and a.patient_id <> ? and a.id % 3 = 1 order by a.id limit ${scale.treatments}`, [scale.patients + 1]);
  const [history] = await q('select id, patient_id, doctor_id, ends_at from appointment where patient_id = ?', [scale.patients + 1]) as unknown as
    [Array<{ id: number; patient_id: number; doctor_id: number; ends_at: Date }>];
  if (history.length) {
    await q(`insert into treatment (appointment_id, patient_id, doctor_id, diagnosis_enc, prescription_enc, notes_enc, visit_type, version, created_at, updated_at) values ?`,
      [history.map((a, i) => [a.id, a.patient_id, a.doctor_id, keyring.encrypt(`History visit ${i}: hypertension review`),
        keyring.encrypt('Lisinopril 10 mg once a day'), keyring.encrypt(`Blood pressure ${120 + i}/80; continue.`), 'FOLLOW_UP', 1, a.ends_at, a.ends_at])]);
  }

  // Invoices for completed visits (60 % paid), their lines and payments; counters follow.
  await q(`insert into invoice (appointment_id, patient_id, number, year, sequence, status, currency, total_minor, paid_minor, issued_at, paid_at, created_at)
    select id, patient_id, concat('INV-', y, '-', lpad(sq, 6, '0')), y, sq, if(id % 5 < 3, 'PAID', 'ISSUED'), 'USD', 5000, if(id % 5 < 3, 5000, 0),
      ends_at + interval 10 minute, if(id % 5 < 3, ends_at + interval 1 day, null), ends_at + interval 10 minute
    from (select a.id, a.patient_id, a.ends_at, year(a.ends_at + interval 10 minute) as y,
            row_number() over (partition by year(a.ends_at + interval 10 minute) order by a.id) as sq
          from (select id, patient_id, ends_at from appointment where status = 'COMPLETED' and id % 3 <> 2 order by id limit ${scale.invoices}) a) x`);
  await q(`insert into invoice_line (invoice_id, kind, description, quantity, unit_price_minor) select id, 'CONSULTATION', 'Consultation', 1, 5000 from invoice`);
  await q(`insert into payment (invoice_id, amount_minor, method, recorded_by_id, created_at) select id, 5000, 'CARD', 1, paid_at from invoice where status = 'PAID'`);
  await q('insert into invoice_counter (year, last_sequence) select year, max(sequence) from invoice group by year');

  // Audit: a quarter of a million rows over the same span of days.
  await q(`insert into audit_event (actor_id, action, entity_type, entity_id, changes, request_id, created_at)
    select 1, elt(1 + seq % 5, 'appointment.book', 'appointment.status', 'appointment.cancel', 'invoice.issue', 'treatment.record'),
      elt(1 + seq % 5, 'appointment', 'appointment', 'appointment', 'invoice', 'treatment'), 1 + seq % ${scale.appointments},
      '{"status":{"before":"SCHEDULED","after":"COMPLETED"}}', null,
      timestamp(?) - interval ${days} day + interval (seq * ${Math.floor((days * 86400) / scale.audit)}) second
    from seq_1_to_${scale.audit}`, [t0]);
  await q('set session foreign_key_checks = 1');
  await q('analyze table appointment, patient, treatment, invoice, payment, audit_event, doctor');
  await db.end();
}

async function seededState(url: string, scale: Scale): Promise<Seeded> {
  const db = await connect(url);
  const one = async <T>(sql: string, params: unknown[] = []) => ((await db.query(sql, params)) as unknown as [T[]])[0][0];
  const many = async <T>(sql: string, params: unknown[] = []) => ((await db.query(sql, params)) as unknown as [T[]])[0];
  const admin = await one<{ id: number }>("select id from `user` where role = 'ADMIN' order by id limit 1");
  const doctors = await many<{ id: number; user_id: number }>('select id, user_id from doctor order by id');
  const departments = await many<{ id: number }>('select id from department order by id');
  const bookers = await many<{ id: number; user_id: number }>('select id, user_id from patient where user_id is not null order by id');
  await db.end();
  return {
    adminUserId: admin.id,
    doctorIds: doctors.map((d) => d.id),
    departmentIds: departments.map((d) => d.id),
    historyPatientId: scale.patients + 1,
    historyDoctorUserId: doctors[0].user_id,
    busyDoctorId: doctors[0].id,
    bookers: bookers.map((p) => ({ patientId: p.id, token: signToken({ userId: p.user_id, role: Role.PATIENT, tokenVersion: 0 }, JWT_SECRET, 3 * 3600) })),
  };
}

async function counts(url: string): Promise<Record<string, number>> {
  const db = await connect(url).catch(() => null);
  if (!db) return {};
  const result: Record<string, number> = {};
  try {
    for (const table of ['doctor', 'patient', 'appointment', 'treatment', 'invoice', 'audit_event']) {
      const [[row]] = await db.query(`select count(*) as n from \`${table}\``) as unknown as [[{ n: number }]];
      result[table] = Number(row.n);
    }
  } catch {
    return {};
  } finally {
    await db.end();
  }
  return result;
}

const MEMORY_FILE = path.join(tmpdir(), `hms-bench-memory-${process.pid}.jsonl`);

/** The memory probe's samples (bench/memory-probe.cjs) taken after `since` (ms). */
function memorySamples(since: number): Array<{ t: number; rss: number; heapUsed: number; heapTotal: number; external: number; arrayBuffers: number }> {
  try {
    return readFileSync(MEMORY_FILE, 'utf8').trim().split('\n').map((line) => JSON.parse(line)).filter((m) => m.t >= since);
  } catch {
    return [];
  }
}

async function startApi(url: string): Promise<{ child: ChildProcess; port: number }> {
  const port = await freePort();
  // The same V8 heap cap as `npm start` (server/package.json), then the probe, then any flags of the caller's.
  const nodeArgs = [`--max-old-space-size=${process.env.HMS_MAX_HEAP_MB || 256}`, '--require', path.join(__dirname, 'memory-probe.cjs'),
    ...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean),
    ...(process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [])];
  const child = await startServer('src/main.ts', {
    ...process.env, BENCH_MEMORY_FILE: MEMORY_FILE, PORT: String(port), DATABASE_URL: url, HMS_LOG: 'silent', HMS_JWT_SECRET: JWT_SECRET, HMS_DATA_KEY: DATA_KEY.toString('base64'),
    HMS_TIMEZONE: 'UTC', HMS_BOOKING_WINDOW_DAYS: '7', NODE_ENV: 'development',
    // Every bench client comes from 127.0.0.1: one address's budget would refuse most of the soak (RATE_LIMITED).
    HMS_RATE_LIMIT_GRAPHQL_IP: 'off',
  }, port, nodeArgs, 90_000);
  return { child, port };
}

function rssMb(pid: number | undefined): number {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith('VmRSS:'));
    return Math.round(Number(line?.replace(/\D+/g, '') ?? 0) / 1024);
  } catch {
    return 0;
  }
}

type Gql = (query: string, variables?: Record<string, unknown>) => Promise<Record<string, any>>;

function client(port: number, token: string): Gql {
  return async (query, variables) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: Array<{ message: string; extensions?: { code?: string } }> };
    if (body.errors?.length) {
      const error = new Error(`${body.errors[0].extensions?.code ?? 'ERROR'}: ${body.errors[0].message}`) as Error & { code?: string };
      error.code = body.errors[0].extensions?.code;
      throw error;
    }
    return body.data!;
  };
}

const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN);

interface Row { name: string; samples: number; p50: number; p99: number; target: string; ok: boolean | null; errors: number; apiCpu: number; dbCpu: number }

/** CPU time (ms) a process has used so far, from /proc: independent of the other load on the machine. */
function cpuMs(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in USER_HZ (100)
  } catch {
    return NaN;
  }
}

/** The API process being measured and the database server's pid (read from its pid file when local). */
const watched: { api?: number; db?: number } = {};
function databasePid(): number | undefined {
  try {
    return Number(readFileSync('/run/mysqld/mysqld.pid', 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}

/** Runs `once` sequentially (after 2 warm-ups) up to SAMPLES times or OP_SECONDS. */
async function measure(name: string, target: number | null, once: () => Promise<unknown>, targetLabel?: string): Promise<Row | null> {
  if (ONLY.length && !ONLY.includes(name)) return null;
  let errors = 0;
  for (let i = 0; i < 2; i += 1) await once().catch(() => { errors += 1; });
  const times: number[] = [];
  const cpu0 = [cpuMs(watched.api), cpuMs(watched.db)];
  const stopAt = Date.now() + OP_SECONDS * 1000;
  let lastError = '';
  while (times.length < SAMPLES && (times.length < 5 || Date.now() < stopAt)) {
    const t = performance.now();
    try {
      await once();
      times.push(performance.now() - t);
    } catch (error) {
      errors += 1;
      lastError = (error as Error).message;
      if (errors > SAMPLES) break;
    }
  }
  if (lastError) log(`${name}: ${errors} errors, last: ${lastError}`);
  const runs = times.length + errors;
  const [apiCpu, dbCpu] = [cpuMs(watched.api) - cpu0[0], cpuMs(watched.db) - cpu0[1]].map((ms) => ms / Math.max(1, runs));
  times.sort((a, b) => a - b);
  const row: Row = {
    name, samples: times.length, p50: pct(times, 50), p99: pct(times, 99),
    target: targetLabel ?? (target === null ? '' : `p99 ≤ ${target} ms`), ok: target === null ? null : pct(times, 99) <= target, errors, apiCpu, dbCpu,
  };
  log(`${name.padEnd(34)} n=${String(row.samples).padStart(3)}  p50 ${row.p50.toFixed(1).padStart(8)} ms  p99 ${row.p99.toFixed(1).padStart(8)} ms` +
    `  CPU/request: API ${apiCpu.toFixed(1)} ms, database ${dbCpu.toFixed(1)} ms (all clients)`);
  return row;
}

const DAY_Q = `query($doctorId: ID!, $date: LocalDate!) { doctorDay(doctorId: $doctorId, date: $date) {
  id startsAt endsAt status reason version patient { id fullName } } }`;
const SLOTS_Q = 'query($doctorId: ID!, $date: LocalDate!) { availableSlots(doctorId: $doctorId, date: $date) { startsAt endsAt period } }';
const BOOK_Q = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id startsAt status } }';
const LIST_Q = `query($filter: AppointmentFilter, $after: String, $first: Int!) { appointments(filter: $filter, after: $after, first: $first) {
  totalCount nextCursor items { id startsAt endsAt status reason cancelReason patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } } } }`;
const LIST_PAGE_Q = `query($filter: AppointmentFilter, $after: String, $first: Int!) { appointments(filter: $filter, after: $after, first: $first) {
  nextCursor items { id startsAt endsAt status reason cancelReason patient { id fullName medicalRecordNumber } doctor { id fullName department { id name } } } } }`;
const PATIENTS_Q = 'query($search: String, $first: Int!) { patients(search: $search, first: $first) { totalCount nextCursor items { id fullName medicalRecordNumber phone } } }';
const HISTORY_Q = 'query($patientId: ID!) { patientHistory(patientId: $patientId) { id diagnosis prescription notes createdAt appointment { id startsAt doctor { id fullName } } } }';
const DASHBOARD_Q = `query($from: LocalDate!, $to: LocalDate!) { dashboard(from: $from, to: $to) { from to
  totals { appointments completed cancelled noShow patients newPatients doctors invoiceCount invoiced { amount } collected { amount } outstanding { amount } appointmentsByStatus { status count } }
  daily { date appointments completed cancelled noShow invoiced { amount } collected { amount } }
  byDoctor { doctorId doctorName departmentName appointments completed cancelled noShow patients invoiceCount invoiced { amount } collected { amount } outstanding { amount } }
  byDepartment { departmentId departmentName appointments completed cancelled noShow patients invoiceCount invoiced { amount } collected { amount } outstanding { amount } } } }`;
const AUDIT_Q = `query($filter: AuditEventFilter, $after: String, $first: Int!) { auditEvents(filter: $filter, after: $after, first: $first) {
  totalCount nextCursor items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt } } }`;
const AUDIT_PAGE_Q = `query($filter: AuditEventFilter, $after: String, $first: Int!) { auditEvents(filter: $filter, after: $after, first: $first) {
  nextCursor items { id action entityType entityId actorId actorEmail actorRole changes requestId createdAt } } }`;

/** Free grid slots (tomorrow .. +5 days) of every doctor but the busy one, shuffled. */
function freeSlots(seeded: Seeded): Array<{ doctorId: number; startsAt: string }> {
  const day0 = DateTime.utc().startOf('day');
  const slots: Array<{ doctorId: number; startsAt: string }> = [];
  seeded.doctorIds.forEach((doctorId, d) => {
    if (doctorId === seeded.busyDoctorId) return;
    const taken = new Set([0, 1, 2, 3, 4].map((j) => j * 9 + (d % 9)));
    for (let day = 2; day <= 5; day += 1) {
      for (let s = 0; s < SLOTS_PER_DAY; s += 1) {
        if (!taken.has(s)) slots.push({ doctorId, startsAt: day0.plus({ days: day, minutes: DAY_START_MINUTE + s * SLOT_MINUTES }).toISO()! });
      }
    }
  });
  for (let i = slots.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }
  return slots;
}

function booker(port: number, seeded: Seeded) {
  const slots = freeSlots(seeded);
  let next = 0;
  return async () => {
    const slot = slots[next % slots.length];
    const patient = seeded.bookers[next % seeded.bookers.length];
    next += 1;
    await client(port, patient.token)(BOOK_Q, { input: { doctorId: String(slot.doctorId), startsAt: slot.startsAt } });
  };
}

async function cursorAt(gql: Gql, query: string, field: string, variables: Record<string, unknown>, page: number): Promise<string | null> {
  let after: string | null = null;
  for (let i = 1; i < page; i += 1) {
    const data = await gql(query, { ...variables, after });
    after = data[field].nextCursor;
    if (!after) return null;
  }
  return after;
}

async function runBig(): Promise<{ rows: Row[]; bookingP50: number }> {
  const have = await counts(BIG_URL);
  if (process.env.BENCH_REUSE === '1' && have.appointment >= BIG.appointments && have.audit_event >= BIG.audit) {
    log(`reusing ${benchDatabaseName(BIG_URL)} (${JSON.stringify(have)}); migrating`);
    migrate(BIG_URL);
  } else {
    log(`building the ×100 database ${benchDatabaseName(BIG_URL)}`);
    const t = Date.now();
    await resetDatabase(BIG_URL);
    await seed(BIG_URL, BIG);
    log(`seeded in ${((Date.now() - t) / 1000).toFixed(0)} s: ${JSON.stringify(await counts(BIG_URL))}`);
  }
  const seeded = await seededState(BIG_URL, BIG);
  const { child, port } = await startApi(BIG_URL);
  watched.api = child.pid;
  watched.db = databasePid();
  log(`server up (pid ${child.pid}, RSS ${rssMb(child.pid)} MB); load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const admin = client(port, signToken({ userId: seeded.adminUserId, role: Role.ADMIN, tokenVersion: 0 }, JWT_SECRET, 3 * 3600));
  const doctor = client(port, signToken({ userId: seeded.historyDoctorUserId, role: Role.DOCTOR, tokenVersion: 0 }, JWT_SECRET, 3 * 3600));
  const today = DateTime.utc().startOf('day');
  const tomorrow = today.plus({ days: 1 }).toISODate()!;
  const busy = String(seeded.busyDoctorId);
  const department = String(seeded.departmentIds[1]);
  const filter = { departmentId: department, status: 'COMPLETED' };
  const rows: Array<Row | null> = [];
  const day = await doctor(DAY_Q, { doctorId: busy, date: tomorrow });
  log(`busy day: ${day.doctorDay.length} appointments; history: ${(await doctor(HISTORY_Q, { patientId: String(seeded.historyPatientId) })).patientHistory.length} treatments`);

  rows.push(await measure('doctorDay (busy day)', 150, () => doctor(DAY_Q, { doctorId: busy, date: tomorrow })));
  let slotDoctor = 0;
  rows.push(await measure('availableSlots', 150, () => admin(SLOTS_Q, {
    doctorId: String(seeded.doctorIds[1 + (slotDoctor++ % (seeded.doctorIds.length - 1))]), date: today.plus({ days: 2 + (slotDoctor % 4) }).toISODate()!,
  })));
  const book = booker(port, seeded);
  const bookingRow = await measure('bookAppointment', null, book, 'p50 ≤ 1.2 × small');
  rows.push(bookingRow);
  const yearArgs = { from: today.minus({ days: 364 }).toISODate(), to: today.toISODate() };
  if (!ONLY.length || ONLY.includes('bookAppointment, 3 admins reloading the year')) {
    // Three admins reloading the year's dashboard while patients book, each a second after their
    // last answer arrived (the same range: they share answers through the dashboard cache, as in production).
    let reloading = true;
    let reloads = 0;
    const admins = [1, 2, 3].map(async () => {
      while (reloading) {
        await admin(DASHBOARD_Q, yearArgs).then(() => { reloads += 1; }, () => undefined);
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    });
    rows.push(await measure('bookAppointment, 3 admins reloading the year', null, book, 'p99 ≈ bookAppointment'));
    reloading = false;
    await Promise.all(admins);
    log(`meanwhile: ${reloads} year dashboards`);
  }
  rows.push(await measure('admin appointments p1 (filtered)', 150, () => admin(LIST_Q, { filter, first: 20 })));
  const page100 = await cursorAt(admin, LIST_PAGE_Q, 'appointments', { filter, first: 20 }, 100);
  rows.push(await measure('admin appointments p100 (filtered)', 150, () => admin(LIST_PAGE_Q, { filter, first: 20, after: page100 })));
  const terms = ['Mar', 'kowal', 'MRN-S0001234', '+15550012', 'Elena Ro', 'zim'];
  let term = 0;
  rows.push(await measure('patient search', 150, () => admin(PATIENTS_Q, { search: terms[term++ % terms.length], first: 20 })));
  rows.push(await measure('patientHistory (50 visits)', 150, () => doctor(HISTORY_Q, { patientId: String(seeded.historyPatientId) })));
  // Each sample asks for a range shifted by a day, so none is answered from the dashboard cache
  // (HMS_DASHBOARD_CACHE_SECONDS): these rows time the computation itself.
  let shift = 0;
  const shifted = (days: number) => { const back = shift++ % 300; return { from: today.minus({ days: days - 1 + back }).toISODate(), to: today.minus({ days: back }).toISODate() }; };
  rows.push(await measure('dashboard month', 150, () => admin(DASHBOARD_Q, shifted(30))));
  rows.push(await measure('dashboard year', 500, () => admin(DASHBOARD_Q, shifted(365))));
  rows.push(await measure('auditEvents p1', 150, () => admin(AUDIT_Q, { first: 30 })));
  const audit100 = await cursorAt(admin, AUDIT_PAGE_Q, 'auditEvents', { first: 30 }, 100);
  rows.push(await measure('auditEvents p100', 150, () => admin(AUDIT_PAGE_Q, { first: 30, after: audit100 })));
  rows.push(await measure('auditEvents (filtered)', 150, () => admin(AUDIT_Q, { filter: { entityType: 'invoice', from: today.minus({ days: 90 }).toISO() }, first: 30 })));
  log(`RSS after the table: ${rssMb(child.pid)} MB`);

  if (SOAK_SECONDS > 0) await soak(port, seeded, child, admin, doctor);
  await stopChild(child, 10_000);
  return { rows: rows.filter((r): r is Row => r !== null), bookingP50: bookingRow?.p50 ?? NaN };
}

/** A mixed load (8 clients: day views, slots, bookings, lists, search, dashboard) twice, sampling RSS. */
async function soak(port: number, seeded: Seeded, child: ChildProcess, admin: Gql, doctor: Gql): Promise<void> {
  const today = DateTime.utc().startOf('day');
  const book = booker(port, seeded);
  const mix: Array<() => Promise<unknown>> = [
    () => doctor(DAY_Q, { doctorId: String(seeded.busyDoctorId), date: today.plus({ days: 1 }).toISODate() }),
    () => admin(SLOTS_Q, { doctorId: String(seeded.doctorIds[2]), date: today.plus({ days: 3 }).toISODate() }),
    book,
    () => admin(LIST_Q, { filter: { status: 'SCHEDULED' }, first: 20 }),
    () => admin(PATIENTS_Q, { search: 'Ana', first: 20 }),
    () => doctor(HISTORY_Q, { patientId: String(seeded.historyPatientId) }),
    () => admin(AUDIT_Q, { first: 30 }),
    () => admin(DASHBOARD_Q, { from: today.minus({ days: 29 }).toISODate(), to: today.toISODate() }),
  ];
  for (const round of [1, 2]) {
    const started = Date.now();
    const stopAt = Date.now() + SOAK_SECONDS * 1000;
    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(rssMb(child.pid)), 1000);
    let done = 0;
    let failed = 0;
    const failures = new Map<string, number>();
    await Promise.all(mix.map(async (op) => {
      while (Date.now() < stopAt) {
        await op().then(() => { done += 1; }, (error: Error) => {
          failed += 1;
          const message = error.message.slice(0, 80);
          failures.set(message, (failures.get(message) ?? 0) + 1);
        });
      }
    }));
    if (failures.size) log(`soak ${round} failures: ${JSON.stringify(Object.fromEntries(failures))}`);
    clearInterval(sampler);
    await new Promise((resolve) => setTimeout(resolve, 5000));
    log(`soak ${round}: ${SOAK_SECONDS} s, ${done} requests (${failed} failed), RSS start ${rss[0]} MB, max ${Math.max(...rss)} MB, ` +
      `end ${rss[rss.length - 1]} MB, 5 s idle ${rssMb(child.pid)} MB`);
    const memory = memorySamples(started);
    if (memory.length) {
      const peak = memory.reduce((a, b) => (b.rss > a.rss ? b : a));
      log(`soak ${round} heap vs RSS: at the RSS peak ${peak.rss} MB the V8 heap held ${peak.heapUsed} of ${peak.heapTotal} MB, external ${peak.external} MB ` +
        `(ArrayBuffers ${peak.arrayBuffers}); heap used max ${Math.max(...memory.map((m) => m.heapUsed))} MB, min ${Math.min(...memory.map((m) => m.heapUsed))} MB ` +
        '(the low points are what survives a full GC)');
    }
  }
}

async function runSmall(): Promise<number> {
  if (ONLY.length && !ONLY.includes('bookAppointment')) return NaN;
  log(`building the small database ${benchDatabaseName(SMALL_URL)}`);
  await resetDatabase(SMALL_URL);
  await seed(SMALL_URL, SMALL);
  const seeded = await seededState(SMALL_URL, SMALL);
  const { child, port } = await startApi(SMALL_URL);
  watched.api = child.pid;
  const row = await measure('bookAppointment', null, booker(port, seeded));
  await stopChild(child, 10_000);
  return row?.p50 ?? NaN;
}

async function main(): Promise<void> {
  const started = Date.now();
  const { rows, bookingP50 } = await runBig();
  const smallP50 = await runSmall();
  const ratio = bookingP50 / smallP50;
  const bookingRow = rows.find((r) => r.name === 'bookAppointment');
  if (bookingRow) bookingRow.ok = ratio <= 1.2;
  console.log(`\nbench:scale — ${new Date().toISOString()}, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`);
  console.log('| operation | n | p50 ms | p99 ms | target | ok | CPU ms/request: API, database |');
  console.log('|---|---:|---:|---:|---|---|---:|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.samples} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.target} | ${r.ok === null ? '' : r.ok ? 'yes' : 'NO'} | ` +
      `${r.apiCpu.toFixed(1)}, ${r.dbCpu.toFixed(1)} |`);
  }
  console.log(`| bookAppointment, small database | | ${smallP50.toFixed(1)} | | ratio ${ratio.toFixed(2)} | |`);
}

main().then(
  () => process.exit(0),
  async (error) => {
    console.error(error);
    await stopServers(10_000);
    process.exit(1);
  },
);
// Ctrl-C stops the children; no time limit of its own (building the ×100 data takes minutes).
guard(24 * 3600_000);
