import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codes, createTestApp, setClock, type TestApp } from '../../../test/harness';
import { createAdmin, createDoctor, hospitalTime, openAllWeek, registerPatient, type DoctorSession, type PatientSession, type Session } from '../../../test/factories';

// Two API processes sharing the database and Redis, as behind a load balancer.
const REDIS_URL = 'redis://127.0.0.1:6379';
let a: TestApp;
let b: TestApp;
let admin: Session;
let doctor: DoctorSession;
let patient: PatientSession;

beforeAll(async () => {
  [a, b] = await Promise.all([
    createTestApp({ REDIS_URL, HMS_RATE_LIMIT_API_KEY_ACCOUNT: '1000/60' }),
    createTestApp({ REDIS_URL, HMS_RATE_LIMIT_API_KEY_ACCOUNT: '1000/60' }),
  ]);
  admin = await createAdmin(a);
  doctor = await createDoctor(a, admin);
  await openAllWeek(a, admin.token, doctor.doctorId);
  patient = await registerPatient(a);
});
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

const CREATE = 'mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id secret apiKey { id name prefix scopes lastUsedAt revokedAt } } }';
const REVOKE = 'mutation($id: ID!) { revokeApiKey(id: $id) }';
const SLOTS = 'query($d: ID!, $date: LocalDate!) { availableSlots(doctorId: $d, date: $date) { startsAt } }';
const BOOK = 'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id patient { id } } }';

async function createKey(scopes: string[], t: TestApp = a, extra: Record<string, unknown> = {}): Promise<{ id: string; secret: string }> {
  const data = await t.ok(CREATE, { input: { name: `Key ${scopes.join('+')}`, scopes, ...extra } }, admin.token);
  return data.createApiKey;
}

const tomorrow = () => hospitalTime(a, 1, '00:00').then((iso) => iso.slice(0, 10));

describe('createApiKey', () => {
  it('is for admins only; anonymous, patients, doctors and keys are refused', async () => {
    const input = { name: 'x', scopes: ['schedule:read'] };
    expect(codes(await a.gql(CREATE, { input }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await a.gql(CREATE, { input }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(CREATE, { input }, doctor.token))).toEqual(['FORBIDDEN']);
    const key = await createKey(['schedule:read', 'appointments:write', 'patients:read', 'billing:read', 'appointments:read']);
    // A key cannot mint keys, whatever its scopes.
    const byKey = await a.gql(CREATE, { input }, key.secret);
    expect(codes(byKey)).toEqual(['FORBIDDEN']);
    expect(byKey.status).toBe(403);
    expect(codes(await a.gql('{ apiKeys { id } }', {}, patient.token))).toEqual(['FORBIDDEN']);
  });

  it('refuses bad input with the field named and writes nothing', async () => {
    const before = (await a.ok('{ apiKeys { id } }', {}, admin.token)).apiKeys.length;
    for (const input of [
      { name: '', scopes: ['schedule:read'] },
      { name: 'x', scopes: [] },
      { name: 'x', scopes: ['clinical:read'] },
      { name: 'x'.repeat(101), scopes: ['schedule:read'] },
      { name: 'x', scopes: ['schedule:read'], expiresAt: '2000-01-01T00:00:00.000Z' },
    ]) {
      const result = await a.gql(CREATE, { input }, admin.token);
      expect(codes(result), JSON.stringify(input)).toEqual(['BAD_USER_INPUT']);
      expect(Object.keys(result.errors![0].extensions!.fields ?? {}).length).toBeGreaterThan(0);
    }
    expect((await a.ok('{ apiKeys { id } }', {}, admin.token)).apiKeys.length).toBe(before);
  });

  it('shows the hms_ secret once and stores only its hash; lists keys with last use', async () => {
    const key = await createKey(['schedule:read']);
    expect(key.secret).toMatch(/^hms_[A-Za-z0-9_-]{40,}$/);
    const [row] = (await a.orm.em.getConnection().execute('select * from api_key where id = ?', [key.id])) as Array<Record<string, unknown>>;
    expect(JSON.stringify(row)).not.toContain(key.secret.slice(4));
    expect(await a.ok(SLOTS, { d: doctor.doctorId, date: await tomorrow() }, key.secret)).toBeTruthy();
    const listed = (await a.ok('{ apiKeys { id prefix scopes lastUsedAt revokedAt createdBy } }', {}, admin.token)).apiKeys.find((k: { id: string }) => k.id === key.id);
    expect(listed).toMatchObject({ prefix: key.secret.slice(0, 10), scopes: ['schedule:read'], revokedAt: null, createdBy: admin.email });
    // "last used" is written after the answer: wait for it.
    for (let i = 0; i < 50 && !listed.lastUsedAt; i++) {
      await new Promise((r) => setTimeout(r, 20));
      listed.lastUsedAt = (await a.ok('{ apiKeys { id lastUsedAt } }', {}, admin.token)).apiKeys.find((k: { id: string }) => k.id === key.id).lastUsedAt;
    }
    expect(listed.lastUsedAt).not.toBeNull();
    // The key's service account is not among the people an admin manages.
    const accounts = await a.ok('{ accounts(first: 100) { items { email } } }', {}, admin.token);
    expect(accounts.accounts.items.some((u: { email: string }) => u.email.includes('keys.hms.invalid'))).toBe(false);
  });
});

describe('scopes', () => {
  it('schedule:read reads slots and day views without names, but cannot book (FORBIDDEN naming the scope)', async () => {
    const key = await createKey(['schedule:read']);
    const date = await tomorrow();
    const slots = (await a.ok(SLOTS, { d: doctor.doctorId, date }, key.secret)).availableSlots;
    expect(slots.length).toBeGreaterThan(0);
    const booking = await a.gql(BOOK, { input: { doctorId: doctor.doctorId, startsAt: slots[0].startsAt, patientId: patient.patientId } }, key.secret);
    expect(codes(booking)).toEqual(['FORBIDDEN']);
    expect(booking.errors![0].extensions!.scope).toBe('appointments:write');
    expect(booking.errors![0].message).toContain('appointments:write');
    expect(booking.status).toBe(403);
    const day = 'query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { startsAt status } }';
    expect(codes(await a.gql(day, { d: doctor.doctorId, date }, key.secret))).toEqual([]);
    const named = await a.gql('query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { patient { fullName } } }', { d: doctor.doctorId, date }, key.secret);
    expect(named.errors![0].extensions!.scope).toBe('appointments:read');
    // Hidden in a fragment, the same.
    const viaFragment = await a.gql('query($d: ID!, $date: LocalDate!) { doctorDay(doctorId: $d, date: $date) { ...P } } fragment P on Appointment { patient { phone } }', { d: doctor.doctorId, date }, key.secret);
    expect(codes(viaFragment)).toEqual(['FORBIDDEN']);
    // Nothing was booked by the refused call.
    expect((await a.ok(day, { d: doctor.doctorId, date }, admin.token)).doctorDay).toEqual([]);
  });

  it('appointments:write books for a patient, and the key is the actor in the audit trail', async () => {
    const key = await createKey(['appointments:write', 'appointments:read']);
    const startsAt = await hospitalTime(a, 2, '09:00');
    const booked = (await a.ok(BOOK, { input: { doctorId: doctor.doctorId, startsAt, patientId: patient.patientId } }, key.secret)).bookAppointment;
    expect(booked.patient.id).toBe(patient.patientId);
    const audit = await a.ok('query($f: AuditEventFilter) { auditEvents(first: 5, filter: $f) { items { action entityId actorEmail actorRole } } }',
      { f: { entityType: 'appointment' } }, admin.token);
    const row = audit.auditEvents.items.find((e: { entityId: string }) => e.entityId === booked.id);
    expect(row.actorEmail).toBe(`api-key-${key.id}@keys.hms.invalid`);
    // patients:read is needed for demographics, billing:read for invoices.
    const details = await a.gql('query($id: ID!) { appointment(id: $id) { patient { phone } } }', { id: booked.id }, key.secret);
    expect(details.errors![0].extensions!.scope).toBe('patients:read');
    const invoice = await a.gql('query($id: ID!) { appointment(id: $id) { invoice { number } } }', { id: booked.id }, key.secret);
    expect(invoice.errors![0].extensions!.scope).toBe('billing:read');
    expect(codes(await a.gql('query($id: ID!) { patient(id: $id) { fullName } }', { id: patient.patientId }, key.secret))).toEqual(['FORBIDDEN']);
  });

  it('never reads clinical content, even with every scope; never the downloads', async () => {
    const key = await createKey(['schedule:read', 'appointments:read', 'appointments:write', 'patients:read', 'billing:read']);
    const history = await a.gql('query($p: ID!) { patientHistory(patientId: $p) { id } }', { p: patient.patientId }, key.secret);
    expect(codes(history)).toEqual(['FORBIDDEN']);
    const nested = await a.gql('{ appointments(first: 5) { items { treatments { id } } } }', {}, key.secret);
    expect(codes(nested)).toEqual(['FORBIDDEN']);
    expect(nested.errors![0].message).toContain('clinical');
    expect(codes(await a.gql('{ accounts { totalCount } }', {}, key.secret))).toEqual(['FORBIDDEN']);
    const download = await fetch(`${a.url}/exports/patients/${patient.patientId}/history.csv`, { headers: { authorization: `Bearer ${key.secret}` } });
    expect(download.status).toBe(403);
    expect(codes(await a.gql('mutation { signOutEverywhere }', {}, key.secret))).toEqual(['FORBIDDEN']);
  });

  it('refuses an unknown or expired key as UNAUTHENTICATED', async () => {
    expect(codes(await a.gql('{ me { id } }', {}, 'hms_not-a-key'))).toEqual(['UNAUTHENTICATED']);
    const key = await createKey(['schedule:read'], a, { expiresAt: new Date(Date.now() + 3600_000 * 48).toISOString() });
    expect(codes(await a.gql('{ departments { id } }', {}, key.secret))).toEqual([]);
    const undo = setClock(new Date(Date.now() + 3600_000 * 72));
    try {
      const result = await a.gql('{ departments { id } }', {}, key.secret);
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0].message).toContain('expired');
    } finally {
      undo();
    }
  });
});

describe('per-key rate limit', () => {
  it('answers RATE_LIMITED (429, retryAfterSeconds) past the key\'s own budget, while other keys go on', async () => {
    const t = await createTestApp({ HMS_RATE_LIMIT_API_KEY_ACCOUNT: '3/60' });
    try {
      const adminHere = await createAdmin(t);
      const make = async () => (await t.ok(CREATE, { input: { name: 'busy', scopes: ['schedule:read'] } }, adminHere.token)).createApiKey.secret as string;
      const [busy, other] = [await make(), await make()];
      for (let i = 0; i < 3; i++) expect(codes(await t.gql('{ departments { id } }', {}, busy))).toEqual([]);
      const limited = await t.gql('{ departments { id } }', {}, busy);
      expect(codes(limited)).toEqual(['RATE_LIMITED']);
      expect(limited.status).toBe(429);
      expect(limited.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
      expect(codes(await t.gql('{ departments { id } }', {}, other))).toEqual([]);
    } finally {
      await t.close();
    }
  });
});

describe('revokeApiKey', () => {
  it('stops the key at once on both processes and closes its sockets there', async () => {
    const key = await createKey(['schedule:read']);
    expect(codes(await b.gql('{ departments { id } }', {}, key.secret))).toEqual([]);
    const state = { closedAt: 0, code: 0 };
    let opened!: () => void;
    const connected = new Promise<void>((resolve) => { opened = resolve; });
    const socket: Client = createClient({
      url: b.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {},
      connectionParams: { authorization: `Bearer ${key.secret}` },
      on: { connected: () => opened(), closed: (event) => { state.closedAt ||= Date.now(); state.code ||= (event as { code: number }).code; } },
    });
    socket.subscribe({ query: `subscription { slotsChanged(doctorId: "${doctor.doctorId}") { startsAt } }` }, { next: () => {}, error: () => {}, complete: () => {} });
    await connected;
    await new Promise<void>((resolve, reject) => socket.subscribe({ query: '{ departments { id } }' }, { next: () => {}, error: reject, complete: resolve }));

    expect(codes(await a.gql(REVOKE, { id: key.id }, patient.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(REVOKE, { id: '99999999' }, admin.token))).toEqual(['NOT_FOUND']);
    expect((await a.ok(REVOKE, { id: key.id }, admin.token)).revokeApiKey).toBe(true);
    // The very next request, on either process.
    for (const t of [a, b]) {
      const result = await t.gql('{ departments { id } }', {}, key.secret);
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(result.errors![0].message).toContain('revoked');
    }
    const end = Date.now() + 3000;
    while (!state.closedAt && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
    expect(state.code).toBe(4401);
    await socket.dispose();
    // Revoking again is harmless, and the account cannot be switched back on behind the key's back.
    expect((await a.ok(REVOKE, { id: key.id }, admin.token)).revokeApiKey).toBe(true);
    const [row] = (await a.orm.em.getConnection().execute('select user_id from api_key where id = ?', [key.id])) as Array<{ user_id: number }>;
    expect(codes(await a.gql('mutation($u: ID!) { setAccountActive(userId: $u, active: true) { id } }', { u: String(row.user_id) }, admin.token))).toEqual(['NOT_FOUND']);
    expect(codes(await b.gql('{ departments { id } }', {}, key.secret))).toEqual(['UNAUTHENTICATED']);
    // Nor can anyone give the key's account a password: no invitation, no sign-in.
    const invite = await a.gql('mutation($u: ID!) { issueInvitation(userId: $u) { url } }', { u: String(row.user_id) }, admin.token);
    expect(codes(invite)).toEqual(['CONFLICT']);
    expect(codes(await a.gql('mutation { login(email: "api-key-1@keys.hms.invalid", password: "x") { token } }'))).toEqual(['UNAUTHENTICATED']);
  });
});
