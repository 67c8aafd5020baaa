// Every string a person reads goes through the one i18n layer, and every language file translates
// every key: the same check as `npm run i18n:check` (client/scripts/i18n-check.mjs).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('i18n', () => {
  it('no text on screen outside t(), and a translation for every key in every language file', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'client/scripts/i18n-check.mjs')], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
