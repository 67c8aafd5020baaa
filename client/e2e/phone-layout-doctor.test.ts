// Issue 15 item 7 on the doctor's side, at 390 px and 1280 px: the weekly-hours time fields show
// their whole time (not "09:("), and the treatment form and the history show every medicine's
// instructions on screen; axe passes on each. And the doctor's day view reads in Hindi.
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminToken, apiOk, launchBrowser, newPage, newPatient, nextFreeSlots, screenshot, seedDepartment, seedDoctor, signIn,
} from './helpers';

let browser: Browser;
let admin: string;
beforeAll(async () => {
  browser = await launchBrowser();
  admin = await adminToken();
});
afterAll(async () => { await browser?.close(); });

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 860 };

/** A doctor open around the clock (so a slot within the check-in hour always exists), with split Monday hours. */
async function seedDoctorWithHours() {
  const department = await seedDepartment(admin);
  const doctor = await seedDoctor(admin, department.id);
  const everyDay = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, startTime: '00:00', endTime: '24:00', slotMinutes: 15 }));
  await apiOk(
    'mutation($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id } }',
    { doctorId: doctor.id, rules: everyDay },
    admin,
  );
  return doctor;
}

/** A checked-in visit with one recorded entry of two medicines, the second with long instructions. */
async function seedVisitWithTreatment(doctor: { id: string; email: string; password: string }): Promise<string> {
  const patient = newPatient();
  const registered = await apiOk<{ register: { token: string } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { token } }',
    { input: { email: patient.email, password: patient.password, fullName: patient.fullName, dateOfBirth: patient.dateOfBirth } },
  );
  const { slots } = await nextFreeSlots(doctor.id, 1);
  const booked = await apiOk<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { doctorId: doctor.id, startsAt: slots[0], reason: 'Cough for two weeks' } },
    registered.register.token,
  );
  const appointmentId = booked.bookAppointment.id;
  const doctorToken = (await apiOk<{ login: { token: string } }>(
    'mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
    { email: doctor.email, password: doctor.password },
  )).login.token;
  await apiOk('mutation($id: ID!) { setAppointmentStatus(id: $id, status: CHECKED_IN) { id } }', { id: appointmentId }, doctorToken);
  await apiOk(
    'mutation($id: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $id, input: $input) { id } }',
    {
      id: appointmentId,
      input: {
        diagnosis: 'Acute bronchitis',
        visitType: 'CONSULTATION',
        medicines: [
          { name: 'Amoxicillin', dose: '500 mg', frequency: 'Three times a day', duration: '7 days', instructions: 'After meals' },
          {
            name: 'Paracetamol', dose: '650 mg', frequency: 'When needed', duration: '5 days',
            instructions: 'Only for fever above 38.5 °C, at least six hours apart, never more than four tablets a day',
          },
        ],
      },
    },
    doctorToken,
  );
  return appointmentId;
}

/**
 * Nothing inside `scope` runs past the right edge of the screen, no field's text is wider than its
 * box (a time cut to "09:(" is), and the page itself does not scroll sideways.
 */
async function expectNothingClipped(page: Page, scope: Locator, what: string): Promise<void> {
  const width = page.viewportSize()!.width;
  const problems = await scope.evaluate((root, viewport) => {
    const name = (el: Element) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.getAttribute('aria-label') ? `[${el.getAttribute('aria-label')}]` : ''} "${(el as HTMLInputElement).value ?? el.textContent?.slice(0, 30)}"`;
    const found: string[] = [];
    const shown = (el: Element) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !el.closest('[aria-hidden="true"]') && getComputedStyle(el).visibility !== 'hidden';
    };
    for (const el of root.querySelectorAll('input, textarea, [role="combobox"], td, th, li, dd, dt, button, h2, h3, p')) {
      if (!shown(el) || (el as HTMLInputElement).type === 'hidden') continue;
      const box = el.getBoundingClientRect();
      if (box.left < -0.5 || box.right > viewport + 0.5) found.push(`${name(el)} spans ${Math.round(box.left)}–${Math.round(box.right)} px of ${viewport}`);
      // Cells and fields whose text needs more room than their box is clipped text.
      if ((/^(INPUT|TEXTAREA|TD|DD)$/.test(el.tagName) || el.getAttribute('role') === 'combobox') && el.scrollWidth > el.clientWidth + 1) {
        found.push(`${name(el)} needs ${el.scrollWidth} px, has ${el.clientWidth}`);
      }
      // A time or date field draws its text in its shadow tree, which scrollWidth does not see: a copy
      // beside it sized to its content (field-sizing) says how wide it must be.
      if (el.tagName === 'INPUT' && /^(time|date|datetime-local)$/.test((el as HTMLInputElement).type)) {
        const copy = el.cloneNode() as HTMLInputElement;
        copy.removeAttribute('id');
        copy.value = (el as HTMLInputElement).value;
        copy.style.cssText = 'position:absolute;visibility:hidden;field-sizing:content;width:auto;min-width:0;max-width:none';
        el.parentElement!.appendChild(copy);
        const needed = copy.getBoundingClientRect().width;
        copy.remove();
        if (needed > box.width + 1) found.push(`${name(el)} needs ${Math.round(needed)} px to show its time, has ${Math.round(box.width)}`);
      }
    }
    const page = document.scrollingElement!;
    if (page.scrollWidth > page.clientWidth + 1) found.push(`the page scrolls sideways (${page.scrollWidth} > ${page.clientWidth})`);
    return found;
  }, width);
  expect(problems, `${what} at ${width} px`).toEqual([]);
}

describe.each([['phone', PHONE], ['desktop', DESKTOP]] as const)('doctor pages at %s width', (label, viewport) => {
  it('weekly hours: every time field shows its whole time', async () => {
    const doctor = await seedDoctorWithHours();
    await apiOk(
      'mutation($doctorId: ID!, $rules: [AvailabilityRuleInput!]!) { setWeeklyAvailability(doctorId: $doctorId, rules: $rules) { id } }',
      {
        doctorId: doctor.id,
        rules: [
          { weekday: 1, startTime: '09:00', endTime: '12:30', slotMinutes: 15 },
          { weekday: 1, startTime: '14:00', endTime: '17:30', slotMinutes: 30 },
          { weekday: 3, startTime: '10:15', endTime: '13:15', slotMinutes: 20 },
        ],
      },
      admin,
    );
    const page = await newPage(browser, viewport);
    await signIn(page, doctor.email, doctor.password);
    await page.goto('/doctor/hours');
    const monday = page.getByRole('group', { name: 'Monday' });
    await expect.poll(() => monday.getByLabel('Monday from').count()).toBe(2);
    expect(await monday.getByLabel('Monday from').first().inputValue()).toBe('09:00');
    await expectNothingClipped(page, page.locator('main'), 'weekly hours');
    await screenshot(page, `doctor-hours-${label}`);
    await page.context().close();
  });

  it('treatment form with two medicines and the recorded entry: no field or instruction off-screen', { timeout: 120_000 }, async () => {
    const doctor = await seedDoctorWithHours();
    const appointmentId = await seedVisitWithTreatment(doctor);
    const page = await newPage(browser, viewport);
    await signIn(page, doctor.email, doctor.password);
    await page.goto(`/doctor/visits/${appointmentId}`);
    const entry = page.getByRole('article').first();
    await entry.getByRole('heading', { name: 'Acute bronchitis' }).waitFor({ timeout: 30_000 });
    // The recorded entry: both medicines with their instructions, all on screen.
    await expect.poll(() => entry.textContent()).toContain('never more than four tablets a day');
    await expectNothingClipped(page, entry, 'the recorded entry');

    // A second entry for the same visit, with two medicines.
    await page.getByRole('button', { name: 'Add another entry' }).click();
    const form = page.getByRole('form', { name: 'Record treatment' });
    await form.locator('#field-diagnosis').fill('Acute bronchitis, review');
    for (const index of [0, 1]) {
      await form.getByRole('button', { name: 'Add medicine' }).click();
      await form.locator(`#field-medicines-${index}-name`).fill(index ? 'Cetirizine' : 'Salbutamol inhaler');
      await form.locator(`#field-medicines-${index}-dose`).fill(index ? '10 mg' : '2 puffs');
      await form.locator(`#field-medicines-${index}-frequency`).fill(index ? 'Once a day' : 'Every four hours');
      await form.locator(`#field-medicines-${index}-duration`).fill('14 days');
      await form.locator(`#field-medicines-${index}-instructions`).fill(index ? 'In the evening' : 'Shake well; rinse the mouth after use');
    }
    await expect.poll(() => form.getByRole('group', { name: /^Medicine \d$/ }).count()).toBe(2);
    await expectNothingClipped(page, form, 'the treatment form');
    await screenshot(page, `doctor-treatment-form-${label}`);
    await page.context().close();
  });
});

describe('the doctor side in Hindi', () => {
  it('the day view reads in Hindi and passes axe', async () => {
    const doctor = await seedDoctorWithHours();
    const page = await newPage(browser, PHONE);
    // Signed in in English (the sign-in page is not this test's), then the language chosen.
    await signIn(page, doctor.email, doctor.password);
    await page.evaluate(() => localStorage.setItem('hms.language', 'hi'));
    await page.goto('/doctor/day');
    await page.getByRole('heading', { name: 'आज' }).waitFor();
    await page.getByRole('button', { name: 'पिछला दिन' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
    await page.getByText('इस दिन कोई अपॉइंटमेंट नहीं').waitFor();
    await screenshot(page, 'doctor-day-hindi');

    await page.goto('/doctor/hours');
    await page.getByRole('group', { name: 'सोमवार' }).waitFor();
    await expectNothingClipped(page, page.locator('main'), 'weekly hours in Hindi');
    await screenshot(page, 'doctor-hours-hindi');
    await page.context().close();
  });
});
