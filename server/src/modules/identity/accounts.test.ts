import { createClient, type Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { codes, createTestApp, uid, type TestApp } from '../../../test/harness';
import { createAdmin, createDoctor, login, PASSWORD, registerPatient, type Session } from '../../../test/factories';

// Two API processes sharing the database and Redis, as in production behind a load balancer.
const REDIS_URL = 'redis://127.0.0.1:6379';
let a: TestApp;
let b: TestApp;
let admin: Session;
beforeAll(async () => {
  [a, b] = await Promise.all([createTestApp({ REDIS_URL }), createTestApp({ REDIS_URL })]);
  admin = await createAdmin(a);
});
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

const ME = '{ me { id active } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const SET_ACTIVE = 'mutation($u: ID!, $a: Boolean!) { setAccountActive(userId: $u, active: $a) { id active role } }';

/** A signed-in socket with one live subscription; records when and how the server closed it. */
async function openSocket(t: TestApp, token: string) {
  const state = { closedAt: 0, code: 0, errors: [] as unknown[] };
  let opened!: () => void;
  const connected = new Promise<void>((resolve) => { opened = resolve; });
  const client: Client = createClient({
    url: t.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {},
    connectionParams: { authorization: `Bearer ${token}` },
    on: {
      connected: () => opened(),
      closed: (event) => { state.closedAt ||= Date.now(); state.code ||= (event as { code: number }).code; },
    },
  });
  client.subscribe({ query: 'subscription { notificationAdded { id } }' }, {
    next: () => {}, error: (error) => { state.errors.push(error); }, complete: () => {},
  });
  await connected;
  // A round trip after subscribing: the subscription is registered on the server.
  await new Promise<void>((resolve, reject) => client.subscribe({ query: '{ me { id } }' }, { next: () => {}, error: reject, complete: resolve }));
  return { state, dispose: () => client.dispose() };
}

const until = async (check: () => boolean, ms: number) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 10));
  return check();
};

describe('setAccountActive', () => {
  it('is for admins only', async () => {
    const p = await registerPatient(a);
    const d = await createDoctor(a, admin);
    expect(codes(await a.gql(SET_ACTIVE, { u: p.userId, a: false }))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await a.gql(SET_ACTIVE, { u: p.userId, a: false }, p.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(SET_ACTIVE, { u: p.userId, a: false }, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql('{ accounts { totalCount } }', {}, d.token))).toEqual(['FORBIDDEN']);
    expect(codes(await a.gql(SET_ACTIVE, { u: '99999999', a: false }, admin.token))).toEqual(['NOT_FOUND']);
    expect((await a.ok(ME, {}, p.token)).me.active).toBe(true);
  });

  it.each(['setAccountActive', 'updateDoctor'])('a doctor deactivated by %s loses token, login and sockets within 1 s on both processes; reactivation restores sign-in', async (how) => {
    const d = await createDoctor(a, admin);
    const [onA, onB] = await Promise.all([openSocket(a, d.token), openSocket(b, d.token)]);
    const bystander = await openSocket(b, admin.token);
    const started = Date.now();
    if (how === 'setAccountActive') await a.ok(SET_ACTIVE, { u: d.userId, a: false }, admin.token);
    else await a.ok('mutation($id: ID!) { updateDoctor(id: $id, input: { active: false }) { id active } }', { id: d.doctorId }, admin.token);
    expect(await until(() => onA.state.closedAt > 0 && onB.state.closedAt > 0, 1000)).toBe(true);
    expect(Math.max(onA.state.closedAt, onB.state.closedAt) - started).toBeLessThan(1000);
    expect([onA.state.code, onB.state.code]).toEqual([4401, 4401]);
    for (const t of [a, b]) {
      expect(codes(await t.gql(ME, {}, d.token))).toEqual(['UNAUTHENTICATED']);
      const refused = await t.gql(LOGIN, { e: d.email, p: PASSWORD });
      expect(codes(refused)).toEqual(['UNAUTHENTICATED']);
      expect(refused.errors![0].message).toMatch(/deactivated/);
    }
    // A new socket with the old token is turned away.
    const late = createClient({ url: b.wsUrl, webSocketImpl: WebSocket, retryAttempts: 0, lazy: false, onNonLazyError: () => {}, connectionParams: { authorization: `Bearer ${d.token}` } });
    const lateError = await new Promise<unknown>((resolve) => late.subscribe({ query: '{ me { id } }' }, { next: () => {}, error: resolve, complete: () => resolve(null) }));
    expect(lateError).not.toBeNull();
    await late.dispose();
    // Other accounts' sockets stay open.
    expect(bystander.state.closedAt).toBe(0);
    const doctor = await a.ok('query($id: ID!) { doctor(id: $id) { active } }', { id: d.doctorId }, admin.token);
    expect(doctor.doctor.active).toBe(false);

    const back = await a.ok(SET_ACTIVE, { u: d.userId, a: true }, admin.token);
    expect(back.setAccountActive).toMatchObject({ active: true, role: 'DOCTOR' });
    // The old token stays dead; a new sign-in works, and the doctor is bookable again.
    expect(codes(await b.gql(ME, {}, d.token))).toEqual(['UNAUTHENTICATED']);
    const fresh = await login(b, d.email);
    expect((await b.ok(ME, {}, fresh.token)).me.active).toBe(true);
    expect((await a.ok('query($id: ID!) { doctor(id: $id) { active } }', { id: d.doctorId }, admin.token)).doctor.active).toBe(true);
    await Promise.all([onA.dispose(), onB.dispose(), bystander.dispose()]);
  });

  it('signOutEverywhere and a password change close the account\'s sockets on both processes', async () => {
      const p = await registerPatient(a);
      let sockets = await Promise.all([openSocket(a, p.token), openSocket(b, p.token)]);
    const started = Date.now();
      await b.ok('mutation { signOutEverywhere }', {}, p.token);
    expect(await until(() => sockets.every((s) => s.state.closedAt > 0), 1000)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    const second = await login(a, p.email);
    sockets = await Promise.all([openSocket(a, second.token), openSocket(b, second.token)]);
    await a.ok('mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }', { c: PASSWORD, n: 'Brand-New-Pass-7' }, second.token);
    expect(await until(() => sockets.every((s) => s.state.closedAt > 0), 1000)).toBe(true);
    expect(sockets.map((s) => s.state.code)).toEqual([4401, 4401]);
  });

  it('audits deactivation and reactivation with the admin as actor', async () => {
    const p = await registerPatient(a);
    await a.ok(SET_ACTIVE, { u: p.userId, a: false }, admin.token);
    await a.ok(SET_ACTIVE, { u: p.userId, a: true }, admin.token);
    const rows = await a.orm.em.getConnection().execute(
      "select action, actor_id, ip from audit_event where entity_type = 'user' and entity_id = ? and action like 'account.%' order by id", [p.userId]);
    expect(rows.map((r: any) => [r.action, String(r.actor_id)])).toEqual([['account.deactivate', admin.userId], ['account.reactivate', admin.userId]]);
    expect(rows.every((r: any) => r.ip === '127.0.0.1' || r.ip === '::ffff:127.0.0.1')).toBe(true);
  });
});

describe('admin accounts', () => {
  it('an admin creates another admin (with an invitation) and may switch admins off', async () => {
    const email = `admin2-${uid()}@hms.test`;
    const created = await a.ok(
      'mutation($input: CreateAdminInput!) { createAdmin(input: $input) { user { id role active awaitingInvitation } invitationUrl invitationExpiresAt } }',
      { input: { email } }, admin.token);
    expect(created.createAdmin.user).toMatchObject({ role: 'ADMIN', active: true, awaitingInvitation: true });
    const url: string = created.createAdmin.invitationUrl;
    expect(url.startsWith(`${a.config.publicUrl}/invitation/`)).toBe(true);
    const accepted = await a.ok('mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token user { id role } } }',
      { t: url.split('/').pop(), p: PASSWORD });
    expect(accepted.acceptInvitation.user.role).toBe('ADMIN');
    const second = accepted.acceptInvitation.token;
    // The new admin can switch off the first one, which then cannot act.
    const other = await createAdmin(a);
    await a.ok(SET_ACTIVE, { u: other.userId, a: false }, second);
    expect(codes(await a.gql('{ accounts { totalCount } }', {}, other.token))).toEqual(['UNAUTHENTICATED']);
    const list = await a.ok('query($s: String) { accounts(role: ADMIN, search: $s) { items { id email active fullName } totalCount } }', { s: email }, second);
    expect(list.accounts.items).toEqual([{ id: created.createAdmin.user.id, email, active: true, fullName: null }]);
  });

  it('accounts pages through every account with names', async () => {
    const p = await registerPatient(a);
    const page = await a.ok('query($s: String) { accounts(search: $s, first: 1) { items { id role fullName awaitingInvitation } nextCursor totalCount } }', { s: p.email }, admin.token);
    expect(page.accounts).toEqual({ items: [{ id: p.userId, role: 'PATIENT', fullName: p.fullName, awaitingInvitation: false }], nextCursor: null, totalCount: 1 });
  });
});
