// A new user's first minute, in real Chromium with the built extension: the welcome page opens on install (what
// Plan Lens does, that nothing leaves the browser, how to turn it on, the shortcuts, a sample to try), and a toolbar
// click on a page that is not a plan says so in the page instead of doing nothing visible.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickToolbarButton, externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';

let server: StaticServer;
let browser: ExtensionBrowser;
let welcome: Promise<Page>;

beforeAll(async () => {
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures` });
  browser = await launchWithExtension({ grantSites: [], keepWelcome: true });
  const isWelcome = (p: Page) => p.url().endsWith('/welcome.html');
  welcome = Promise.resolve(browser.context.pages().find(isWelcome) ?? browser.context.waitForEvent('page', { predicate: isWelcome }));
});

afterAll(async () => {
  if (browser) expect(externalRequests(browser.requests)).toEqual([]);
  await browser?.close();
  await server?.close();
});

/** The text of Plan Lens's note in the page, or null when none is shown. */
const notice = (page: Page) => page.evaluate(() => document.querySelector('plan-lens-notice')?.shadowRoot?.querySelector('.notice')?.textContent ?? null);

describe('first run', () => {
  it('the welcome page opens on install: what it does, privacy, turning it on, the shortcuts', async () => {
    const page = await welcome;
    await page.locator('h1').waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('Nothing leaves your browser');
    expect(text).toContain('Always check this site');
    expect(text).toContain('Check this page');
    for (const keys of ['Alt+Shift+K', 'Alt+Shift+L', 'Alt+Shift+J']) expect(text.replace(/\s*\+\s*/g, '+')).toContain(keys);
  });

  it('its sample opens in the review page, checked', async () => {
    const page = await welcome;
    const [review] = await Promise.all([browser.context.waitForEvent('page', { predicate: (p) => p.url().includes('/review.html') }), page.getByRole('button', { name: 'Check a sample plan' }).click()]);
    await review.locator('.findings .finding').first().waitFor();
    expect(await review.locator('.findings .finding').count()).toBeGreaterThan(5);
    expect(await review.locator('main').innerText()).toContain('Section F');
    await review.close();
  });

  it('a toolbar click on a page that is not a plan says so in the page', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixtures/not-a-plan.html`);
    await clickToolbarButton(browser, page);
    await expect.poll(() => notice(page), { timeout: 15_000 }).toMatch(/does not read as a (support|special education) plan/);
    // A click on the note dismisses it.
    await page.locator('plan-lens-notice .notice').click();
    await expect.poll(() => notice(page)).toBeNull();
    await page.close();
  });
});
