import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

// Browser tests: the real server (started once in global setup against a fresh
// database) driven through Debian's chromium with playwright-core.
export default defineConfig({
  test: {
    root: here,
    include: ['e2e/**/*.test.ts'],
    globalSetup: ['./e2e/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One server, one database: files run one after another so their data stays readable in screenshots.
    fileParallelism: false,
  },
});
