// Issue 14 through the browser: an admin creates an API key (the secret shown once), the key reads
// through GraphQL, and revoking it from the Integrations page stops it at once.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCredentials, api, launchBrowser, newPage, screenshot, signIn, uid } from './helpers';

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
});
