// Cross-cutting behaviour of the API process: health, limits, error masking, production settings.
import { GraphQLError } from 'graphql';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../src/config';
import { formatError, NotFoundError } from '../src/errors';
import { MAX_QUERY_DEPTH } from '../src/query-limits';
import { codes, createTestApp, type TestApp } from './harness';
import { createAdmin, createDoctor, insertAppointment, registerPatient } from './factories';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

describe('GET /healthz', () => {
  it('answers 200 {"status":"ok"} while the database answers, 503 once it does not', async () => {
    const other = await createTestApp();
    const ok = await fetch(`${other.url}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: 'ok' });
    await other.orm.close(true);
    const down = await fetch(`${other.url}/healthz`);
    expect(down.status).toBe(503);
    await other.app.close();
  });
});

describe('query limits', () => {
  it(`refuses a query nested deeper than ${MAX_QUERY_DEPTH} levels before it runs`, async () => {
    let selection = 'id';
    for (let i = 0; i < 6; i += 1) selection = `doctors { department { ${selection} } }`;
    const result = await t.gql(`{ departments { ${selection} } }`);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toMatch(/nested/);
    expect(result.data ?? null).toBeNull();
  });

  /**
   * `{ appointment(id) { invoice { appointment { invoice { … id } } } } }`, exactly `depth` fields deep:
   * single objects all the way, so the query is cheap and only its depth can refuse it.
   */
  const nested = (depth: number) => {
    let selection = 'id';
    for (let level = depth - 1; level >= 2; level -= 1) selection = `${level % 2 === 0 ? 'invoice' : 'appointment'} { ${selection} }`;
    return `query($id: ID!) { appointment(id: $id) { ${selection} } }`;
  };

  it(`runs a query exactly ${MAX_QUERY_DEPTH} levels deep and refuses ${MAX_QUERY_DEPTH + 1}`, async () => {
    const admin = await createAdmin(t);
    const doctor = await createDoctor(t, admin);
    const patient = await registerPatient(t);
    const id = await insertAppointment(t, { doctorId: doctor.doctorId, patientId: patient.patientId, status: 'COMPLETED', startsAt: new Date(Date.UTC(2026, 0, 7, 9)) });
    await t.ok('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id }, admin.token);
    const allowed = await t.gql(nested(MAX_QUERY_DEPTH), { id }, admin.token);
    expect(allowed.errors).toBeUndefined();
    // The data really comes back at the bottom: walk down to the innermost id.
    let node: any = allowed.data.appointment;
    for (let depth = 2; depth < MAX_QUERY_DEPTH; depth += 1) node = depth % 2 === 0 ? node.invoice : node.appointment;
    expect(node.id).toBe(id);
    const refused = await t.gql(nested(MAX_QUERY_DEPTH + 1), { id }, admin.token);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].message).toBe(`Query is nested ${MAX_QUERY_DEPTH + 1} levels deep; the limit is ${MAX_QUERY_DEPTH}`);
    expect(refused.data ?? null).toBeNull();
  });

  it('refuses a query costlier than the budget (many aliases)', async () => {
    // 100 lists of ~20 departments x 3 fields: well past the anonymous budget (800 would already stop at the token cap).
    const fields = Array.from({ length: 100 }, (_, i) => `d${i}: departments { id name description }`).join(' ');
    const result = await t.gql(`{ ${fields} }`);
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toMatch(/costs/);
  });

  it('applies the same limits to WebSocket operations', async () => {
    const patient = await registerPatient(t);
    let selection = 'id';
    for (let i = 0; i < 6; i += 1) selection = `doctors { department { ${selection} } }`;
    const client = t.wsClient(patient.token);
    const result = await new Promise<{ errors?: any[]; data?: unknown }>((resolve) => {
      client.subscribe({ query: `{ departments { ${selection} } }` }, {
        next: (value) => resolve(value as { data?: unknown }),
        error: (error) => resolve({ errors: error as any[] }),
        complete: () => {},
      });
    });
    // graphql-ws hands the sink the error message's list of GraphQL errors.
    expect((result.errors ?? []).map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0].message).toMatch(/^Query is nested \d+ levels deep; the limit is 10$/);
    expect(result.data).toBeUndefined();
  });
});

describe('errors', () => {
  it('malformed GraphQL and bad variables are BAD_USER_INPUT without stack traces', async () => {
    const parse = await t.gql('{ departments { id ');
    expect(codes(parse)).toEqual(['BAD_USER_INPUT']);
    const unknown = await t.gql('{ nothingHere }');
    expect(codes(unknown)).toEqual(['BAD_USER_INPUT']);
    const variables = await t.gql('query($id: ID!) { doctor(id: $id) { id } }', { id: { nested: true } });
    expect(codes(variables)).toEqual(['BAD_USER_INPUT']);
    for (const r of [parse, unknown, variables]) expect(JSON.stringify(r)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('an unexpected error becomes a generic message with an id: no SQL, no stack', () => {
    const sqlError = new Error("insert into `user` (`email`) values ('secret@x') - Duplicate entry for key 'PRIMARY'");
    const wrapped = new GraphQLError(sqlError.message, { originalError: sqlError, path: ['register'] });
    const formatted = formatError({ message: wrapped.message, path: ['register'], extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['x'] } }, wrapped);
    expect(formatted.message).toMatch(/^Internal error \(id [0-9a-f-]+\)$/);
    expect(JSON.stringify(formatted)).not.toMatch(/insert|secret|stacktrace|Duplicate/);
  });

  it('a contract error keeps its code and extra fields', () => {
    const error = new NotFoundError('Doctor');
    const formatted = formatError({ message: error.message, extensions: { code: 'NOT_FOUND' } }, error);
    expect(formatted).toMatchObject({ message: 'Doctor not found', extensions: { code: 'NOT_FOUND' } });
  });

  it('an id that is not a number is BAD_USER_INPUT, an unknown one NOT_FOUND', async () => {
    expect(codes(await t.gql('{ doctor(id: "abc") { id } }'))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql('{ doctor(id: "987654321") { id } }'))).toEqual(['NOT_FOUND']);
  });
});

// Production refuses guessable secrets (config.ts looksRandom).
const STRONG_SECRET = randomBytes(32).toString('base64');

describe('configuration', () => {
  it('production requires the JWT secret and data key, and disables introspection by default', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/HMS_JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', HMS_JWT_SECRET: STRONG_SECRET })).toThrow(/HMS_DATA_KEY/);
    const config = loadConfig({ NODE_ENV: 'production', HMS_JWT_SECRET: STRONG_SECRET, HMS_DATA_KEY: randomBytes(32).toString('base64') });
    expect(config.introspection).toBe(false);
    expect(loadConfig({}).introspection).toBe(true);
  });

  it.each([
    ['PORT', 'abc'], ['HMS_BOOKING_WINDOW_DAYS', '0'], ['HMS_TIMEZONE', 'Nowhere/City'], ['HMS_CURRENCY', 'DOLLARS'],
    ['DATABASE_URL', 'postgres://x@y/z'], ['REDIS_URL', 'http://x'], ['HMS_DATA_KEY', 'c2hvcnQ='], ['HMS_JWT_SECRET', 'short'],
  ])('%s=%s is refused with a message naming it', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(name);
  });

  it('HMS_TEST_CLOCK=1 is refused in production; HMS_BACKGROUND_JOBS is on or off', () => {
    const production = { NODE_ENV: 'production', HMS_JWT_SECRET: randomBytes(32).toString('base64'), HMS_DATA_KEY: randomBytes(32).toString('base64') };
    expect(() => loadConfig({ ...production, HMS_TEST_CLOCK: '1' })).toThrow('HMS_TEST_CLOCK=1 is refused when NODE_ENV=production');
    expect(loadConfig({ ...production }).testClock).toBe(false);
    expect(loadConfig({ HMS_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(() => loadConfig({ HMS_BACKGROUND_JOBS: 'maybe' })).toThrow('HMS_BACKGROUND_JOBS');
    expect(loadConfig({}).backgroundJobs).toBe(true);
    expect(loadConfig({ HMS_BACKGROUND_JOBS: 'off' }).backgroundJobs).toBe(false);
  });

  it('HMS_TEST_NOW starts a test clock only with HMS_TEST_CLOCK=1; HMS_REDIS_PREFIX defaults to the database name', () => {
    const at = '2030-06-01T23:50:00.000Z';
    expect(loadConfig({ HMS_TEST_CLOCK: '1', HMS_TEST_NOW: at }).testNow?.toISOString()).toBe(at);
    expect(loadConfig({ HMS_TEST_NOW: at }).testNow).toBeUndefined();
    expect(() => loadConfig({ HMS_TEST_CLOCK: '1', HMS_TEST_NOW: 'tomorrow' })).toThrow('HMS_TEST_NOW');
    expect(loadConfig({ DATABASE_URL: 'mysql://root@127.0.0.1:3306/clinic_a' }).redisPrefix).toBe('clinic_a');
    expect(loadConfig({ HMS_REDIS_PREFIX: 'site-2' }).redisPrefix).toBe('site-2');
    expect(() => loadConfig({ HMS_REDIS_PREFIX: 'a b' })).toThrow('HMS_REDIS_PREFIX');
  });

  it('POST /__test/clock moves the server clock only with HMS_TEST_CLOCK=1', async () => {
    const without = await fetch(`${t.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(without.status).toBe(404);
    const clocked = await createTestApp({ HMS_TEST_CLOCK: '1' });
    try {
      const at = '2031-06-15T21:50:00.000Z';
      const moved = await fetch(`${clocked.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at }) });
      const body = (await moved.json()) as { now: string };
      expect(moved.status).toBe(200);
      expect(Math.abs(Date.parse(body.now) - Date.parse(at))).toBeLessThan(60_000);
      const reset = await fetch(`${clocked.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(((await reset.json()) as { offsetMs: number }).offsetMs).toBe(0);
      const bad = await fetch(`${clocked.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"at":"soon"}' });
      expect(bad.status).toBe(400);
    } finally {
      await fetch(`${clocked.url}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      await clocked.close();
    }
  });

  it('defaults follow the contract', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 4000, databaseUrl: 'mysql://root@127.0.0.1:3306/hms', timezone: 'UTC', bookingWindowDays: 7, currency: 'USD', currencyDigits: 2 });
    expect(config.redisUrl).toBeUndefined();
    expect(loadConfig({ HMS_CURRENCY: 'jpy' }).currencyDigits).toBe(0);
  });

  it('introspection is off in production over HTTP', async () => {
    // The database's own data key: another key would (rightly) stop start-up (clinical/crypto.ts verifyDataKey).
    const prod = await createTestApp({ NODE_ENV: 'production', HMS_JWT_SECRET: STRONG_SECRET, HMS_DATA_KEY: t.app.deps.secrets.dataKey.toString('base64') });
    try {
      const result = await prod.gql('{ __schema { queryType { name } } }');
      expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    } finally {
      await prod.close();
    }
  });
});
