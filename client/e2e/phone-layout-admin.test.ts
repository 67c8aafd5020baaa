// Issue 15, items 6 and 7 and the i18n promise, for the admin side:
// - at 390 px every admin table keeps its status and action cells within reach: on screen, or inside
//   a region that scrolls sideways, takes keyboard focus and has a name (never clipped by the page);
//   axe passes on each page and each is screenshotted;
// - an admin page in Hindi reads in Hindi, with axe passing;
// - the reports' default range is the hospital's days, in a browser whose date is another one.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  adminCredentials, adminToken, apiOk, baseUrl, expectNoAxeViolations, newPage, newPatient, nextFreeSlots, screenshot,
  seedAlwaysOpenWeek, seedDepartment, seedDoctor, serverNow, signIn, uid, launchBrowser,
} from './helpers';

const PHONE = { width: 390, height: 844 };
const HOSPITAL_ZONE = process.env.HMS_TIMEZONE || 'UTC';

let browser: Browser;
let token: string;
let visitDay: string;

/** YYYY-MM-DD of a moment in a zone. */
function dateIn(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
}

beforeAll(async () => {
  browser = await launchBrowser();
  token = await adminToken();
  const department = await seedDepartment(token, `Phone ${uid()}`);
  const doctor = await seedDoctor(token, department.id, { fullName: `Dr Phone ${uid()}` });
  await seedAlwaysOpenWeek(token, doctor.id, 15);
  // A patient with an e-mail (a booking confirmation in the Outbox), a checked-in visit and its invoice,
  // and an API key: one row in every admin table.
  const patient = newPatient();
  const { register } = await apiOk<{ register: { user: { patient: { id: string } } } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { user { patient { id } } } }',
    { input: { email: patient.email, password: patient.password, fullName: patient.fullName } },
  );
  const { date, slots } = await nextFreeSlots(doctor.id, 1, token);
  visitDay = date;
  const { bookAppointment } = await apiOk<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { doctorId: doctor.id, startsAt: slots[0]!, patientId: register.user.patient.id, reason: 'Phone layout' } },
    token,
  );
  await apiOk('mutation($id: ID!) { setAppointmentStatus(id: $id, status: CHECKED_IN) { id } }', { id: bookAppointment.id }, token);
  await apiOk('mutation($id: ID!) { issueInvoice(appointmentId: $id) { id } }', { id: bookAppointment.id }, token);
  await apiOk('mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { id } }',
    { input: { name: `Phone key ${uid()}`, scopes: ['schedule:read'] } }, token);
});
afterAll(async () => { await browser?.close(); });

async function adminPage(viewport = PHONE): Promise<Page> {
  const page = await newPage(browser, viewport);
  const { email, password } = adminCredentials();
  await signIn(page, email, password);
  return page;
}

/**
 * The first body row's cell under each named column of the table in `region`, brought into view the
 * way a person would (the region scrolls sideways): it must then be on screen and not covered or
 * clipped, and anything that had to scroll for it must be a focusable, named region.
 */
async function expectCellsReachable(region: Locator, columns: string[], fits = false): Promise<void> {
  const table = region.getByRole('table').first();
  await table.locator('tbody tr').first().waitFor();
  const headers = await table.locator('thead th').evaluateAll((cells) => cells.map((cell) => ({
    text: (cell.textContent ?? '').trim(),
    shown: getComputedStyle(cell).display !== 'none',
  })));
  for (const column of columns) {
    const index = headers.findIndex((header) => header.text === column);
    expect(index, `column "${column}" in ${JSON.stringify(headers.map((h) => h.text))}`).toBeGreaterThanOrEqual(0);
    expect(headers[index]!.shown, `column "${column}" is shown at 390 px`).toBe(true);
    const cell = table.locator('tbody tr').first().locator(':scope > td').nth(index);
    if (fits) {
      // Tables laid out for phones show their status and actions without any sideways scrolling, in every row.
      const rights = await table.locator('tbody tr').evaluateAll((rows, at) => rows
        .map((row) => row.querySelectorAll(':scope > td')[at])
        .filter((td): td is Element => Boolean(td) && (td as Element).parentElement!.children.length > at)
        .map((td) => td.getBoundingClientRect().right), index);
      const widest = Math.max(...rights);
      expect(widest, `"${column}" is on screen without scrolling in all ${rights.length} rows`).toBeLessThanOrEqual(PHONE.width);
    }
    await cell.scrollIntoViewIfNeeded();
    const seen = await cell.evaluate((el) => {
      const rect = el.getBoundingClientRect();
      const x = Math.min(rect.left + Math.min(rect.width, 48) / 2, window.innerWidth - 1);
      const y = rect.top + Math.min(rect.height, 32) / 2;
      const top = document.elementFromPoint(x, y);
      const scrolled: Array<{ tag: string; overflowX: string; tabIndex: number; label: string | null }> = [];
      for (let parent = el.parentElement; parent; parent = parent.parentElement) {
        if (parent.scrollLeft > 0) {
          scrolled.push({ tag: parent.tagName, overflowX: getComputedStyle(parent).overflowX, tabIndex: parent.tabIndex, label: parent.getAttribute('aria-label') });
        }
      }
      return {
        left: rect.left, right: rect.left + Math.min(rect.width, 48), width: window.innerWidth,
        onTop: Boolean(top && (el === top || el.contains(top))),
        pageWidth: document.documentElement.scrollWidth,
        scrolled,
      };
    });
    expect(seen.left, `"${column}" starts on screen`).toBeGreaterThanOrEqual(0);
    expect(seen.right, `"${column}" is on screen`).toBeLessThanOrEqual(seen.width);
    expect(seen.onTop, `"${column}" is not covered or clipped`).toBe(true);
    // The page itself never scrolls sideways: only the table's own region does.
    expect(seen.pageWidth, 'the page is no wider than the phone').toBeLessThanOrEqual(seen.width);
    for (const scroller of seen.scrolled) {
      expect(scroller.overflowX, `${scroller.tag} scrolls for the reader, not only for scripts`).toMatch(/auto|scroll/);
      expect(scroller.tabIndex, `${scroller.tag} takes keyboard focus`).toBeGreaterThanOrEqual(0);
      expect(scroller.label, `${scroller.tag} has a name`).toBeTruthy();
    }
  }
}

describe('admin tables at 390 px', () => {
  // [path, region name, columns that must stay reachable, fits without scrolling, screenshot name]
  const pages: Array<[string, string, string[], boolean, string]> = [
    ['/admin/appointments', 'Appointments table', ['Status', 'Actions'], true, 'phone-admin-appointments'],
    ['/admin/billing', 'Invoices table', ['Invoice', 'Status', 'Balance'], true, 'phone-admin-invoices'],
    ['/admin/patients', 'Patients', ['Name', 'Status'], false, 'phone-admin-patients'],
    ['/admin/doctors', 'Doctors table', ['Status', 'Actions'], true, 'phone-admin-doctors'],
    ['/admin/departments', 'Departments table', ['Status', 'Actions'], true, 'phone-admin-departments'],
    ['/admin/accounts', 'Accounts table', ['Status', 'Actions'], false, 'phone-admin-accounts'],
    ['/admin/audit', 'Audit events table', ['Action', 'By'], false, 'phone-admin-audit'],
    ['/admin/messages', 'Messages table', ['Status', 'Actions'], true, 'phone-admin-messages'],
    ['/admin/integrations', 'API keys table', ['Status', 'Actions'], true, 'phone-admin-integrations'],
  ];

  it('keeps status and action cells reachable on every admin table, with axe passing', async () => {
    const page = await adminPage();
    for (const [path, region, columns, fits, name] of pages) {
      await page.goto(path);
      const container = page.getByRole('region', { name: region, exact: true });
      await container.waitFor();
      await expectCellsReachable(container, columns, fits);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, name);
    }
    await page.context().close();
  });

  it('the flow board at 390 px keeps state and actions reachable, with axe passing', async () => {
    const page = await adminPage();
    await page.goto(`/admin/flow?date=${visitDay}`);
    // The visit's day (late in the evening the next free slot is tomorrow's).
    const board = page.getByRole('region', { name: 'Flow board', exact: true });
    await board.waitFor();
    await expectCellsReachable(board, ['State', 'Actions']);
    await screenshot(page, 'phone-admin-flow');
    await page.context().close();
  });

  it('an admin page in Hindi reads in Hindi, with axe passing', async () => {
    const page = await adminPage();
    // Chosen in the account menu before; the sign-in above stays in English for the shared helper.
    await page.evaluate(() => localStorage.setItem('hms.language', 'hi'));
    await page.goto('/admin/doctors');
    await page.getByRole('heading', { name: 'डॉक्टर', exact: true }).waitFor();
    const table = page.getByRole('region', { name: 'डॉक्टरों की तालिका' });
    await table.getByRole('columnheader', { name: 'स्थिति' }).waitFor();
    await table.getByRole('columnheader', { name: 'कार्रवाइयाँ' }).waitFor();
    await page.getByRole('button', { name: 'नया डॉक्टर' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await expectCellsReachable(table, ['स्थिति', 'कार्रवाइयाँ'], true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'phone-admin-doctors-hi');
    await page.goto('/admin/billing');
    await page.getByRole('heading', { name: 'बिलिंग', exact: true }).waitFor();
    await page.getByRole('region', { name: 'इनवॉइस की तालिका' }).getByRole('columnheader', { name: 'बकाया' }).waitFor();
    await expectNoAxeViolations(page, 'admin billing in Hindi');
    await page.context().close();
  });
});

describe('report dates are hospital days', () => {
  it('the default range ends on the hospital\'s today in a browser on Pacific/Kiritimati (UTC+14)', async () => {
    // A moment when Kiritimati's date is already the next one: 10:00 UTC or later.
    let at = serverNow();
    let moved = false;
    if (at.getUTCHours() < 11) {
      at = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - 1, 23, 0));
      const response = await fetch(`${baseUrl()}/__test/clock`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ at: at.toISOString() }),
      });
      expect(response.ok).toBe(true);
      moved = true;
    }
    try {
      const hospitalToday = dateIn(at, HOSPITAL_ZONE);
      const browserToday = dateIn(at, 'Pacific/Kiritimati');
      expect(browserToday, 'the browser and the hospital are on different dates').not.toBe(hospitalToday);

      const page = await newPage(browser, { width: 1280, height: 900 }, { timezoneId: 'Pacific/Kiritimati' });
      if (inject('clockOffsetMs') === 0) await page.context().clock.install({ time: at });
      else await page.context().clock.setSystemTime(at);
      const { email, password } = adminCredentials();
      await signIn(page, email, password);
      await page.getByRole('heading', { name: 'Hospital figures' }).waitFor();
      const from = new Date(`${hospitalToday}T12:00:00Z`);
      from.setUTCDate(from.getUTCDate() - 29);
      await expect.poll(() => page.getByLabel('To', { exact: true }).inputValue()).toBe(hospitalToday);
      expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe(from.toISOString().slice(0, 10));
      // The preset is recognised as such (its range is computed in the same zone).
      expect(await page.getByRole('button', { name: '30 days' }).getAttribute('aria-pressed')).toBe('true');
      // What the server answered for: the caption names the range it counted.
      await page.getByText(/^Hospital days .* \(.+\)\.$/).waitFor();
      await expectNoAxeViolations(page, 'admin report in a far-east browser');
      await page.context().close();
    } finally {
      if (moved) {
        await fetch(`${baseUrl()}/__test/clock`, {
          method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ offsetMs: inject('clockOffsetMs') }),
        });
      }
    }
  });
});
