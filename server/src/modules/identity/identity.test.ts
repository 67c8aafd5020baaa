import type { EntityManager } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { codes, createTestApp, recordStatements, uid, type TestApp } from '../../../test/harness';
import { createAdmin, createDepartment, login, PASSWORD, registerPatient } from '../../../test/factories';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const REGISTER = 'mutation($input: RegisterInput!) { register(input: $input) { token user { id email role patient { id fullName medicalRecordNumber } } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token user { id role } } }';
const ME = '{ me { id email role mustChangePassword patient { id } doctor { id } } }';

describe('register', () => {
  it('creates a PATIENT with a patient profile and a working token; email is normalised', async () => {
    const email = `New-${uid()}@Example.COM`;
    const data = await t.ok(REGISTER, { input: { email: `  ${email} `, password: PASSWORD, fullName: 'Ada Lovelace', dateOfBirth: '1990-12-10' } });
    expect(data.register.user.email).toBe(email.toLowerCase());
    expect(data.register.user.role).toBe('PATIENT');
    expect(data.register.user.patient.fullName).toBe('Ada Lovelace');
    expect(data.register.user.patient.medicalRecordNumber).toMatch(/^MRN-[0-9A-Z]{10}$/);
    const me = await t.ok(ME, {}, data.register.token);
    expect(me.me).toMatchObject({ email: email.toLowerCase(), role: 'PATIENT', doctor: null });
  });

  it('refuses a used email with CONFLICT, whatever its case', async () => {
    const p = await registerPatient(t);
    const result = await t.gql(REGISTER, { input: { email: p.email.toUpperCase(), password: PASSWORD, fullName: 'Twin' } });
    expect(codes(result)).toEqual(['CONFLICT']);
    expect(result.errors![0].extensions!.fields).toEqual({ email: 'Already registered' });
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ password: 'short1A' }, 'password'],
    [{ password: 'alllowercaseletters' }, 'password'],
    [{ fullName: '   ' }, 'fullName'],
    [{ fullName: 'x'.repeat(121) }, 'fullName'],
    [{ dateOfBirth: '2999-01-01' }, 'dateOfBirth'],
    [{ phone: 'call me' }, 'phone'],
  ])('refuses bad input %o with BAD_USER_INPUT naming the field', async (bad, field) => {
    const email = `bad-${uid()}@hms.test`;
    // This file's own database, tests one at a time: the row counts are exactly ours.
    const rows = async () => {
      const [counts] = await t.orm.em.getConnection().execute<Array<{ users: number; patients: number }>>(
        'select (select count(*) from `user`) as users, (select count(*) from patient) as patients');
      return { users: Number(counts.users), patients: Number(counts.patients) };
    };
    const before = await rows();
    const result = await t.gql(REGISTER, { input: { email, password: PASSWORD, fullName: 'Bad Input', ...bad } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
    expect(Object.keys(result.errors![0].extensions!.fields!)).toContain(field);
    // Nothing half-written, whichever field was bad (the email one included): no user, no patient.
    expect(await rows()).toEqual(before);
    expect(codes(await t.gql(LOGIN, { e: (bad as { email?: string }).email ?? email, p: (bad as { password?: string }).password ?? PASSWORD }))).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses a malformed LocalDate with BAD_USER_INPUT', async () => {
    const result = await t.gql(REGISTER, { input: { email: `d-${uid()}@hms.test`, password: PASSWORD, fullName: 'X', dateOfBirth: '1990-13-45' } });
    expect(codes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('login and lockout', () => {
  it('answers an unknown email and a wrong password alike', async () => {
    const p = await registerPatient(t);
    const unknown = await t.gql(LOGIN, { e: `nobody-${uid()}@hms.test`, p: PASSWORD });
    const wrong = await t.gql(LOGIN, { e: p.email, p: 'Wrong-Password-1' });
    expect(codes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(codes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('locks the account after 5 failures in a row, even for the right password, with retryAfterSeconds', async () => {
    const p = await registerPatient(t);
    for (let i = 0; i < 4; i += 1) expect(codes(await t.gql(LOGIN, { e: p.email, p: 'Wrong-Password-1' }))).toEqual(['UNAUTHENTICATED']);
    const fifth = await t.gql(LOGIN, { e: p.email, p: 'Wrong-Password-1' });
    expect(codes(fifth)).toEqual(['ACCOUNT_LOCKED']);
    const right = await t.gql(LOGIN, { e: p.email, p: PASSWORD });
    expect(codes(right)).toEqual(['ACCOUNT_LOCKED']);
    const retry = right.errors![0].extensions!.retryAfterSeconds as number;
    expect(retry).toBeGreaterThan(14 * 60);
    expect(retry).toBeLessThanOrEqual(15 * 60);
  });

  it('a success resets the failure count', async () => {
    const p = await registerPatient(t);
    for (let i = 0; i < 4; i += 1) await t.gql(LOGIN, { e: p.email, p: 'Wrong-Password-1' });
    await login(t, p.email);
    for (let i = 0; i < 4; i += 1) expect(codes(await t.gql(LOGIN, { e: p.email, p: 'Wrong-Password-1' }))).toEqual(['UNAUTHENTICATED']);
    await login(t, p.email);
  });
});

describe('tokens and me', () => {
  it('me { id email role mustChangePassword } answers from the viewer lookup alone: one statement, no entity', async () => {
    const p = await registerPatient(t);
    const fork = vi.spyOn(t.orm.em, 'fork');
    let me;
    let statements: string[];
    let forks: EntityManager[];
    try {
      ({ result: me, statements } = await recordStatements(t, async () => (await t.ok('{ me { id email role mustChangePassword } }', {}, p.token)).me));
      forks = fork.mock.results.map((r) => r.value as EntityManager);
    } finally {
      fork.mockRestore();
    }
    expect(me).toEqual({ id: expect.any(String), email: p.email, role: 'PATIENT', mustChangePassword: false });
    expect(statements).toHaveLength(1);
    expect(forks.flatMap((em) => [...em.getUnitOfWork().getIdentityMap().values()])).toEqual([]);
  });

  it('me is null when anonymous and UNAUTHENTICATED for a forged or malformed token', async () => {
    expect((await t.ok(ME)).me).toBeNull();
    expect(codes(await t.gql(ME, {}, 'not.a.token'))).toEqual(['UNAUTHENTICATED']);
    const p = await registerPatient(t);
    const [h, b] = p.token.split('.');
    expect(codes(await t.gql(ME, {}, `${h}.${b}.forgedsignature`))).toEqual(['UNAUTHENTICATED']);
  });

  it('changePassword ends every token issued before it; the new password works', async () => {
    const p = await registerPatient(t);
    const second = await login(t, p.email);
    const CHANGE = 'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }';
    expect(codes(await t.gql(CHANGE, { c: 'Wrong-Password-1', n: 'Another-Pass-99' }, p.token))).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(CHANGE, { c: PASSWORD, n: 'short' }, p.token))).toEqual(['BAD_USER_INPUT']);
    expect((await t.ok(CHANGE, { c: PASSWORD, n: 'Another-Pass-99' }, p.token)).changePassword).toBe(true);
    expect(codes(await t.gql(ME, {}, p.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(ME, {}, second.token))).toEqual(['UNAUTHENTICATED']);
    expect(codes(await t.gql(LOGIN, { e: p.email, p: PASSWORD }))).toEqual(['UNAUTHENTICATED']);
    const fresh = await login(t, p.email, 'Another-Pass-99');
    expect((await t.ok(ME, {}, fresh.token)).me.email).toBe(p.email);
  });

  it('changePassword needs a signed-in user', async () => {
    const result = await t.gql('mutation { changePassword(currentPassword: "a", newPassword: "b") }');
    expect(codes(result)).toEqual(['UNAUTHENTICATED']);
  });

  it('a doctor created by an admin with a password must change it: until then the server refuses everything else', async () => {
    const admin = await createAdmin(t);
    const departmentId = await createDepartment(t, admin);
    const email = `forced-${uid()}@hms.test`;
    await t.ok('mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id } }',
      { input: { email, password: PASSWORD, fullName: 'Dr Forced', departmentId, specialization: 'General' } }, admin.token);
    const { token } = await login(t, email);
    const me = (await t.ok(ME, {}, token)).me;
    // What the client reads at sign-in still works (the hospital's public settings with `me`).
    expect((await t.ok('{ me { id } hospital { timezone } }', {}, token)).hospital.timezone).toBeTruthy();
    expect(me).toMatchObject({ role: 'DOCTOR', mustChangePassword: true });
    // Queries, mutations, mixed operations, subscriptions and downloads: FORBIDDEN, saying why.
    for (const query of [
      '{ doctors { id } }',
      `{ doctorDay(doctorId: "${me.doctor.id}", date: "2026-12-01") { id } }`,
      `mutation { setWeeklyAvailability(doctorId: "${me.doctor.id}", rules: []) { id } }`,
      '{ me { id } departments { id } }',
      'query Q { ...F } fragment F on Query { myNotifications { unreadCount } }',
    ]) {
      const result = await t.gql(query, {}, token);
      expect(codes(result), query).toEqual(['FORBIDDEN']);
      expect(result.status).toBe(403);
      expect(result.errors![0].extensions!.reason).toBe('MUST_CHANGE_PASSWORD');
      expect(result.errors![0].message).toMatch(/change your password/i);
      expect(result.data ?? null, query).toBeNull();
    }
    const client = t.wsClient(token);
    const subscription = await new Promise<any[]>((resolve) => {
      client.subscribe({ query: `subscription { doctorScheduleChanged(doctorId: "${me.doctor.id}") { kind } }` }, {
        next: () => resolve(['unexpected event']), error: (error) => resolve(error as any[]), complete: () => resolve([]),
      });
    });
    expect(subscription.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    const download = await fetch(`${t.url}/exports/patients/1/history.csv`, { headers: { authorization: `Bearer ${token}` } });
    expect(download.status).toBe(403);
    expect(((await download.json()) as any).error.code).toBe('FORBIDDEN');

    const data = await t.ok(
      'mutation($c: String!, $n: String!) { changePasswordAndSignIn(currentPassword: $c, newPassword: $n) { token user { mustChangePassword } } }',
      { c: PASSWORD, n: 'Doctor-Chosen-77' },
      token,
    );
    expect(data.changePasswordAndSignIn.user.mustChangePassword).toBe(false);
    const fresh = data.changePasswordAndSignIn.token;
    expect((await t.ok(ME, {}, fresh)).me.mustChangePassword).toBe(false);
    expect((await t.ok('{ doctors { id } }', {}, fresh)).doctors.length).toBeGreaterThan(0);
  });

  it('a token that must change its password may still sign out everywhere', async () => {
    const admin = await createAdmin(t);
    const departmentId = await createDepartment(t, admin);
    const email = `forced-${uid()}@hms.test`;
    await t.ok('mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id } }',
      { input: { email, password: PASSWORD, fullName: 'Dr Forced', departmentId, specialization: 'General' } }, admin.token);
    const { token } = await login(t, email);
    expect((await t.ok('mutation { signOutEverywhere }', {}, token)).signOutEverywhere).toBe(true);
    expect(codes(await t.gql(ME, {}, token))).toEqual(['UNAUTHENTICATED']);
  });

  it('signOutEverywhere ends the current token too', async () => {
    const p = await registerPatient(t);
    expect((await t.ok('mutation { signOutEverywhere }', {}, p.token)).signOutEverywhere).toBe(true);
    expect(codes(await t.gql(ME, {}, p.token))).toEqual(['UNAUTHENTICATED']);
  });
});
