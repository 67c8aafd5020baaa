// Live delivery that does not depend on luck: a process killed right after its commit, and Redis
// killed and restarted, lose no slotsChanged, notificationAdded or doctorScheduleChanged event.
import { spawn } from 'node:child_process';
import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createAdmin, createDoctor, hospitalTime, openAllWeek, quickPatients, type DoctorSession, type PatientSession } from './factories';
import { createTestApp, testDatabaseUrl, type TestApp } from './harness';
import { PrivateRedis, waitUntil } from './outage-helpers';
import { childClockEnv, SERVER_DIR, startListening, type MainProcess } from './processes';

let t: TestApp;
let redis: PrivateRedis;
const clients: Client[] = [];
const servers: MainProcess[] = [];
beforeAll(async () => {
  t = await createTestApp();
  redis = new PrivateRedis();
  await redis.start();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.dispose()));
  for (const server of servers) server.child.kill('SIGKILL');
  await redis?.kill();
  await t?.close();
});

async function startServer(): Promise<{ port: number; server: MainProcess }> {
  const { server, port } = await startListening({ DATABASE_URL: testDatabaseUrl(), REDIS_URL: redis.url, HMS_BOOKING_WINDOW_DAYS: '30' });
  servers.push(server);
  await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 60_000, 'a server');
  return { port, server };
}

interface Feed { items: any[]; ready: Promise<void> }

function subscribe(port: number, token: string, query: string, variables: Record<string, unknown> = {}): Feed {
  const client = createClient({ url: `ws://127.0.0.1:${port}/graphql`, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  clients.push(client);
  const items: any[] = [];
  let acked: () => void;
  const ready = new Promise<void>((resolve) => { acked = resolve; });
  client.on('connected', () => setTimeout(() => acked(), 300));
  client.subscribe({ query, variables }, {
    next: (value) => { items.push(value.data); },
    error: (error) => { items.push({ error: String(error instanceof Error ? error.message : JSON.stringify(error)) }); },
    complete: () => {},
  });
  return { items, ready };
}

async function gql(port: number, query: string, variables: Record<string, unknown>, token: string): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }),
  });
  return response.json();
}

const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }';
const SLOTS = 'subscription($d: ID!) { slotsChanged(doctorId: $d) { startsAt available } }';
const NOTES = 'subscription { notificationAdded { id kind } }';
const SCHEDULE = 'subscription($d: ID!) { doctorScheduleChanged(doctorId: $d) { kind cursor appointment { id } } }';
const STATUS = 'subscription { liveStatus { live } }';

describe('the outbox relay', () => {
  let doctor: DoctorSession;
  let patients: PatientSession[];
  beforeAll(async () => {
    const admin = await createAdmin(t);
    doctor = await createDoctor(t, admin);
    await openAllWeek(t, admin.token, doctor.doctorId, { startTime: '08:00', endTime: '20:00', slotMinutes: 30 });
    patients = await quickPatients(t, 12);
  });

  it('delivers a change whose process was SIGKILLed right after the commit, to subscribers of another process', async () => {
    const { port: portB } = await startServer();
    const feeds = [subscribe(portB, doctor.token, SLOTS, { d: doctor.doctorId }), subscribe(portB, doctor.token, NOTES), subscribe(portB, doctor.token, SCHEDULE, { d: doctor.doctorId })];
    await Promise.all(feeds.map((f) => f.ready));
    await new Promise((r) => setTimeout(r, 1000));

    const dying = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/commit-then-die.ts'], {
      cwd: SERVER_DIR,
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: testDatabaseUrl(), PORT: '0', REDIS_URL: redis.url, HMS_LOG: 'silent', HMS_BOOKING_WINDOW_DAYS: '30', ...childClockEnv() },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const died = new Promise<string | null>((resolve) => dying.on('exit', (_code, signal) => resolve(signal)));
    // It listens on port 0 and names the port in its "ready <port>" line.
    const portA = await new Promise<number>((resolve) => {
      let out = '';
      dying.stdout!.on('data', (d) => { out += d; const m = /ready (\d+)/.exec(out); if (m) resolve(Number(m[1])); });
    });
    const startsAt = await hospitalTime(t, 2, '09:00');
    const answer = await gql(portA, BOOK, { input: { doctorId: doctor.doctorId, startsAt } }, patients[0].token).catch((error: Error) => ({ transport: error.message }));
    expect(answer).toHaveProperty('transport');
    expect(await died).toBe('SIGKILL');
    const rows = await t.orm.em.getConnection().execute<Array<{ id: number }>>(
      'select id from appointment where doctor_id = ? and starts_at = ?', [Number(doctor.doctorId), new Date(startsAt)],
    );
    expect(rows).toHaveLength(1);
    const id = String(rows[0].id);

    await waitUntil(async () => feeds.every((f) => f.items.length >= 1), 10_000, 'delivery by the relay');
    await new Promise((r) => setTimeout(r, 500));
    expect(feeds[0].items).toEqual([{ slotsChanged: { startsAt: new Date(startsAt).toISOString(), available: false } }]);
    expect(feeds[1].items).toEqual([{ notificationAdded: { id: expect.any(String), kind: 'APPOINTMENT_BOOKED' } }]);
    expect(feeds[2].items).toEqual([{ doctorScheduleChanged: { kind: 'BOOKED', cursor: expect.any(String), appointment: { id } } }]);
  }, 120_000);

  it('Redis killed and restarted: slotsChanged and notificationAdded subscribers on two processes lose nothing, and are told while it is down', async () => {
    const [a, b] = [await startServer(), await startServer()];
    const sides = [a, b].map(({ port }) => ({
      slots: subscribe(port, doctor.token, SLOTS, { d: doctor.doctorId }),
      notes: subscribe(port, doctor.token, NOTES),
      status: subscribe(port, doctor.token, STATUS),
    }));
    await Promise.all(sides.flatMap((s) => [s.slots.ready, s.notes.ready, s.status.ready]));
    await new Promise((r) => setTimeout(r, 1000));
    const times: string[] = [];
    const book = async (i: number) => {
      const startsAt = await hospitalTime(t, 3, `${String(8 + i).padStart(2, '0')}:00`);
      times.push(new Date(startsAt).toISOString());
      const port = i % 2 === 0 ? a.port : b.port;
      const result = await gql(port, BOOK, { input: { doctorId: doctor.doctorId, startsAt } }, patients[i].token);
      expect(result.errors).toBeUndefined();
    };
    await book(0);
    await book(1);
    await waitUntil(async () => sides.every((s) => s.slots.items.length >= 2 && s.notes.items.length >= 2), 10_000, 'the first two');

    await redis.kill();
    await waitUntil(async () => sides.every((s) => s.status.items.some((item) => item.liveStatus?.live === false)), 10_000, 'liveStatus false');
    for (let i = 2; i < 10; i++) await book(i);
    await new Promise((r) => setTimeout(r, 1000));
    await redis.start();

    await waitUntil(async () => sides.every((s) => s.slots.items.length >= 10 && s.notes.items.length >= 10), 20_000, 'catch-up after Redis returned')
      .catch(() => {});
    await new Promise((r) => setTimeout(r, 1500));
    for (const side of sides) {
      expect(side.slots.items.map((item) => item.slotsChanged?.startsAt).sort()).toEqual([...times].sort());
      expect(side.notes.items).toHaveLength(10);
      expect(new Set(side.notes.items.map((item) => item.notificationAdded?.id)).size).toBe(10);
      expect(side.status.items.at(-1)).toEqual({ liveStatus: { live: true } });
    }
  }, 180_000);
});
