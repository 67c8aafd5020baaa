#!/usr/bin/env node
// Keeps the i18n promise: every string a person reads goes through t(), and every language file
// translates every key. Reads the sources with the TypeScript parser:
//   - literal text on screen: JSX text, text attributes (label, title, aria-label, placeholder,
//     helperText, alt, …) and text-like properties (label:, title:, message:, …) that are not t();
//     plus any other string literal that reads like a sentence ("Could not load the list");
//   - keys: the first argument of t(...) / i18nKey="..." in client/src and server/src, which every
//     locales/<code>.json other than English must hold (plural keys: <key>_one/_other...).
// `// i18n-ignore` on a line (or the line above) leaves that line's literals alone: codes, brand names.
// Usage: node client/scripts/i18n-check.mjs [path prefix ...]   (prefixes limit the literal check)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const prefixes = process.argv.slice(2).map((p) => relative(root, join(process.cwd(), p)));
const localeDir = join(root, 'client/src/i18n/locales');

const TEXT_ATTRIBUTES = new Set(['label', 'title', 'aria-label', 'placeholder', 'helperText', 'alt', 'primary', 'secondary',
  'aria-description', 'aria-valuetext', 'subheader', 'emptyText', 'heading', 'description', 'hint', 'message', 'confirmLabel', 'submitLabel', 'text']);
const TEXT_PROPERTIES = new Set(['label', 'title', 'message', 'text', 'heading', 'description', 'helperText', 'placeholder',
  'hint', 'emptyText', 'confirmLabel', 'submitLabel', 'primary', 'secondary', 'headerName', 'caption', 'summary']);
// Attributes whose strings are never shown.
const QUIET_ATTRIBUTES = new Set(['className', 'id', 'data-testid', 'variant', 'color', 'size', 'component', 'type', 'role', 'href', 'to',
  'name', 'autoComplete', 'inputMode', 'edge', 'align', 'severity', 'fontSize', 'key', 'htmlFor', 'aria-controls', 'aria-labelledby',
  'aria-describedby', 'aria-live', 'aria-haspopup', 'aria-current', 'position', 'orientation', 'direction', 'justifyContent', 'alignItems',
  'anchor', 'method', 'target', 'rel', 'lang', 'dir', 'src', 'mode', 'value', 'defaultValue', 'labelId', 'scope', 'padding', 'underline',
  'textColor', 'indicatorColor', 'spacing', 'display', 'wrap', 'pattern', 'download', 'accept', 'form', 'sx', 'style']);
const SENTENCE = /^[A-Z][a-z']+(?:[ ,.;:!?…–-]|$)[^]*\s|^[A-Z][a-z']+[.!?…]$/; // "Could not …", "Saved."

function walk(dir, out = []) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) { if (name !== 'gql' && name !== 'node_modules') walk(path, out); }
    else if (/\.(ts|tsx)$/.test(name) && !/\.(test|d)\.ts$/.test(name)) out.push(path);
  }
  return out;
}

function isT(call) {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 't';
}

function literalText(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
}

const keys = new Map(); // key -> first place
const problems = [];

function scan(file, checkLiterals) {
  const text = readFileSync(file, 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const lines = text.split('\n');
  const rel = relative(root, file);
  const ignored = (node) => {
    const line = source.getLineAndCharacterOfPosition(node.getStart()).line;
    return /i18n-ignore/.test(lines[line] ?? '') || /i18n-ignore/.test(lines[line - 1] ?? '');
  };
  const report = (node, what) => {
    if (ignored(node)) return;
    const { line } = source.getLineAndCharacterOfPosition(node.getStart());
    problems.push(`${rel}:${line + 1}: ${what}`);
  };
  const visit = (node, inT = false, quiet = false) => {
    if (ts.isCallExpression(node) && isT(node) && node.arguments[0]) {
      const key = literalText(node.arguments[0]);
      if (key !== null) { if (!keys.has(key)) keys.set(key, rel); }
      else if (checkLiterals) report(node, 't() needs a literal key (a variable key cannot be checked)');
      node.arguments.slice(1).forEach((arg) => visit(arg, false, quiet));
      return;
    }
    if (checkLiterals && !quiet) {
      if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) report(node, `text on screen: "${node.text.trim().slice(0, 60)}"`);
      if (ts.isJsxAttribute(node)) {
        const name = node.name.getText(source);
        if (name === 'i18nKey' && node.initializer && ts.isStringLiteral(node.initializer)) keys.set(node.initializer.text, rel);
        if (QUIET_ATTRIBUTES.has(name) || name.startsWith('data-') || name === 'i18nKey') return;
        if (node.initializer && ts.isStringLiteral(node.initializer) && TEXT_ATTRIBUTES.has(name) && /\p{L}/u.test(node.initializer.text)) {
          report(node, `${name}="${node.initializer.text.slice(0, 60)}"`);
          return;
        }
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && TEXT_PROPERTIES.has(node.name.text)) {
        const value = literalText(node.initializer);
        if (value !== null && /\p{L}/u.test(value) && !/^(#[0-9a-f]{3,8}|rgba?\()/i.test(value)) { report(node, `${node.name.text}: '${value.slice(0, 60)}'`); return; }
      }
      if (ts.isPropertyAssignment(node) && ts.isIdentifier(node.name) && (node.name.text === 'sx' || node.name.text === 'style')) return;
      if (ts.isJsxAttribute(node) && QUIET_ATTRIBUTES.has(node.name.getText(source))) return;
      const value = literalText(node);
      if (value !== null && SENTENCE.test(value) && !ts.isImportDeclaration(node.parent) && !ts.isExportDeclaration(node.parent)
        && !(ts.isCallExpression(node.parent) && /^(graphql|gql|require|import)$/.test(node.parent.expression.getText(source)))
        && !ts.isTaggedTemplateExpression(node.parent)) {
        report(node, `sentence not through t(): '${value.slice(0, 60)}'`);
      }
      // Two words in a template's text parts make a sentence ("Booked ${n} visits"); one does not ("Bearer ${token}").
      if (ts.isTemplateExpression(node) && /^[A-Z]/.test(node.head.text)
        && ([node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(' ').match(/\p{L}{2,}/gu) ?? []).length >= 2) {
        report(node, `sentence built from a template, not t(): \`${node.head.text.slice(0, 60)}…\``);
      }
    }
    ts.forEachChild(node, (child) => visit(child, inT, quiet));
  };
  visit(source);
}

const clientFiles = walk(join(root, 'client/src')).filter((f) => !f.includes(`${join('client', 'src', 'i18n')}`));
for (const file of clientFiles) {
  const rel = relative(root, file);
  scan(file, prefixes.length === 0 || prefixes.some((p) => rel.startsWith(p)));
}
// Server texts that people read (PDFs, spreadsheets, e-mails) use the same catalogue: keys only.
for (const file of walk(join(root, 'server/src'))) scan(file, false);

const locales = readdirSync(localeDir).filter((f) => f.endsWith('.json') && f !== 'en.json');
for (const file of locales) {
  const catalogue = JSON.parse(readFileSync(join(localeDir, file), 'utf8'));
  const has = (key) => key in catalogue || `${key}_other` in catalogue;
  const missing = [...keys].filter(([key]) => !has(key));
  for (const [key, where] of missing) problems.push(`client/src/i18n/locales/${file}: no translation for "${key.slice(0, 70)}" (${where})`);
  const base = new Set([...keys.keys()]);
  const unused = Object.keys(catalogue).filter((k) => !k.startsWith('_') && !base.has(k.replace(/_(zero|one|two|few|many|other)$/, '')));
  if (unused.length) console.log(`${file}: ${unused.length} keys no code uses (left over?): ${unused.slice(0, 5).join(' | ')}`);
}

if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`\n${problems.length} i18n problems (${keys.size} keys in use)`);
  process.exit(1);
}
console.log(`i18n: ${keys.size} keys, all through t() and translated in ${locales.join(', ') || 'no other language'}`);
