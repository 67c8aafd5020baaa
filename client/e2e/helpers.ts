// Small helpers shared by the browser tests: a browser, pages on the test server,
// filling the sign-up/sign-in forms, and seeding data over the GraphQL API.
import { chromium, type Browser, type Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterEach, expect, inject } from 'vitest';

export const PASSWORD = 'Correct-Horse-42';

export function baseUrl(): string {
  return inject('baseUrl');
}

export function adminCredentials(): { email: string; password: string } {
  return inject('admin');
}

/** A short random suffix so every test makes its own data. */
export function uid(): string {
  return randomBytes(4).toString('hex');
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Uncaught page errors and Content-Security-Policy violations seen during the current test:
 * any of them fails it (afterEach below), so a CSP that breaks the client cannot pass unnoticed.
 */
const pageProblems: string[] = [];
afterEach(() => {
  const problems = pageProblems.splice(0);
  if (problems.length) throw new Error(`The browser reported ${problems.length} problem(s):\n${problems.join('\n')}`);
});

/** The server's "now" (moved by E2E_HOSPITAL_TIME); pages run on the same clock. */
export function serverNow(): Date {
  return new Date(Date.now() + inject('clockOffsetMs'));
}

/**
 * A page in its own context (own localStorage, so its own session). Page errors and CSP violations
 * fail the test. With E2E_HOSPITAL_TIME the page's clock starts at the server's "now" and runs on.
 */
export async function newPage(browser: Browser, viewport = { width: 1280, height: 860 }, options: { timezoneId?: string } = {}): Promise<Page> {
  // timezoneId: the browser's zone, for pages that must read times in the hospital's zone whatever the browser's.
  const context = await browser.newContext({ baseURL: baseUrl(), viewport, ...options });
  if (inject('clockOffsetMs') !== 0) await context.clock.install({ time: serverNow() });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.on('pageerror', (error) => {
    console.error(`[browser] ${error.message}`);
    pageProblems.push(`page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content[ -]Security[ -]Policy/i.test(message.text())) pageProblems.push(`CSP: ${message.text()}`);
  });
  // Violations the console may not show (e.g. report-only style blocks) still raise this event.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      console.error(`Content-Security-Policy violation: ${event.violatedDirective} blocked ${event.blockedURI || 'inline'}`);
    });
  });
  return page;
}

/**
 * Resolves once `count` live subscriptions of `stream` for `key` (a doctor id; the user id for
 * notificationAdded) are listening on the server (GET /__test/live-ready): no sleep before a change.
 */
export async function liveReady(stream: 'doctorScheduleChanged' | 'slotsChanged' | 'notificationAdded' | 'flowBoardChanged' | 'lobbyQueueChanged', key: string, count = 1): Promise<void> {
  const response = await fetch(`${baseUrl()}/__test/live-ready?stream=${stream}&key=${encodeURIComponent(key)}&count=${count}`);
  if (!response.ok) throw new Error(`${stream} ${key}: the subscription did not become ready (${response.status} ${await response.text()})`);
}

/** Waits until an MUI menu or dialog has finished its fade-in, for a screenshot without a half-drawn overlay. */
export async function settled(locator: import('playwright-core').Locator): Promise<void> {
  await locator.waitFor({ state: 'visible' });
  await locator.evaluate((el) => Promise.all(el.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => undefined));
  await expect.poll(() => locator.evaluate((el) => {
    const paper = el.querySelector('.MuiPaper-root') ?? el;
    return getComputedStyle(paper).opacity;
  })).toBe('1');
}

/** Saves a screenshot to /tmp/hms-e2e-<name>.png and returns the path. */
/**
 * A screenshot of a page state worth looking at, which is also a page state axe must pass:
 * every screenshot runs expectNoAxeViolations first.
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  await expectNoAxeViolations(page, name);
  const file = `/tmp/hms-e2e-${name}.png`;
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation { id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[]; failureSummary?: string }> }

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical finding
 * (issue 15, item 11). axe is evaluated through the DevTools protocol, so the page's CSP
 * (script-src 'self') does not need loosening for it. Animations settle first.
 */
export async function expectNoAxeViolations(page: Page, state = page.url()): Promise<void> {
  await page.waitForTimeout(350);
  const loaded = await page.evaluate(() => Boolean((window as unknown as { axe?: unknown }).axe));
  if (!loaded) await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 5).map((n) => ({ target: n.target, failureSummary: n.failureSummary })) }));
  });
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length) {
    const text = serious.map((v) => `- [${v.impact}] ${v.id}: ${v.help}\n${v.nodes.map((n) => `    ${JSON.stringify(n.target)} ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`).join('\n')}`).join('\n');
    throw new Error(`axe: ${serious.length} serious/critical finding(s) on "${state}":\n${text}`);
  }
}

export interface NewPatient {
  fullName: string;
  email: string;
  password: string;
  phone?: string;
  dateOfBirth?: string;
}

export function newPatient(): NewPatient {
  const id = uid();
  return { fullName: `Pat Test ${id}`, email: `pat-${id}@e2e.hms.test`, password: PASSWORD, phone: '+1 555 0100', dateOfBirth: '1990-04-12' };
}

/** Signs up through the sign-up page and waits for the patient area. */
export async function signUp(page: Page, patient: NewPatient = newPatient()): Promise<NewPatient> {
  await page.goto('/sign-up');
  await page.locator('#field-fullName').fill(patient.fullName);
  await page.locator('#field-email').fill(patient.email);
  await page.locator('#field-password').fill(patient.password);
  if (patient.phone) await page.locator('#field-phone').fill(patient.phone);
  if (patient.dateOfBirth) await page.locator('#field-dateOfBirth').fill(patient.dateOfBirth);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/patient');
  return patient;
}

/** Signs in through the sign-in page and waits to leave it. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('#field-email').fill(email);
  await page.locator('#field-password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}

/** Picks `option` in the MUI select labelled `label`. */
export async function choose(page: Page, label: string, option: string): Promise<void> {
  await page.getByRole('combobox', { name: label }).click();
  await page.getByRole('option', { name: option }).click();
}

export interface GqlResult<T> {
  data?: T;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

/** GraphQL over HTTP against the test server, for seeding and checking data. */
export async function api<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<GqlResult<T>> {
  const response = await fetch(`${baseUrl()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GqlResult<T>;
}

/** Like api() but throws on errors and returns data. */
export async function apiOk<T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<T> {
  const result = await api<T>(query, variables, token);
  if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

export async function loginToken(email: string, password: string): Promise<string> {
  const data = await apiOk<{ login: { token: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email, password },
  );
  return data.login.token;
}

export function adminToken(): Promise<string> {
  const { email, password } = adminCredentials();
  return loginToken(email, password);
}

/** Seeds a department over the API as admin; returns its id and name. */
export async function seedDepartment(token: string, name = `Dept ${uid()}`): Promise<{ id: string; name: string }> {
  const data = await apiOk<{ createDepartment: { id: string; name: string } }>(
    'mutation($input: CreateDepartmentInput!) { createDepartment(input: $input) { id name } }',
    { input: { name, description: 'Seeded by a browser test' } },
    token,
  );
  return data.createDepartment;
}

/**
 * Seeds a doctor over the API as admin and replaces the temporary password, so
 * the doctor can sign in straight to their area. Returns ids and credentials.
 */
export async function seedDoctor(
  token: string,
  departmentId: string,
  overrides: { fullName?: string; specialization?: string; consultationFee?: string } = {},
): Promise<{ id: string; fullName: string; email: string; password: string }> {
  const id = uid();
  const email = `doc-${id}@e2e.hms.test`;
  const data = await apiOk<{ createDoctor: { id: string; fullName: string } }>(
    'mutation($input: CreateDoctorInput!) { createDoctor(input: $input) { id fullName } }',
    {
      input: {
        email,
        password: 'Temporary-Pass-1',
        fullName: overrides.fullName ?? `Dr Test ${id}`,
        departmentId,
        specialization: overrides.specialization ?? 'General practice',
        consultationFee: overrides.consultationFee ?? '50.00',
      },
    },
    token,
  );
  const doctorToken = await loginToken(email, 'Temporary-Pass-1');
  await apiOk(
    'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
    { c: 'Temporary-Pass-1', n: PASSWORD },
    doctorToken,
  );
  return { ...data.createDoctor, email, password: PASSWORD };
}

/** Opens the doctor's whole week, every day around the clock, so free slots exist whenever the test runs. */
export async function seedAlwaysOpenWeek(token: string, doctorId: string, slotMinutes = 30): Promise<void> {
  await apiOk(
    'mutation($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id } }',
    {
      doctorId,
      rules: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes })),
    },
    token,
  );
}

/** The browser and an admin token a test file starts with (close the browser in its afterAll). */
export async function browserAndAdmin(): Promise<{ browser: Browser; admin: string }> {
  return { browser: await launchBrowser(), admin: await adminToken() };
}

/** A browser and a bookable doctor (30-minute slots around the clock) in a department of its own, for a file's tests. */
export async function bookingSetup(departmentName: string, doctor: Parameters<typeof seedDoctor>[2] & { fullName: string }): Promise<{
  browser: Browser; token: string; department: { id: string; name: string }; doctor: Awaited<ReturnType<typeof seedDoctor>>;
}> {
  const browser = await launchBrowser();
  const token = await adminToken();
  const department = await seedDepartment(token, `${departmentName} ${uid()}`);
  const seeded = await seedDoctor(token, department.id, { ...doctor, fullName: `${doctor.fullName} ${uid()}` });
  await seedAlwaysOpenWeek(token, seeded.id);
  return { browser, token, department, doctor: seeded };
}

/** A doctor in a department of their own, bookable around the clock every day in 15-minute slots. */
export async function seedOpenDoctor(token: string): Promise<Awaited<ReturnType<typeof seedDoctor>> & { department: { id: string; name: string } }> {
  const department = await seedDepartment(token);
  const doctor = await seedDoctor(token, department.id);
  await seedAlwaysOpenWeek(token, doctor.id, 15);
  return { ...doctor, department };
}

/**
 * Picks the first free day (in the booking steps or the reschedule dialog) and in it the first slot that is not about to start (one seconds away
 * can be refused as past by the time it is booked); returns the slot's start (ISO).
 */
export async function pickFirstFreeSlot(page: Page): Promise<string> {
  await page.locator('[role="option"]:not([disabled]):not(.Mui-disabled)').first().click();
  const slots = page.locator('button[aria-pressed]:not([disabled])');
  await slots.first().waitFor();
  const soon = serverNow().getTime() + 2 * 60_000;
  const starts = await slots.evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-starts-at') ?? ''));
  const startsAt = starts.find((at) => Date.parse(at) > soon);
  if (!startsAt) throw new Error('no free slot on the first free day that is more than 2 minutes away');
  await page.locator(`button[aria-pressed][data-starts-at="${startsAt}"]`).click();
  return startsAt;
}

/** Signs a patient up over the API (no browser); returns the token. */
export async function registerPatientApi(patient: NewPatient = newPatient()): Promise<{ token: string; patient: NewPatient }> {
  const data = await apiOk<{ register: { token: string } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { token } }',
    { input: { email: patient.email, password: patient.password, fullName: patient.fullName } },
  );
  return { token: data.register.token, patient };
}

/**
 * The first hospital day (from today) with at least `count` free slots, and those slots: late in the
 * evening today may have none left, so tests take the day the server offers instead of "today".
 */
export async function nextFreeSlots(doctorId: string, count = 1, token?: string): Promise<{ date: string; slots: string[] }> {
  const days = await apiOk<{ availableDays: Array<{ date: string; freeSlots: number }> }>(
    'query($doctorId: ID!) { availableDays(doctorId: $doctorId) { date freeSlots } }', { doctorId }, token,
  );
  // Not a slot about to start: one seconds away could be refused as past by the time it is booked.
  const soon = serverNow().getTime() + 2 * 60_000;
  for (const day of days.availableDays.filter((d) => d.freeSlots >= count)) {
    const slots = await apiOk<{ availableSlots: Array<{ startsAt: string }> }>(
      'query($doctorId: ID!, $date: LocalDate!) { availableSlots(doctorId: $doctorId, date: $date) { startsAt } }',
      { doctorId, date: day.date }, token,
    );
    const later = slots.availableSlots.map((slot) => slot.startsAt).filter((startsAt) => Date.parse(startsAt) > soon);
    if (later.length >= count) return { date: day.date, slots: later };
  }
  throw new Error(`no day with ${count} free slots`);
}

/** The doctor's first free slot over the API that is not about to start. */
export async function firstFreeSlot(doctorId: string): Promise<string> {
  return (await nextFreeSlots(doctorId, 1)).slots[0]!;
}

