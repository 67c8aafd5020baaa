// Builds the client for production, whatever NODE_ENV the caller has (a development
// NODE_ENV would give React's development bundle). With --if-changed (npm start) it
// builds only when the sources differ from the ones stamped into dist/ by the last build.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { acquireBuildLock } from './build-lock.mjs';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const rootDir = path.resolve(clientDir, '..');
const dist = path.join(clientDir, 'dist');
const stampFile = path.join(dist, '.build-stamp');

/** Everything the bundle is made from: sources, the page, configs and the locked dependency tree. */
const INPUTS = ['src', 'build', 'index.html', 'vite.config.ts', 'tsconfig.json', 'package.json', '../package-lock.json'];

function files(entry) {
  const full = path.join(clientDir, entry);
  if (!existsSync(full)) return [];
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath ?? d.path, d.name));
}

export function sourceHash() {
  const hash = createHash('sha256');
  for (const file of INPUTS.flatMap(files).sort()) {
    hash.update(path.relative(rootDir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

const ifChanged = process.argv.includes('--if-changed');
const hash = sourceHash();
const lock = await acquireBuildLock();
const stamped = existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : '';
const built = stamped === hash && existsSync(path.join(dist, 'index.html'));
if (built && (ifChanged || lock.waited)) {
  // --if-changed (npm start), or a build of these very sources finished while this one waited for
  // the lock (two test runs started together): rebuilding would only empty dist/ under the other.
  console.log('client: dist/ is up to date with its sources, not rebuilding');
  lock.release();
  process.exit(0);
}
const result = spawnSync('npx', ['vite', 'build', '--mode', 'production'], {
  cwd: clientDir,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
if (result.status !== 0) {
  lock.release();
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${hash}\n`);
lock.release();
