// A database that goes away: clients are told SERVICE_UNAVAILABLE (HTTP 503, retryAfterSeconds) within
// a second, the log says so once with a count, and the same process recovers when it returns.
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { PrivateMariaDb, waitUntil } from './outage-helpers';
import { startListening, type MainProcess } from './processes';

let db: PrivateMariaDb | null = null;
let server: MainProcess | null = null;
afterAll(async () => {
  server?.child.kill('SIGKILL');
  await db?.kill();
});

async function gql(port: number, query: string, token?: string): Promise<{ status: number; body: any; ms: number; retryAfter: string | null }> {
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  const body = await response.json();
  return { status: response.status, body, ms: Date.now() - started, retryAfter: response.headers.get('retry-after') };
}

/** A graphql-transport-ws socket, raw: every frame it receives and how it closed. */
function rawSocket(port: number, token: string): { socket: WebSocket; frames: any[]; acked: Promise<void>; closed: Promise<{ code: number; reason: string }> } {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql`, 'graphql-transport-ws');
  const frames: any[] = [];
  const acked = new Promise<void>((resolve) => socket.on('message', (data) => {
    const frame = JSON.parse(String(data));
    frames.push(frame);
    if (frame.type === 'connection_ack') resolve();
  }));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })));
  socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })));
  socket.on('error', () => {});
  return { socket, frames, acked, closed };
}

describe('database outage', () => {
  it('answers SERVICE_UNAVAILABLE (503) within 1 s while MariaDB is down, logs it once, and recovers without a restart', async () => {
    db = new PrivateMariaDb();
    await db.start();
    let port: number;
    ({ server, port } = await startListening({
      DATABASE_URL: `${db.url}/hms_outage`, HMS_ADMIN_EMAIL: 'boss@hospital.test', HMS_ADMIN_PASSWORD: 'Admin-Password-1',
    }));
    await waitUntil(async () => (await fetch(`http://127.0.0.1:${port}/healthz`)).ok, 90_000, 'the server');
    const login = await gql(port, 'mutation { login(email: "boss@hospital.test", password: "Admin-Password-1") { token } }');
    const token = login.body.data.login.token as string;
    const query = '{ departments { id name } }';
    expect((await gql(port, query, token)).status).toBe(200);
    // A live connection opened while the database is up; it subscribes once the database is gone.
    const open = rawSocket(port, token);
    await open.acked;

    await db.kill();
    const outputBefore = server.output().length;
    const answers = [];
    // Signed in and anonymous, queries and a mutation: all told to retry, none a 500.
    for (let i = 0; i < 10; i++) {
      answers.push(await gql(port, query, token));
      answers.push(await gql(port, query));
      answers.push(await gql(port, 'mutation { login(email: "boss@hospital.test", password: "Admin-Password-1") { token } }'));
    }
    for (const answer of answers) {
      expect(answer.status, JSON.stringify(answer.body)).toBe(503);
      expect(answer.body.errors[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(answer.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
      expect(answer.retryAfter).toMatch(/^[0-9]+$/);
      expect(JSON.stringify(answer.body)).not.toMatch(/ECONNREFUSED|stack|select|at /i);
      expect(answer.ms).toBeLessThan(1000);
    }
    // WebSockets are told the same: a subscribe on an open socket gets an error frame with the code,
    // a new connection is closed with 1013 (Try Again Later, which graphql-ws clients retry) naming it.
    open.socket.send(JSON.stringify({ id: 's1', type: 'subscribe', payload: { query: 'subscription { notificationAdded { id } }' } }));
    await waitUntil(async () => open.frames.some((f) => f.id === 's1'), 5_000, 'an answer to the subscribe');
    const answer = open.frames.find((f) => f.id === 's1');
    expect(answer.type, JSON.stringify(answer)).toBe('error');
    expect(answer.payload[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: expect.any(Number) });
    expect(JSON.stringify(answer)).not.toMatch(/ECONNREFUSED|stack|select/i);
    const fresh = rawSocket(port, token);
    const refused = await fresh.closed;
    expect(refused.code).toBe(1013);
    expect(refused.reason).toMatch(/^SERVICE_UNAVAILABLE/);
    expect(fresh.frames).toEqual([]);
    open.socket.close();

    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'unavailable' });
    // Once per outage, not a stack per request.
    const during = server.output().slice(outputBefore);
    expect(during.match(/database is unreachable/g) ?? []).toHaveLength(1);
    expect(during).not.toMatch(/"stack"|unexpected error/);

    console.info(`database down: ${answers.length} answers, slowest ${Math.max(...answers.map((a) => a.ms))} ms`);
    const restarted = Date.now();
    await db.start();
    await waitUntil(async () => (await gql(port, query, token)).status === 200, 15_000, 'recovery');
    console.info(`database back: serving again ${Date.now() - restarted} ms after mariadbd was started`);
    expect((await gql(port, query, token)).body.data.departments).toEqual([]);
    await waitUntil(async () => /database is reachable again.*[0-9]+ requests/.test(server!.output()), 5_000, 'the recovery log line');
  }, 180_000);
});
