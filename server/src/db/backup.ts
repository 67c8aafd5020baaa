// `npm run backup [-- --out DIR]`: a consistent dump of the database in DATABASE_URL
// (mariadb-dump/mysqldump --single-transaction: one snapshot, no locks on InnoDB
// tables) plus manifest.json: which data key id the clinical text is sealed with
// (never the key), the migration level, row counts and the dump's SHA-256.
// Restore with `npm run restore -- DIR --database NAME`.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import mysql from 'mysql2/promise';
import { ConfigError, loadConfig } from '../config';
import { ENCRYPTED_COLUMNS, Keyring } from '../modules/clinical/crypto';
import { keyId } from '../modules/identity/secrets';
import { assertDatabaseName, clientTool, connectionArgs, connectionOf, databaseNameOf } from './dump-tools';

export const MANIFEST = 'manifest.json';
export const DUMP = 'database.sql.gz';

/** The tables whose row counts the manifest records (a restore can be checked against them). */
export const COUNTED_TABLES = ['user', 'patient', 'doctor', 'appointment', 'treatment', 'treatment_revision', 'invoice', 'payment', 'audit_event'];

export interface BackupManifest {
  format: 1;
  createdAt: string;
  database: string;
  serverVersion: string;
  dumpTool: string;
  /** Executed migrations, oldest first; the last one is the schema level. */
  migrations: string[];
  migrationLevel: string | null;
  /** The key id the database's key check is sealed with: start the restored database with the HMS_DATA_KEY of this id. */
  dataKeyId: string | null;
  /** Every key id found on clinical rows (more than one only in the middle of a rotation). */
  dataKeyIdsInUse: string[];
  /** The id of HMS_DATA_KEY as configured for this backup run, if set. */
  configuredDataKeyId: string | null;
  /** True when the development key and JWT secret live in the database (no HMS_DATA_KEY): then the dump itself can open the data. */
  developmentSecretsInDump: boolean;
  rows: Record<string, number>;
  sha256: string;
  bytes: number;
}

function sha256Of(file: string): Promise<{ sha256: string; bytes: number }> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    let bytes = 0;
    createReadStream(file).on('data', (chunk) => { hash.update(chunk); bytes += chunk.length; }).on('error', reject)
      .on('end', () => resolve({ sha256: hash.digest('hex'), bytes }));
  });
}

async function describeDatabase(databaseUrl: string): Promise<Omit<BackupManifest, 'format' | 'createdAt' | 'dumpTool' | 'sha256' | 'bytes' | 'configuredDataKeyId'>> {
  const connection = await mysql.createConnection({ ...connectionOf(databaseUrl), database: databaseNameOf(databaseUrl) });
  try {
    const query = async <T>(sql: string) => (await connection.query(sql))[0] as T[];
    const [{ version }] = await query<{ version: string }>('select version() as version');
    const migrations = (await query<{ name: string }>('select name from mikro_orm_migrations order by id')).map((m) => m.name);
    const settings = await query<{ name: string; value: string }>(
      "select name, value from system_setting where name in ('data_key_check', 'dev_data_key', 'dev_jwt_secret')");
    const check = settings.find((s) => s.name === 'data_key_check');
    // Every sealed column (crypto's ENCRYPTED_COLUMNS), so a half-finished rotation shows both key ids.
    const inUse = await query<{ id: string }>(Object.entries(ENCRYPTED_COLUMNS).flatMap(([table, columns]) => columns.map((column) =>
      `select distinct substring_index(\`${column}\`, ':', 1) as id from \`${table}\` where \`${column}\` is not null`)).join(' union '));
    const rows: Record<string, number> = {};
    for (const table of COUNTED_TABLES) rows[table] = Number((await query<{ n: number }>(`select count(*) as n from \`${table}\``))[0].n);
    return {
      database: databaseNameOf(databaseUrl),
      serverVersion: version,
      migrations,
      migrationLevel: migrations[migrations.length - 1] ?? null,
      dataKeyId: check ? Keyring.keyIdOf(check.value) : null,
      dataKeyIdsInUse: inUse.map((r) => r.id).filter(Boolean).sort(),
      developmentSecretsInDump: settings.some((s) => s.name === 'dev_data_key'),
      rows,
    };
  } finally {
    await connection.end();
  }
}

/** Dumps the database into `dir` (created) and writes the manifest; returns it. */
export async function backup(databaseUrl: string, dir: string, configuredDataKey?: Buffer): Promise<BackupManifest> {
  mkdirSync(dir, { recursive: true });
  const tool = clientTool('dump');
  const dumpFile = path.join(dir, DUMP);
  const child = spawn(tool, [
    ...connectionArgs(databaseUrl),
    '--single-transaction', '--quick', '--routines', '--triggers', '--events', '--hex-blob', '--default-character-set=utf8mb4',
    // The bare name (not --databases): no CREATE DATABASE/USE in the dump, so it restores under any name.
    assertDatabaseName(databaseNameOf(databaseUrl)),
  ], { env: { ...process.env, MYSQL_PWD: connectionOf(databaseUrl).password }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await pipeline(child.stdout!, createGzip(), createWriteStream(dumpFile));
  const code = await exited;
  if (code !== 0) throw new Error(`${path.basename(tool)} failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);
  // Described after the dump: counts of a live database may have grown since its snapshot, never shrunk.
  const manifest: BackupManifest = {
    format: 1,
    createdAt: new Date().toISOString(),
    dumpTool: path.basename(tool),
    configuredDataKeyId: configuredDataKey ? keyId(configuredDataKey) : null,
    ...(await describeDatabase(databaseUrl)),
    ...(await sha256Of(dumpFile)),
  };
  writeFileSync(path.join(dir, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const outArg = process.argv.indexOf('--out');
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = outArg > 0 && process.argv[outArg + 1]
    ? path.resolve(process.argv[outArg + 1])
    : path.resolve(process.env.INIT_CWD ?? process.cwd(), 'backups', `${databaseNameOf(config.databaseUrl)}-${stamp}`);
  const manifest = await backup(config.databaseUrl, dir, config.dataKey);
  console.log(`backup written to ${dir}`);
  console.log(`  ${DUMP}: ${(manifest.bytes / 1_048_576).toFixed(1)} MB, sha256 ${manifest.sha256}`);
  console.log(`  migration level ${manifest.migrationLevel}; clinical data sealed with data key id ${manifest.dataKeyId ?? '(none yet)'}`);
  if (manifest.developmentSecretsInDump) {
    console.log('  note: this database runs on development secrets kept inside it (no HMS_DATA_KEY); the dump can open its own data');
  } else {
    console.log(`  keep HMS_DATA_KEY (id ${manifest.dataKeyId}) and HMS_JWT_SECRET safe elsewhere: the dump cannot be read without the key`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`backup failed: ${error instanceof ConfigError || error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
