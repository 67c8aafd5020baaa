// Once per `npm test`: a freshly created template database with every migration applied (so the
// migrations themselves are tested on every run), dumped once; each test file then gets a copy of
// its own (test/setup.ts), so no count, prune or sequence of one file ever sees another file's rows.
import mysql from 'mysql2/promise';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// A name of its own per run, so two runs at once (two terminals, two worktrees) never drop each other's data.
const RUN_DATABASE = `hms_test_${Date.now().toString(36)}_${process.pid}`;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || `mysql://root@127.0.0.1:3306/${RUN_DATABASE}`;

function connect(url: URL) {
  return mysql.createConnection({
    host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password),
  });
}

export default async function setup(project: {
  provide(key: 'databaseUrl' | 'templateDump', value: string): void;
}): Promise<() => Promise<void>> {
  const url = new URL(TEST_DATABASE_URL);
  const name = url.pathname.slice(1);
  // The template and every per-file copy (`<template>_f…`) go with the run.
  const drop = async (copiesToo: boolean) => {
    const connection = await connect(url);
    const [rows] = await connection.query<mysql.RowDataPacket[]>('select schema_name as name from information_schema.schemata where schema_name like ?', [`${name}\\_f%`]);
    for (const row of copiesToo ? rows : []) await connection.query(`DROP DATABASE IF EXISTS \`${row.name}\``);
    await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await connection.end();
  };
  await drop(true);
  // Migrate in a child process, exactly as `npm start` does: this process cannot load TS migrations.
  const serverDir = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'src/db/migrate.ts'], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, HMS_LOG: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  // Schema, triggers and the migrations' own rows, as SQL a per-file copy is made from.
  const dumpDir = mkdtempSync(path.join(os.tmpdir(), 'hms-test-template-'));
  const dumpFile = path.join(dumpDir, 'template.sql');
  const dump = execFileSync('mariadb-dump', [
    ...cliArgs(url), '--routines', '--triggers', '--skip-comments', '--skip-add-locks', '--single-transaction', name,
  ], { maxBuffer: 256 * 1024 * 1024 });
  writeFileSync(dumpFile, dump);
  project.provide('databaseUrl', TEST_DATABASE_URL);
  project.provide('templateDump', dumpFile);
  return async () => {
    rmSync(dumpDir, { recursive: true, force: true });
    // A TEST_DATABASE_URL given by the caller is left for inspection (its per-file copies go).
    const connection = await connect(url);
    const [rows] = await connection.query<mysql.RowDataPacket[]>('select schema_name as name from information_schema.schemata where schema_name like ?', [`${name}\\_f%`]);
    for (const row of rows) await connection.query(`DROP DATABASE IF EXISTS \`${row.name}\``);
    await connection.end();
    if (!process.env.TEST_DATABASE_URL) await drop(false);
  };
}

/** Arguments for the mariadb / mariadb-dump command-line clients to reach the server of `url`. */
export function cliArgs(url: URL): string[] {
  const args = [`--host=${url.hostname}`, `--port=${url.port || 3306}`, `--user=${decodeURIComponent(url.username || 'root')}`];
  if (url.password) args.push(`--password=${decodeURIComponent(url.password)}`);
  return args;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's migrated template database: do not write to it; use testDatabaseUrl() from test/harness. */
    databaseUrl: string;
    /** SQL dump of the template, loaded into each test file's own database. */
    templateDump: string;
  }
}
