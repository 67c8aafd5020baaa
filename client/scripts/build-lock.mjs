// One client build (or copy of dist/) at a time in this checkout: two `npm test` runs started
// together, or the server suite's client-build test rebuilding while the browser suite copies
// dist/, would otherwise empty dist/ under each other. A directory is the lock (mkdir is atomic);
// a lock left by a killed process is taken over after STALE_MS.
import { mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const lockDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '.dist.lock');
const STALE_MS = 10 * 60_000;
const WAIT_MS = 15 * 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Takes the lock; resolves to { waited, release }: `waited` tells whether another holder was waited for. */
export async function acquireBuildLock() {
  const deadline = Date.now() + WAIT_MS;
  let waited = false;
  for (;;) {
    try {
      mkdirSync(lockDir);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        rmSync(lockDir, { recursive: true, force: true });
      };
      process.once('exit', release);
      return { waited, release };
    } catch (error) {
      if (error.code !== 'EEXIST') throw error;
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      } catch { /* released meanwhile */ }
      if (Date.now() > deadline) throw new Error(`client/.dist.lock held for over ${WAIT_MS / 60_000} min`);
      waited = true;
      await sleep(250);
    }
  }
}
