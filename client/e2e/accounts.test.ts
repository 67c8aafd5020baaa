// Issue 9 through the browser: a doctor invited by link chooses a password and is signed in; an
// admin switches an account off from the Accounts page and the doctor's open session ends at once.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, adminToken, choose, launchBrowser, newPage, PASSWORD, screenshot, seedDepartment, seedDoctor, signIn, uid } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('accounts', () => {
  it('invite → accept → the doctor is signed in', async () => {
    const department = await seedDepartment(await adminToken());
    const admin = adminCredentials();
    const page = await newPage(browser);
    await signIn(page, admin.email, admin.password);
    await page.goto('/admin/doctors');
    const doctorName = `Dr Invited ${uid()}`;
    const doctorEmail = `invited-${uid()}@e2e.hms.test`;
    await page.getByRole('button', { name: 'New doctor' }).click();
    await page.locator('#field-fullName').fill(doctorName);
    await choose(page, 'Department', department.name);
    await page.locator('#field-email').fill(doctorEmail);
    await page.locator('#field-specialization').fill('Family medicine');
    await page.getByRole('button', { name: 'Create doctor' }).click();
    const link = page.getByTestId('invitation-url');
    await link.waitFor();
    const url = await link.inputValue();
    expect(url).toMatch(/\/invitation\/[A-Za-z0-9_-]{40,}$/);
    await screenshot(page, 'admin-invitation-link');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.context().close();

    const doctorPage = await newPage(browser);
    await doctorPage.goto(new URL(url).pathname);
    await doctorPage.locator('#field-password').fill(PASSWORD);
    await doctorPage.locator('#field-confirmPassword').fill(PASSWORD);
    await doctorPage.getByRole('button', { name: 'Set password and sign in' }).click();
    await doctorPage.waitForURL('**/doctor');
    // A name stored with its title is not titled twice (issue 15 item 10: no "Dr. Dr.").
    await doctorPage.getByRole('heading', { name: doctorName, exact: true }).waitFor();
    expect(await doctorPage.getByRole('heading', { level: 1 }).first().textContent()).not.toMatch(/Dr\.? Dr/);
    await doctorPage.context().close();

    // The link works once.
    const again = await newPage(browser);
    await again.goto(new URL(url).pathname);
    await again.locator('#field-password').fill('Another-Pass-99');
    await again.locator('#field-confirmPassword').fill('Another-Pass-99');
    await again.getByRole('button', { name: 'Set password and sign in' }).click();
    await again.getByText('This invitation link is not valid').waitFor();
    await again.context().close();
  });

  it('an admin deactivates a doctor: the doctor\'s open page is signed out at once; reactivated, they sign in again', async () => {
    const token = await adminToken();
    const department = await seedDepartment(token);
    const doctor = await seedDoctor(token, department.id);
    const doctorPage = await newPage(browser);
    await signIn(doctorPage, doctor.email, doctor.password);
    await doctorPage.getByRole('heading', { name: doctor.fullName, exact: true }).waitFor();

    const admin = adminCredentials();
    const page = await newPage(browser);
    await signIn(page, admin.email, admin.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Accounts' }).click();
    await page.waitForURL('**/admin/accounts');
    await page.getByLabel('Search email').fill(doctor.email);
    const row = page.getByTestId(`account-${doctor.email}`);
    await row.getByText('Active', { exact: true }).waitFor();
    await row.getByRole('button', { name: 'Deactivate' }).click();
    const switchedOffAt = Date.now();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate' }).click();
    await row.getByText('Inactive', { exact: true }).waitFor();
    await screenshot(page, 'admin-accounts');

    // The doctor's socket is closed by the server; the page lands on sign-in without a reload.
    await doctorPage.waitForURL('**/sign-in**', { timeout: 5000 });
    expect(Date.now() - switchedOffAt).toBeLessThan(5000);
    await doctorPage.locator('#field-email').fill(doctor.email);
    await doctorPage.locator('#field-password').fill(doctor.password);
    await doctorPage.getByRole('button', { name: 'Sign in' }).click();
    await doctorPage.getByText('This account has been deactivated').waitFor();

    await row.getByRole('button', { name: 'Reactivate' }).click();
    await row.getByText('Active', { exact: true }).waitFor();
    await signIn(doctorPage, doctor.email, doctor.password);
    await doctorPage.getByRole('heading', { name: doctor.fullName, exact: true }).waitFor();
    await page.context().close();
    await doctorPage.context().close();
  });
});
