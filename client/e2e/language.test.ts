// Issue 15, "choices people expect": the interface in Hindi. A patient switches to हिन्दी in the
// account menu: the navigation, the booking page and its dates read in Hindi (html lang="hi"),
// and the choice survives a reload. Signed out, the sign-in page has its own language picker.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoAxeViolations, newPage, screenshot, seedDoctor, signUp, bookingSetup,
} from './helpers';

let browser: Browser;
let department: { id: string; name: string };
let doctor: Awaited<ReturnType<typeof seedDoctor>>;
const DEVANAGARI = /[\u0900-\u097F]/;

beforeAll(async () => {
  ({ browser, department, doctor } = await bookingSetup('Neurology', { fullName: 'Dr Bhasha' }));
});
afterAll(async () => { await browser?.close(); });

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

describe('the interface in Hindi', () => {
  it('a patient switches to हिन्दी in the account menu: nav, booking page and dates in Hindi, kept after a reload', async () => {
    const page = await newPage(browser);
    await signUp(page);
    expect(await htmlLang(page)).toBe('en');
    await page.getByRole('button', { name: /^Account/ }).click();
    await page.getByRole('menuitemradio', { name: 'हिन्दी' }).click();
    await expect.poll(() => htmlLang(page)).toBe('hi');
    await page.keyboard.press('Escape');

    // The navigation, in Hindi.
    const nav = page.getByRole('navigation', { name: 'मुख्य' });
    await nav.getByRole('link', { name: 'मेरे अपॉइंटमेंट' }).waitFor();
    await nav.getByRole('link', { name: 'मुलाक़ात बुक करें' }).click();
    await page.waitForURL('**/patient/book');

    // The booking page, in Hindi, down to the day picker's dates (luxon in the chosen locale).
    await page.getByRole('heading', { level: 1, name: 'मुलाक़ात बुक करें' }).waitFor();
    await page.getByRole('heading', { name: 'कौन-सा विभाग?' }).waitFor();
    await page.getByRole('button', { name: new RegExp(department.name) }).click();
    await page.getByRole('heading', { name: 'कौन-से डॉक्टर?' }).waitFor();
    await page.getByRole('button', { name: new RegExp(doctor.fullName) }).click();
    const days = page.getByRole('listbox', { name: 'दिन' });
    await days.waitFor();
    const firstDay = days.locator('[role="option"]').first();
    const dayText = (await firstDay.textContent()) ?? '';
    // e.g. "मंगल 1 दिस॰ 48 ख़ाली": weekday and month in Hindi.
    expect(dayText).toMatch(DEVANAGARI);
    const expectedWeekday = await page.evaluate(() => new Intl.DateTimeFormat('hi', { weekday: 'short', timeZone: 'UTC' }).format(new Date()));
    expect(expectedWeekday).toMatch(DEVANAGARI);
    expect(await days.textContent()).toContain(expectedWeekday);
    await screenshot(page, 'language-booking-days-hi');

    // Remembered: a reload comes back in Hindi, on the same booking step.
    await page.reload();
    await page.getByRole('listbox', { name: 'दिन' }).waitFor();
    expect(await htmlLang(page)).toBe('hi');
    await page.getByRole('heading', { name: /से कब मिलना चाहेंगे\?$/ }).waitFor();

    // Back to English from the same menu.
    await page.getByRole('button', { name: /^खाता/ }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect.poll(() => htmlLang(page)).toBe('en');
    await page.getByRole('listbox', { name: 'Days' }).waitFor();
    await page.context().close();
  });

  for (const viewport of [{ width: 1280, height: 860 }, { width: 390, height: 844 }]) {
    it(`signed out, the sign-in page's picker switches to Hindi (${viewport.width} px)`, async () => {
      const page = await newPage(browser, viewport);
      await page.goto('/sign-in');
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      const picker = page.getByRole('combobox', { name: 'Language' });
      // Each language named in itself.
      expect(await picker.locator('option').allTextContents()).toEqual(expect.arrayContaining(['English', 'हिन्दी']));
      await picker.selectOption('hi');
      await page.getByRole('heading', { name: 'साइन इन' }).waitFor();
      expect(await htmlLang(page)).toBe('hi');
      await page.getByRole('button', { name: 'साइन इन' }).waitFor();
      await page.getByRole('link', { name: 'पासवर्ड भूल गए?' }).waitFor();
      await screenshot(page, `language-sign-in-hi-${viewport.width}`);

      // The other signed-out pages keep it and offer the same picker.
      await page.getByRole('link', { name: 'पासवर्ड भूल गए?' }).click();
      await page.getByRole('heading', { name: 'पासवर्ड भूल गए?' }).waitFor();
      await page.getByRole('combobox', { name: 'भाषा' }).waitFor();
      await expectNoAxeViolations(page, `forgot password in Hindi ${viewport.width}`);
      await page.reload();
      await page.getByRole('heading', { name: 'पासवर्ड भूल गए?' }).waitFor();
      await page.goto('/sign-up');
      await page.getByRole('heading', { name: 'अपना मरीज़ खाता बनाएँ' }).waitFor();
      await page.context().close();
    });
  }
});
