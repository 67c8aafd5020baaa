// Once per `npm run test:e2e`: a fresh database, the real server on a free port
// (it creates and migrates the database on start, and serves the built client), torn down after.
import mysql from 'mysql2/promise';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { DateTime } from 'luxon';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
// @ts-expect-error a plain .mjs script without types
import { acquireBuildLock } from '../scripts/build-lock.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const clientDir = path.resolve(here, '..');
const serverDir = path.resolve(clientDir, '../server');

// A name of its own per run, so two runs at once never drop each other's data.
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL || `mysql://root@127.0.0.1:3306/hms_e2e_${Date.now().toString(36)}_${process.pid}`;
export const ADMIN = { email: 'admin@e2e.hms.test', password: 'Admin-e2e-Passw0rd' };

function copyDir(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) copyDir(source, target);
    else copyFileSync(source, target);
  }
}

/** The port a server started with PORT=0 bound, from its "HMS listening on http://localhost:<port>" line. */
function listeningPort(output: () => string): number | null {
  const match = /HMS listening on http:\/\/localhost:(\d+)/.exec(output());
  return match ? Number(match[1]) : null;
}

/**
 * E2E_HOSPITAL_TIME=HH:MM runs the suite as if it were that time of today in the hospital's zone
 * (the server's clock through POST /__test/clock, the browser's through Playwright's clock).
 */
function hospitalInstant(time: string, zone: string): Date {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) throw new Error(`E2E_HOSPITAL_TIME must look like 23:50, got "${time}"`);
  return DateTime.now().setZone(zone).set({ hour: Number(match[1]), minute: Number(match[2]), second: 0, millisecond: 0 }).toJSDate();
}

async function dropDatabase(url: URL): Promise<void> {
  const connection = await mysql.createConnection({
    host: url.hostname,
    port: Number(url.port || 3306),
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password),
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
  await connection.end();
}

/** Waits for the listening line (PORT=0: no free-port guess another process could take first), then /healthz. */
async function waitUntilHealthy(child: ChildProcess, output: () => string): Promise<string> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The HMS server exited with ${child.exitCode}:\n${output()}`);
    const port = listeningPort(output);
    if (port !== null) {
      const baseUrl = `http://127.0.0.1:${port}`;
      const response = await fetch(`${baseUrl}/healthz`).catch(() => null);
      if (response?.ok) return baseUrl;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The HMS server did not become healthy in 90 s:\n${output()}`);
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const clientDist = path.join(clientDir, 'dist');
  if (!existsSync(path.join(clientDist, 'index.html'))) {
    throw new Error('client/dist is missing: run `npm run build` before the browser tests');
  }
  if (!existsSync(process.env.CHROMIUM_PATH || '/usr/bin/chromium')) {
    throw new Error('chromium is missing: `apt-get install -y chromium` (or set CHROMIUM_PATH)');
  }
  await dropDatabase(new URL(E2E_DATABASE_URL));
  // Serve a copy: a `vite build` running meanwhile (another terminal, another test run)
  // would otherwise swap the assets under the browser's feet.
  // The copy is made under the build lock, so a build in progress is never copied half-written.
  const servedDist = mkdtempSync(path.join(os.tmpdir(), 'hms-e2e-dist-'));
  const lock = await acquireBuildLock();
  try {
    copyDir(clientDist, servedDist);
  } finally {
    lock.release();
  }

  const timezone = process.env.HMS_TIMEZONE || 'UTC';
  const tsxCli = createRequire(path.join(serverDir, 'package.json')).resolve('tsx/cli');
  let log = '';
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      // The browser suite's clock is E2E_HOSPITAL_TIME (or the real one), never the server suite's
      // HMS_TEST_NOW, which a server on a test clock would otherwise start at (pages would disagree).
      HMS_TEST_NOW: '',
      NODE_ENV: 'development',
      PORT: '0',
      // POST /__test/clock (config refuses it in production).
      HMS_TEST_CLOCK: '1',
      DATABASE_URL: E2E_DATABASE_URL,
      HMS_ADMIN_EMAIL: ADMIN.email,
      HMS_ADMIN_PASSWORD: ADMIN.password,
      HMS_CLIENT_DIST: servedDist,
      HMS_TIMEZONE: timezone,
      // info: the listening line names the bound port.
      HMS_LOG: 'info',
      // The pages check figures right after changing them: no dashboard answers reused across requests.
      HMS_DASHBOARD_CACHE_SECONDS: '0',
      // The browser tests sign in and register many times from one address.
      ...Object.fromEntries(['GRAPHQL_IP', 'LOGIN_IP', 'LOGIN_ACCOUNT', 'REGISTER_IP', 'PASSWORD_RESET_IP', 'PASSWORD_RESET_ACCOUNT', 'TOKEN_FREE_IP']
        .map((name) => [`HMS_RATE_LIMIT_${name}`, 'off'])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });

  let baseUrl: string;
  let clockOffsetMs = 0;
  try {
    baseUrl = await waitUntilHealthy(child, () => log.slice(-8000));
    if (process.env.E2E_HOSPITAL_TIME) {
      const at = hospitalInstant(process.env.E2E_HOSPITAL_TIME, timezone);
      const response = await fetch(`${baseUrl}/__test/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at: at.toISOString() }) });
      if (!response.ok) throw new Error(`POST /__test/clock answered ${response.status}`);
      clockOffsetMs = ((await response.json()) as { offsetMs: number }).offsetMs;
      console.log(`e2e: server and browser clocks set to ${at.toISOString()} (${process.env.E2E_HOSPITAL_TIME} in ${timezone})`);
    }
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(servedDist, { recursive: true, force: true });
    throw error;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('admin', ADMIN);
  project.provide('clockOffsetMs', clockOffsetMs);

  return async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(servedDist, { recursive: true, force: true });
    if (!process.env.E2E_DATABASE_URL) await dropDatabase(new URL(E2E_DATABASE_URL));
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    admin: { email: string; password: string };
    /** How far the server's clock is moved from the real one (E2E_HOSPITAL_TIME); pages get the same. */
    clockOffsetMs: number;
  }
}
