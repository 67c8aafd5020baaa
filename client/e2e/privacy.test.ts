// Issue 9 through the browser: a patient sees a doctor's read of their history on "Who opened my records";
// an admin finds it in the audit log by patient, action and person, with names and hospital times.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCredentials, adminToken, apiOk, choose, firstFreeSlot, launchBrowser, loginToken, newPage, PASSWORD, screenshot,
  seedAlwaysOpenWeek, seedDepartment, seedDoctor, signIn, uid,
} from './helpers';

let browser: Browser;
let doctor: Awaited<ReturnType<typeof seedDoctor>>;
const patient = { fullName: `Rita Private ${uid()}`, email: `rita-${uid()}@e2e.hms.test`, password: PASSWORD, id: '' };

beforeAll(async () => {
  browser = await launchBrowser();
  const token = await adminToken();
  const department = await seedDepartment(token, `Neurology ${uid()}`);
  doctor = await seedDoctor(token, department.id, { fullName: `Dr Reader ${uid()}` });
  await seedAlwaysOpenWeek(token, doctor.id, 15);
  const { register } = await apiOk<{ register: { user: { patient: { id: string } } } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { user { patient { id } } } }',
    { input: { email: patient.email, password: patient.password, fullName: patient.fullName } },
  );
  patient.id = register.user.patient.id;
  // A booked visit in the coming days puts the patient in the doctor's care; the doctor opens the history.
  await apiOk(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { doctorId: doctor.id, startsAt: await firstFreeSlot(doctor.id), patientId: patient.id, reason: 'Headaches' } },
    token,
  );
  const doctorToken = await loginToken(doctor.email, doctor.password);
  await apiOk('query($p: ID!) { patientHistory(patientId: $p) { id } }', { p: patient.id }, doctorToken);
});
afterAll(async () => { await browser?.close(); });

describe('who opened my records', () => {
  it('the patient follows the link from the history page and sees the doctor\'s read', async () => {
    const page = await newPage(browser);
    await signIn(page, patient.email, patient.password);
    await page.goto('/patient/history');
    await page.getByRole('link', { name: 'Who opened my records' }).click();
    await page.waitForURL('**/patient/record-access');
    const table = page.getByRole('table', { name: 'Who opened my records' });
    const row = table.getByRole('row').filter({ hasText: doctor.fullName });
    await row.first().waitFor();
    await expect(row.count()).resolves.toBe(1);
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('Your medical history');
    expect(text).toContain('Opened');
    expect(text).toContain('Doctor');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
    await screenshot(page, 'record-access');
    await page.context().close();
  });
});

describe('the admin audit log', () => {
  it('filters by patient, action and person, and shows names instead of ids', async () => {
    const page = await newPage(browser);
    const { email, password } = adminCredentials();
    await signIn(page, email, password);
    await page.goto('/admin/audit');
    const table = page.getByRole('table', { name: 'Audit events' });
    await table.waitFor();

    await page.getByLabel('Patient').fill(patient.fullName);
    await choose(page, 'Action', 'Clinical records opened');
    const read = table.getByRole('row').filter({ hasText: 'record.history' }).filter({ hasText: doctor.fullName });
    await read.first().waitFor();
    // The doctor's read, and the patient's own opening of their history page in the test above: nothing else about them.
    await expect.poll(async () => {
      const rows = await table.locator('tbody > tr').allTextContents();
      return rows.length === 2 && rows.every((r) => r.includes('record.history') && r.includes(patient.fullName));
    }, { timeout: 10_000 }).toBe(true);
    await expect(read.count()).resolves.toBe(1);
    await screenshot(page, 'audit-by-patient');
    const text = (await read.first().textContent()) ?? '';
    expect(text).toContain(doctor.fullName);
    expect(text).toContain(patient.fullName);
    expect(text).toContain('doctor');

    // Clicking the reader narrows to them; clearing the patient shows their other events too.
    await read.first().getByRole('button', { name: doctor.fullName }).click();
    await page.getByText(`By ${doctor.fullName}`).waitFor();
    await page.getByLabel('Patient').fill('');
    await choose(page, 'Action', 'All actions');
    await table.getByRole('row').filter({ hasText: 'record.history' }).first().waitFor();
    await expect.poll(async () => {
      const rows = await table.locator('tbody > tr').allTextContents();
      return rows.length > 0 && rows.every((row) => row.includes(doctor.fullName));
    }, { timeout: 10_000 }).toBe(true);

    // A day range with nothing in it empties the list.
    await page.getByLabel('From day').fill('2020-01-01');
    await page.getByLabel('To day').fill('2020-01-02');
    await page.getByText('No audit events match').waitFor();
    await screenshot(page, 'audit-filters');
    await page.context().close();
  });
});
