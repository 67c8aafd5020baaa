// Issue 13 through the browser: a recurring visit with clashes shown per date, and a waitlist
// offer that a patient takes from the waitlist page after someone else cancels.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminToken, apiOk, choose, firstFreeSlot, launchBrowser, newPage, pickFirstFreeSlot, registerPatientApi, screenshot,
  seedAlwaysOpenWeek, seedDepartment, seedDoctor, signUp, uid,
} from './helpers';

let browser: Browser;
let token: string;
let department: { id: string; name: string };
let doctor: Awaited<ReturnType<typeof seedDoctor>>;

beforeAll(async () => {
  browser = await launchBrowser();
  token = await adminToken();
  department = await seedDepartment(token, `Physio ${uid()}`);
  doctor = await seedDoctor(token, department.id, { fullName: `Dr Series ${uid()}` });
  await seedAlwaysOpenWeek(token, doctor.id);
});
afterAll(async () => { await browser?.close(); });

async function patientId(patientToken: string): Promise<string> {
  return (await apiOk<{ me: { patient: { id: string } } }>('{ me { patient { id } } }', {}, patientToken)).me.patient.id;
}

describe('scheduling through the pages', () => {
  it('a patient books a weekly series; the dates someone else holds are listed with their reason', async () => {
    const other = await registerPatientApi();
    const page = await newPage(browser);
    await signUp(page);
    await page.goto('/patient/book');
    await page.getByRole('button', { name: new RegExp(department.name) }).click();
    await page.getByRole('button', { name: new RegExp(doctor.fullName) }).click();
    await page.getByRole('listbox', { name: 'Days' }).waitFor();
    // The slot this page picked, not "the API's first one": the two differ once a slot starts meanwhile.
    const first = await pickFirstFreeSlot(page);
    await page.getByRole('heading', { name: 'Confirm your visit' }).waitFor();
    // Weeks 2 and 3 at the same time are someone else's.
    const weekLater = new Date(Date.parse(first) + 7 * 86_400_000).toISOString();
    await apiOk('mutation($i: BookAppointmentSeriesInput!) { bookAppointmentSeries(input: $i) { seriesId } }',
      { i: { doctorId: doctor.id, startsAt: weekLater, count: 2, mode: 'ALL_OR_NOTHING', patientId: await patientId(other.token) } }, token);

    await page.getByRole('button', { name: 'Make it a recurring visit' }).click();
    await page.locator('#field-seriesCount').fill('4');
    await page.getByRole('button', { name: 'Book the series' }).click();
    const result = page.getByTestId('series-result');
    // An error shows in the form instead of the result: fail with its text rather than a timeout.
    await result.or(page.getByTestId('series-form').getByRole('alert')).first().waitFor({ timeout: 40_000 });
    expect(await page.getByTestId('series-form').locator('.MuiAlert-standardError').allTextContents()).toEqual([]);
    expect(await result.getByRole('alert').textContent()).toContain('Booked 2 visits. 2 dates could not be booked');
    expect(await page.getByTestId('series-clash').count()).toBe(2);
    await screenshot(page, 'series-clashes');
    await page.goto('/patient/appointments');
    await page.getByTestId('appointment-card').first().waitFor();
    expect(await page.getByText('Recurring').count()).toBeGreaterThanOrEqual(1);
  });

  it('a patient joins the waitlist, is offered a cancelled slot and books it', async () => {
    const holder = await registerPatientApi();
    const slot = await firstFreeSlot(doctor.id);
    const booked = await apiOk<{ bookAppointment: { id: string } }>('mutation($i: BookAppointmentInput!) { bookAppointment(input: $i) { id } }',
      { i: { doctorId: doctor.id, startsAt: slot } }, holder.token);

    const page = await newPage(browser);
    await signUp(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Waitlist' }).click();
    await page.waitForURL('**/patient/waitlist');
    await choose(page, 'Department', department.name);
    await choose(page, 'Doctor', doctor.fullName);
    await page.getByRole('button', { name: 'Join the waitlist' }).click();
    await page.getByText('You are on the waitlist').waitFor();
    await page.getByTestId('waitlist-entry').first().waitFor();

    await apiOk('mutation($id: ID!) { cancelAppointment(id: $id) { id } }', { id: booked.bookAppointment.id }, holder.token);
    await page.reload();
    const offer = page.getByTestId('waitlist-offer');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('is held for you until');
    await screenshot(page, 'waitlist-offer');
    await page.getByRole('button', { name: 'Book this slot' }).click();
    await page.getByText(/^Booked: /).waitFor();
    // The list is read again after the booking answer: wait for it rather than read it at once.
    await expect.poll(() => page.getByTestId('waitlist-entry').first().getAttribute('data-status'), { timeout: 10_000 }).toBe('BOOKED');
  });
});
