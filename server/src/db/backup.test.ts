import { clock } from '../clock';
// `npm run backup` and `npm run restore`: a backup restored into a fresh database
// has the same rows, and its clinical text reads with the same key (and only with it).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import mysql from 'mysql2/promise';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { keyId } from '../modules/identity/secrets';
import { createTestApp, type TestApp, uid } from '../../test/harness';
import { createAdmin, createDoctor, insertAppointment, registerPatient } from '../../test/factories';
import { dropDatabase, SERVER_DIR, TSX } from '../../test/processes';

const run = promisify(execFile);
const base = inject('databaseUrl');
const prefix = new URL(base).pathname.slice(1);
const source = `${prefix}_bk_${uid()}`;
const target = `${prefix}_rs_${uid()}`;
const urlOf = (name: string) => { const u = new URL(base); u.pathname = `/${name}`; return u.toString(); };
const dir = mkdtempSync(path.join(tmpdir(), 'hms-backup-'));
const DATA_KEY = randomBytes(32).toString('base64');
const JWT_SECRET = randomBytes(40).toString('base64');

afterAll(async () => {
  await dropDatabase(base, source);
  await dropDatabase(base, target);
  rmSync(dir, { recursive: true, force: true });
});

/** The real app on a scratch database of this test (created when missing), in this process. */
function appOn(databaseUrl: string, env: Record<string, string>): Promise<TestApp> {
  return createTestApp(env, { databaseUrl, createDatabase: true });
}

/** CHECKSUM TABLE of every table of a database, by name. */
async function checksums(name: string): Promise<Record<string, string>> {
  const u = new URL(base);
  const connection = await mysql.createConnection({
    host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username || 'root'), password: decodeURIComponent(u.password), database: name,
  });
  try {
    const [tables] = await connection.query("select table_name as t from information_schema.tables where table_schema = ? and table_type = 'BASE TABLE' order by 1", [name]) as unknown as [Array<{ t: string }>];
    const result: Record<string, string> = {};
    for (const { t } of tables) {
      const [[row]] = await connection.query(`checksum table \`${t}\``) as unknown as [[{ Checksum: string | number }]];
      result[t] = String(row.Checksum);
    }
    return result;
  } finally {
    await connection.end();
  }
}

const tool = (script: string, args: string[], env: Record<string, string>) =>
  run(process.execPath, [TSX, script, ...args], { cwd: SERVER_DIR, env: { ...process.env, HMS_LOG: 'silent', ...env } });

describe('npm run backup / npm run restore', () => {
  const HISTORY = 'query($p: ID!) { patientHistory(patientId: $p) { diagnosis patientNotes } }';
  const RECORD = 'mutation($a: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $a, input: $input) { id } }';
  const secrets = { HMS_DATA_KEY: DATA_KEY, HMS_JWT_SECRET: JWT_SECRET };

  it('restores into a fresh database: the same rows, clinical text readable with the same key only; refuses a non-empty target unless forced', async () => {
    // A hospital with a visit and its sealed treatment.
    await tool('src/db/migrate.ts', [], { DATABASE_URL: urlOf(source) });
    const a = await appOn(urlOf(source), secrets);
    const admin = await createAdmin(a);
    const doctor = await createDoctor(a, admin);
    const patient = await registerPatient(a);
    const visit = await insertAppointment(a, { doctorId: doctor.doctorId, patientId: patient.patientId, startsAt: new Date(clock.nowMs() - 3600_000), status: 'COMPLETED' });
    const diagnosis = `Backup diagnosis ${uid()}`;
    await a.ok(RECORD, { a: visit, input: { diagnosis, patientNotes: 'Sealed notes' } }, doctor.token);
    await a.close();

    const { stdout } = await tool('src/db/backup.ts', ['--out', dir], { DATABASE_URL: urlOf(source), ...secrets });
    expect(stdout).toContain(`data key id ${keyId(Buffer.from(DATA_KEY, 'base64'))}`);
    const manifestText = readFileSync(path.join(dir, 'manifest.json'), 'utf8');
    const manifest = JSON.parse(manifestText);
    expect(manifest).toMatchObject({
      format: 1, database: source, dataKeyId: keyId(Buffer.from(DATA_KEY, 'base64')), developmentSecretsInDump: false,
      configuredDataKeyId: keyId(Buffer.from(DATA_KEY, 'base64')),
    });
    expect(manifest.dataKeyIdsInUse).toEqual([manifest.dataKeyId]);
    expect(manifest.migrationLevel).toMatch(/^Migration\d+_/);
    expect(manifest.rows.treatment).toBe(1);
    // Neither the key nor the secret nor the clinical text in plain is in the backup.
    const dump = gunzipSync(readFileSync(path.join(dir, 'database.sql.gz'))).toString('utf8');
    for (const text of [manifestText, dump]) {
      expect(text).not.toContain(DATA_KEY);
      expect(text).not.toContain(JWT_SECRET);
      expect(text).not.toContain(diagnosis);
    }
    expect(dump).not.toMatch(/CREATE DATABASE|^USE /m);

    const restored = await tool('src/db/restore.ts', [dir, '--database', target], { DATABASE_URL: base });
    expect(restored.stdout).toContain(`into ${target}`);
    expect(restored.stdout).toContain(`migration level ${manifest.migrationLevel}`);
    expect(await checksums(target)).toEqual(await checksums(source));

    // The same key (and JWT secret: the old tokens still work) reads the clinical text; another key does not start.
    const b = await appOn(urlOf(target), secrets);
    const history = (await b.ok(HISTORY, { p: patient.patientId }, patient.token)).patientHistory;
    expect(history).toEqual([{ diagnosis, patientNotes: 'Sealed notes' }]);
    await b.close();
    await expect(appOn(urlOf(target), { ...secrets, HMS_DATA_KEY: randomBytes(32).toString('base64') })).rejects.toThrow(/HMS_DATA_KEY does not open/);

    // A non-empty target is refused (exit 2) and left alone; --force replaces it.
    const refused = await tool('src/db/restore.ts', [dir, '--database', target], { DATABASE_URL: base }).then(() => null, (error) => error);
    expect(refused?.code).toBe(2);
    expect(refused?.stderr).toMatch(/is not empty/);
    await tool('src/db/restore.ts', [dir, '--database', target, '--force'], { DATABASE_URL: base });
    expect(await checksums(target)).toEqual(await checksums(source));

    // A damaged dump is refused before anything is touched.
    const bad = await tool('src/db/restore.ts', [path.join(dir, 'nowhere'), '--database', `${target}_x`], { DATABASE_URL: base }).then(() => null, (error) => error);
    expect(bad?.code).toBe(2);
  }, 240_000); // several tsx processes (migrate, backup, restore, rotate) on a loaded machine
});
