// Issue 13's front desk through the browser: the flow board changes live as a patient is booked,
// checked in (queue number) and called in by the doctor; the lobby screen (display token in the URL
// fragment, no sign-in) shows the number called, live; the doctor calls the next patient from the day
// view. Issue 15 item 9: the admin patients page finds a walk-in and merges it into an account.
// No sleeps: pages wait for the server's live-ready signal, then for what must show.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCredentials, apiOk, browserAndAdmin, liveReady, newPage, newPatient, nextFreeSlots, screenshot, seedOpenDoctor as seedOpenDoctorAs, serverNow, signIn,
} from './helpers';

let browser: Browser;
let admin: string;
beforeAll(async () => { ({ browser, admin } = await browserAndAdmin()); });
afterAll(async () => { await browser?.close(); });

const seedOpenDoctor = () => seedOpenDoctorAs(admin);

async function walkIn(fullName: string): Promise<string> {
  const data = await apiOk<{ createWalkInPatient: { id: string } }>(
    'mutation($i: CreateWalkInPatientInput!) { createWalkInPatient(input: $i) { id } }', { i: { fullName } }, admin);
  return data.createWalkInPatient.id;
}

async function bookFor(patientId: string, doctorId: string, startsAt: string): Promise<string> {
  const data = await apiOk<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }', { input: { doctorId, startsAt, patientId } }, admin);
  return data.bookAppointment.id;
}

const checkIn = (id: string) => apiOk('mutation($id: ID!) { setAppointmentStatus(id: $id, status: CHECKED_IN) { id } }', { id }, admin);

describe('the front desk\'s day', () => {
  it('the flow board follows booking, check-in and the call-in live, with queue numbers and minutes waited', async () => {
    const doctor = await seedOpenDoctor();
    // The first free slots (today, or tomorrow just after midnight late at night): check-in opens an hour before.
    const { date, slots } = await nextFreeSlots(doctor.id, 2);
    const page = await newPage(browser);
    await signIn(page, adminCredentials().email, adminCredentials().password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Flow board' }).click();
    await page.waitForURL('**/admin/flow');
    await page.goto(`/admin/flow?date=${date}`);
    await liveReady('flowBoardChanged', '0', 1);

    const first = `Walk In ${Date.now()}`;
    const p1 = await walkIn(first);
    const p2 = await walkIn(`${first} B`);
    const v1 = await bookFor(p1, doctor.id, slots[0]!);
    const row = page.locator(`[data-testid="flow-entry"][data-appointment-id="${v1}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-status')).toBe('SCHEDULED');
    const started = Date.now();
    await checkIn(v1);
    await page.locator(`[data-testid="flow-entry"][data-appointment-id="${v1}"][data-status="CHECKED_IN"]`).waitFor();
    console.log(`check-in visible on the flow board after ${Date.now() - started} ms`);
    expect(await row.getByTestId('flow-queue-number').textContent()).toBe('1');
    expect(await row.getByTestId('flow-waited').textContent()).toMatch(/^0 min/);

    // The front desk checks the second patient in from the board itself.
    const v2 = await bookFor(p2, doctor.id, slots[1]!);
    const row2 = page.locator(`[data-testid="flow-entry"][data-appointment-id="${v2}"]`);
    await row2.getByRole('button', { name: 'Check in' }).click();
    await page.locator(`[data-testid="flow-entry"][data-appointment-id="${v2}"][data-status="CHECKED_IN"]`).waitFor();
    expect(await row2.getByTestId('flow-queue-number').textContent()).toBe('2');

    // The doctor calls the next patient from the day view; the board shows number 1 with the doctor.
    const doctorPage = await newPage(browser);
    await signIn(doctorPage, doctor.email, doctor.password);
    await doctorPage.goto(`/doctor/day?date=${date}`);
    await doctorPage.locator(`[data-appointment-id="${v1}"]`).getByTestId('queue-number').waitFor();
    if (date === serverNow().toISOString().slice(0, 10)) {
      await doctorPage.getByRole('button', { name: 'Call next patient' }).click();
      await doctorPage.getByText(/Calling No\. 1/).waitFor();
    } else {
      // Late at night the queue is tomorrow's: the day view offers the call only today.
      await apiOk('mutation($d: ID!) { callNextPatient(doctorId: $d) { id } }', { d: doctor.id }, admin).catch(() => undefined);
      await apiOk('mutation($id: ID!) { setAppointmentStatus(id: $id, status: IN_CONSULTATION) { id } }', { id: v1 }, admin);
    }
    await page.locator(`[data-testid="flow-entry"][data-appointment-id="${v1}"][data-status="IN_CONSULTATION"]`).waitFor();
    await doctorPage.locator(`[data-appointment-id="${v1}"][data-status="IN_CONSULTATION"]`).waitFor();
    await screenshot(page, 'frontdesk-flow-board');
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'frontdesk-flow-board-390');
    await page.context().close();
    await doctorPage.context().close();
  });

  it('a lobby screen opened from its link shows "now calling" live, without names, and stops when its link is replaced', async () => {
    const doctor = await seedOpenDoctor();
    const { date, slots } = await nextFreeSlots(doctor.id, 1);
    const today = serverNow().toISOString().slice(0, 10);
    const page = await newPage(browser);
    await signIn(page, adminCredentials().email, adminCredentials().password);
    await page.goto('/admin/lobby-screens');
    await page.getByRole('button', { name: 'New screen' }).click();
    const name = `Lobby ${Date.now()}`;
    await page.locator('#field-name').fill(name);
    await page.getByRole('combobox', { name: 'Shows' }).click();
    await page.getByRole('option', { name: doctor.department.name }).click();
    await page.getByRole('button', { name: 'Create' }).click();
    const link = await page.getByTestId('lobby-link').inputValue();
    expect(link).toMatch(/\/display\/queue#token=hmsd_/);
    await page.getByRole('button', { name: 'Done' }).click();

    const patient = newPatient();
    const p = await walkIn(patient.fullName);
    const visit = await bookFor(p, doctor.id, slots[0]!);
    await checkIn(visit);

    const screen = await newPage(browser, { width: 1280, height: 720 });
    await screen.goto(link);
    if (date !== today) {
      // After 23:00 the next visit is tomorrow's: the screen shows today only.
      await screen.getByText('No clinics are running yet today.').waitFor();
      console.warn('lobby screen: no visit possible today any more; checked the empty screen only');
    } else {
      const card = screen.locator('[data-testid="lobby-doctor"]', { hasText: doctor.fullName });
      await card.waitFor();
      expect(await card.getByTestId('lobby-now-calling').textContent()).toBe('–');
      expect(await card.getByTestId('lobby-waiting').textContent()).toBe('1 waiting');
      const started = Date.now();
      await apiOk('mutation($d: ID!) { callNextPatient(doctorId: $d) { id } }', { d: doctor.id }, admin);
      await expect.poll(() => card.getByTestId('lobby-now-calling').textContent(), { timeout: 15_000 }).toBe('1');
      console.log(`call-in visible on the lobby screen after ${Date.now() - started} ms`);
      expect(await screen.locator('body').textContent()).not.toContain(patient.fullName);
      await screenshot(screen, 'frontdesk-lobby-screen');
    }

    // A new link: the open screen says its link no longer works.
    await page.reload();
    await page.locator('[data-testid="lobby-screen"]', { hasText: name }).getByRole('button', { name: 'New link' }).click();
    await page.getByTestId('lobby-link').waitFor();
    await screen.getByText(/link no longer works/).waitFor();
    await page.context().close();
    await screen.context().close();
  });

  it('the admin patients page finds a walk-in by phone and merges it into the registered account', async () => {
    const doctor = await seedOpenDoctor();
    const digits = String(Date.now()).slice(-7);
    const walkInName = `Anita Walk ${digits}`;
    const data = await apiOk<{ createWalkInPatient: { id: string } }>(
      'mutation($i: CreateWalkInPatientInput!) { createWalkInPatient(input: $i) { id } }', { i: { fullName: walkInName, phone: `+91 98${digits}` } }, admin);
    const source = data.createWalkInPatient.id;
    const { slots } = await nextFreeSlots(doctor.id, 1);
    await bookFor(source, doctor.id, slots[0]!);
    const registered = newPatient();
    const reg = await apiOk<{ register: { user: { patient: { id: string } } } }>(
      'mutation($input: RegisterInput!) { register(input: $input) { user { patient { id } } } }',
      { input: { email: registered.email, password: registered.password, fullName: registered.fullName } });

    const page = await newPage(browser);
    await signIn(page, adminCredentials().email, adminCredentials().password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Patients' }).click();
    await page.locator('#field-patient-search').fill(digits);
    await page.waitForURL(`**/admin/patients?q=${digits}`);
    await expect.poll(() => page.getByTestId('patient-row').count()).toBe(1);
    await page.getByRole('link', { name: walkInName }).click();
    await page.waitForURL(`**/admin/patients/${source}`);
    await page.getByTestId('patient-appointment').first().waitFor();
    await page.getByRole('button', { name: 'Merge into a registered account' }).click();
    await page.getByRole('combobox', { name: 'Registered patient' }).fill(registered.email);
    await page.getByRole('option', { name: new RegExp(registered.fullName) }).click();
    await page.getByRole('button', { name: 'Merge', exact: true }).click();
    await page.waitForURL(`**/admin/patients/${reg.register.user.patient.id}`);
    await page.getByRole('heading', { name: registered.fullName }).waitFor();
    await page.getByTestId('patient-appointment').first().waitFor();
    expect(await page.getByTestId('patient-appointment').count()).toBe(1);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'frontdesk-patient-390');
    await page.context().close();
  });
});
