// `npm run screenshots`: the main pages of each role at 390 px (a phone), on the demo hospital,
// saved to docs/screenshots/*.png for the README. Starts HMS on a scratch database
// (SCREENSHOTS_DATABASE_URL, default mysql://root@127.0.0.1:3306/hms_screenshots; dropped and
// re-seeded with HMS_DEMO=true on every run), port 0, the clock pinned to 10:40 hospital time of
// today (Asia/Kolkata) so the day views show visits done, in progress and to come.
// Needs the built client (the npm script builds it when its sources changed) and /usr/bin/chromium.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const serverDir = path.join(root, 'server');
const outDir = path.join(root, 'docs/screenshots');
const requireServer = createRequire(path.join(serverDir, 'package.json'));
const mysql = requireServer('mysql2/promise');
const { DateTime } = requireServer('luxon');

const DATABASE_URL = process.env.SCREENSHOTS_DATABASE_URL || 'mysql://root@127.0.0.1:3306/hms_screenshots';
const ZONE = 'Asia/Kolkata';
const PASSWORD = 'Demo-Hospital-2026'; // server/src/demo/demo-seed.ts DEMO_PASSWORD
const DOMAIN = 'demo.hms.example.org';
const WIDTH = 390;
const HEIGHT = 844;
const MAX_HEIGHT = 2 * HEIGHT; // the first two screens: enough to judge a page, small enough for the README

const SHOTS = {
  admin: { email: `admin@${DOMAIN}`, pages: [['admin-dashboard', '/admin'], ['admin-appointments', '/admin/appointments'], ['admin-patients', '/admin/patients']] },
  doctor: { email: `ananya.sharma@${DOMAIN}`, pages: [['doctor-day', '/doctor/day'], ['doctor-hours', '/doctor/hours']] },
  patient: { email: `anita.desai@${DOMAIN}`, pages: [['patient-book', '/patient/book'], ['patient-appointments', '/patient/appointments'], ['patient-history', '/patient/history']] },
};

const log = (message) => console.log(`[screenshots] ${message}`);

async function resetDatabase() {
  const url = new URL(DATABASE_URL);
  const name = decodeURIComponent(url.pathname.slice(1));
  if (!/^[A-Za-z0-9_]+$/.test(name)) throw new Error(`unexpected database name ${name}`);
  const connection = await mysql.createConnection({
    host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username || 'root'), password: decodeURIComponent(url.password),
  });
  await connection.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await connection.end();
}

/** HMS on port 0 with HMS_DEMO=true; resolves with the port from its "HMS listening on" line. */
function startServer(now) {
  const env = { ...process.env, DATABASE_URL, PORT: '0', HMS_DEMO: 'true', HMS_TIMEZONE: ZONE, HMS_TEST_CLOCK: '1', HMS_TEST_NOW: now.toISOString(), NODE_ENV: 'development' };
  delete env.HMS_ADMIN_EMAIL; // the demo admin, whose password the seed prints
  delete env.HMS_ADMIN_PASSWORD;
  const child = spawn(process.execPath, ['--require', 'tsx/cjs', 'src/main.ts'], { cwd: serverDir, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`HMS did not start within 120 s:\n${output.slice(-2000)}`)), 120_000);
    const onData = (chunk) => {
      output += chunk;
      const match = /HMS listening on http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`HMS exited (${code}) before listening:\n${output.slice(-2000)}`));
    });
  });
}

/** Waits until the page has no request in flight and no spinner, then lets layout settle. */
async function settle(page) {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page.waitForFunction(() => !document.querySelector('[role="progressbar"]'), undefined, { timeout: 15_000 }).catch(() => undefined);
  await page.waitForTimeout(600);
}

/** Names in Devanagari print as boxes without a font for them (Debian: fonts-noto-core). */
function checkFonts() {
  try {
    if (!execFileSync('fc-list', [':lang=hi'], { encoding: 'utf8' }).trim()) log('no Devanagari font installed: Hindi names will show as boxes (apt-get install -y fonts-noto-core)');
  } catch {
    // no fontconfig tools: nothing to check
  }
}

async function main() {
  checkFonts();
  // 10:40 hospital time today: morning visits done, one in progress, patients waiting, the afternoon to come.
  const now = DateTime.now().setZone(ZONE).set({ hour: 10, minute: 40, second: 0, millisecond: 0 }).toJSDate();
  await resetDatabase();
  const started = Date.now();
  const { child, port } = await startServer(now);
  log(`HMS seeded and listening on port ${port} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
  mkdirSync(outDir, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    for (const [role, { email, pages }] of Object.entries(SHOTS)) {
      const context = await browser.newContext({ baseURL: `http://127.0.0.1:${port}`, viewport: { width: WIDTH, height: HEIGHT }, deviceScaleFactor: 1, timezoneId: ZONE, locale: 'en-IN' });
      await context.clock.install({ time: now });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      await page.goto('/sign-in');
      await page.locator('#field-email').fill(email);
      await page.locator('#field-password').fill(PASSWORD);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
      for (const [name, url] of pages) {
        await page.goto(url);
        await settle(page);
        const file = path.join(outDir, `${name}.png`);
        const height = await page.evaluate(() => document.documentElement.scrollHeight);
        await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height: Math.min(height, MAX_HEIGHT) } });
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        log(`${role.padEnd(7)} ${url.padEnd(22)} -> docs/screenshots/${name}.png (${Math.round(statSync(file).size / 1024)} KB${scroll > WIDTH ? `, page ${scroll} px wide: something overflows` : ''})`);
      }
      await context.close();
    }
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
