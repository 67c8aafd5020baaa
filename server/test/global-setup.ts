// Once per `npm test`: a freshly created test database with every migration applied,
// so the migrations themselves are tested on every run.
import mysql from 'mysql2/promise';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

// A name of its own per run, so two runs at once (two terminals, two worktrees) never drop each other's data.
const RUN_DATABASE = `hms_test_${Date.now().toString(36)}_${process.pid}`;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || `mysql://root@127.0.0.1:3306/${RUN_DATABASE}`;

export default async function setup(project: { provide(key: 'databaseUrl', value: string): void }): Promise<() => Promise<void>> {
  const url = new URL(TEST_DATABASE_URL);
  const drop = async () => {
    const connection = await mysql.createConnection({
      host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password),
    });
    await connection.query(`DROP DATABASE IF EXISTS \`${url.pathname.slice(1)}\``);
    await connection.end();
  };
  await drop();
  // Migrate in a child process, exactly as `npm start` does: this process cannot load TS migrations.
  const serverDir = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [require.resolve('tsx/cli'), 'src/db/migrate.ts'], {
    cwd: serverDir,
    env: { ...process.env, DATABASE_URL: TEST_DATABASE_URL, HMS_LOG: 'silent' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  project.provide('databaseUrl', TEST_DATABASE_URL);
  // A run's own database goes with it; a TEST_DATABASE_URL given by the caller is left for inspection.
  return async () => { if (!process.env.TEST_DATABASE_URL) await drop(); };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
