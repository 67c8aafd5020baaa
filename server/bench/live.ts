// npm run bench:live — live schedule delivery under load.
//
// Starts the API as child processes on loopback (one, then two sharing Redis), seeds a
// fresh database (hms_bench_live) through the API, opens BENCH_CLIENTS WebSocket clients
// subscribed to doctorScheduleChanged, books appointments at a steady rate, and prints:
// delivery latency from the booking's commit to each subscriber's receipt (p50/p95/p99),
// events lost (each subscriber must get every booking of its doctor exactly once), and
// server memory per connection (RSS growth / connections, from /proc/<pid>/status).
//
// The commit time of an event is its `occurredAt`, stamped by the server right after the
// commit when it publishes. Same host, same clock.
//
// Env: BENCH_CLIENTS (1000), BENCH_DOCTORS (50: 20 sockets per doctor), BENCH_RATE bookings/s (20), BENCH_SECONDS (20),
// BENCH_RUNS ("1,2": process counts), BENCH_DATABASE_URL, BENCH_REDIS_URL, BENCH_PORT (4610).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient, type Client } from 'graphql-ws';
import mysql from 'mysql2/promise';
import WebSocket from 'ws';
import 'reflect-metadata';
import { openDatabase } from '../src/db/orm';
import { Department } from '../src/modules/directory/department.entity';
import { Doctor } from '../src/modules/directory/doctor.entity';
import { Patient } from '../src/modules/directory/patient.entity';
import { signToken } from '../src/modules/identity/tokens';
import { Role, User } from '../src/modules/identity/user.entity';
import { AvailabilityRule } from '../src/modules/scheduling/availability-rule.entity';

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 1000);
const DOCTORS = Number(process.env.BENCH_DOCTORS ?? 50);
const RATE = Number(process.env.BENCH_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RUNS = (process.env.BENCH_RUNS ?? '1,2').split(',').map(Number);
const DATABASE_URL = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/hms_bench_live';
const REDIS_URL = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
const BASE_PORT = Number(process.env.BENCH_PORT ?? 4610);
const ADMIN_EMAIL = 'bench-admin@hms.test';
const ADMIN_PASSWORD = 'Bench-Admin-Password-42';
const JWT_SECRET = 'bench-live-jwt-secret-0123456789abcdef';
const HARD_LIMIT_MS = 170_000;
const SERVER_DIR = path.resolve(__dirname, '..');

const SUBSCRIPTION = `subscription($d: ID!) {
  doctorScheduleChanged(doctorId: $d) { kind cursor occurredAt appointment { id startsAt status patient { fullName } } }
}`;

interface Server {
  child: ChildProcess;
  url: string;
  wsUrl: string;
  log: string[];
}

const children: ChildProcess[] = [];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function killAll(): void {
  for (const child of children) if (child.exitCode === null && !child.killed) child.kill('SIGKILL');
}
process.on('exit', killAll);
process.on('SIGINT', () => { killAll(); process.exit(130); });
const watchdog = setTimeout(() => {
  console.error(`bench:live: stopped after ${HARD_LIMIT_MS / 1000}s (time limit)`);
  killAll();
  process.exit(2);
}, HARD_LIMIT_MS);
watchdog.unref();

async function resetDatabase(): Promise<void> {
  const url = new URL(DATABASE_URL);
  const name = url.pathname.slice(1);
  if (!/^hms_bench_\w+$/.test(name)) throw new Error(`refusing to drop ${name}: the bench database must be named hms_bench_*`);
  url.pathname = '/';
  const connection = await mysql.createConnection(url.toString());
  await connection.query(`drop database if exists \`${name}\``);
  await connection.end();
}

async function startServer(index: number, redis: boolean): Promise<Server> {
  const port = BASE_PORT + index;
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    DATABASE_URL,
    HMS_ADMIN_EMAIL: ADMIN_EMAIL,
    HMS_ADMIN_PASSWORD: ADMIN_PASSWORD,
    HMS_BOOKING_WINDOW_DAYS: '14',
    HMS_TIMEZONE: 'UTC',
    HMS_JWT_SECRET: JWT_SECRET,
    NODE_ENV: 'development',
  };
  if (redis) env.REDIS_URL = REDIS_URL;
  else delete env.REDIS_URL;
  // node with the tsx loader (not the tsx CLI, which would add a wrapper process): the pid is the server.
  const child = spawn(process.execPath, [...(process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', 'src/main.ts'], { cwd: SERVER_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  const log: string[] = [];
  const keep = (chunk: Buffer) => { log.push(chunk.toString()); if (log.length > 200) log.shift(); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server ${index} exited: ${log.join('')}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`server ${index} did not start: ${log.join('')}`);
    await sleep(200);
  }
  return { child, url, wsUrl: `ws://127.0.0.1:${port}/graphql`, log };
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null) return;
  server.child.kill('SIGTERM');
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  await Promise.race([exited, sleep(10_000)]);
  if (server.child.exitCode === null) server.child.kill('SIGKILL');
}

/** CPU time (ms) a process has used so far: utime + stime from /proc/<pid>/stat. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)![1]);
}

async function gql<T = any>(url: string, query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

interface Seed {
  adminToken: string;
  doctors: Array<{ id: string; token: string; slots: string[] }>;
  patients: string[];
}

/**
 * Rows straight into the database the first server migrated (no password hashing, no
 * availability look-ups): doctors working round the clock in 10-minute slots, patients,
 * and tokens signed with the servers' HMS_JWT_SECRET.
 */
async function seed(): Promise<Seed> {
  const orm = await openDatabase({ databaseUrl: DATABASE_URL });
  try {
    const em = orm.em.fork();
    const admin = await em.findOneOrFail(User, { email: ADMIN_EMAIL });
    const token = (user: User) => signToken({ userId: user.id, role: user.role, tokenVersion: user.tokenVersion }, JWT_SECRET, 3600);
    const department = em.create(Department, { name: 'Bench' });
    const doctors: Array<{ doctor: Doctor; user: User }> = [];
    for (let i = 0; i < DOCTORS; i++) {
      const user = em.create(User, { email: `bench-doctor-${i}@hms.test`, passwordHash: 'x', role: Role.DOCTOR });
      const doctor = em.create(Doctor, { user, department, fullName: `Dr Bench ${i}`, specialization: 'General', consultationFeeMinor: 5000 });
      for (let weekday = 1; weekday <= 7; weekday++) {
        em.create(AvailabilityRule, { doctor, weekday, startMinute: 0, endMinute: 24 * 60, slotMinutes: 10 });
      }
      doctors.push({ doctor, user });
    }
    const patients: Patient[] = [];
    for (let i = 0; i < DOCTORS; i++) {
      const user = em.create(User, { email: `bench-patient-${i}@hms.test`, passwordHash: 'x', role: Role.PATIENT });
      patients.push(em.create(Patient, { user, fullName: `Patient Bench ${i}`, medicalRecordNumber: `BENCH-${i}` }));
    }
    await em.flush();
    // Slots from tomorrow 00:00 (hospital time is UTC here), well inside the booking window.
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    const perDoctor = Math.ceil((RATE * SECONDS) / DOCTORS);
    const slots = Array.from({ length: perDoctor }, (_, k) => new Date(tomorrow.getTime() + k * 10 * 60_000).toISOString());
    return {
      adminToken: token(admin),
      doctors: doctors.map(({ doctor, user }) => ({ id: String(doctor.id), token: token(user), slots })),
      patients: patients.map((p) => String(p.id)),
    };
  } finally {
    await orm.close();
  }
}

interface Subscriber {
  client: Client;
  doctorIndex: number;
  /** appointment id -> receipt time (ms, Date.now()) */
  received: Map<string, number>;
  /** appointment id -> commit time the server stamped on the event */
  committedAt: Map<string, number>;
  duplicates: number;
  errors: number;
}

async function openSubscribers(servers: Server[], data: Seed): Promise<Subscriber[]> {
  const subscribers: Subscriber[] = [];
  const batch = 100;
  for (let start = 0; start < CLIENTS; start += batch) {
    await Promise.all(Array.from({ length: Math.min(batch, CLIENTS - start) }, async (_, k) => {
      const i = start + k;
      const doctorIndex = i % DOCTORS;
      const server = servers[i % servers.length];
      const doctor = data.doctors[doctorIndex];
      const client = createClient({
        url: server.wsUrl,
        webSocketImpl: WebSocket,
        // Half the clients are the doctor themself, half an admin watching that doctor.
        connectionParams: { authorization: `Bearer ${i % 2 === 0 ? doctor.token : data.adminToken}` },
        retryAttempts: 0,
        lazy: false,
      });
      const subscriber: Subscriber = { client, doctorIndex, received: new Map(), committedAt: new Map(), duplicates: 0, errors: 0 };
      subscribers.push(subscriber);
      client.subscribe({ query: SUBSCRIPTION, variables: { d: doctor.id } }, {
        next: (value) => {
          const now = Date.now();
          if (value.errors) { subscriber.errors++; return; }
          const change = (value.data as any).doctorScheduleChanged;
          const id = change.appointment.id as string;
          if (subscriber.received.has(id)) subscriber.duplicates++;
          else {
            subscriber.received.set(id, now);
            subscriber.committedAt.set(id, Date.parse(change.occurredAt));
          }
        },
        error: () => { subscriber.errors++; },
        complete: () => {},
      });
      // A round trip on the same socket after the subscribe message: the subscription is active.
      await new Promise<void>((resolve, reject) => {
        client.subscribe({ query: '{ me { id } }' }, { next: () => {}, error: reject, complete: resolve });
      });
    }));
  }
  return subscribers;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function run(processes: number): Promise<void> {
  console.log(`\n== ${processes} process${processes > 1 ? 'es' : ''}${processes > 1 ? ' sharing Redis' : ' (in-process pub/sub)'}: ${CLIENTS} clients, ${DOCTORS} doctors, ${RATE} bookings/s for ${SECONDS}s ==`);
  await resetDatabase();
  const servers: Server[] = [];
  try {
    // The first one creates and migrates the database, then the others join.
    servers.push(await startServer(0, processes > 1));
    for (let i = 1; i < processes; i++) servers.push(await startServer(i, true));
    const data = await seed();
    await sleep(1000);
    const rssBefore = servers.map((s) => rssKb(s.child.pid!));
    const openedAt = Date.now();
    const subscribers = await openSubscribers(servers, data);
    console.log(`${subscribers.length} clients subscribed in ${((Date.now() - openedAt) / 1000).toFixed(1)}s`);
    await sleep(1500);
    const rssAfter = servers.map((s) => rssKb(s.child.pid!));

    // Steady bookings, alternating the process they go through.
    const total = RATE * SECONDS;
    const booked: Array<{ doctorIndex: number; id: string; sentAt: number }> = [];
    let failures = 0;
    const pending: Promise<void>[] = [];
    const startedAt = Date.now();
    const cpuBefore = servers.map((srv) => cpuMs(srv.child.pid!));
    const benchCpuBefore = process.cpuUsage();
    for (let k = 0; k < total; k++) {
      const due = startedAt + (k * 1000) / RATE;
      const wait = due - Date.now();
      if (wait > 0) await sleep(wait);
      const doctorIndex = k % DOCTORS;
      const slot = data.doctors[doctorIndex].slots[Math.floor(k / DOCTORS)];
      const patientId = data.patients[k % data.patients.length];
      const server = servers[k % servers.length];
      const sentAt = Date.now();
      pending.push(
        gql(server.url, 'mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }', {
          i: { doctorId: data.doctors[doctorIndex].id, patientId, startsAt: slot, reason: 'bench' },
        }, data.adminToken).then(
          (result) => { booked.push({ doctorIndex, id: result.bookAppointment.id, sentAt }); },
          (error) => { failures++; if (failures <= 3) console.error(`booking failed: ${String(error).slice(0, 300)}`); },
        ),
      );
    }
    await Promise.all(pending);
    const bookedIn = (Date.now() - startedAt) / 1000;
    // Let the last deliveries land.
    const expectedPerDoctor = new Map<number, number>();
    for (const b of booked) expectedPerDoctor.set(b.doctorIndex, (expectedPerDoctor.get(b.doctorIndex) ?? 0) + 1);
    const settleUntil = Date.now() + 10_000;
    while (Date.now() < settleUntil && subscribers.some((s) => s.received.size < (expectedPerDoctor.get(s.doctorIndex) ?? 0))) await sleep(100);

    const serverCpu = servers.reduce((sum, srv, i) => sum + cpuMs(srv.child.pid!) - cpuBefore[i], 0);
    const benchCpu = process.cpuUsage(benchCpuBefore);
    const latencies: number[] = [];
    const fromSend: number[] = [];
    let lost = 0;
    let duplicates = 0;
    let errors = 0;
    for (const s of subscribers) {
      duplicates += s.duplicates;
      errors += s.errors;
      for (const b of booked) {
        if (b.doctorIndex !== s.doctorIndex) continue;
        const at = s.received.get(b.id);
        if (at === undefined) { lost++; continue; }
        latencies.push(at - s.committedAt.get(b.id)!);
        fromSend.push(at - b.sentAt);
      }
    }
    latencies.sort((a, b) => a - b);
    fromSend.sort((a, b) => a - b);
    const deliveries = latencies.length;
    const rssDelta = rssAfter.reduce((sum, v, i) => sum + (v - rssBefore[i]), 0);
    console.log(`bookings: ${booked.length} committed, ${failures} failed, in ${bookedIn.toFixed(1)}s (${(booked.length / bookedIn).toFixed(1)}/s)`);
    console.log(`deliveries: ${deliveries} (expected ${deliveries + lost}), events lost: ${lost}, duplicates: ${duplicates}, subscription errors: ${errors}`);
    console.log(`latency commit -> receipt (ms): p50 ${percentile(latencies, 50)}  p95 ${percentile(latencies, 95)}  p99 ${percentile(latencies, 99)}  max ${latencies.at(-1)}`);
    console.log(`latency request sent -> receipt (ms): p50 ${percentile(fromSend, 50)}  p95 ${percentile(fromSend, 95)}  p99 ${percentile(fromSend, 99)}`);
    console.log(`CPU while booking and delivering: servers ${(serverCpu / 1000).toFixed(1)}s (${((serverCpu * 1000) / Math.max(1, deliveries)).toFixed(0)} µs per delivery, bookings included), this bench's clients ${((benchCpu.user + benchCpu.system) / 1e6).toFixed(1)}s`);
    console.log(`host load average (1/5/15 min) at the end: ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')} on ${os.cpus().length} CPUs`);
    console.log(`server RSS: ${rssBefore.map((v) => `${(v / 1024).toFixed(0)} MB`).join(' + ')} before clients, ${rssAfter.map((v) => `${(v / 1024).toFixed(0)} MB`).join(' + ')} with them; ${(rssDelta / subscribers.length).toFixed(1)} KB per connection`);

    await Promise.all(subscribers.map((s) => s.client.dispose()));
  } finally {
    for (const server of servers) await stopServer(server);
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  for (const processes of RUNS) await run(processes);
  console.log(`\nbench:live done in ${((Date.now() - started) / 1000).toFixed(0)}s`);
  clearTimeout(watchdog);
  process.exit(0);
}

main().catch((error) => {
  console.error(`bench:live failed: ${error instanceof Error ? error.stack : String(error)}`);
  killAll();
  process.exit(1);
});
