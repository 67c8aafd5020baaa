import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, type GqlResult, type TestApp } from '../../../test/harness';
import { PASSWORD, registerPatient } from '../../../test/factories';

// Two API processes (two apps, one database): the lock must hold across them.
let a: TestApp;
let b: TestApp;
beforeAll(async () => { [a, b] = await Promise.all([createTestApp(), createTestApp()]); });
afterAll(async () => { await Promise.all([a?.close(), b?.close()]); });

const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }';

describe('lockout under concurrency', () => {
  it('150 parallel logins over two processes evaluate at most 5 passwords; the right one is ACCOUNT_LOCKED', async () => {
    const p = await registerPatient(a);
    const right = new Set([10, 40, 70, 100, 130, 149]);
    const results: GqlResult[] = await Promise.all(
      Array.from({ length: 150 }, (_, i) => (i % 2 ? b : a).gql(LOGIN, { e: p.email, p: right.has(i) ? PASSWORD : `Wrong-Password-${i}` })),
    );
    const all = results.flatMap((r) => codes(r));
    const tokens = results.filter((r) => r.data?.login?.token);
    expect(tokens).toHaveLength(0);
    const unauthenticated = all.filter((c) => c === 'UNAUTHENTICATED').length;
    expect(unauthenticated).toBeLessThanOrEqual(5);
    expect(all.filter((c) => c !== 'UNAUTHENTICATED' && c !== 'ACCOUNT_LOCKED')).toEqual([]);
    for (const r of results) {
      if (codes(r)[0] === 'ACCOUNT_LOCKED') expect(r.errors![0].extensions!.retryAfterSeconds).toBeGreaterThan(0);
    }
    for (const i of right) expect(codes(results[i])).toEqual(['ACCOUNT_LOCKED']);
    // Counted from the audit trail: one login.failure row per evaluated wrong password.
    const [{ evaluated }] = await a.orm.em.getConnection().execute(
      "select count(*) as evaluated from audit_event where action = 'login.failure' and entity_type = 'user' and entity_id = ?", [p.userId]);
    expect(Number(evaluated)).toBeLessThanOrEqual(5);
    expect(Number(evaluated)).toBeGreaterThanOrEqual(1);
    // Still locked afterwards, from either process.
    expect(codes(await b.gql(LOGIN, { e: p.email, p: PASSWORD }))).toEqual(['ACCOUNT_LOCKED']);
  });
});

describe('sign-in audit', () => {
  it('records success, each failure and the lockout with the caller\'s IP, though the failed sign-ins throw', async () => {
    const p = await registerPatient(a);
    await a.ok(LOGIN, { e: p.email, p: PASSWORD });
    for (let i = 0; i < 5; i += 1) await a.gql(LOGIN, { e: p.email, p: 'Wrong-Password-1' });
    await a.ok('mutation { signOutEverywhere }', {}, p.token);
    const rows = await a.orm.em.getConnection().execute(
      "select action, actor_id, ip from audit_event where entity_type = 'user' and entity_id = ? order by id", [p.userId]);
    expect(rows.map((r: any) => r.action)).toEqual([
      'login.success', 'login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.failure', 'login.lockout', 'session.sign_out_everywhere',
    ]);
    expect(new Set(rows.map((r: any) => r.ip))).toEqual(new Set(['127.0.0.1']));
    expect(rows.every((r: any) => String(r.actor_id) === p.userId)).toBe(true);
    const unknown = `nobody-${Date.now()}@hms.test`;
    await a.gql(LOGIN, { e: unknown, p: PASSWORD });
    const [row] = await a.orm.em.getConnection().execute(
      "select actor_id, changes from audit_event where action = 'login.failure' and entity_id = '-' order by id desc limit 1");
    expect(row.actor_id).toBeNull();
    expect(JSON.stringify(row.changes)).toContain(unknown);
  });
});
