import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clock } from '../../clock';
import { codes, createTestApp, uid, type TestApp } from '../../../test/harness';
import { createAdmin, createDepartment, createDoctor, PASSWORD, registerPatient, type Session } from '../../../test/factories';

let t: TestApp;
let admin: Session;
let departmentId: string;
beforeAll(async () => {
  t = await createTestApp();
  admin = await createAdmin(t);
  departmentId = await createDepartment(t, admin);
});
afterAll(async () => { clock.setOffsetMs(0); await t.close(); });

const CREATE = 'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id invitationUrl } }';
const ACCEPT = 'mutation($t: String!, $p: String!) { acceptInvitation(token: $t, password: $p) { token user { id role mustChangePassword doctor { id } } } }';
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';
const REISSUE = 'mutation($u: ID!) { issueInvitation(userId: $u) { url expiresAt } }';

async function invitedDoctor() {
  const email = `invited-${uid()}@hms.test`;
  const data = await t.ok(CREATE, { input: { email, fullName: 'Dr Invited', departmentId, specialization: 'General' } }, admin.token);
  const [{ id: userId }] = await t.orm.em.getConnection().execute('select id from `user` where email = ?', [email]);
  return { email, doctorId: data.createDoctor.id as string, url: data.createDoctor.invitationUrl as string, userId: String(userId) };
}
const tokenOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);

describe('doctor invitations', () => {
  it('createDoctor without a password returns a one-time link once; the doctor chooses a password and is signed in', async () => {
    const d = await invitedDoctor();
    expect(d.url.startsWith(`${t.config.publicUrl}/invitation/`)).toBe(true);
    // Shown once: reading the doctor again never shows it; only its hash is stored.
    const again = await t.ok('query($id: ID!) { doctor(id: $id) { invitationUrl } }', { id: d.doctorId }, admin.token);
    expect(again.doctor.invitationUrl).toBeNull();
    const rows = await t.orm.em.getConnection().execute('select token_hash, expires_at, created_at from invitation where user_id = ?', [d.userId]);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(tokenOf(d.url));
    expect(new Date(rows[0].expires_at).getTime() - new Date(rows[0].created_at).getTime()).toBe(72 * 3600_000);
    // No password works before acceptance.
    expect(codes(await t.gql(LOGIN, { e: d.email, p: '' }))).toEqual(['UNAUTHENTICATED']);

    expect(codes(await t.gql(ACCEPT, { t: tokenOf(d.url), p: 'short' }))).toEqual(['BAD_USER_INPUT']);
    const accepted = await t.ok(ACCEPT, { t: tokenOf(d.url), p: 'Doctor-Own-Pass-1' });
    expect(accepted.acceptInvitation.user).toMatchObject({ role: 'DOCTOR', mustChangePassword: false, doctor: { id: d.doctorId } });
    // The token works for everything a doctor does.
    expect((await t.ok('query($id: ID!) { doctorDay(doctorId: $id, date: "2026-12-01") { id } }', { id: d.doctorId }, accepted.acceptInvitation.token)).doctorDay).toEqual([]);
    await t.ok(LOGIN, { e: d.email, p: 'Doctor-Own-Pass-1' });
    // Single use.
    const reuse = await t.gql(ACCEPT, { t: tokenOf(d.url), p: 'Someone-Else-2' });
    expect(codes(reuse)).toEqual(['BAD_USER_INPUT']);
    expect(codes(await t.gql(LOGIN, { e: d.email, p: 'Someone-Else-2' }))).toEqual(['UNAUTHENTICATED']);
    // Once accepted, no new invitation can take the account over.
    expect(codes(await t.gql(REISSUE, { u: d.userId }, admin.token))).toEqual(['CONFLICT']);
    const actions = await t.orm.em.getConnection().execute(
      "select action from audit_event where entity_type = 'user' and entity_id = ? order by id", [d.userId]);
    expect(actions.map((r: any) => r.action)).toEqual(expect.arrayContaining(['account.create', 'invitation.create', 'invitation.accept', 'login.success']));
  });

  it('two simultaneous uses of one link: exactly one succeeds', async () => {
    const d = await invitedDoctor();
    const results = await Promise.all([t.gql(ACCEPT, { t: tokenOf(d.url), p: 'First-Choice-11' }), t.gql(ACCEPT, { t: tokenOf(d.url), p: 'Second-Choice-22' })]);
    expect(results.map((r) => codes(r)[0] ?? 'OK').sort()).toEqual(['BAD_USER_INPUT', 'OK']);
  });

  it('expires after 72 hours', async () => {
    const d = await invitedDoctor();
    // 72 hours on from the file's clock (test/setup.ts pins it), not from the real one.
    const before = clock.offsetMs();
    clock.setOffsetMs(before + 72 * 3600_000 + 1000);
    try {
      expect(codes(await t.gql(ACCEPT, { t: tokenOf(d.url), p: 'Too-Late-Pass-3' }))).toEqual(['BAD_USER_INPUT']);
    } finally {
      clock.setOffsetMs(before);
    }
    expect(codes(await t.gql(ACCEPT, { t: 'not-a-token', p: 'Any-Password-4' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('an admin issues a new link for a doctor who has not accepted; the old one stops working', async () => {
    const d = await invitedDoctor();
    const fresh = await t.ok(REISSUE, { u: d.userId }, admin.token);
    expect(fresh.issueInvitation.url).not.toBe(d.url);
    expect(codes(await t.gql(ACCEPT, { t: tokenOf(d.url), p: 'Old-Link-Pass-5' }))).toEqual(['BAD_USER_INPUT']);
    await t.ok(ACCEPT, { t: tokenOf(fresh.issueInvitation.url), p: 'New-Link-Pass-6' });
  });

  it('only admins create doctors and issue invitations; a deactivated doctor cannot accept', async () => {
    const p = await registerPatient(t);
    const doctor = await createDoctor(t, admin, { departmentId });
    const d = await invitedDoctor();
    for (const token of [p.token, doctor.token]) expect(codes(await t.gql(REISSUE, { u: d.userId }, token))).toEqual(['FORBIDDEN']);
    expect(codes(await t.gql(REISSUE, { u: d.userId }))).toEqual(['UNAUTHENTICATED']);
    await t.ok('mutation($u: ID!) { setAccountActive(userId: $u, active: false) { id } }', { u: d.userId }, admin.token);
    expect(codes(await t.gql(ACCEPT, { t: tokenOf(d.url), p: 'Inactive-Pass-7' }))).toEqual(['BAD_USER_INPUT']);
  });

  it('a password given to createDoctor keeps working and must be changed; no link is made', async () => {
    const email = `pw-${uid()}@hms.test`;
    const data = await t.ok(CREATE, { input: { email, password: PASSWORD, fullName: 'Dr Password', departmentId, specialization: 'General' } }, admin.token);
    expect(data.createDoctor.invitationUrl).toBeNull();
    const signedIn = await t.ok('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { user { mustChangePassword } } }', { e: email, p: PASSWORD });
    expect(signedIn.login.user.mustChangePassword).toBe(true);
  });
});
