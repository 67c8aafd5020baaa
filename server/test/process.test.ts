// The real entry point as a newcomer runs it: `tsx src/main.ts` in a child process.
import { describe, expect, inject, it } from 'vitest';
import { testDatabaseUrl, uid } from './harness';
import { dropDatabase, listeningPort, startMain as start } from './processes';
import { DEMO_DOCTOR_EMAIL, DEMO_PASSWORD } from '../src/demo/demo-seed';

describe('npm start (server/src/main.ts)', () => {
  it('creates and migrates a missing database, bootstraps the admin from env, serves /healthz, and stops on SIGTERM', async () => {
    const base = new URL(inject('databaseUrl'));
    const dbName = `hms_proc_${uid()}`;
    const databaseUrl = `${base.protocol}//${base.username || 'root'}${base.password ? `:${base.password}` : ''}@${base.host}/${dbName}`;
    // PORT=0: the server binds a free port and names it in its "listening" line.
    const server = start({ DATABASE_URL: databaseUrl, PORT: '0', HMS_ADMIN_EMAIL: 'Boss@Hospital.test', HMS_ADMIN_PASSWORD: 'Admin-Password-1' });
    try {
      const port = await listeningPort(server);
      expect(await (await fetch(`http://127.0.0.1:${port}/healthz`)).json()).toEqual({ status: 'ok' });
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'mutation { login(email: "boss@hospital.test", password: "Admin-Password-1") { user { role } } }' }),
      });
      expect(((await response.json()) as { data: { login: { user: { role: string } } } }).data.login.user.role).toBe('ADMIN');
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await dropDatabase(inject('databaseUrl'), dbName);
    }
  });

  it('HMS_DEMO=true on an empty database starts on the demo hospital: its doctor signs in and sees six departments', async () => {
    const base = new URL(inject('databaseUrl'));
    const dbName = `hms_proc_demo_${uid()}`;
    const databaseUrl = `${base.protocol}//${base.username || 'root'}${base.password ? `:${base.password}` : ''}@${base.host}/${dbName}`;
    const server = start({ DATABASE_URL: databaseUrl, PORT: '0', HMS_DEMO: 'true' });
    try {
      const port = await listeningPort(server);
      const ask = async (query: string, token?: string) => (await (await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query }),
      })).json()) as { data: Record<string, any> };
      const login = await ask(`mutation { login(email: "${DEMO_DOCTOR_EMAIL}", password: "${DEMO_PASSWORD}") { token user { role } } }`);
      expect(login.data.login.user.role).toBe('DOCTOR');
      const departments = await ask('{ departments { id } }', login.data.login.token);
      expect(departments.data.departments).toHaveLength(6);
      server.child.kill('SIGTERM');
      expect(await server.exited).toBe(0);
    } finally {
      await dropDatabase(inject('databaseUrl'), dbName);
    }
  }, 120_000);

  it('a bad environment value stops start-up with one line naming the variable', async () => {
    const server = start({ HMS_TIMEZONE: 'Mars/Olympus', DATABASE_URL: testDatabaseUrl() });
    expect(await server.exited).toBe(1);
    const lines = server.output().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('HMS_TIMEZONE');
  });

  it('an unreachable MySQL is reported in one line with the password masked and how to start one', async () => {
    const server = start({ DATABASE_URL: 'mysql://root:s3cret@127.0.0.1:1/hms', HMS_DB_WAIT_SECONDS: '0' });
    expect(await server.exited).toBe(1);
    const out = server.output();
    expect(out).toContain('127.0.0.1:1');
    expect(out).not.toContain('s3cret');
    expect(out).toMatch(/mariadb/i);
  });
});
