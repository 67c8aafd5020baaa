// `npm run bench:booking`: many concurrent HTTP clients race for the same slots
// across TWO API processes sharing one database, then the database is checked
// for double bookings. Loopback only; bounded in time; cleans up its children.
//
// Environment (all optional):
//   BENCH_DATABASE_URL   scratch database, dropped and re-created (default mysql://root@127.0.0.1:3306/hms_bench)
//   BENCH_SECONDS        how long clients book (default 20)
//   BENCH_CONCURRENCY    concurrent clients (default 64)
//   BENCH_RACERS         clients racing for each slot (default 2)
//   BENCH_DOCTORS        doctors (default 40), BENCH_PATIENTS patients (default 3000)
//   BENCH_PROFILE        a directory: the API processes write V8 CPU profiles there
import argon2 from 'argon2';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { DateTime } from 'luxon';
import { signToken } from '../src/modules/identity/tokens';
import { Role } from '../src/modules/identity/user.entity';
import { connect, cpuSeconds, freePort, JWT_SECRET, log, resetDatabase, runBench, serverEnv, startServer, stopServers } from './support';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_bench';
const SECONDS = Number(process.env.BENCH_SECONDS || 20);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY || 64);
const RACERS = Number(process.env.BENCH_RACERS || 2);
const DOCTORS = Number(process.env.BENCH_DOCTORS || 40);
const PATIENTS = Number(process.env.BENCH_PATIENTS || 3000);
const SLOT_MINUTES = 15;
const HARD_LIMIT_MS = 115_000;

interface Seeded {
  doctorIds: number[];
  patients: Array<{ patientId: number; token: string }>;
}

/** Users straight into the tables with one precomputed argon2 hash; tokens signed with the servers' secret. */
async function seed(): Promise<Seeded> {
  const db = await connect(DATABASE_URL);
  const hash = await argon2.hash('Bench-Password-1', { type: argon2.argon2id });
  const now = new Date();
  await db.query('insert into department (name, active, created_at) values (?, 1, ?)', ['Bench', now]);
  const [[dept]] = await db.query('select id from department where name = ?', ['Bench']) as unknown as [[{ id: number }]];
  const tag = Date.now().toString(36);
  const insertUsers = async (role: Role, count: number, prefix: string): Promise<number[]> => {
    const rows = Array.from({ length: count }, (_, i) => [`${prefix}-${i}-${tag}@bench.test`, hash, role, 1, 0, 0, 0, now, now]);
    for (let i = 0; i < rows.length; i += 1000) {
      await db.query(
        'insert into `user` (email, password_hash, role, active, failed_login_count, must_change_password, token_version, created_at, updated_at) values ?',
        [rows.slice(i, i + 1000)],
      );
    }
    const [ids] = await db.query('select id from `user` where role = ? and email like ? order by id', [role, `${prefix}-%`]) as unknown as [Array<{ id: number }>];
    return ids.map((r) => r.id);
  };
  const doctorUsers = await insertUsers(Role.DOCTOR, DOCTORS, 'doctor');
  await db.query(
    'insert into doctor (user_id, department_id, full_name, specialization, consultation_fee_minor, active, created_at) values ?',
    [doctorUsers.map((u, i) => [u, dept.id, `Dr Bench ${i}`, 'General', 5000, 1, now])],
  );
  const [doctors] = await db.query('select id from doctor order by id') as unknown as [Array<{ id: number }>];
  const rules = doctors.flatMap((d) => [1, 2, 3, 4, 5, 6, 7].map((weekday) => [d.id, weekday, 0, 24 * 60, SLOT_MINUTES]));
  await db.query('insert into availability_rule (doctor_id, weekday, start_minute, end_minute, slot_minutes) values ?', [rules]);
  const patientUsers = await insertUsers(Role.PATIENT, PATIENTS, 'patient');
  for (let i = 0; i < patientUsers.length; i += 1000) {
    await db.query(
      'insert into patient (user_id, full_name, medical_record_number, reminder_opt_in, created_at) values ?',
      [patientUsers.slice(i, i + 1000).map((u, k) => [u, `Patient ${i + k}`, `MRN-B${String(i + k).padStart(9, '0')}`, 0, now])],
    );
  }
  const [patients] = await db.query('select id, user_id from patient order by id') as unknown as [Array<{ id: number; user_id: number }>];
  await db.end();
  return {
    doctorIds: doctors.map((d) => d.id),
    patients: patients.map((p) => ({
      patientId: p.id,
      token: signToken({ userId: p.user_id, role: Role.PATIENT, tokenVersion: 0 }, JWT_SECRET, 3600),
    })),
  };
}

function startApi(port: number): Promise<ChildProcess> {
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  // Production mode, like the other benches (development adds introspection and the sandbox).
  return startServer('src/main.ts', serverEnv(DATABASE_URL, port, { HMS_BOOKING_WINDOW_DAYS: '7' }), port, profile);
}

const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function run(): Promise<void> {
  const started = Date.now();
  log(`database ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')}: dropping, creating, migrating`);
  await resetDatabase(DATABASE_URL);
  const seeded = await seed();
  log(`seeded ${seeded.doctorIds.length} doctors (every day, ${SLOT_MINUTES}-minute slots) and ${seeded.patients.length} patients`);
  const ports = [await freePort(), await freePort()];
  const children = await Promise.all(ports.map(startApi));
  log(`two API processes on ports ${ports.join(' and ')} share the database`);

  // Slots from tomorrow on (never past), inside the 7-day window, shuffled.
  const day0 = DateTime.utc().startOf('day').plus({ days: 1 });
  const slots: Array<{ doctorId: number; startsAt: string }> = [];
  for (let d = 0; d < 5; d += 1) {
    for (let m = 0; m < 24 * 60; m += SLOT_MINUTES) {
      const startsAt = day0.plus({ days: d, minutes: m }).toISO()!;
      for (const doctorId of seeded.doctorIds) slots.push({ doctorId, startsAt });
    }
  }
  for (let i = slots.length - 1; i > 0; i -= 1) {
    const j = Math.floor(Math.random() * (i + 1));
    [slots[i], slots[j]] = [slots[j], slots[i]];
  }

  // Warm-up: one request per server (tsx compiles lazily, first-request costs).
  for (const port of ports) {
    await fetch(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ departments { id } }' }) });
  }

  // Baseline: what an authenticated trivial query costs the API processes (context, GraphQL, HTTP).
  const baseCpu0 = children.map((c) => cpuSeconds(c.pid));
  const BASELINE = 400;
  let baseNext = 0;
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (baseNext < BASELINE) {
      const i = baseNext++;
      await fetch(`http://127.0.0.1:${ports[i % 2]}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${seeded.patients[i % seeded.patients.length].token}` },
        body: JSON.stringify({ query: '{ me { id } }' }),
      }).then((r) => r.json());
    }
  }));
  const baselineCpuMs = (children.reduce((sum, c, i) => sum + cpuSeconds(c.pid) - baseCpu0[i], 0) * 1000) / BASELINE;

  const latencies: number[] = [];
  const outcome = { ok: 0, slotUnavailable: 0, other: new Map<string, number>() };
  let nextSlot = 0;
  let nextPatient = 0;
  let request = 0;
  const stopAt = Date.now() + SECONDS * 1000;
  const benchStart = Date.now();
  const cpuBefore = children.map((c) => cpuSeconds(c.pid));

  async function attempt(slot: { doctorId: number; startsAt: string }): Promise<void> {
    const patient = seeded.patients[nextPatient++ % seeded.patients.length];
    const port = ports[request++ % ports.length];
    const t0 = performance.now();
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${patient.token}` },
        body: JSON.stringify({ query: BOOK, variables: { input: { doctorId: String(slot.doctorId), startsAt: slot.startsAt } } }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
      latencies.push(performance.now() - t0);
      const code = body.errors?.[0]?.extensions?.code;
      if (!body.errors && response.ok) outcome.ok += 1;
      else if (code === 'SLOT_UNAVAILABLE') outcome.slotUnavailable += 1;
      else outcome.other.set(code ?? `HTTP_${response.status}`, (outcome.other.get(code ?? `HTTP_${response.status}`) ?? 0) + 1);
    } catch (error) {
      latencies.push(performance.now() - t0);
      const key = `NETWORK_${(error as Error).message}`;
      outcome.other.set(key, (outcome.other.get(key) ?? 0) + 1);
    }
  }

  // Each worker takes the next slot and fires RACERS simultaneous bookings for it
  // (different patients, alternating servers); CONCURRENCY / RACERS slots race at once.
  async function worker(): Promise<void> {
    while (Date.now() < stopAt && nextSlot < slots.length) {
      const slot = slots[nextSlot++];
      await Promise.all(Array.from({ length: RACERS }, () => attempt(slot)));
    }
  }
  log(`booking for ${SECONDS} s: ${CONCURRENCY} concurrent clients, ${RACERS} racing for each slot`);
  await Promise.all(Array.from({ length: Math.max(1, Math.floor(CONCURRENCY / RACERS)) }, worker));
  const elapsed = (Date.now() - benchStart) / 1000;
  const serverCpu = children.reduce((sum, c, i) => sum + cpuSeconds(c.pid) - cpuBefore[i], 0);
  const [load1] = (() => { try { return readFileSync('/proc/loadavg', 'utf8').split(' ').map(Number); } catch { return [0]; } })();

  await stopServers();

  const db = await connect(DATABASE_URL);
  const [dupDoctor] = await db.query(
    "select count(*) as n from (select doctor_id, starts_at from appointment where status in ('SCHEDULED','CHECKED_IN','COMPLETED') group by doctor_id, starts_at having count(*) > 1) x",
  ) as unknown as [Array<{ n: number }>];
  const [overlapDoctor] = await db.query(
    "select count(*) as n from appointment a join appointment b on a.doctor_id = b.doctor_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at " +
      "where a.status in ('SCHEDULED','CHECKED_IN','COMPLETED') and b.status in ('SCHEDULED','CHECKED_IN','COMPLETED')",
  ) as unknown as [Array<{ n: number }>];
  const [overlapPatient] = await db.query(
    "select count(*) as n from appointment a join appointment b on a.patient_id = b.patient_id and a.id < b.id and a.starts_at < b.ends_at and b.starts_at < a.ends_at " +
      "where a.status in ('SCHEDULED','CHECKED_IN','COMPLETED') and b.status in ('SCHEDULED','CHECKED_IN','COMPLETED')",
  ) as unknown as [Array<{ n: number }>];
  const [[stored]] = await db.query('select count(*) as n from appointment') as unknown as [[{ n: number }]];
  const [[audited]] = await db.query("select count(*) as n from audit_event where action = 'appointment.book'") as unknown as [[{ n: number }]];
  await db.end();

  latencies.sort((a, b) => a - b);
  const total = latencies.length;
  const others = [...outcome.other.entries()].map(([k, v]) => `${k}=${v}`).join(', ') || '0';
  const doubleBookings = Number(dupDoctor[0].n) + Number(overlapDoctor[0].n) + Number(overlapPatient[0].n);
  console.log('');
  console.log('HMS booking benchmark (2 API processes, 1 database, loopback HTTP)');
  console.log(`  requests               ${total} in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)} requests/s)`);
  console.log(`  successful bookings    ${outcome.ok} (${(outcome.ok / elapsed).toFixed(0)} bookings/s)`);
  console.log(`  SLOT_UNAVAILABLE       ${outcome.slotUnavailable} (losers of a race or patient overlaps)`);
  console.log(`  other errors           ${others}`);
  console.log(`  latency p50 / p99      ${percentile(latencies, 50).toFixed(1)} ms / ${percentile(latencies, 99).toFixed(1)} ms`);
  console.log(`  rows: appointments     ${stored.n}, audit rows for bookings ${audited.n}`);
  console.log(`  double bookings in DB  ${doubleBookings} (same doctor slot ${dupDoctor[0].n}, doctor overlaps ${overlapDoctor[0].n}, patient overlaps ${overlapPatient[0].n})`);
 console.log(`  API CPU per request    ${((serverCpu * 1000) / Math.max(1, total)).toFixed(1)} ms (both processes: ${serverCpu.toFixed(1)} CPU s over ${elapsed.toFixed(1)} s)`);
  console.log(`  API CPU per '{ me }'    ${baselineCpuMs.toFixed(1)} ms (baseline: token check, viewer query, GraphQL, HTTP)`);
  console.log(`  machine load (1 min)   ${load1} on ${availableParallelism()} cores`);
  console.log(`  total wall time        ${((Date.now() - started) / 1000).toFixed(1)} s`);
  const failed = doubleBookings > 0 || outcome.other.size > 0 || Number(stored.n) !== outcome.ok || Number(audited.n) !== outcome.ok;
  if (failed) console.log('  RESULT: FAILED (double bookings, untyped errors, or rows that do not match the answers)');
  process.exitCode = failed ? 1 : 0;
}

runBench(run, HARD_LIMIT_MS);
