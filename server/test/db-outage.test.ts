// A database that goes away: clients are told SERVICE_UNAVAILABLE (HTTP 503, retryAfterSeconds) within
// a second, the log says so once with a count, and the same process recovers when it returns.
import { afterAll, describe, expect, it } from 'vitest';
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
