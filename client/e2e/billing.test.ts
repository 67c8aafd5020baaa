// Issue 6 (and the patient side of issue 5) through the browser: an admin bills a checked-in visit
// and takes a payment; the patient sees the balance change on their bills page and dashboard.
// Also: the admin dashboard figures and charts, and the patient's profile with field errors.
import type { Browser, Page } from 'playwright-core';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  adminCredentials, adminToken, apiOk, launchBrowser, loginToken, newPage, nextFreeSlots, PASSWORD, screenshot, seedAlwaysOpenWeek,
  seedDepartment, seedDoctor, serverNow, signIn, uid,
} from './helpers';

let browser: Browser;
let token: string;
let doctor: Awaited<ReturnType<typeof seedDoctor>>;
interface Billed { fullName: string; email: string; password: string; id: string }

/** A patient of each test's own, so no test leans on what another one billed. */
async function newBilledPatient(): Promise<Billed> {
  const patient = { fullName: `Billie Payer ${uid()}`, email: `billie-${uid()}@e2e.hms.test`, password: PASSWORD, id: '' };
  const { register } = await apiOk<{ register: { user: { patient: { id: string } } } }>(
    'mutation($input: RegisterInput!) { register(input: $input) { user { patient { id } } } }',
    { input: { email: patient.email, password: patient.password, fullName: patient.fullName } },
  );
  return { ...patient, id: register.user.patient.id };
}

/**
 * Books the doctor's next free slot for the patient (as admin) and checks the patient in. The next
 * free slot, not "today's": at 23:50 it is 00:00 tomorrow, and check-in opens an hour before.
 */
async function checkedInVisit(patient: Billed): Promise<string> {
  const { slots } = await nextFreeSlots(doctor.id, 1, token);
  const { bookAppointment } = await apiOk<{ bookAppointment: { id: string } }>(
    'mutation($input: BookAppointmentInput!) { bookAppointment(input: $input) { id } }',
    { input: { doctorId: doctor.id, startsAt: slots[0]!, patientId: patient.id, reason: 'Check-up' } },
    token,
  );
  await apiOk(
    'mutation($id: ID!) { setAppointmentStatus(id: $id, status: CHECKED_IN) { id status } }',
    { id: bookAppointment.id },
    token,
  );
  return bookAppointment.id;
}

async function outstanding(page: Page): Promise<string> {
  return (await page.getByTestId('outstanding-total').textContent()) ?? '';
}

beforeAll(async () => {
  browser = await launchBrowser();
  token = await adminToken();
  const department = await seedDepartment(token, `Cardiology ${uid()}`);
  doctor = await seedDoctor(token, department.id, { fullName: `Dr Heart ${uid()}`, consultationFee: '80.00' });
  // 5-minute slots: the file's four visits all start within the hour in which check-in is open.
  await seedAlwaysOpenWeek(token, doctor.id, 5);
});
afterAll(async () => { await browser?.close(); });

describe('billing through the pages', () => {
  it('an admin issues an invoice and takes a payment; the patient sees the balance change', async () => {
    const patient = await newBilledPatient();
    await checkedInVisit(patient);

    // The admin bills the visit from the billing page.
    const admin = await newPage(browser);
    const { email, password } = adminCredentials();
    await signIn(admin, email, password);
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Billing' }).click();
    await admin.waitForURL('**/admin/billing');
    await admin.getByRole('heading', { name: 'Billing' }).waitFor();
    await admin.getByRole('button', { name: 'Bill a visit' }).first().click();
    await admin.getByLabel('Find patient or doctor').fill(patient.fullName);
    await admin.getByRole('list', { name: 'Visits to bill' }).getByRole('button', { name: new RegExp(patient.fullName) }).click();
    await screenshot(admin, 'billing-bill-a-visit');
    await admin.getByRole('button', { name: 'Issue invoice' }).click();
    await admin.waitForURL(/\/admin\/billing\/\d+$/);
    await admin.getByRole('heading', { name: /Invoice INV-\d{4}-\d{6}/ }).waitFor();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$80.00');
    expect(await admin.getByRole('table', { name: /Lines of/ }).textContent()).toContain('Consultation');
    await screenshot(admin, 'billing-invoice-issued');

    // The patient owes the fee.
    const patientPage = await newPage(browser);
    await signIn(patientPage, patient.email, patient.password);
    await patientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Bills' }).click();
    await patientPage.waitForURL('**/patient/bills');
    await expect.poll(() => outstanding(patientPage)).toBe('$80.00');
    await screenshot(patientPage, 'billing-patient-bills-before');

    // A bad amount is refused next to the field; a partial payment goes through.
    await admin.getByRole('button', { name: 'Take payment' }).click();
    await admin.locator('#field-amount').fill('90.00');
    await admin.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => admin.locator('#field-amount-helper-text').textContent()).toContain('At most 80.00');
    await screenshot(admin, 'billing-payment-field-error');
    await admin.locator('#field-amount').fill('30.00');
    await admin.getByRole('combobox', { name: 'Method' }).click();
    await admin.getByRole('option', { name: 'Card' }).click();
    await admin.locator('#field-reference').fill('SLIP-1234');
    await admin.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$50.00');
    await admin.getByRole('alert').filter({ hasText: 'Payment of 30.00 USD recorded.' }).waitFor();
    expect(await admin.getByRole('table', { name: /Payments of/ }).textContent()).toContain('SLIP-1234');
    await screenshot(admin, 'billing-invoice-paid-partly');

    // The patient sees the new balance on the bills page and on the dashboard.
    await patientPage.reload();
    await expect.poll(() => outstanding(patientPage)).toBe('$50.00');
    expect(await patientPage.getByRole('table', { name: /Payments of/ }).textContent()).toContain('$30.00');
    await screenshot(patientPage, 'billing-patient-bills-after');
    const invoicePdf = patientPage.waitForEvent('download');
    await patientPage.getByRole('button', { name: 'Download PDF' }).click();
    expect((await invoicePdf).suggestedFilename()).toMatch(/^INV-\d{4}-\d{6}\.pdf$/);
    await patientPage.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await patientPage.getByRole('heading', { name: 'Outstanding: $50.00' }).waitFor();
    await screenshot(patientPage, 'billing-patient-dashboard');

    // Paying the rest makes it PAID and the list shows it.
    await admin.getByRole('button', { name: 'Take payment' }).click();
    expect(await admin.locator('#field-amount').inputValue()).toBe('50.00');
    await admin.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$0.00');
    await admin.getByRole('link', { name: 'Billing' }).first().click();
    await admin.getByRole('table', { name: 'Invoices' }).getByRole('row', { name: new RegExp(patient.fullName) }).getByText('Paid').waitFor();
    // Filter by patient: type part of the name, pick them.
    await admin.getByRole('combobox', { name: 'Patient' }).fill(patient.fullName.split(' ')[2]!);
    await admin.getByRole('option', { name: new RegExp(patient.fullName) }).click();
    await expect.poll(() => admin.getByRole('table', { name: 'Invoices' }).getByRole('row').count()).toBe(2);
    await screenshot(admin, 'billing-invoice-list');

    // And the admin dashboard counts the revenue.
    await admin.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await admin.getByRole('heading', { name: 'Hospital figures' }).waitFor();
    // The figures seen at sign-in show first, then the fresh ones replace them.
    const doctorRow = admin.getByRole('table', { name: 'Figures by doctor' }).getByRole('row', { name: new RegExp(doctor.fullName) });
    await expect.poll(() => doctorRow.textContent()).toContain('$80.00');
    await screenshot(admin, 'admin-dashboard-figures');
    const excel = admin.waitForEvent('download');
    await admin.getByRole('button', { name: 'Excel' }).click();
    expect((await excel).suggestedFilename()).toMatch(/^hms-dashboard-.*\.xlsx$/);

    await admin.context().close();
    await patientPage.context().close();
  });
});

describe('invoice corrections through the pages', () => {
  it('bills a visit from the appointments list as a draft, adds and removes lines, issues, pays, refunds and voids it', async () => {
    const patient = await newBilledPatient();
    const appointmentId = await checkedInVisit(patient);
    expect(patient.id).not.toBe('');
    const admin = await newPage(browser);
    const { email, password } = adminCredentials();
    await signIn(admin, email, password);
    await admin.goto('/admin/appointments');
    await admin.locator(`a[href="/admin/billing?bill=${appointmentId}"]`).click();
    await admin.getByRole('heading', { name: 'Bill a visit' }).waitFor();
    await admin.getByLabel('Start as a draft').check();
    await admin.getByRole('button', { name: 'Create draft' }).click();
    await admin.waitForURL(/\/admin\/billing\/\d+$/);
    await admin.getByText('Draft', { exact: true }).first().waitFor();

    // A lab test: three at 33.33; too many decimals is refused next to the field first.
    await admin.getByRole('button', { name: 'Add line' }).click();
    await admin.locator('#field-description').fill('Complete blood count');
    await admin.locator('#field-quantity').fill('3');
    await admin.locator('#field-unitPrice').fill('33.333');
    await admin.getByRole('button', { name: 'Add line' }).last().click();
    await expect.poll(() => admin.locator('#field-unitPrice-helper-text').textContent()).toMatch(/decimal/i);
    await admin.locator('#field-unitPrice').fill('33.33');
    await admin.getByRole('button', { name: 'Add line' }).last().click();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$179.99');
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(admin, 'billing-draft-with-lines');

    await admin.getByRole('button', { name: 'Remove Complete blood count' }).click();
    await admin.getByRole('dialog').getByRole('button', { name: 'Remove' }).click();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$80.00');

    await admin.getByRole('button', { name: 'Issue to patient' }).click();
    await admin.getByRole('button', { name: 'Take payment' }).waitFor();

    // Paid in full, then refunded in full (with a reason): owed again, and voidable since nothing is paid net.
    await admin.getByRole('button', { name: 'Take payment' }).click();
    await admin.getByRole('button', { name: 'Record payment' }).click();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$0.00');
    await admin.getByRole('button', { name: 'Refund' }).click();
    await admin.locator('#field-amount').fill('80.00');
    await admin.locator('#field-reason').fill('Paid twice by card');
    await admin.getByRole('dialog').getByRole('button', { name: 'Refund' }).click();
    await expect.poll(() => admin.getByTestId('invoice-balance').textContent()).toBe('$80.00');
    expect(await admin.getByRole('table', { name: /Payments of/ }).textContent()).toContain('Paid twice by card');
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    await screenshot(admin, 'billing-refunded');

    await admin.getByRole('button', { name: 'Void' }).click();
    await admin.getByRole('button', { name: 'Void invoice' }).click();
    await expect.poll(() => admin.locator('#field-reason-helper-text').textContent()).toBe('Reason is required');
    await admin.locator('#field-reason').fill('Billed by mistake');
    await admin.getByRole('button', { name: 'Void invoice' }).click();
    await admin.getByRole('alert').filter({ hasText: 'Billed by mistake' }).waitFor();
    await admin.getByRole('dialog').waitFor({ state: 'detached' });
    expect(await admin.getByRole('button', { name: 'Take payment' }).count()).toBe(0);
    await screenshot(admin, 'billing-voided');
    await admin.context().close();
  });
});

describe('patient records pages', () => {
  it('the profile shows field errors and saves; the history shows the doctor\'s entry with downloads', async () => {
    const patient = await newBilledPatient();
    const appointmentId = await checkedInVisit(patient);
    const doctorToken = await loginToken(doctor.email, doctor.password);
    await apiOk(
      'mutation($id: ID!, $input: TreatmentInput!) { recordTreatment(appointmentId: $id, input: $input) { id } }',
      {
        id: appointmentId,
        input: {
          diagnosis: 'Seasonal allergic rhinitis',
          icdCode: 'J30.2',
          prescription: 'Antihistamine for two weeks',
          medicines: [{ name: 'Cetirizine', dose: '10 mg', frequency: 'Once a day', duration: '14 days', instructions: 'In the evening' }],
          followUpDate: DateTime.fromJSDate(serverNow()).toUTC().plus({ days: 14 }).toISODate(),
        },
      },
      doctorToken,
    );
    const page = await newPage(browser);
    await signIn(page, patient.email, patient.password);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Profile' }).click();
    await page.waitForURL('**/patient/profile');
    await page.locator('#field-heightCm').fill('9000');
    await page.locator('#field-phone').fill('+1 555 0199');
    await page.getByRole('button', { name: 'Save profile' }).click();
    await expect.poll(() => page.locator('#field-heightCm-helper-text').textContent()).toContain('At most 272');
    await screenshot(page, 'profile-field-error');
    await page.locator('#field-heightCm').fill('172');
    await page.locator('#field-weightKg').fill('68.5');
    await page.getByRole('combobox', { name: 'Blood group' }).click();
    await page.getByRole('option', { name: 'O+', exact: true }).click();
    await page.getByRole('button', { name: 'Save profile' }).click();
    await page.getByText('Your profile is saved.').waitFor();
    const { me } = await apiOk<{ me: { patient: { heightCm: number; weightKg: string; bloodGroup: string; phone: string } } }>(
      '{ me { patient { heightCm weightKg bloodGroup phone } } }',
      undefined,
      await loginToken(patient.email, patient.password),
    );
    expect(me.patient).toEqual({ heightCm: 172, weightKg: '68.5', bloodGroup: 'O+', phone: '+1 555 0199' });
    await screenshot(page, 'profile-saved');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'History' }).click();
    const entry = page.getByRole('article').filter({ hasText: 'Seasonal allergic rhinitis' });
    await entry.waitFor();
    const text = await entry.textContent();
    for (const expected of [doctor.fullName, 'Cetirizine', '10 mg', 'Antihistamine for two weeks', 'ICD-10 J30.2', 'Follow-up']) {
      expect(text).toContain(expected);
    }
    await page.getByRole('button', { name: 'CSV' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'PDF' }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    await screenshot(page, 'history');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
    await page.getByRole('heading', { name: 'Medical records: 1' }).waitFor();
    expect(await page.getByRole('link', { name: /Medical records/ }).textContent()).toContain('Seasonal allergic rhinitis');
    await page.context().close();
  });
});

describe('issue 15 item 8: billed visits and part-paid invoices', () => {
  it('"Bill a visit" leaves billed visits out, links a billed pick to its invoice, and labels a part-paid invoice "Part paid"', async () => {
    const patient = await newBilledPatient();
    const appointmentId = await checkedInVisit(patient);
    const { issueInvoice } = await apiOk<{ issueInvoice: { id: string; number: string } }>(
      'mutation($id: ID!) { issueInvoice(appointmentId: $id) { id number } }', { id: appointmentId }, token,
    );
    await apiOk('mutation($id: ID!) { recordPayment(invoiceId: $id, amount: "30.00", method: CASH) { id } }', { id: issueInvoice.id }, token);

    for (const width of [1280, 390]) {
      const admin = await newPage(browser, { width, height: 860 });
      const { email, password } = adminCredentials();
      await signIn(admin, email, password);
      await admin.goto('/admin/billing');
      await admin.getByRole('heading', { name: 'Billing' }).waitFor();
      // The list says "Part paid", not "Unpaid".
      const row = admin.getByRole('table', { name: 'Invoices' }).getByRole('row', { name: new RegExp(patient.fullName) });
      await row.getByText('Part paid').waitFor();
      expect(await row.textContent()).not.toContain('Unpaid');

      // The billed visit is not offered.
      await admin.getByRole('button', { name: 'Bill a visit' }).first().click();
      await admin.getByLabel('Find patient or doctor').fill(patient.fullName);
      await admin.getByText('No visits to bill.').waitFor();
      await screenshot(admin, `billing-no-billed-visits-${width}`);
      await admin.getByRole('button', { name: 'Cancel' }).click();

      // Picked from the appointments list: a link to its invoice instead of an error.
      await admin.goto(`/admin/billing?bill=${appointmentId}`);
      const link = admin.getByRole('dialog').getByRole('link', { name: `invoice ${issueInvoice.number}` });
      await link.waitFor();
      expect(await admin.getByRole('button', { name: 'Issue invoice' }).isDisabled()).toBe(true);
      await screenshot(admin, `billing-billed-pick-${width}`);
      await link.click();
      await admin.waitForURL(new RegExp(`/admin/billing/${issueInvoice.id}$`));
      await admin.getByRole('heading', { name: `Invoice ${issueInvoice.number}` }).waitFor();
      await admin.getByText('Part paid').first().waitFor();
      await admin.context().close();
    }
  });
});
