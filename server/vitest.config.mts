import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  resolve: {
    // Vite would load graphql's index.mjs while Node's require loads index.js:
    // two copies of graphql break instanceof checks, so pin the CommonJS one.
    alias: { graphql: path.resolve(here, '../node_modules/graphql/index.js') },
  },
  test: {
    root: here,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['./test/global-setup.ts'],
    setupFiles: ['./test/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    env: { HMS_LOG: 'silent' },
  },
});
