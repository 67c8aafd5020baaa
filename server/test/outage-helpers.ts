// Helpers for tests that start, kill and restart processes: free ports, private MariaDB and Redis servers.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import mysql from 'mysql2/promise';
import { afterAll } from 'vitest';

/** A port nothing listens on right now (the OS picks it). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitUntil(check: () => Promise<boolean>, ms: number, what = 'condition'): Promise<void> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const started: ChildProcess[] = [];
const dirs: string[] = [];
afterAll(() => {
  for (const child of started) child.kill('SIGKILL');
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** A MariaDB server of the test's own (data in a temp dir), so it can be killed without touching the shared one. */
export class PrivateMariaDb {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'hms-mariadb-'));
  child: ChildProcess | null = null;
  constructor(readonly port: number) {
    dirs.push(this.dir);
    execFileSync('mariadb-install-db', ['--no-defaults', `--user=${os.userInfo().username}`, `--datadir=${path.join(this.dir, 'data')}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
  }
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const child = spawn('mariadbd', [
      '--no-defaults', `--datadir=${path.join(this.dir, 'data')}`, `--port=${this.port}`, '--bind-address=127.0.0.1',
      `--socket=${path.join(this.dir, 'sock')}`, `--pid-file=${path.join(this.dir, 'pid')}`, '--skip-grant-tables',
      '--innodb-buffer-pool-size=32M', '--skip-log-bin', '--user=' + os.userInfo().username,
    ], { stdio: 'ignore' });
    this.child = child;
    started.push(child);
    await waitUntil(async () => {
      const connection = await mysql.createConnection({ host: '127.0.0.1', port: this.port, user: 'root', connectTimeout: 1000 });
      await connection.end();
      return true;
    }, 60_000, `MariaDB on ${this.port}`);
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }
}

/** A Redis server of the test's own, without persistence. */
export class PrivateRedis {
  child: ChildProcess | null = null;
  constructor(readonly port: number) {}
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
    this.child = child;
    started.push(child);
    await waitUntil(() => new Promise<boolean>((resolve) => {
      const socket = net.connect(this.port, '127.0.0.1', () => { socket.end(); resolve(true); });
      socket.on('error', () => resolve(false));
    }), 20_000, `Redis on ${this.port}`);
  }
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    this.child = null;
  }
}
