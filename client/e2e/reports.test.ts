// Issue 12 "Reports as jobs" through the pages: the doctor downloads a monthly report from the
// dashboard; the admin downloads the hospital's month and runs a large export as a job, watching it
// finish and downloading the file through its signed link.
import type { Browser } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, adminToken, launchBrowser, newPage, screenshot, seedDepartment, seedDoctor, signIn, uid } from './helpers';

let browser: Browser;
let doctor: Awaited<ReturnType<typeof seedDoctor>>;

beforeAll(async () => {
  browser = await launchBrowser();
  const token = await adminToken();
  const department = await seedDepartment(token, `Reports ${uid()}`);
  doctor = await seedDoctor(token, department.id, { fullName: `Dr Report ${uid()}` });
});
afterAll(async () => { await browser?.close(); });

describe('reports through the pages', () => {
  it('a doctor downloads a monthly report from the dashboard', async () => {
    const page = await newPage(browser);
    await signIn(page, doctor.email, doctor.password);
    const card = page.getByRole('region', { name: 'Monthly report' });
    await card.getByRole('heading', { name: 'Monthly report' }).waitFor();
    await card.getByText(/\d+ visits · \d+ patients seen/).waitFor();
    await screenshot(page, 'doctor-monthly-report');
    const download = page.waitForEvent('download');
    await card.getByRole('button', { name: 'Download PDF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^monthly-report-\d{4}-\d{2}-doctor-\d+\.pdf$/);
    expect(readFileSync((await file.path())!).subarray(0, 5).toString()).toBe('%PDF-');
    await page.context().close();
  });

  it('an admin downloads the month and runs an export as a job, then downloads it by its link', async () => {
    const page = await newPage(browser);
    const { email, password } = adminCredentials();
    await signIn(page, email, password);
    await page.getByRole('heading', { name: 'Hospital figures' }).waitFor();
    const monthly = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Monthly XLSX' }).click();
    expect((await monthly).suggestedFilename()).toMatch(/^hospital-report-\d{4}-\d{2}\.xlsx$/);

    await page.getByRole('button', { name: 'Export as a job' }).click();
    const exports = page.getByRole('region', { name: 'Your exports' });
    await exports.getByText(/Ready: hms-dashboard-.*\.xlsx/).waitFor({ timeout: 30_000 });
    await screenshot(page, 'admin-export-job-done');
    const download = page.waitForEvent('download');
    await exports.getByRole('link', { name: /Download hms-dashboard-/ }).first().click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^hms-dashboard-.*\.xlsx$/);
    expect(readFileSync((await file.path())!).subarray(0, 2).toString()).toBe('PK');
    await page.context().close();
  });
});
