// Runs the real entry point (`node --import tsx src/main.ts`) in a child process, as `npm start` does.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { afterAll } from 'vitest';
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

/** Starts the server with only PATH and the given variables (no inherited HMS_* settings). */
export function startMain(env: Record<string, string>): MainProcess {
  // tsx as a loader in one process (as `npm start`): the tsx CLI relays SIGTERM to a child and
  // SIGKILLs it when it does not confirm within 30 ms, which a busy process misses.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { PATH: process.env.PATH ?? '', HMS_LOG: 'info', ...RATE_LIMITS_OFF, ...env },
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
