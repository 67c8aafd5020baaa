// `npm start` builds the client only when its sources changed, and always for production.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const clientDir = path.resolve(__dirname, '../../client');
const dist = path.join(clientDir, 'dist');
const script = path.join(clientDir, 'scripts', 'build.mjs');

function build(env: Record<string, string> = {}): string {
  return execFileSync(process.execPath, [script, '--if-changed'], { cwd: clientDir, env: { ...process.env, ...env }, encoding: 'utf8' });
}

describe('client build on start', () => {
  it('rebuilds only when the sources differ from the stamp, and as a production build under NODE_ENV=development', () => {
    // Whatever state dist/ is in, this leaves it built from the current sources.
    build();
    const shell = path.join(dist, 'index.html');
    const builtAt = statSync(shell).mtimeMs;

    expect(build()).toContain('up to date');
    expect(statSync(shell).mtimeMs).toBe(builtAt);

    // A stamp from other sources (as after editing client/src) means a rebuild.
    writeFileSync(path.join(dist, '.build-stamp'), 'stale\n');
    expect(build({ NODE_ENV: 'development' })).not.toContain('up to date');
    expect(statSync(shell).mtimeMs).toBeGreaterThan(builtAt);
    const react = readdirSync(path.join(dist, 'assets')).find((f) => /^react-.*\.js$/.test(f))!;
    expect(readFileSync(path.join(dist, 'assets', react), 'utf8')).toContain('Minified React error');
    expect(build()).toContain('up to date');
  }, 120_000);
});
