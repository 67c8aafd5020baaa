// Issue 2 through the browser: patient sign-up, admin directory pages, a new
// doctor's forced password change, sign-out.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, apiOk, choose, expectNoAxeViolations, launchBrowser, newPage, newPatient, PASSWORD, screenshot, registerPatientApi, signIn, signUp, uid } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('patient sign-up', () => {
  it('shows field errors next to the fields, then signs up and lands on the patient area', async () => {
    const page = await newPage(browser);
    const patient = newPatient();
    await page.goto('/sign-up');
    await page.locator('#field-fullName').fill(patient.fullName);
    await page.locator('#field-email').fill(patient.email);
    await page.locator('#field-password').fill('short');
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('#field-password-helper-text').textContent()).toContain('At least 10 characters');
    expect(page.url()).toContain('/sign-up');

    await page.locator('#field-password').fill(patient.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL('**/patient');
    await page.getByRole('heading', { name: `Hello, Pat` }).waitFor();
    await page.getByRole('link', { name: 'Book a visit' }).first().waitFor();
    await screenshot(page, 'patient-dashboard');

    // The session survives a reload, and sign-out ends it.
    await page.reload();
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    await page.getByRole('button', { name: 'Account' }).click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.waitForURL('**/sign-in');
    await page.goto('/patient/appointments');
    await page.waitForURL('**/sign-in?next=%2Fpatient%2Fappointments');
    // Signing in returns to the page asked for.
    await page.locator('#field-email').fill(patient.email);
    await page.locator('#field-password').fill(patient.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL('**/patient/appointments');
    await page.context().close();
  });

  it('a used email is shown next to the email field', async () => {
    const page = await newPage(browser);
    const patient = await signUp(page);
    await page.context().clearCookies();
    await page.evaluate(() => localStorage.clear());
    await page.goto('/sign-up');
    await page.locator('#field-fullName').fill('Someone Else');
    await page.locator('#field-email').fill(patient.email);
    await page.locator('#field-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await expect.poll(() => page.locator('#field-email-helper-text').textContent()).toContain('Already registered');
    await page.context().close();
  });

  it('a password change elsewhere ends this session: the next page load asks to sign in', async () => {
    const page = await newPage(browser);
    const patient = await signUp(page);
    const token = await page.evaluate(() => localStorage.getItem('hms.token'));
    await apiOk(
      'mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }',
      { c: patient.password, n: `${PASSWORD}-new` },
      token ?? undefined,
    );
    await page.reload();
    await page.waitForURL('**/sign-in**');
    expect(await page.evaluate(() => localStorage.getItem('hms.token'))).toBeNull();
    await signIn(page, patient.email, `${PASSWORD}-new`);
    await page.waitForURL('**/patient');
    await page.context().close();
  });

  it('a locked account says so, with the minutes to wait', async () => {
    const { patient } = await registerPatientApi();
    for (let i = 0; i < 5; i++) {
      await api('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }', { e: patient.email, p: 'Wrong-password-0' });
    }
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await page.locator('#field-email').fill(patient.email);
    await page.locator('#field-password').fill(patient.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText(/This account is locked; try again in 1[45] minutes/).waitFor();
    await page.context().close();
  });

  it('wrong password is refused on the sign-in page', async () => {
    const page = await newPage(browser);
    await page.goto('/sign-in');
    await page.locator('#field-email').fill(`nobody-${uid()}@e2e.hms.test`);
    await page.locator('#field-password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Wrong email or password').waitFor();
    await page.context().close();
  });
});

describe('admin directory', () => {
  it('creates a department and a doctor through the pages; the doctor must change the password', async () => {
    const page = await newPage(browser);
    const admin = adminCredentials();
    await signIn(page, admin.email, admin.password);
    await page.waitForURL('**/admin');
    await page.getByRole('heading', { name: 'Hospital administration' }).waitFor();

    const department = `Cardiology ${uid()}`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Departments' }).click();
    await page.getByRole('button', { name: 'New department' }).click();
    await page.locator('#field-name').fill(department);
    await page.locator('#field-description').fill('Heart and circulation');
    await page.getByRole('button', { name: 'Create department' }).click();
    await page.getByRole('cell', { name: department, exact: true }).waitFor();

    // A duplicate name is a CONFLICT shown next to the name field.
    await page.getByRole('button', { name: 'New department' }).click();
    await page.locator('#field-name').fill(department);
    await page.getByRole('button', { name: 'Create department' }).click();
    await expect.poll(() => page.locator('#field-name-helper-text').textContent()).toContain('Already exists');
    await page.getByRole('button', { name: 'Cancel' }).click();

    // Deactivate, then delete, a second department.
    const spare = `Spare ${uid()}`;
    await page.getByRole('button', { name: 'New department' }).click();
    await page.locator('#field-name').fill(spare);
    await page.getByRole('button', { name: 'Create department' }).click();
    const spareRow = page.getByRole('row').filter({ hasText: spare });
    await spareRow.getByText('Active').waitFor();
    await spareRow.getByRole('button', { name: `Edit ${spare}` }).click();
    await page.getByRole('dialog').getByRole('switch').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
    await spareRow.getByText('Inactive').waitFor();
    await screenshot(page, 'admin-departments');
    await spareRow.getByRole('button', { name: `Delete ${spare}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => spareRow.count()).toBe(0);

    const doctorName = `Dr Ada ${uid()}`;
    const doctorEmail = `ada-${uid()}@e2e.hms.test`;
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Doctors' }).click();
    await page.getByRole('button', { name: 'New doctor' }).click();
    await page.locator('#field-fullName').fill(doctorName);
    await choose(page, 'Department', department);
    await page.locator('#field-email').fill(doctorEmail);
    // An invitation link is the default; this doctor gets a temporary password instead.
    await page.getByRole('dialog').getByRole('switch').click();
    await page.locator('#field-password').fill('Temporary-Pass-1');
    await page.locator('#field-specialization').fill('Interventional cardiology');
    await page.locator('#field-consultationFee').fill('120.50');
    await page.getByRole('button', { name: 'Create doctor' }).click();
    const row = page.getByRole('row').filter({ hasText: doctorName });
    await row.waitFor();
    expect(await row.textContent()).toContain('120.50');
    expect(await row.textContent()).toContain(department);
    await screenshot(page, 'admin-doctors');
    await page.context().close();

    // The new doctor signs in and is sent to replace the temporary password first.
    const doctorPage = await newPage(browser);
    await signIn(doctorPage, doctorEmail, 'Temporary-Pass-1');
    await doctorPage.waitForURL('**/change-password');
    await doctorPage.getByRole('heading', { name: 'Choose your own password' }).waitFor();
    await doctorPage.goto('/doctor');
    await doctorPage.waitForURL('**/change-password');
    await doctorPage.locator('#field-currentPassword').fill('Temporary-Pass-1');
    await doctorPage.locator('#field-newPassword').fill(PASSWORD);
    await doctorPage.locator('#field-confirmPassword').fill(PASSWORD);
    await doctorPage.getByRole('button', { name: 'Save new password' }).click();
    await doctorPage.waitForURL('**/doctor');
    // A name stored with its title is not titled twice (issue 15 item 10: no "Dr. Dr.").
    await doctorPage.getByRole('heading', { name: doctorName, exact: true }).waitFor();
    expect(await doctorPage.getByRole('heading', { level: 1 }).first().textContent()).not.toMatch(/Dr\.? Dr/);
    await doctorPage.context().close();
  });

  it('works on a phone: the navigation moves into a drawer', async () => {
    const page = await newPage(browser, { width: 390, height: 844 });
    await signUp(page);
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My appointments' }).waitFor();
    await expectNoAxeViolations(page, 'phone-drawer-open');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My appointments' }).click();
    await page.waitForURL('**/patient/appointments');
    await page.getByRole('heading', { name: 'My appointments' }).waitFor();
    await screenshot(page, 'phone-my-appointments');
    await page.context().close();
  });

  it('a patient cannot open the admin area', async () => {
    const page = await newPage(browser);
    await signUp(page);
    await page.goto('/admin/doctors');
    await page.waitForURL('**/patient');
    await page.context().close();
  });
});
