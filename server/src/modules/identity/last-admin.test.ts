import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { codes, createTestApp, privateDatabase, type TestApp } from '../../../test/harness';
import { createAdmin } from '../../../test/factories';

// A database of its own: "the last active admin" is about every admin there is.
let db: Awaited<ReturnType<typeof privateDatabase>>;
let t: TestApp;
beforeAll(async () => {
  db = await privateDatabase('lastadmin');
  t = await createTestApp({}, { databaseUrl: db.url });
});
afterAll(async () => {
  await t?.close();
  await db?.drop();
});

const SET_ACTIVE = 'mutation($u: ID!, $a: Boolean!) { setAccountActive(userId: $u, active: $a) { id active } }';

describe('the last active admin', () => {
  it('cannot be switched off, even by two admins switching each other off at once', async () => {
    const only = await createAdmin(t);
    const alone = await t.gql(SET_ACTIVE, { u: only.userId, a: false }, only.token);
    expect(codes(alone)).toEqual(['CONFLICT']);
    expect(alone.errors![0].message).toMatch(/at least one active administrator/i);

    const second = await createAdmin(t);
    const results = await Promise.all([
      t.gql(SET_ACTIVE, { u: second.userId, a: false }, only.token),
      t.gql(SET_ACTIVE, { u: only.userId, a: false }, second.token),
    ]);
    const outcomes = results.map((r) => codes(r)[0] ?? 'OK');
    // One wins; the other is refused (CONFLICT), or already finds itself switched off (UNAUTHENTICATED).
    expect(outcomes.filter((o) => o === 'OK')).toHaveLength(1);
    expect(['CONFLICT', 'UNAUTHENTICATED']).toContain(outcomes.find((o) => o !== 'OK'));
    const [{ active }] = await t.orm.em.getConnection().execute("select count(*) as active from `user` where role = 'ADMIN' and active = 1");
    expect(Number(active)).toBe(1);
  });
});
