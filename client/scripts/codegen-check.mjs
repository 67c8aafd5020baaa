// `npm run codegen:check`: generates the client's typed documents into a temporary
// folder and fails when they differ from the committed client/src/gql (run `npm run codegen`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const committed = path.join(root, 'client/src/gql');
const temp = mkdtempSync(path.join(os.tmpdir(), 'hms-codegen-'));
// The CLI's bin is not in its package exports: find the package folder from its main entry.
const entry = createRequire(path.join(root, 'package.json')).resolve('@graphql-codegen/cli');
const bin = path.join(entry.slice(0, entry.lastIndexOf(`${path.sep}@graphql-codegen${path.sep}cli${path.sep}`)), '@graphql-codegen/cli/esm/bin.js');

try {
  execFileSync(process.execPath, [bin, '--config', 'codegen.ts', '--silent'], {
    cwd: root,
    env: { ...process.env, CODEGEN_OUT: `${temp}/` },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const names = (dir) => readdirSync(dir).filter((name) => name.endsWith('.ts')).sort();
  const problems = [];
  const expected = names(temp);
  const actual = names(committed);
  for (const name of new Set([...expected, ...actual])) {
    if (!expected.includes(name)) problems.push(`client/src/gql/${name} should not exist`);
    else if (!actual.includes(name)) problems.push(`client/src/gql/${name} is missing`);
    else if (readFileSync(path.join(temp, name), 'utf8') !== readFileSync(path.join(committed, name), 'utf8')) {
      problems.push(`client/src/gql/${name} is out of date`);
    }
  }
  if (problems.length) {
    console.error(`${problems.join('\n')}\nRun \`npm run codegen\` and commit client/src/gql.`);
    process.exitCode = 1;
  } else {
    console.log('client/src/gql matches schema.graphql and the client documents');
  }
} finally {
  rmSync(temp, { recursive: true, force: true });
}
