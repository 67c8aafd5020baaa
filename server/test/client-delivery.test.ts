// The built client over a real network: compressed answers, hashed assets cached for a
// year, the app shell revalidated on every load.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync, brotliDecompressSync, constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness';

interface RawResponse { status: number; headers: http.IncomingHttpHeaders; body: Buffer }

/** A request without fetch's transparent decompression, so the encoding on the wire is visible. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET', headers: options.headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on('error', reject);
    request.end(options.body);
  });
}

function decoded(response: RawResponse): string {
  const encoding = response.headers['content-encoding'];
  if (encoding === 'br') return brotliDecompressSync(response.body).toString('utf8');
  if (encoding === 'gzip') return gunzipSync(response.body).toString('utf8');
  return response.body.toString('utf8');
}

const script = `export const pages = [${Array.from({ length: 400 }, (_, i) => `"page-${i}"`).join(',')}];\n`;
const shell = `<!doctype html><html><head><title>HMS</title>${'<meta name="x" content="padding">'.repeat(40)}</head><body><div id="root"></div></body></html>`;

const precompressed = brotliCompressSync(script, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

let t: TestApp;
let dist: string;

beforeAll(async () => {
  dist = mkdtempSync(path.join(tmpdir(), 'hms-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), shell);
  writeFileSync(path.join(dist, 'assets', 'index-AbC123xy.js'), script);
  // A second asset with the copy the build writes beside it (client/build/precompress.ts).
  writeFileSync(path.join(dist, 'assets', 'page-ZyX987ab.js'), script);
  writeFileSync(path.join(dist, 'assets', 'page-ZyX987ab.js.br'), precompressed);
  t = await createTestApp({ HMS_CLIENT_DIST: dist });
});

afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

describe('client delivery', () => {
  it('hashed assets are brotli (or gzip) compressed and cached for a year as immutable', async () => {
    const br = await raw(`${t.url}/assets/index-AbC123xy.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.body.length).toBeLessThan(script.length / 3);
    expect(decoded(br)).toBe(script);

    const gzip = await raw(`${t.url}/assets/index-AbC123xy.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(decoded(gzip)).toBe(script);

    const plain = await raw(`${t.url}/assets/index-AbC123xy.js`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString('utf8')).toBe(script);
  });

  it('sends the pre-compressed copy written at build when there is one', async () => {
    const response = await raw(`${t.url}/assets/page-ZyX987ab.js`, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.status).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/javascript/);
    expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(response.body.equals(precompressed)).toBe(true);
    // Without a gzip copy, gzip is made on the fly; without any, the file as it is.
    const gzip = await raw(`${t.url}/assets/page-ZyX987ab.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(decoded(gzip)).toBe(script);
    expect((await raw(`${t.url}/assets/page-ZyX987ab.js`)).body.toString('utf8')).toBe(script);
  });

  it('the app shell (index.html and every client route) is compressed and revalidated on each load', async () => {
    for (const route of ['/', '/sign-in', '/doctor/day']) {
      const response = await raw(`${t.url}${route}`, { headers: { 'accept-encoding': 'gzip, br' } });
      expect(response.status, route).toBe(200);
      expect(response.headers['cache-control'], route).toBe('no-cache');
      expect(response.headers['content-encoding'], route).toBe('br');
      expect(decoded(response), route).toBe(shell);
    }
  });

  it('a missing asset is 404, not the app shell cached as a year-long asset', async () => {
    const response = await raw(`${t.url}/assets/index-Gone0000.js`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.status).toBe(404);
    expect(response.headers['cache-control'] ?? '').not.toContain('immutable');
  });

  it('GraphQL answers above a kilobyte are compressed; small ones are not', async () => {
    const big = `{ ${Array.from({ length: 120 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
    const request = (query: string) => raw(`${t.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-encoding': 'gzip, br' },
      body: JSON.stringify({ query }),
    });
    const large = await request(big);
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(JSON.parse(decoded(large)).data.a119).toBe('Query');

    const small = await request('{ __typename }');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(decoded(small))).toEqual({ data: { __typename: 'Query' } });
  });
});
