// Replaces each `graphql(`...`)` call with its generated document inlined, so a page's
// chunk carries only the documents it uses (one shared module of documents would be one
// shared chunk, loaded by every page). Without this the client preset's
// `graphql()` looks documents up in one map holding every operation of the app (see the
// note at the top of src/gql/gql.ts); the babel plugin that does this job needs Babel,
// which @vitejs/plugin-react 6 no longer runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

export function graphqlDocuments(srcDir: string): Plugin {
  const gqlDir = path.join(srcDir, 'gql');
  let byText: Map<string, string>;
  let documentJson: Map<string, string>;
  return {
    name: 'hms-graphql-documents',
    apply: 'build',
    // Before TypeScript is stripped: the calls are matched in the source as written.
    enforce: 'pre',
    buildStart() {
      // The runtime map in gql.ts: "<document text>": types.<ExportName>,
      const source = readFileSync(path.join(gqlDir, 'gql.ts'), 'utf8');
      const map = source.slice(source.indexOf('const documents'));
      byText = new Map();
      for (const match of map.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) {
        byText.set(JSON.parse(match[1]) as string, match[2]);
      }
      if (byText.size === 0) this.error('no documents found in src/gql/gql.ts');
      // graphql.ts: export const <ExportName> = {...} as unknown as DocumentNode<...>;
      documentJson = new Map();
      const types = readFileSync(path.join(gqlDir, 'graphql.ts'), 'utf8');
      for (const match of types.matchAll(/^export const (\w+) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) {
        documentJson.set(match[1], match[2]);
      }
    },
    transform(code, id) {
      // The generated modules only declare things: unused documents (and the map) can go.
      if (id.startsWith(gqlDir)) return { code, map: null, moduleSideEffects: false };
      if (!/\.tsx?$/.test(id) || !code.includes('graphql(`')) return null;
      const out = code.replace(CALL, (_call, text: string) => {
        const json = documentJson.get(byText.get(text) ?? '');
        if (!json) this.error(`${path.relative(srcDir, id)}: a graphql() document is not in src/gql (run npm run codegen)`);
        return `(${json})`;
      });
      return { code: out, map: null };
    },
  };
}
