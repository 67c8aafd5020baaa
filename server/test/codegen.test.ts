// The client's generated types (client/src/gql) must match schema.graphql and the
// client's documents: the same check as `npm run codegen:check`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');

describe('codegen drift', () => {
  it('client/src/gql is what `npm run codegen` generates', () => {
    const result = spawnSync(process.execPath, [path.join(root, 'client/scripts/codegen-check.mjs')], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
