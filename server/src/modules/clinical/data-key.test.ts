import { clock } from '../../clock';
// The data key's life: a wrong key refuses start-up; `npm run rotate-data-key` re-encrypts and old data still reads.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../config';
import { codes, createTestApp, testDatabaseUrl, uid, type TestApp } from '../../../test/harness';
import { createAdmin, createDoctor, insertAppointment, registerPatient } from '../../../test/factories';
import { dropDatabase, listeningPort, SERVER_DIR, startMain, TSX } from '../../../test/processes';
import { keyId } from '../identity/secrets';

const run = promisify(execFile);
const newKey = () => randomBytes(32).toString('base64');

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => {
  await t.close();
});

/** The real app on a scratch database of this test (created when missing), in this process. */
function appOn(databaseUrl: string, env: Record<string, string>): Promise<TestApp> {
  return createTestApp(env, { databaseUrl, createDatabase: true });
}

function otherDatabase(name: string): string {
  const base = new URL(inject('databaseUrl'));
  base.pathname = `/${name}`;
  return base.toString();
}



const HISTORY = 'query($p: ID!) { patientHistory(patientId: $p) { id diagnosis patientNotes medicines { name } } }';
const REVISIONS = 'query($id: ID!) { treatmentRevisions(treatmentId: $id) { changedFields previous { diagnosis } } }';
const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }';

describe('a wrong data key in production', () => {
  it('stops start-up with a clear message and exit code 1; the right key starts', async () => {
    const production = { NODE_ENV: 'production', DATABASE_URL: testDatabaseUrl(), HMS_JWT_SECRET: randomBytes(32).toString('base64'), PORT: '0' };
    const wrong = startMain({ ...production, HMS_DATA_KEY: newKey() });
    expect(await wrong.exited).toBe(1);
    expect(wrong.output()).toMatch(/HMS cannot start: HMS_DATA_KEY does not open this database's clinical records: they are sealed with data key id [0-9a-f]{8}/);
    expect(wrong.output()).not.toMatch(/listening/);

    // This file's test database runs on its generated development key: that key, given explicitly, is right.
    const [row] = await t.orm.em.getConnection().execute<Array<{ value: string }>>("select value from system_setting where name = 'dev_data_key'");
    const right = startMain({ ...production, HMS_DATA_KEY: row.value });
    const port = await listeningPort(right);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    right.child.kill('SIGTERM');
    expect(await right.exited).toBe(0);
  }, 240_000); // several tsx processes (migrate, backup, restore, rotate) on a loaded machine

  it('a malformed HMS_DATA_KEY_PREVIOUS is refused by the configuration', () => {
    expect(() => loadConfig({ HMS_DATA_KEY_PREVIOUS: `${newKey()},short` } as NodeJS.ProcessEnv)).toThrow(/HMS_DATA_KEY_PREVIOUS entry 2 must be 32 bytes/);
    expect(loadConfig({ HMS_DATA_KEY_PREVIOUS: ` ${newKey()} , ${newKey()} ` } as NodeJS.ProcessEnv).previousDataKeys).toHaveLength(2);
  });
});

describe('npm run rotate-data-key', () => {
  const dbName = `${new URL(inject('databaseUrl')).pathname.slice(1)}_rot_${uid()}`;
  const databaseUrl = otherDatabase(dbName);
  afterAll(async () => { await dropDatabase(inject('databaseUrl'), dbName); });

  it('re-encrypts every encrypted column under the new key in batches; old data still reads; the old key alone no longer starts', async () => {
    await run(process.execPath, [TSX, 'src/db/migrate.ts'], { cwd: SERVER_DIR, env: { ...process.env, DATABASE_URL: databaseUrl, HMS_LOG: 'silent' } });
    const oldKey = newKey();
    const nextKey = newKey();

    // 1. Records written under the old key, including an edit (a revision).
    let a = await appOn(databaseUrl, { HMS_DATA_KEY: oldKey });
    const admin = await createAdmin(a);
    const doctor = await createDoctor(a, admin);
    const patient = await registerPatient(a);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      const visit = await insertAppointment(a, {
        doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - (i + 1) * 3600_000), status: 'COMPLETED',
      });
      ids.push((await a.ok(RECORD, { a: visit, input: { diagnosis: `Old diagnosis ${i}`, patientNotes: `Old notes ${i}`, medicines: [{ name: `Med ${i}` }] } }, doctor.token)).recordTreatment.id);
    }
    await a.ok('mutation($id: ID!) { updateTreatment(id: $id, input: { diagnosis: "Edited" }) { id } }', { id: ids[0] }, doctor.token);
    await a.close();

    // 2. The new key without the old one cannot start.
    await expect(appOn(databaseUrl, { HMS_DATA_KEY: nextKey })).rejects.toThrow(/HMS_DATA_KEY does not open/);

    // 3. New key + old as previous: both read, new writes use the new key (servers run like this during rotation).
    a = await appOn(databaseUrl, { HMS_DATA_KEY: nextKey, HMS_DATA_KEY_PREVIOUS: oldKey });
    const visit = await insertAppointment(a, { doctorId: doctor.doctorId, patientId: patient.patientId, status: 'CHECKED_IN' });
    await a.ok(RECORD, { a: visit, input: { diagnosis: 'New diagnosis' } }, doctor.token);
    const mixed = (await a.ok(HISTORY, { p: patient.patientId }, patient.token)).patientHistory;
    expect(mixed.map((e: { diagnosis: string }) => e.diagnosis).sort()).toEqual(['Edited', 'New diagnosis', 'Old diagnosis 1', 'Old diagnosis 2', 'Old diagnosis 3', 'Old diagnosis 4']);
    await a.close();

    // 4. Rotate, in batches of 2.
    const env = { ...process.env, DATABASE_URL: databaseUrl, HMS_DATA_KEY: nextKey, HMS_DATA_KEY_PREVIOUS: oldKey, HMS_LOG: 'silent' };
    const { stdout } = await run(process.execPath, [TSX, 'src/modules/clinical/rotate-data-key.ts', '--batch-size=2'], { cwd: SERVER_DIR, env });
    expect(stdout).toContain(`every value is now under key id ${keyId(Buffer.from(nextKey, 'base64'))}`);
    expect(stdout).toMatch(/treatment 5, treatment_revision 1, webhook_endpoint 0 rows re-encrypted/);

    const raw = await mysql.createConnection(databaseUrl);
    const [rows] = await raw.query('select diagnosis_enc, prescription_enc, medicines_enc, tests_ordered_enc, precautions_enc, notes_enc, patient_notes_enc from treatment');
    const [revisions] = await raw.query('select previous_enc from treatment_revision');
    const [check] = await raw.query("select value from system_setting where name = 'data_key_check'");
    await raw.end();
    const values = [...(rows as Array<Record<string, string | null>>), ...(revisions as Array<Record<string, string>>), ...(check as Array<Record<string, string>>)]
      .flatMap((r) => Object.values(r)).filter((v): v is string => v !== null);
    expect(values.length).toBe(5 * 3 + 1 + 1 + 1); // 5 entries x (diagnosis, patient notes, medicines), the new entry, the revision, the check value
    const prefix = `${keyId(Buffer.from(nextKey, 'base64'))}:`;
    expect(values.filter((v) => !v.startsWith(prefix))).toEqual([]);

    // 5. Repeating it is a no-op.
    const again = await run(process.execPath, [TSX, 'src/modules/clinical/rotate-data-key.ts'], { cwd: SERVER_DIR, env });
    expect(again.stdout).toMatch(/treatment 0, treatment_revision 0, webhook_endpoint 0 rows re-encrypted/);

    // Each run is a key change in the audit trail: by the system, from the old key id to the new one, with the counts.
    const audit = await mysql.createConnection(databaseUrl);
    const [keyEvents] = await audit.query("select actor_id, entity_id, changes from audit_event where action = 'data_key.rotate' order by id");
    await audit.end();
    const newId = keyId(Buffer.from(nextKey, 'base64'));
    const parsed = (keyEvents as Array<{ actor_id: number | null; entity_id: string; changes: string | object }>)
      .map((e) => ({ actor: e.actor_id, key: e.entity_id, changes: typeof e.changes === 'string' ? JSON.parse(e.changes) : e.changes }));
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({
      actor: null, key: newId,
      changes: { keyId: { before: [keyId(Buffer.from(oldKey, 'base64'))], after: newId }, rowsReencrypted: { after: { treatment: 5, treatment_revision: 1 } } },
    });

    // 6. The new key alone now reads everything, revisions included; the old key alone refuses to start.
    a = await appOn(databaseUrl, { HMS_DATA_KEY: nextKey });
    const history = (await a.ok(HISTORY, { p: patient.patientId }, patient.token)).patientHistory;
    expect(history).toHaveLength(6);
    expect(history.find((e: { id: string }) => e.id === ids[4])).toEqual({ id: ids[4], diagnosis: 'Old diagnosis 4', patientNotes: 'Old notes 4', medicines: [{ name: 'Med 4' }] });
    expect((await a.ok(REVISIONS, { id: ids[0] }, doctor.token)).treatmentRevisions).toEqual([{ changedFields: ['diagnosis'], previous: { diagnosis: 'Old diagnosis 0' } }]);
    expect(codes(await a.gql(HISTORY, { p: patient.patientId }, admin.token))).toEqual(['FORBIDDEN']);
    await a.close();
    await expect(appOn(databaseUrl, { HMS_DATA_KEY: oldKey })).rejects.toThrow(/HMS_DATA_KEY does not open/);

    // 7. Rotating with keys that open nothing refuses before touching a row.
    const refused = await run(process.execPath, [TSX, 'src/modules/clinical/rotate-data-key.ts'], {
      cwd: SERVER_DIR, env: { ...env, HMS_DATA_KEY: newKey(), HMS_DATA_KEY_PREVIOUS: newKey() },
    }).then(() => null, (error: { code: number; stderr: string }) => error);
    expect(refused?.code).toBe(1);
    expect(refused?.stderr).toMatch(/rotate-data-key failed: HMS_DATA_KEY does not open/);
  }, 240_000); // several tsx processes (migrate, backup, restore, rotate) on a loaded machine
});
