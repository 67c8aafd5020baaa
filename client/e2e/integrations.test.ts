// Issue 14 through the browser: an admin creates an API key (the secret shown once), the key reads
// through GraphQL, and revoking it from the Integrations page stops it at once.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, baseUrl, launchBrowser, newPage, screenshot, signIn, signUp, uid } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('integrations', () => {
  it('creates an API key, shows its secret once, and revokes it', async () => {
    const admin = adminCredentials();
    const page = await newPage(browser);
    await signIn(page, admin.email, admin.password);
    await page.goto('/admin/integrations');
    const name = `Lab ${uid()}`;
    await page.getByRole('button', { name: 'New API key' }).click();
    await page.locator('#field-keyName').fill(name);
    await page.getByRole('button', { name: 'Create key' }).click();
    const secret = await page.getByTestId('created-secret').inputValue();
    expect(secret).toMatch(/^hms_/);
    await screenshot(page, 'admin-api-key-created');
    await page.getByRole('button', { name: 'Done' }).click();
    expect((await api('{ departments { id } }', {}, secret)).errors).toBeUndefined();

    const row = page.getByTestId(`api-key-${name}`);
    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await row.getByText('Revoked').waitFor();
    const after = await api('{ departments { id } }', {}, secret);
    expect(after.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await page.context().close();
  });

  it('a patient finds their calendar link on the profile page, and it serves their calendar', async () => {
    const page = await newPage(browser);
    await signUp(page);
    await page.goto('/patient/profile');
    await page.getByRole('button', { name: 'Show my calendar link' }).click();
    const url = await page.getByTestId('calendar-feed-url').inputValue();
    expect(url).toMatch(/\/calendar\/\d+\/[A-Za-z0-9_-]+\.ics$/);
    const feed = await fetch(`${baseUrl()}${new URL(url).pathname}`);
    expect(await feed.text()).toContain('BEGIN:VCALENDAR');
    await page.context().close();
  });
});
