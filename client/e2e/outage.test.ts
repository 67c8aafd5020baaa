// A signed-in person whose API cannot be reached is told so, and the page retries by itself,
// instead of being sent to the sign-in form.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoAxeViolations, launchBrowser, newPage, screenshot, signUp } from './helpers';

let browser: Browser;
beforeAll(async () => { browser = await launchBrowser(); });
afterAll(async () => { await browser?.close(); });

describe('the API is unreachable', () => {
  it('a signed-in patient sees "unavailable, retrying" (not the sign-in form) and gets the page back when the API returns', async () => {
    const page = await newPage(browser);
    await signUp(page);
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();

    // Connection refused, as with the API process down behind a proxy that passes errors through.
    await page.route('**/graphql', (route) => route.abort('connectionrefused'));
    await page.reload();
    await page.getByText('The hospital system is unavailable, retrying').waitFor();
    expect(page.url()).not.toContain('/sign-in');
    expect(await page.locator('#field-password').count()).toBe(0);
    await screenshot(page, 'api-unavailable');

    // Then the API answers SERVICE_UNAVAILABLE (its database is down): still the same screen.
    await page.unroute('**/graphql');
    await page.route('**/graphql', (route) => route.fulfill({
      status: 503,
      contentType: 'application/json',
      headers: { 'retry-after': '5' },
      body: JSON.stringify({ errors: [{ message: 'The hospital system is briefly unavailable; try again shortly', extensions: { code: 'SERVICE_UNAVAILABLE', retryAfterSeconds: 5 } }] }),
    }));
    await new Promise((r) => setTimeout(r, 4000));
    await page.getByText('The hospital system is unavailable, retrying').waitFor();
    expect(page.url()).not.toContain('/sign-in');

    // Back: the page returns by itself, still signed in.
    await page.unroute('**/graphql');
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('/patient');
    await page.context().close();
  });

  it("a page whose code cannot be downloaded (server gone between two pages) says unavailable and comes back by itself", async () => {
    const page = await newPage(browser);
    await signUp(page);
    await page.getByRole('heading', { name: 'Hello, Pat' }).waitFor();
    // The next page's chunk and the health check fail, as with the server down behind a proxy.
    const block = (route: import('playwright-core').Route) => route.abort('connectionrefused');
    await page.route('**/assets/**', block);
    await page.route('**/healthz', block);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My appointments' }).click();
    await page.getByText('The hospital system is unavailable, retrying').waitFor();
    expect(await page.locator('#field-password').count()).toBe(0);
    await expectNoAxeViolations(page, 'chunk-unavailable');

    await page.unroute('**/assets/**', block);
    await page.unroute('**/healthz', block);
    await page.getByRole('heading', { name: 'My appointments' }).waitFor({ timeout: 10_000 });
    expect(page.url()).toContain('/patient/appointments');
    await page.context().close();
  });
});
