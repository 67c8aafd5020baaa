// Runs the real entry point (`node --import tsx src/main.ts`) in a child process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll } from 'vitest';
import { clock } from '../src/clock';
import { RATE_LIMITS_OFF } from './harness';

export const SERVER_DIR = path.resolve(__dirname, '..');
export const TSX = require.resolve('tsx/cli');

export interface MainProcess {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
afterAll(() => { for (const child of children) child.kill('SIGKILL'); });

/**
 * The variables that put a child server on this test's pinned clock (`HMS_TEST_CLOCK=1` with
 * `HMS_TEST_NOW` = the test process's `clock.now()`, read when it starts): slots, windows and "today"
 * agree with the test's helpers. Production processes (which refuse a test clock) get none.
 */
export function childClockEnv(env: Record<string, string> = {}): Record<string, string> {
  return env.NODE_ENV === 'production' ? {} : { HMS_TEST_CLOCK: '1', HMS_TEST_NOW: clock.now().toISOString() };
}

/**
 * Starts the server with only PATH and the given variables (no inherited HMS_* settings), on port 0
 * unless `env.PORT` says otherwise (read the bound port with `listeningPort`) and on the test's clock.
 */
export function startMain(env: Record<string, string>): MainProcess {
  // tsx as a loader in one process (as `npm start`): the tsx CLI relays SIGTERM to a child and
  // SIGKILLs it when it does not confirm within 30 ms, which a busy process misses.
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HMS_LOG: 'info', PORT: '0', ...RATE_LIMITS_OFF, ...childClockEnv(env), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => { output += d; });
  child.stderr!.on('data', (d) => { output += d; });
  return { child, output: () => output, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

/** Drops a scratch database on the server of `databaseUrl`. */
export async function dropDatabase(databaseUrl: string, name: string): Promise<void> {
  const base = new URL(databaseUrl);
  const connection = await mysql.createConnection({
    host: base.hostname, port: Number(base.port || 3306), user: decodeURIComponent(base.username || 'root'), password: decodeURIComponent(base.password),
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

/**
 * Waits for the "HMS listening on http://localhost:<port>" line of a server started with PORT=0 and
 * returns the port it bound (no free-port guess that another process could take first).
 */
export async function listeningPort(server: MainProcess, ms = 90_000): Promise<number> {
  const found = () => /HMS listening on http:\/\/localhost:(\d+)/.exec(server.output());
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => { done(); reject(new Error(`no "HMS listening" line in ${ms} ms:\n${server.output()}`)); }, ms);
    const check = () => {
      if (found()) { done(); resolve(); } else if (server.child.exitCode !== null) {
        done(); reject(new Error(`the server exited with ${server.child.exitCode}:\n${server.output()}`));
      }
    };
    const done = () => {
      clearTimeout(timer);
      server.child.stdout!.off('data', check);
      server.child.stderr!.off('data', check);
      server.child.off('exit', check);
    };
    server.child.stdout!.on('data', check);
    server.child.stderr!.on('data', check);
    server.child.on('exit', check);
    check();
  });
  return Number(found()![1]);
}

/** Starts a server on port 0 and waits until it listens; returns it with the port it bound. */
export async function startListening(env: Record<string, string>, ms = 90_000): Promise<{ server: MainProcess; port: number }> {
  const server = startMain(env);
  return { server, port: await listeningPort(server, ms) };
}
