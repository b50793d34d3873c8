// Where Plan Lens runs, in real Chromium with the built extension and no site granted at launch: by itself
// only on webmail; on another site only once the user grants it (and no longer once they take it back);
// anywhere the user asks with "Check this page"; nowhere the user turned it off.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { allowInSiteSettings, clickToolbarButton, externalRequests, extensionDir, grantSites, launchWithExtension, LOCAL_PAGES, REPO_ROOT, registeredOrigins, revokeSites, startServer, stopServiceWorker, untilGranted, type ExtensionBrowser, type StaticServer } from './harness';
import { cardText, highlightMarks, highlightRulesFrom, markBoxes } from './page-probes';

/** The extension API as seen inside the service worker, for `sw.evaluate` callbacks. */
declare const chrome: WxtBrowser;

const GMAIL = 'mail.google.com';

let server: StaticServer;
let webmail: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures` });
  webmail = await startServer({ '/': `${REPO_ROOT}/tests/fixtures/webmail` }, { tlsHosts: [GMAIL] });
  browser = await launchWithExtension({ grantSites: [], mapHosts: { hosts: [GMAIL], port: webmail.port } });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await webmail?.close();
});

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

const fixture = (name: string) => `${server.origin}/fixtures/${name}`;

/**
 * Adds the local pages' site on the options page, "plans only" or "every page", as a user does; returns the
 * options page once the site is granted. The user has allowed the site in Chrome's site access first, so
 * Chrome grants it without a prompt (a headless browser could not show one).
 */
async function allowOnOptionsPage(mode: 'auto' | 'always'): Promise<Page> {
  await allowInSiteSettings(browser, [LOCAL_PAGES]);
  const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator(`tr[data-host="${GMAIL}"]`).waitFor();
  await options.fill('input[name=site]', server.origin);
  await options.click(`button[value=${mode}]`);
  await untilGranted(browser, [LOCAL_PAGES]);
  return options;
}

/**
 * How many Plan Lens content-script worlds the page's top frame has, as the browser lists them. After
 * `load` a document_idle script has run if it was going to.
 */
async function contentScripts(page: Page): Promise<number> {
  const cdp = await browser.context.newCDPSession(page);
  const worlds: string[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.origin === `chrome-extension://${browser.extensionId}` && context.auxData?.type === 'isolated') worlds.push(context.name);
  });
  // Enabling lists every existing context before it returns.
  await cdp.send('Runtime.enable');
  await cdp.detach();
  return worlds.length;
}

async function waitForMark(page: Page, phrase: string): Promise<void> {
  await expect.poll(async () => (await highlightMarks(page)).some((m) => m.text.toLowerCase().includes(phrase))).toBe(true);
}

describe('the built manifest', () => {
  const firefox = path.join(REPO_ROOT, '.output/firefox-mv3/manifest.json');
  // `npm test` builds both; a lone `wxt build` only Chrome's.
  const manifests = [path.join(extensionDir(), 'manifest.json'), ...(fs.existsSync(firefox) ? [firefox] : [])];

  it.each(manifests)('%s asks at install only for webmail and the Docs export; every other site is optional', (file) => {
    const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      host_permissions?: string[];
      optional_host_permissions?: string[];
      content_scripts: { matches: string[] }[];
      commands: Record<string, { suggested_key?: { default: string } }>;
    };
    const installed = [...(manifest.host_permissions ?? []), ...manifest.content_scripts.flatMap((s) => s.matches)];
    expect(installed.length).toBeGreaterThan(0);
    for (const pattern of installed) expect(pattern).toMatch(/^https:\/\/(mail\.google\.com|outlook\.(office|office365|live)\.com|docs\.google\.com)\//);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    // "Check this page" from the keyboard: a browser command (it grants activeTab), not a page key listener.
    expect(manifest.commands['check-page']?.suggested_key?.default).toBe('Alt+Shift+K');
  });
});

describe('a site the user has not granted', () => {
  it('gets no content script and no marks, while webmail gets both', async () => {
    const page = await open(fixture('plan-static.html'));
    expect(await contentScripts(page)).toBe(0);
    expect(await highlightMarks(page)).toEqual([]);
    expect(await registeredOrigins(browser)).toEqual([]);

    const mail = await open(`https://${GMAIL}/gmail.html`);
    expect(await contentScripts(mail)).toBe(1);
    await waitForMark(mail, 'access to');
    // The marks' rules came with the manifest's content script: none were put in the page.
    expect(await highlightRulesFrom(mail)).toBe('extension');
    await Promise.all([page.close(), mail.close()]);
  });

  it('"Check this page" (the toolbar button) annotates it, even a page that does not read as a plan', async () => {
    const page = await open(fixture('not-a-plan.html'));
    expect(await contentScripts(page)).toBe(0);
    await clickToolbarButton(browser, page);
    await waitForMark(page, 'access to');
    expect(await contentScripts(page)).toBe(1);
    // Brought in after the page loaded, without the extension's sheet: Plan Lens put the rules in the page.
    expect(await highlightRulesFrom(page)).toBe('page');
    await page.close();
  });

  it('"Check this page" in the side panel asks for the site, and checks the page once the user allows it', async () => {
    const sw = await browser.serviceWorker();
    // A tab the worker opens, so its id is known (the site not granted, its address is hidden from Plan Lens).
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().endsWith('/not-a-plan.html') });
    const tabId = await sw.evaluate(async (url) => (await chrome.tabs.create({ url })).id!, fixture('not-a-plan.html'));
    const page = await opened;
    await page.waitForLoadState('load');
    const panel = await open(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.click('button:has-text("Check this page")');
    // The panel has no activeTab to reach the page with: Chrome is asked to offer the site, and the panel says so.
    await expect.poll(() => panel.textContent('[role=status]')).toContain('needs your permission for this site');
    expect(await contentScripts(page)).toBe(0);
    // The user allows it (a headless Chromium cannot show the request; this is the grant allowing it gives):
    // the page is checked, though it does not read as a plan, by one copy of Plan Lens.
    await grantSites(browser, [LOCAL_PAGES]);
    await waitForMark(page, 'access to');
    await expect.poll(() => panel.locator('[role=status]').count()).toBe(0);
    expect(await contentScripts(page)).toBe(1);
    await revokeSites(browser, [LOCAL_PAGES]);
    await Promise.all([page.close(), panel.close()]);
  });
});

describe('a site the user granted', () => {
  it('gets marks after a reload and after the worker restarts; taking the grant back stops them', async () => {
    const page = await open(fixture('plan-static.html'));
    expect(await contentScripts(page)).toBe(0);

    await grantSites(browser, [LOCAL_PAGES]);
    await page.reload();
    await waitForMark(page, 'access to');

    await stopServiceWorker(browser);
    const again = await open(fixture('plan-static.html'));
    await waitForMark(again, 'access to');
    expect(await registeredOrigins(browser)).toEqual([LOCAL_PAGES]);

    await revokeSites(browser, [LOCAL_PAGES]);
    const revoked = await open(fixture('plan-static.html'));
    expect(await contentScripts(revoked)).toBe(0);
    expect(await highlightMarks(revoked)).toEqual([]);
    await Promise.all([page.close(), again.close(), revoked.close()]);
  });
});

describe('the options page ("Where Plan Lens runs")', () => {
  it('allows a site for every page, and "Turn off" gives the grant back', async () => {
    const options = await allowOnOptionsPage('always');
    const row = options.locator('tr[data-host="127.0.0.1"]');
    await expect.poll(() => row.locator('.state').textContent()).toBe('checks every page');

    // "Every page": even a page that does not read as a plan gets its marks.
    const page = await open(fixture('not-a-plan.html'));
    await waitForMark(page, 'access to');

    await row.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => registeredOrigins(browser)).toEqual([]);
    await expect.poll(() => row.locator('.state').textContent()).toBe('off');
    const after = await open(fixture('not-a-plan.html'));
    expect(await contentScripts(after)).toBe(0);
    await Promise.all([options.close(), page.close(), after.close()]);
  });
});

describe('"Off on this site"', () => {
  it('takes the marks off a webmail page and keeps them off after a reload, until the site is back to automatic', async () => {
    const page = await open(`https://${GMAIL}/gmail.html`);
    await waitForMark(page, 'access to');
    const sw = await browser.serviceWorker();
    // What the toolbar menu's "Turn Plan Lens off on this site" stores (site-menu.ts).
    await sw.evaluate((host) => chrome.storage.local.set({ [`site-mode:${host}`]: 'off' }), GMAIL);
    await expect.poll(() => highlightMarks(page)).toEqual([]);

    await page.reload();
    expect(await contentScripts(page)).toBe(1);
    expect(await highlightMarks(page)).toEqual([]);
    await sw.evaluate((host) => chrome.storage.local.remove(`site-mode:${host}`), GMAIL);
    await waitForMark(page, 'access to');
    await page.close();
  });
});

describe('a site granted or turned off while its pages are open', () => {
  const host = '127.0.0.1';

  async function tabOf(page: Page): Promise<number> {
    const sw = await browser.serviceWorker();
    // Matching tabs by address needs the site's grant, which these tests hold when they ask.
    const id = await sw.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, page.url());
    if (id === undefined) throw new Error(`No tab found for ${page.url()}`);
    return id;
  }

  async function badge(tabId: number): Promise<string> {
    const sw = await browser.serviceWorker();
    return sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
  }

  /** The IEP form's field: how many box layers are over it, and how many boxes they draw. */
  async function formMarks(page: Page): Promise<{ layers: number; boxes: number }> {
    return { layers: await page.locator('plan-lens-marks').count(), boxes: (await markBoxes(page)).length };
  }

  /**
   * Exactly one Plan Lens runs in the form's document: one box layer over the field, the badge at the count
   * one copy reports, and one card when the keyboard opens a finding (a second copy draws its own layer and
   * opens its own card).
   */
  async function expectOneCopy(page: Page, count: string): Promise<void> {
    await expect.poll(async () => ((marks) => marks.layers === 1 && marks.boxes > 0)(await formMarks(page))).toBe(true);
    await expect.poll(async () => badge(await tabOf(page))).toBe(count);
    await page.focus('#targets');
    await page.$eval('#targets', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Shift+J');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await page.locator('plan-lens-card').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBeNull();
    expect((await formMarks(page)).layers).toBe(1);
  }

  it('a grant starts Plan Lens at once in the tabs already open, one copy each; taking it back or turning it off stops it at once', async () => {
    const sw = await browser.serviceWorker();
    // Whatever an earlier test chose for the local pages: back to automatic, not granted.
    await sw.evaluate((h) => chrome.storage.local.remove(`site-mode:${h}`), host);
    expect(await registeredOrigins(browser)).toEqual([]);
    const form = await open(fixture('plan-textarea.html'));
    const article = await open(fixture('plan-static.html'));
    const leisure = await open(fixture('not-a-plan.html'));
    expect(await contentScripts(form)).toBe(0);

    // "Check this site automatically (plans only)", from the options page (the toolbar menu asks the same
    // grant): the open plan pages get their marks without a reload.
    const options = await allowOnOptionsPage('auto');
    await waitForMark(article, 'access to');
    await form.waitForFunction(() => document.querySelector('plan-lens-marks')?.shadowRoot?.querySelector('.mark') != null);
    // What one copy counts on the form: every finding in its field.
    await expect.poll(async () => Number(await badge(await tabOf(form)))).toBeGreaterThan(0);
    const count = await badge(await tabOf(form));
    await expectOneCopy(form, count);

    // "Check this page" on a page already running, and two injections racing each other (as an injection
    // may race the registered script on a page still loading): still one copy.
    await clickToolbarButton(browser, form);
    await expectOneCopy(form, count);
    const tabId = await tabOf(form);
    await sw.evaluate(
      (id) => Promise.all([1, 2].map(() => chrome.scripting.executeScript({ target: { tabId: id, allFrames: true }, files: ['/content-scripts/content.js'] }))),
      tabId,
    );
    await expectOneCopy(form, count);
    // The next load gets the registered script only.
    await form.reload();
    await form.waitForFunction(() => document.querySelector('plan-lens-marks')?.shadowRoot?.querySelector('.mark') != null);
    await expectOneCopy(form, count);

    // "Every page" ("Always check this site"): the open page that does not read as a plan gets its marks now.
    const row = options.locator(`tr[data-host="${host}"]`);
    await row.getByRole('button', { name: 'Every page' }).click();
    await expect.poll(() => row.locator('.state').textContent()).toBe('checks every page');
    await waitForMark(leisure, 'access to');
    await expectOneCopy(form, count);

    // Taken back in Chrome's site-access controls: the open pages lose their marks without a reload.
    await revokeSites(browser, [LOCAL_PAGES]);
    await expect.poll(() => highlightMarks(leisure)).toEqual([]);
    await expect.poll(() => highlightMarks(article)).toEqual([]);
    await expect.poll(async () => (await formMarks(form)).boxes).toBe(0);
    // Granted again: back at once, in the mode the site had.
    await grantSites(browser, [LOCAL_PAGES]);
    await waitForMark(leisure, 'access to');
    await waitForMark(article, 'access to');
    await expectOneCopy(form, count);

    // "Turn off": every open page of the site loses its marks at once.
    await row.getByRole('button', { name: 'Turn off' }).click();
    await expect.poll(() => highlightMarks(leisure)).toEqual([]);
    await expect.poll(() => highlightMarks(article)).toEqual([]);
    await expect.poll(async () => (await formMarks(form)).boxes).toBe(0);
    await expect.poll(() => registeredOrigins(browser)).toEqual([]);
    await Promise.all([form.close(), article.close(), leisure.close(), options.close()]);
  });
});

describe('privacy', () => {
  it('no request left the test servers', () => {
    expect(externalRequests(browser.requests, [GMAIL])).toEqual([]);
    for (const r of webmail.log) expect(r.host).toBe(GMAIL);
    expect(server.log.every((r) => r.host === `127.0.0.1:${server.port}`)).toBe(true);
  });
});
