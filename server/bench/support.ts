// Shared by the bench scripts (booking, scale, dayview, client): scratch databases, a seeded doctor's
// day, API child processes that are always stopped.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import argon2 from 'argon2';
import mysql from 'mysql2/promise';
import { signToken } from '../src/modules/identity/tokens';
import { Role } from '../src/modules/identity/user.entity';

export const SERVER_DIR = path.resolve(__dirname, '..');
export const JWT_SECRET = randomBytes(36).toString('base64');
export const DATA_KEY = randomBytes(32).toString('base64');
export const BENCH_PASSWORD = 'Bench-Password-1';

const children: ChildProcess[] = [];

export function log(message: string): void {
  console.log(`[bench] ${message}`);
}

/**
 * A port for a bench server. Benches run their servers with HMS_LOG=silent (no "listening" line to
 * read a port-0 bind back from) on a machine of their own; the tests never use this (test/processes.ts).
 */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

export function connect(databaseUrl: string, withDatabase = true): Promise<mysql.Connection> {
  const url = new URL(databaseUrl);
  return mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
    database: withDatabase ? url.pathname.slice(1) : undefined,
    timezone: 'Z',
  });
}

/** The scratch database's name; refuses one without "bench" in it (it is about to be dropped). */
export function benchDatabaseName(databaseUrl: string): string {
  const name = new URL(databaseUrl).pathname.slice(1);
  if (!/^[A-Za-z0-9_]+$/.test(name) || !/bench/i.test(name)) throw new Error(`refusing to drop "${name}": the bench database name must contain "bench"`);
  return name;
}

/** Applies the migrations to the database (created when missing). */
export function migrate(databaseUrl: string): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'src/db/migrate.ts'], {
    cwd: SERVER_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl, HMS_LOG: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

/** Drops, re-creates and migrates the scratch database (its name must contain "bench"). */
export async function resetDatabase(databaseUrl: string): Promise<void> {
  const name = benchDatabaseName(databaseUrl);
  const connection = await connect(databaseUrl, false);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
  migrate(databaseUrl);
}

export async function dropDatabase(databaseUrl: string): Promise<void> {
  const name = new URL(databaseUrl).pathname.slice(1);
  const connection = await connect(databaseUrl, false);
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

export interface SeededDay {
  doctorId: number;
  doctorEmail: string;
  doctorToken: string;
  patientToken: string;
  /** The hospital day (UTC: the servers run with HMS_TIMEZONE=UTC) holding the appointments. */
  date: string;
}

/**
 * One doctor with `count` appointments today (08:00 on, 15 minutes each), each with its
 * own patient; rows straight into the tables, tokens signed with the servers' secret.
 */
export async function seedDoctorDay(databaseUrl: string, count: number): Promise<SeededDay> {
  const db = await connect(databaseUrl);
  const hash = await argon2.hash(BENCH_PASSWORD, { type: argon2.argon2id });
  const now = new Date();
  const user = async (email: string, role: Role): Promise<number> => {
    const [result] = await db.query(
      'insert into `user` (email, password_hash, role, active, failed_login_count, must_change_password, token_version, created_at, updated_at) values (?, ?, ?, 1, 0, 0, 0, ?, ?)',
      [email, hash, role, now, now],
    ) as unknown as [{ insertId: number }];
    return result.insertId;
  };
  const [dept] = await db.query('insert into department (name, active, created_at) values (?, 1, ?)', ['Bench', now]) as unknown as [{ insertId: number }];
  const doctorEmail = 'doctor@bench.test';
  const doctorUser = await user(doctorEmail, Role.DOCTOR);
  const [doctor] = await db.query(
    'insert into doctor (user_id, department_id, full_name, specialization, consultation_fee_minor, active, created_at) values (?, ?, ?, ?, 5000, 1, ?)',
    [doctorUser, dept.insertId, 'Dr Bench', 'General', now],
  ) as unknown as [{ insertId: number }];
  await db.query('insert into availability_rule (doctor_id, weekday, start_minute, end_minute, slot_minutes) values ?', [
    [1, 2, 3, 4, 5, 6, 7].map((weekday) => [doctor.insertId, weekday, 8 * 60, 20 * 60, 15]),
  ]);
  const date = now.toISOString().slice(0, 10);
  let firstPatientUser = 0;
  for (let i = 0; i < count; i += 1) {
    const patientUser = await user(`patient-${i}@bench.test`, Role.PATIENT);
    firstPatientUser ||= patientUser;
    const [patient] = await db.query(
      'insert into patient (user_id, full_name, medical_record_number, reminder_opt_in, created_at) values (?, ?, ?, 0, ?)',
      [patientUser, `Patient ${i}`, `MRN-B${String(i).padStart(9, '0')}`, now],
    ) as unknown as [{ insertId: number }];
    const startsAt = new Date(`${date}T08:00:00.000Z`);
    startsAt.setUTCMinutes(15 * i);
    await db.query(
      'insert into appointment (patient_id, doctor_id, starts_at, ends_at, status, reason, created_by_id, version, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?, 1, ?, ?)',
      [patient.insertId, doctor.insertId, startsAt, new Date(startsAt.getTime() + 15 * 60_000), 'SCHEDULED', `Check-up ${i}`, patientUser, now, now],
    );
  }
  await db.end();
  return {
    doctorId: doctor.insertId,
    doctorEmail,
    doctorToken: signToken({ userId: doctorUser, role: Role.DOCTOR, tokenVersion: 0 }, JWT_SECRET, 3600),
    patientToken: signToken({ userId: firstPatientUser, role: Role.PATIENT, tokenVersion: 0 }, JWT_SECRET, 3600),
    date,
  };
}

/**
 * Budgets no bench reaches (every client is 127.0.0.1): the limiter still runs on every request,
 * so its cost stays in the figures, but it never answers 429.
 */
export const BENCH_RATE_LIMITS: Record<string, string> = {
  HMS_RATE_LIMIT_GRAPHQL_IP: '100000000/60',
  HMS_RATE_LIMIT_TOKEN_FREE_IP: '100000000/60',
};

/** The environment every bench server gets: production mode, UTC, quiet. */
export function serverEnv(databaseUrl: string, port: number, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...BENCH_RATE_LIMITS,
    NODE_ENV: 'production',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    HMS_LOG: 'silent',
    HMS_JWT_SECRET: JWT_SECRET,
    HMS_DATA_KEY: DATA_KEY,
    HMS_TIMEZONE: 'UTC',
    ...extra,
  };
}

/**
 * Starts `node --require tsx/cjs <script>` (as `npm start` does) (not the tsx CLI: the child IS the server, so its CPU time and
 * RSS can be read) and waits for /healthz.
 */
export async function startServer(script: string, env: NodeJS.ProcessEnv, port: number, nodeArgs: string[] = [], timeoutMs = 60_000): Promise<ChildProcess> {
  const child = spawn(process.execPath, [...nodeArgs, '--require', 'tsx/cjs', script], { cwd: SERVER_DIR, env, stdio: ['ignore', 'ignore', 'inherit'] });
  children.push(child);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} on port ${port} exited with ${child.exitCode}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.ok) return child;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error(`${script} on port ${port} did not start within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** SIGTERM, then SIGKILL after `graceMs`. */
export function stopChild(child: ChildProcess, graceMs = 5000): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => { clearTimeout(kill); resolve(); });
    child.kill('SIGTERM');
  });
}

export async function stopServers(graceMs = 5000): Promise<void> {
  await Promise.all(children.splice(0).map((child) => stopChild(child, graceMs)));
}

/** Kills the children on Ctrl-C and after `limitMs`, whatever the bench is doing. */
export function guard(limitMs: number): () => void {
  const hardStop = setTimeout(() => {
    console.error('[bench] hard time limit reached; stopping');
    for (const child of children) child.kill('SIGKILL');
    process.exit(2);
  }, limitMs);
  hardStop.unref();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const child of children) child.kill('SIGKILL');
      process.exit(130);
    });
  }
  return () => clearTimeout(hardStop);
}

export function loadAverage(): string {
  try {
    return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  } catch {
    return 'unknown';
  }
}

/** CPU seconds (user + system) a process has used, from /proc (Linux); 0 elsewhere. */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/**
 * Runs a bench's `main` under `guard(limitMs)`; whatever happens, stops its servers afterwards
 * (and drops the scratch database `dropAfter`). A failure sets exit code 1.
 */
export function runBench(main: () => Promise<void>, limitMs: number, dropAfter?: string): void {
  const release = guard(limitMs);
  main()
    .catch((error) => {
      console.error('[bench] failed:', error instanceof Error ? error.message : error);
      process.exitCode = 1;
    })
    .finally(async () => {
      await stopServers();
      if (dropAfter) await dropDatabase(dropAfter).catch(() => undefined);
      release();
    });
}
