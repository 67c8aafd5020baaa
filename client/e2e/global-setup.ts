// Once per `npm run test:e2e`: a fresh database, the real server on a free port
// (it creates and migrates the database on start, and serves the built client), torn down after.
import mysql from 'mysql2/promise';
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

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

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
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

async function waitUntilHealthy(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The HMS server exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // not listening yet
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
  const servedDist = mkdtempSync(path.join(os.tmpdir(), 'hms-e2e-dist-'));
  copyDir(clientDist, servedDist);

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const tsxCli = createRequire(path.join(serverDir, 'package.json')).resolve('tsx/cli');
  let log = '';
  const child = spawn(process.execPath, [tsxCli, 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: E2E_DATABASE_URL,
      HMS_ADMIN_EMAIL: ADMIN.email,
      HMS_ADMIN_PASSWORD: ADMIN.password,
      HMS_CLIENT_DIST: servedDist,
      HMS_TIMEZONE: process.env.HMS_TIMEZONE || 'UTC',
      HMS_LOG: 'silent',
      // The browser tests sign in and register many times from one address.
      ...Object.fromEntries(['GRAPHQL_IP', 'LOGIN_IP', 'LOGIN_ACCOUNT', 'REGISTER_IP', 'PASSWORD_RESET_IP', 'PASSWORD_RESET_ACCOUNT', 'TOKEN_FREE_IP']
        .map((name) => [`HMS_RATE_LIMIT_${name}`, 'off'])),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { log += chunk.toString(); });

  try {
    await waitUntilHealthy(baseUrl, child, () => log.slice(-4000));
  } catch (error) {
    child.kill('SIGKILL');
    rmSync(servedDist, { recursive: true, force: true });
    throw error;
  }

  project.provide('baseUrl', baseUrl);
  project.provide('admin', ADMIN);

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
  }
}
