// Issue 15: keyboard-only booking (the day picker's arrow keys), 12/24-hour times and the
// light/dark theme chosen in the account menu, remembered across reloads; axe on each state.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations, newPage, screenshot, seedDoctor, signUp, bookingSetup,
} from './helpers';

let browser: Browser;
let department: { id: string; name: string };
let doctor: Awaited<ReturnType<typeof seedDoctor>>;

beforeAll(async () => {
  ({ browser, department, doctor } = await bookingSetup('Neurology', { fullName: 'Dr Keys' }));
});
afterAll(async () => { await browser?.close(); });

describe('choices people expect', () => {
  it('books with the keyboard alone: one tab stop for the days, arrow keys between them, Enter to pick', async () => {
    const page = await newPage(browser);
    await signUp(page);
    await page.goto('/patient/book');
    await page.getByRole('button', { name: new RegExp(department.name) }).click();
    await page.getByRole('button', { name: new RegExp(doctor.fullName) }).click();
    const days = page.getByRole('listbox', { name: 'Days' });
    await days.waitFor();
    expect(await days.locator('[role=option][tabindex="0"]').count()).toBe(1);
    await days.locator('[role=option][tabindex="0"]').focus();
    const first = await page.evaluate(() => document.activeElement?.textContent);
    await page.keyboard.press('ArrowRight');
    const second = await page.evaluate(() => document.activeElement?.textContent);
    expect(second).not.toBe(first);
    await page.keyboard.press('ArrowLeft');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(first);
    await page.keyboard.press('Enter');
    const slot = page.locator('button[aria-pressed]').first();
    await slot.waitFor();
    await slot.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
    await page.locator('#field-reason').fill('Headaches');
    await page.getByRole('button', { name: 'Confirm booking' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL('**/patient/appointments');
    await page.getByTestId('appointment-card').filter({ hasText: doctor.fullName }).waitFor();
    await expectNoAxeViolations(page, 'keyboard-booked');
    await page.context().close();
  });

  it('switches 12/24-hour times and the dark theme in the account menu, remembered after a reload, at 390 px too', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    const patient = await signUp(page);
    await page.goto('/patient/book');
    await page.getByRole('button', { name: new RegExp(department.name) }).click();
    await page.getByRole('button', { name: new RegExp(doctor.fullName) }).click();
    await page.locator('[role="option"]:not([disabled])').first().click();
    await page.locator('button[aria-pressed]').first().click();
    await page.getByRole('button', { name: 'Confirm booking' }).click();
    await page.waitForURL('**/patient/appointments');
    const card = page.getByTestId('appointment-card').first();
    await card.waitFor();

    // The browser's locale (en-US here) first: 12-hour, both ends of the range alike.
    expect(await card.textContent()).toMatch(/\d{1,2}:\d{2}\s?[AP]M – \d{1,2}:\d{2}\s?[AP]M/);
    expect(await card.textContent()).not.toMatch(/\b0\d:\d{2}\s?[AP]M/);

    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menu', { name: 'Account' }).waitFor();
    await expectNoAxeViolations(page, 'phone-account-menu');
    await page.getByRole('menuitemradio', { name: /24-hour/ }).click();
    await expect.poll(async () => (await page.getByTestId('appointment-card').first().textContent()) ?? '').toMatch(/\d{2}:\d{2} – \d{2}:\d{2}/);
    expect(await page.getByTestId('appointment-card').first().textContent()).not.toMatch(/[AP]M/);

    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitemradio', { name: 'Theme: dark' }).click();
    await page.keyboard.press('Escape');
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    await expect.poll(background).toBe('rgb(15, 23, 25)');
    await screenshot(page, 'phone-dark-appointments');

    await page.reload();
    await page.getByTestId('appointment-card').first().waitFor();
    expect(await background()).toBe('rgb(15, 23, 25)');
    expect(await page.getByTestId('appointment-card').first().textContent()).toMatch(/\d{2}:\d{2} – \d{2}:\d{2}/);

    // Signed out, the plain sign-in page follows the same choice.
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    expect(await page.evaluate(() => document.documentElement.dataset.scheme)).toBe('dark');
    await page.getByRole('main').waitFor();
    await screenshot(page, 'phone-dark-sign-in');
    expect(patient.email).toContain('@');
    await page.context().close();
  });

  it('the sign-in and sign-up pages pass axe in light colours at both widths', async () => {
    for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
      const page = await newPage(browser, viewport);
      await page.goto('/sign-in');
      await page.getByRole('main').waitFor();
      await screenshot(page, `sign-in-${viewport.width}`);
      await page.goto('/sign-up');
      await page.getByRole('heading', { name: 'Create your patient account' }).waitFor();
      await screenshot(page, `sign-up-${viewport.width}`);
      await page.context().close();
    }
  });
});
