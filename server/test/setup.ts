import 'reflect-metadata';
// Each test file gets a database of its own, copied from the run's migrated template before any
// test of the file runs and dropped after it: counts, prunes and number sequences see only the
// file's own rows, whatever runs in parallel.
import { execFileSync } from 'node:child_process';
import { openSync, closeSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import { afterAll, beforeAll, inject } from 'vitest';
import { cliArgs } from './global-setup';
import { clock } from '../src/clock';

// Every file runs on a pinned server clock, before any test module computes "today": midday UTC of
// the real date (07:00-08:00 in New York, 21:00 in Tokyo: far from midnight in the zones the tests use),
// so no test depends on when it runs. HMS_TEST_NOW=<ISO instant> picks another "now" (e.g. 23:50).
const pinned = process.env.HMS_TEST_NOW ? Date.parse(process.env.HMS_TEST_NOW) : (() => {
  const real = new Date();
  return Date.UTC(real.getUTCFullYear(), real.getUTCMonth(), real.getUTCDate(), 12, 0, 0);
})();
if (Number.isNaN(pinned)) throw new Error(`HMS_TEST_NOW is not an ISO instant: ${process.env.HMS_TEST_NOW}`);
clock.setOffsetMs(pinned - Date.now());

const template = new URL(inject('databaseUrl'));
const name = `${template.pathname.slice(1)}_f${process.pid}_${randomBytes(3).toString('hex')}`;
const own = new URL(template.href);
own.pathname = `/${name}`;

async function query(sql: string): Promise<void> {
  const connection = await mysql.createConnection({
    host: template.hostname, port: Number(template.port || 3306),
    user: decodeURIComponent(template.username || 'root'), password: decodeURIComponent(template.password),
  });
  await connection.query(sql);
  await connection.end();
}

// Setup-file hooks run before the test file's own beforeAll, so createTestApp finds the database ready.
beforeAll(async () => {
  await query(`CREATE DATABASE \`${name}\``);
  const input = openSync(inject('templateDump'), 'r');
  try {
    execFileSync('mariadb', [...cliArgs(template), name], { stdio: [input, 'ignore', 'inherit'] });
  } finally {
    closeSync(input);
  }
  process.env.HMS_TEST_DATABASE_URL = own.href;
});

afterAll(async () => { await query(`DROP DATABASE IF EXISTS \`${name}\``); });
