// Issue 15 item 4: the booking steps are in the URL. The browser's Back at the confirm step shows the
// slot step, a reload stays on the step, and after each step the focus is on the new step's heading
// (not the page body), for the patient's booking page and the front desk's book-for-a-patient page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCredentials, expectNoAxeViolations, newPage, pickFirstFreeSlot, registerPatientApi, seedDoctor, signIn, signUp, bookingSetup,
} from './helpers';

let browser: Browser;
let department: { id: string; name: string };
let doctor: Awaited<ReturnType<typeof seedDoctor>>;

beforeAll(async () => {
  ({ browser, department, doctor } = await bookingSetup('Cardiology', { fullName: 'Dr Steps' }));
});
afterAll(async () => { await browser?.close(); });

/** The focused element's text and tag: the step heading, not the body. */
async function focused(page: Page): Promise<{ tag: string; text: string }> {
  return page.evaluate(() => ({ tag: document.activeElement?.tagName ?? '', text: document.activeElement?.textContent ?? '' }));
}

async function expectFocusOn(page: Page, heading: string | RegExp): Promise<void> {
  await expect.poll(() => focused(page)).toMatchObject({ tag: 'H2', text: expect.stringMatching(heading) });
}

/** From the department step to the confirm step, checking the URL and the focus at each step. */
async function walkTheSteps(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Which department?' }).waitFor();
  await page.getByRole('button', { name: new RegExp(department.name) }).click();
  await page.waitForURL((url) => url.searchParams.get('department') === department.id);
  await expectFocusOn(page, 'Which doctor?');

  await page.getByRole('button', { name: new RegExp(doctor.fullName) }).click();
  await page.waitForURL((url) => url.searchParams.get('doctor') === doctor.id);
  await page.getByRole('listbox', { name: 'Days' }).waitFor();
  await expectFocusOn(page, /^When would you like to see/);

  const startsAt = await pickFirstFreeSlot(page);
  await page.waitForURL((url) => url.searchParams.get('slot') === startsAt);
  expect(new URL(page.url()).searchParams.get('date')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
  await expectFocusOn(page, 'Confirm your visit');
  return startsAt;
}

for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
  describe(`booking steps in the URL at ${viewport.width} px`, () => {
    it('a patient: Back at confirm shows the slot step, a reload keeps the step, focus on each step heading', async () => {
      const page = await newPage(browser, viewport);
      await signUp(page);
      await page.goto('/patient/book');
      const startsAt = await walkTheSteps(page);
      await expectNoAxeViolations(page, `booking confirm ${viewport.width}`);

      // Back at step 5 (confirm) goes to step 4 (the free times), not out of the flow.
      await page.goBack();
      await page.getByRole('heading', { name: /^Free times on/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/patient/book');
      expect(new URL(page.url()).searchParams.get('slot')).toBeNull();
      await page.locator(`button[aria-pressed][data-starts-at="${startsAt}"]`).waitFor();
      await expectFocusOn(page, /^Free times on/);
      await expectNoAxeViolations(page, `booking slots after Back ${viewport.width}`);

      // A reload stays on the slot step, focus on its heading.
      await page.reload();
      await page.getByRole('heading', { name: /^Free times on/ }).waitFor();
      await expectFocusOn(page, /^Free times on/);

      // Forward again, then a reload of the confirm step keeps it, and booking still works from there.
      await page.goForward();
      await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
      await page.reload();
      await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
      await expectFocusOn(page, 'Confirm your visit');
      await page.getByRole('button', { name: 'Confirm booking' }).click();
      await page.waitForURL('**/patient/appointments');
      await page.getByText(`Booked: ${doctor.fullName}`).waitFor();
      await page.context().close();
    });

    it('the front desk books for a patient through the same steps; Back at confirm shows the slot step', async () => {
      const { patient } = await registerPatientApi();
      const page = await newPage(browser, viewport);
      const admin = adminCredentials();
      await signIn(page, admin.email, admin.password);
      await page.goto('/admin/book');
      await page.getByRole('combobox', { name: /^Find patient/ }).fill(patient.fullName);
      await page.getByRole('option', { name: new RegExp(patient.fullName) }).click();
      await walkTheSteps(page);
      await page.goBack();
      await page.getByRole('heading', { name: /^Free times on/ }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/admin/book');
      await expectFocusOn(page, /^Free times on/);
      await expectNoAxeViolations(page, `admin booking slots after Back ${viewport.width}`);

      // The page's own Back button goes back in the browser's history too: Forward returns to the slots.
      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await page.getByRole('heading', { name: /^When would you like to see/ }).waitFor();
      expect(new URL(page.url()).searchParams.get('date')).toBeNull();
      await expectFocusOn(page, /^When would you like to see/);
      await page.goForward();
      await page.getByRole('heading', { name: /^Free times on/ }).waitFor();
      await page.context().close();
    });
  });
}
