// `npm run bench:client`: the built client over an emulated slow 4G line.
// Starts HMS (NODE_ENV=production) on a scratch database with a doctor and a full day,
// then loads /sign-in and /doctor/day in Debian's Chromium, each in a fresh profile (cold
// cache), with the network throttled through the DevTools protocol, and prints what went
// over the wire and when the page was usable:
//   sign-in   the form is rendered and interactive (its submit button is there);
//   day view  signed in (token in localStorage), the first appointment row is shown.
//
// Environment (all optional):
//   BENCH_DATABASE_URL  scratch database (default mysql://root@127.0.0.1:3306/hms_bench_client)
//   BENCH_RUNS          loads per page, the median is printed (default 3)
//   BENCH_KBPS / BENCH_RTT_MS  line speed (default 1600 kbit/s, 150 ms round trip)
//   BENCH_CLIENT_DIST   another build of the client to serve and measure (e.g. main's, for a before/after)
//   CHROMIUM_PATH       default /usr/bin/chromium
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import {
  freePort, loadAverage, log, resetDatabase, runBench, seedDoctorDay, SERVER_DIR, serverEnv, startServer,
} from './support';

const DATABASE_URL = process.env.BENCH_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_bench_client';
const RUNS = Number(process.env.BENCH_RUNS || 3);
const KBPS = Number(process.env.BENCH_KBPS || 1600);
const RTT_MS = Number(process.env.BENCH_RTT_MS || 150);
const DIST = process.env.BENCH_CLIENT_DIST ? path.resolve(process.env.BENCH_CLIENT_DIST) : path.resolve(SERVER_DIR, '../client/dist');

interface Load { ms: number; bytes: number; jsBytes: number; jsFiles: string[]; requests: number }

async function load(browser: Browser, url: string, ready: string, token?: string): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  // Signed in as the client keeps it (auth/token.ts), without going through the sign-in page.
  if (token) await context.addInitScript((t) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem('hms.token', t), token);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: RTT_MS,
    downloadThroughput: (KBPS * 1000) / 8,
    uploadThroughput: (KBPS * 1000) / 8 / 2,
  });
  const types = new Map<string, { type: string; url: string }>();
  let bytes = 0;
  let jsBytes = 0;
  let requests = 0;
  const jsFiles: string[] = [];
  cdp.on('Network.responseReceived', (e) => types.set(e.requestId, { type: e.type, url: e.response.url }));
  cdp.on('Network.loadingFinished', (e) => {
    requests += 1;
    bytes += e.encodedDataLength;
    const seen = types.get(e.requestId);
    if (seen?.type === 'Script') {
      jsBytes += e.encodedDataLength;
      jsFiles.push(new URL(seen.url).pathname);
    }
  });
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector(ready, { state: 'visible', timeout: 60_000 });
  const ms = Date.now() - started;
  await context.close();
  return { ms, bytes, jsBytes, jsFiles, requests };
}

/** What the same JS files weigh gzipped (the goal is stated in gzip). */
function gzippedJs(files: string[]): number {
  return files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(DIST, file))).length, 0);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function run(): Promise<void> {
  log(`database ${DATABASE_URL.replace(/\/\/[^@]*@/, '//')}: dropping, creating, migrating`);
  await resetDatabase(DATABASE_URL);
  const day = await seedDoctorDay(DATABASE_URL, 40);
  const port = await freePort();
  await startServer('src/main.ts', serverEnv(DATABASE_URL, port, { HMS_CLIENT_DIST: DIST }), port);
  const base = `http://127.0.0.1:${port}`;
  log(`HMS on ${base} serving ${DIST}; a doctor with 40 appointments today`);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const pages = [
      { name: 'sign-in', url: `${base}/sign-in`, ready: 'form button[type=submit]', goalKb: 150, goalMs: 3000 },
      { name: 'doctor day view', url: `${base}/doctor/day`, ready: '[role=listitem] >> text=Patient 0', token: day.doctorToken, goalKb: 250, goalMs: 4000 },
    ];
    // Warm-up: the server's first answers (tsx compiles lazily) are not the client's cost.
    for (const p of pages) await load(browser, p.url, p.ready, p.token);
    console.log('');
    console.log(`HMS client over ${KBPS} kbit/s, ${RTT_MS} ms RTT (Chromium, cold cache, median of ${RUNS}; load ${loadAverage()})`);
    for (const p of pages) {
      const loads: Load[] = [];
      for (let i = 0; i < RUNS; i += 1) loads.push(await load(browser, p.url, p.ready, p.token));
      const last = loads[loads.length - 1];
      const gz = gzippedJs(last.jsFiles);
      console.log(`  ${p.name.padEnd(16)} usable after ${(median(loads.map((l) => l.ms)) / 1000).toFixed(2)} s (goal <= ${p.goalMs / 1000} s); ` +
        `${last.requests} requests, ${(last.bytes / 1024).toFixed(0)} KB transferred, JS ${last.jsFiles.length} files ` +
        `${(last.jsBytes / 1024).toFixed(0)} KB on the wire, ${(gz / 1024).toFixed(0)} KB gzipped (goal <= ${p.goalKb} KB)`);
    }
  } finally {
    await browser.close();
  }
}

runBench(run, 10 * 60_000, DATABASE_URL);
