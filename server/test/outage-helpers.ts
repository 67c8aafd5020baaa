// Helpers for tests that start, kill and restart processes: private MariaDB and Redis servers on ports of their own.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import mysql from 'mysql2/promise';
import { afterAll } from 'vitest';

/**
 * mariadbd and redis-server cannot bind port 0 (0 means "default" or "no TCP" to them), so a private
 * server gets a random port BELOW the kernel's ephemeral range: nothing that binds port 0 (every HMS
 * server in the tests, the browser suite's) and no outgoing connection is ever given such a port.
 * Two private servers drawing the same number are caught at start (the loser exits, or the server
 * answering is not ours) and the first start retries on another number.
 */
function privatePortCandidate(): number {
  let low = 32768;
  try {
    low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || low;
  } catch { /* not Linux: keep the default range's start */ }
  const floor = 10_000;
  return floor + Math.floor(Math.random() * Math.max(1000, low - floor));
}

/** Runs `launch` on a fresh port until the server that answers there is the one it started (5 tries). */
async function startOnPrivatePort(launch: (port: number) => Promise<boolean>): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = privatePortCandidate();
    if (await launch(port)) return port;
  }
  throw new Error('could not start a private server on any of 5 random ports');
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

/**
 * A server process of the test's own (MariaDB, Redis) that a test may kill and start again. Its port
 * is chosen by the first `start()` (see privatePortCandidate) and kept across restarts, since the
 * API processes under test were given its URL.
 */
abstract class PrivateServer {
  child: ChildProcess | null = null;
  private chosenPort: number | null = null;
  protected abstract readonly what: string;
  /** Starts the server binary on `port`. */
  protected abstract spawnOn(port: number): ChildProcess;
  /** Whether the server answering on `port` is `child` (throws while nothing answers yet). */
  protected abstract answersAs(port: number, child: ChildProcess): Promise<boolean>;

  get port(): number {
    if (this.chosenPort === null) throw new Error(`start() the private ${this.what} first`);
    return this.chosenPort;
  }
  async start(): Promise<void> {
    if (this.chosenPort === null) this.chosenPort = await startOnPrivatePort((port) => this.launch(port));
    else if (!(await this.launch(this.chosenPort))) throw new Error(`the private ${this.what} could not bind port ${this.chosenPort} again`);
  }
  /** True once the server answering on `port` is the one started here; false if it lost the port. */
  private async launch(port: number): Promise<boolean> {
    const child = this.spawnOn(port);
    started.push(child);
    let ours = false;
    await waitUntil(async () => {
      if (child.exitCode !== null || child.signalCode !== null) return true; // lost the port (or failed): give up on it
      ours = await this.answersAs(port, child);
      return true;
    }, 60_000, `${this.what} on ${port}`);
    if (!ours) {
      child.kill('SIGKILL');
      return false;
    }
    this.child = child;
    return true;
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

/** A MariaDB server of the test's own (data in a temp dir), so it can be killed without touching the shared one. */
export class PrivateMariaDb extends PrivateServer {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'hms-mariadb-'));
  protected readonly what = 'MariaDB';
  private readonly datadir = path.join(this.dir, 'data');
  constructor() {
    super();
    dirs.push(this.dir);
    execFileSync('mariadb-install-db', ['--no-defaults', `--user=${os.userInfo().username}`, `--datadir=${this.datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db'], { stdio: 'ignore' });
  }
  get url(): string {
    return `mysql://root@127.0.0.1:${this.port}`;
  }
  protected spawnOn(port: number): ChildProcess {
    return spawn('mariadbd', [
      '--no-defaults', `--datadir=${this.datadir}`, `--port=${port}`, '--bind-address=127.0.0.1',
      `--socket=${path.join(this.dir, 'sock')}`, `--pid-file=${path.join(this.dir, 'pid')}`, '--skip-grant-tables',
      '--innodb-buffer-pool-size=32M', '--skip-log-bin', '--user=' + os.userInfo().username,
    ], { stdio: 'ignore' });
  }
  /** Ours when it serves our data directory. */
  protected async answersAs(port: number): Promise<boolean> {
    const connection = await mysql.createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
    try {
      const [rows] = await connection.query('select @@datadir as datadir');
      return path.resolve(String((rows as Array<{ datadir: string }>)[0].datadir)) === path.resolve(this.datadir);
    } finally {
      await connection.end();
    }
  }
}

/** A Redis server of the test's own, without persistence. */
export class PrivateRedis extends PrivateServer {
  protected readonly what = 'Redis';
  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
  protected spawnOn(port: number): ChildProcess {
    return spawn('redis-server', ['--port', String(port), '--save', '', '--appendonly', 'no', '--bind', '127.0.0.1'], { stdio: 'ignore' });
  }
  /** Ours when INFO names our process id. */
  protected answersAs(port: number, child: ChildProcess): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1', () => socket.write('INFO server\r\n'));
      let reply = '';
      socket.on('data', (data) => {
        reply += data;
        const pid = /process_id:(\d+)/.exec(reply);
        if (!pid) return;
        socket.end();
        resolve(Number(pid[1]) === child.pid);
      });
      socket.on('error', reject);
      socket.setTimeout(1000, () => { socket.destroy(); reject(new Error('no INFO reply')); });
    });
  }
}
