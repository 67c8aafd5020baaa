// `npm run restore -- DIR --database NAME [--force]`: loads a backup made by
// `npm run backup` into the database NAME on the server of DATABASE_URL. The
// target must be new or empty; --force drops a non-empty one first. Checks the
// dump's SHA-256 before and the migration level and row counts after.
import 'reflect-metadata';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip } from 'node:zlib';
import mysql from 'mysql2/promise';
import { ConfigError, loadConfig } from '../config';
import { keyId } from '../modules/identity/secrets';
import { type BackupManifest, COUNTED_TABLES, DUMP, MANIFEST } from './backup';
import { assertDatabaseName, clientTool, connectionArgs, connectionOf } from './dump-tools';

export class RestoreRefused extends Error {}

export interface RestoreResult {
  manifest: BackupManifest;
  rows: Record<string, number>;
  migrationLevel: string | null;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Restores the backup in `dir` into `database` on the server of `serverUrl`. */
export async function restore(serverUrl: string, dir: string, database: string, options: { force?: boolean } = {}): Promise<RestoreResult> {
  assertDatabaseName(database);
  const manifestFile = path.join(dir, MANIFEST);
  const dumpFile = path.join(dir, DUMP);
  if (!existsSync(manifestFile) || !existsSync(dumpFile)) throw new RestoreRefused(`${dir} is not a backup (expected ${MANIFEST} and ${DUMP})`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as BackupManifest;
  if (manifest.format !== 1) throw new RestoreRefused(`unknown backup format ${String(manifest.format)}`);
  if ((await sha256Of(dumpFile)) !== manifest.sha256) throw new RestoreRefused(`${DUMP} does not match the manifest's SHA-256: the file is damaged or not this backup's`);

  const server = await mysql.createConnection(connectionOf(serverUrl));
  try {
    const [tables] = await server.query('select count(*) as n from information_schema.tables where table_schema = ?', [database]) as unknown as [[{ n: number }]];
    if (Number(tables[0].n) > 0) {
      if (!options.force) throw new RestoreRefused(`database ${database} is not empty (${tables[0].n} tables); restore into a new name, or pass --force to replace it`);
      await server.query(`drop database \`${database}\``);
    }
    await server.query(`create database if not exists \`${database}\` default character set utf8mb4`);
  } finally {
    await server.end();
  }

  const child = spawn(clientTool('client'), [...connectionArgs(serverUrl), `--database=${database}`, '--default-character-set=utf8mb4'], {
    env: { ...process.env, MYSQL_PWD: connectionOf(serverUrl).password },
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => { stderr += d; });
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  await pipeline(createReadStream(dumpFile), createGunzip(), child.stdin!);
  const code = await exited;
  if (code !== 0) throw new Error(`loading the dump failed (exit ${code}): ${stderr.trim().split('\n').slice(-3).join(' ')}`);

  const restored = await mysql.createConnection({ ...connectionOf(serverUrl), database });
  try {
    const [migrations] = await restored.query('select name from mikro_orm_migrations order by id desc limit 1') as unknown as [Array<{ name: string }>];
    const rows: Record<string, number> = {};
    for (const table of COUNTED_TABLES) {
      const [[row]] = await restored.query(`select count(*) as n from \`${table}\``) as unknown as [[{ n: number }]];
      rows[table] = Number(row.n);
    }
    return { manifest, rows, migrationLevel: migrations[0]?.name ?? null };
  } finally {
    await restored.end();
  }
}

function parseArgs(argv: string[]): { dir: string; database: string; force: boolean } {
  const rest = argv.slice(2);
  const force = rest.includes('--force');
  const at = rest.indexOf('--database');
  const database = at >= 0 ? rest[at + 1] : undefined;
  const dir = rest.find((a, i) => !a.startsWith('--') && rest[i - 1] !== '--database');
  if (!dir || !database) throw new ConfigError('usage: npm run restore -- BACKUP_DIR --database NEW_DATABASE [--force]');
  return { dir: path.resolve(process.env.INIT_CWD ?? process.cwd(), dir), database, force };
}

async function main(): Promise<void> {
  const { dir, database, force } = parseArgs(process.argv);
  const config = loadConfig();
  const result = await restore(config.databaseUrl, dir, database, { force });
  const m = result.manifest;
  console.log(`restored ${m.database} (backup of ${m.createdAt}) into ${database}`);
  console.log(`  migration level ${result.migrationLevel}${result.migrationLevel === m.migrationLevel ? '' : ` (the manifest says ${m.migrationLevel}!)`}`);
  console.log(`  rows: ${COUNTED_TABLES.map((t) => `${t} ${result.rows[t]}`).join(', ')}`);
  const configured = config.dataKey ? keyId(config.dataKey) : null;
  if (m.developmentSecretsInDump) {
    console.log('  the database carries its own development secrets; start it without HMS_DATA_KEY');
  } else if (configured && configured !== m.dataKeyId) {
    console.log(`  warning: HMS_DATA_KEY here has id ${configured}, but the data is sealed with ${m.dataKeyId}: the server will refuse to start with it`);
  } else {
    console.log(`  start HMS on it with the HMS_DATA_KEY of id ${m.dataKeyId} and the same HMS_JWT_SECRET`);
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(`restore failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof RestoreRefused || error instanceof ConfigError ? 2 : 1);
  });
}
