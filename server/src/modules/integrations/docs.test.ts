import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness';
import { createAdmin, createDoctor, hospitalTime, openAllWeek, registerPatient } from '../../../test/factories';

const run = promisify(execFile);
const GUIDE = path.resolve(__dirname, '../../../../docs/integrators.md');
const TSX = require.resolve('tsx/cli');
const blocks = (lang: string) => [...readFileSync(GUIDE, 'utf8').matchAll(new RegExp('```' + lang + '\\n([\\s\\S]*?)```', 'g'))].map((m) => m[1]);

let t: TestApp;
let env: Record<string, string>;
let dir: string;
beforeAll(async () => {
  // No DNS on test machines: the example's example.org would not resolve for the private-address check.
  t = await createTestApp({ HMS_WEBHOOK_ALLOW_PRIVATE: 'true' });
  const admin = await createAdmin(t);
  const doctor = await createDoctor(t, admin);
  await openAllWeek(t, admin.token, doctor.doctorId);
  const patient = await registerPatient(t);
  const other = await registerPatient(t);
  const key = (await t.ok('mutation { createApiKey(input: { name: "guide", scopes: ["schedule:read", "appointments:read", "appointments:write"] }) { secret } }', {}, admin.token)).createApiKey.secret;
  env = {
    PATH: process.env.PATH ?? '', HMS_URL: t.url, HMS_KEY: key, ADMIN_TOKEN: admin.token, PATIENT_TOKEN: patient.token,
    DOCTOR_ID: doctor.doctorId, PATIENT_ID: patient.patientId, OTHER_PATIENT_ID: other.patientId, DAY: (await hospitalTime(t, 1, '00:00')).slice(0, 10),
  };
  dir = mkdtempSync(path.join(tmpdir(), 'hms-guide-'));
});
afterAll(async () => {
  await t?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('docs/integrators.md', () => {
  it('has curl and TypeScript examples', () => {
    expect(blocks('sh').length).toBeGreaterThanOrEqual(5);
    expect(blocks('ts').length).toBeGreaterThanOrEqual(4);
  });

  it('every sh example succeeds against a real server', async () => {
    for (const [i, script] of blocks('sh').entries()) {
      const result = await run('bash', ['--norc', '--noprofile', '-eo', 'pipefail', '-c', script], { env }).catch((error: { stderr?: string; code?: number }) => ({ stdout: '', stderr: `exit ${error.code}: ${error.stderr}` }));
      expect(result.stderr, `sh example ${i + 1}:\n${script}`).toBe('');
    }
  });

  it('every ts example runs against a real server', async () => {
    for (const [i, source] of blocks('ts').entries()) {
      // Inside server/, so the examples resolve the same packages (standardwebhooks is a dev dependency).
      const file = path.resolve(__dirname, `.guide-example-${process.pid}-${i}.mts`);
      writeFileSync(file, `${source}\nexport {};\n`);
      try {
        const result = await run(process.execPath, [TSX, file], { env, cwd: path.resolve(__dirname, '../../..') })
          .catch((error: { stderr?: string; code?: number }) => ({ stdout: '', stderr: `exit ${error.code}: ${error.stderr}` }));
        expect(result.stderr, `ts example ${i + 1}:\n${source}`).toBe('');
      } finally {
        rmSync(file, { force: true });
      }
    }
  }, 120_000);
});

describe('automatic persisted queries', () => {
  it('run by hash after one full send, and the depth limit still applies to a stored query', async () => {
    const { createHash } = await import('node:crypto');
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const post = async (body: object): Promise<any> => (await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
    const query = '{ departments { id } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(query).digest('hex') } };
    expect((await post({ extensions })).errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions })).data.departments).toBeDefined();
    expect((await post({ extensions })).data.departments).toBeDefined();
    // 11 levels: refused when registered, and never runs by hash.
    let deep = 'id';
    for (let i = 0; i < 5; i++) deep = `doctors { department { ${deep} } }`;
    const deepQuery = `{ departments { ${deep} } }`;
    const deepExt = { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update(deepQuery).digest('hex') } };
    const refused = await post({ query: deepQuery, extensions: deepExt });
    expect(refused.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    const byHash = await post({ extensions: deepExt });
    expect(byHash.data ?? null).toBeNull();
  });
});
