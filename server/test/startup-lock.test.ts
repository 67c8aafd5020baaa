// Several API processes started at once on one empty database (a deploy of N replicas): all come up.
import { describe, expect, inject, it } from 'vitest';
import { uid } from './harness';
import { dropDatabase, listeningPort, startMain, type MainProcess } from './processes';

function urlFor(name: string): string {
  const base = new URL(inject('databaseUrl'));
  return `${base.protocol}//${base.username || 'root'}${base.password ? `:${base.password}` : ''}@${base.host}/${name}`;
}

/** True once the server listens (port 0, read back) and answers healthz; false if it exits or times out. */
async function healthy(server: MainProcess, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  let exited = false;
  void server.exited.then(() => { exited = true; });
  const port = await listeningPort(server, ms).catch(() => null);
  if (port === null) return false;
  while (Date.now() < deadline && !exited) {
    const ok = await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false);
    if (ok) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

describe('start-up on an empty database', () => {
  it('3 processes started together on a fresh empty database all become healthy (3 rounds)', async () => {
    for (let round = 0; round < 3; round++) {
      const dbName = `hms_lock_${uid()}`;
      const servers = [0, 1, 2].map(() => {
        return { server: startMain({ DATABASE_URL: urlFor(dbName), HMS_ADMIN_EMAIL: 'boss@hospital.test', HMS_ADMIN_PASSWORD: 'Admin-Password-1' }) };
      });
      try {
        const results = await Promise.all(servers.map(({ server }) => healthy(server, 90_000)));
        const failures = servers.filter((_, i) => !results[i]).map(({ server }) => server.output().slice(-2000));
        expect(failures, `round ${round}`).toEqual([]);
      } finally {
        for (const { server } of servers) server.child.kill('SIGKILL');
        await Promise.all(servers.map(({ server }) => server.exited));
        await dropDatabase(inject('databaseUrl'), dbName);
      }
    }
  }, 300_000);
});
