// `npm run bench:dayview`: the request path against the SQL under it.
//   1. the doctor's day view (40 appointments with patients) through HMS, and through a
//      hand-written mysql2 + node:http baseline (bench/dayview-baseline.ts, its own process,
//      same token check and viewer lookup, same JOIN and JSON);
//   2. signed-in `{ me { id email role } }` against anonymous `{ __typename }` through HMS.
// Rounds are interleaved (HMS, baseline, me, __typename, again...) so the machine's load
// falls on all of them alike; the ratios are what to read on a shared machine.
//
// Environment (all optional):
//   BENCH_DATABASE_URL  scratch database, dropped and re-created (default mysql://root@127.0.0.1:3306/hms_bench_dayview)
//   BENCH_SECONDS       seconds per round and target (default 4), BENCH_ROUNDS rounds (default 3)
//   BENCH_CONNECTIONS   concurrent connections (default 16), BENCH_APPOINTMENTS (default 40)
//   BENCH_PROFILE       a directory: the HMS process writes a V8 CPU profile there
//   BENCH_ONLY          measure only the targets whose name contains this (for profiling)
import { availableParallelism } from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import {
  cpuSeconds, freePort, loadAverage, log, resetDatabase, runBench, seedDoctorDay, serverEnv, startServer,
} from './support';

// autocannon ships no types; this is the part used here.
interface CannonResult { requests: { total: number; average: number }; non2xx: number; errors: number; timeouts: number; latency: { p50: number; p99: number } }
type Cannon = (options: Record<string, unknown>) => Promise<CannonResult>;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const autocannon = require('autocannon') as Cannon;

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_bench_dayview';
const SECONDS = Number(process.env.BENCH_SECONDS || 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 16);
const APPOINTMENTS = Number(process.env.BENCH_APPOINTMENTS || 40);
const PROFILE = process.env.BENCH_PROFILE;
const ONLY = process.env.BENCH_ONLY;

const DAY = 'query Day($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { id startsAt endsAt status reason patient { id fullName medicalRecordNumber } } }';
const ME = '{ me { id email role } }';
const TYPENAME = '{ __typename }';

interface Target { name: string; port: number; body: string; token?: string; total: number; seconds: number; bad: number; cpu: number; pid?: number }

async function post(target: Target): Promise<unknown> {
  const response = await fetch(`http://127.0.0.1:${target.port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    body: target.body,
  });
  return response.json();
}

async function run(): Promise<void> {
  log(`database ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')}: dropping, creating, migrating`);
  await resetDatabase(DATABASE_URL);
  const day = await seedDoctorDay(DATABASE_URL, APPOINTMENTS);
  log(`seeded one doctor with ${APPOINTMENTS} appointments on ${day.date}, each with its own patient`);
  const [hmsPort, basePort] = [await freePort(), await freePort()];
  const [hms, baseline] = await Promise.all([
    startServer('src/main.ts', serverEnv(DATABASE_URL, hmsPort), hmsPort, PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []),
    startServer('bench/dayview-baseline.ts', serverEnv(DATABASE_URL, basePort), basePort),
  ]);
  log(`HMS on port ${hmsPort} (NODE_ENV=production), baseline on port ${basePort}`);

  const dayBody = JSON.stringify({ query: DAY, variables: { d: String(day.doctorId), date: day.date } });
  const counters = { total: 0, seconds: 0, bad: 0, cpu: 0 };
  const targets: Target[] = [
    { name: 'day view, HMS', port: hmsPort, pid: hms.pid, body: dayBody, token: day.doctorToken, ...counters },
    { name: 'day view, baseline', port: basePort, pid: baseline.pid, body: dayBody, token: day.doctorToken, ...counters },
    { name: '{ me { id email role } }', port: hmsPort, pid: hms.pid, body: JSON.stringify({ query: ME }), token: day.patientToken, ...counters },
    { name: '{ __typename } anonymous', port: hmsPort, pid: hms.pid, body: JSON.stringify({ query: TYPENAME }), ...counters },
  ];

  // Same answer from both servers, or the comparison means nothing.
  const [hmsDay, baseDay] = [await post(targets[0]), await post(targets[1])];
  if (!isDeepStrictEqual(hmsDay, baseDay)) throw new Error(`HMS and the baseline answer differently:\n${JSON.stringify(hmsDay).slice(0, 400)}\n${JSON.stringify(baseDay).slice(0, 400)}`);
  const rows = (hmsDay as { data: { doctorDay: unknown[] } }).data.doctorDay.length;
  if (rows !== APPOINTMENTS) throw new Error(`expected ${APPOINTMENTS} appointments, got ${rows}`);
  const me = await post(targets[2]) as { data?: { me?: { role?: string } } };
  if (me.data?.me?.role !== 'PATIENT') throw new Error(`{ me } answered ${JSON.stringify(me)}`);

  // Warm-up (tsx compiles lazily; V8 optimises the hot paths).
  for (const target of targets) await fire(target, 1);
  log(`${ROUNDS} interleaved rounds of ${SECONDS} s per target, ${CONNECTIONS} connections; load before: ${loadAverage()}`);
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const target of targets) {
      if (ONLY && !target.name.includes(ONLY)) continue;
      const cpu0 = cpuSeconds(target.pid);
      const result = await fire(target, SECONDS);
      target.cpu += cpuSeconds(target.pid) - cpu0;
      target.total += result.requests.total;
      target.seconds += SECONDS;
      target.bad += result.non2xx + result.errors + result.timeouts;
    }
  }
  const rate = (t: Target) => t.total / Math.max(1, t.seconds);
  console.log('');
  console.log(`HMS request path (${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s, ${availableParallelism()} cores, load ${loadAverage()})`);
  // Server CPU per request does not depend on how busy the rest of the machine is.
  const cpuMs = (t: Target) => (t.cpu * 1000) / Math.max(1, t.total);
  for (const t of targets) {
    console.log(`  ${t.name.padEnd(28)} ${rate(t).toFixed(0).padStart(6)} req/s  ${cpuMs(t).toFixed(2).padStart(6)} ms server CPU per request${t.bad ? `  (${t.bad} failed)` : ''}`);
  }
  console.log(`  day view HMS / baseline      ${(rate(targets[0]) / rate(targets[1])).toFixed(2)} by req/s, ${(cpuMs(targets[1]) / cpuMs(targets[0])).toFixed(2)} by CPU per request  (goal >= 0.5)`);
  console.log(`  { me } / { __typename }      ${(rate(targets[2]) / rate(targets[3])).toFixed(2)} by req/s, ${(cpuMs(targets[3]) / cpuMs(targets[2])).toFixed(2)} by CPU per request  (goal >= 0.5)`);
  if (targets.some((t) => t.bad > 0)) process.exitCode = 1;
}

function fire(target: Target, seconds: number): Promise<CannonResult> {
  return autocannon({
    url: `http://127.0.0.1:${target.port}/graphql`,
    method: 'POST',
    connections: CONNECTIONS,
    duration: seconds,
    headers: { 'content-type': 'application/json', ...(target.token ? { authorization: `Bearer ${target.token}` } : {}) },
    body: target.body,
  });
}

runBench(run, 10 * 60_000, DATABASE_URL);
