// An organisation's policy, read by real Chromium from its managed policy directory (as an IT admin deploys it):
// the jurisdiction and a house phrase are fixed for every page and locked on the options page, and the site the
// policy lists is offered on the user's visit (the toolbar button is marked) and granted with one click on it.
// The test writes the policy file and removes it when done, failed or not. The policy names a copy of the build
// with a test key of its own (so its own id): a Plan Lens in any other browser on the machine never sees it.
// It needs root to write /etc; skipped without, but never under CI (root there).
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { allowInSiteSettings, clickToolbarButton, extensionDir, externalRequests, launchWithExtension, LOCAL_PAGES, REPO_ROOT, startServer, untilGranted, type ExtensionBrowser, type StaticServer } from './harness';
import { cardText, centre, emphasisOn, highlightMarks, markContaining } from './page-probes';

type Rule = { conditions: { pageUrl?: { hostEquals?: string } }[] };
declare const chrome: WxtBrowser & { declarativeContent: { onPageChanged: { getRules(ids: undefined, done: (rules: Rule[]) => void): void } } };

// One file per run: runs side by side on one machine (several worktrees) each remove only their own, while Chromium
// reads every file in the directory (the same policy twice is the same policy).
const POLICY_FILE = `/etc/chromium/policies/managed/plan-lens-e2e-${process.pid}.json`;
/** The public half of a key made for this test only (its private half was thrown away). */
const TEST_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEApp8TlLSgqKfKtQPwhfpdQGgYlLgZU7tRYHaoWCda1OHc0GKlBd679m4Yt9t8Rb6OvphVlP8okHk+lZVxbeK0tf50sQhYTARwi6eu89UjfD2DN+W3sp3Qx+6PYYvc1xYIAEudgYPc72v3i4cDwk090W3Y4gcJj6k/zPjXC4ejf5UpQf/QIi97++iW8CDdR968+q1wJWAeOQoYYi3JCyzQ1ienwk6NPeyFqq8FutNfilefxXVpdXy+pgJwys9bu+LcrheAi+2/HnSUr+ByzMCA7/QRwZQCKeT6E+aQuh8YNtKglCG1FHbDoNTKwVZLkmJeM5SymHVV4LTWJcISPwbb1QIDAQAB';
/** Chromium's id for a key: the SHA-256 of the public key, its first 32 hex digits written a–p. */
const idOf = (key: string) => [...createHash('sha256').update(Buffer.from(key, 'base64')).digest('hex').slice(0, 32)].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
const EXTENSION_ID = idOf(TEST_KEY);
const POLICY = {
  jurisdiction: 'us',
  customPhrases: [{ phrase: 'learning buddy', message: 'is not how our district writes services: name the adult' }],
  sites: [{ host: '127.0.0.1', mode: 'always' }],
};
const REVIEW = 'The speech and language therapist will review progress each term, and more often as required.';

const removePolicy = () => fs.rmSync(POLICY_FILE, { force: true });
/** The key the build pins (wxt.config.ts), whose id the README gives IT admins. */
const manifestKey = () => (JSON.parse(fs.readFileSync(path.join(extensionDir(), 'manifest.json'), 'utf8')) as { key: string }).key;

describe.runIf(process.getuid?.() === 0 || Boolean(process.env.CI))('an organisation’s policy through Chromium’s managed policy directory', () => {
  let server: StaticServer;
  let browser: ExtensionBrowser;
  let copy: string;

  beforeAll(async () => {
    copy = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-policy-build-'));
    fs.cpSync(extensionDir(), copy, { recursive: true });
    const manifest = JSON.parse(fs.readFileSync(path.join(copy, 'manifest.json'), 'utf8')) as { key: string };
    fs.writeFileSync(path.join(copy, 'manifest.json'), JSON.stringify({ ...manifest, key: TEST_KEY }));
    fs.mkdirSync(path.dirname(POLICY_FILE), { recursive: true });
    fs.writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [EXTENSION_ID]: POLICY } } }));
    // Gone even if the run is cut short.
    process.once('exit', removePolicy);
    server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures` });
    browser = await launchWithExtension({ grantSites: [], extensionDir: copy });
  });

  afterAll(async () => {
    removePolicy();
    if (browser) expect(externalRequests(browser.requests)).toEqual([]);
    await browser?.close();
    await server?.close();
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  });

  const open = async (url: string): Promise<Page> => {
    const page = await browser.context.newPage();
    await page.goto(url);
    return page;
  };

  it('Plan Lens has the extension id its key pins, and reads the policy named for it', async () => {
    expect(idOf(manifestKey())).toBe('dkjnaakmdcmeofhpcljobeojognknpbp');
    expect(browser.extensionId).toBe(EXTENSION_ID);
    const sw = await browser.serviceWorker();
    expect(await sw.evaluate(() => chrome.storage.managed.get(null))).toEqual(POLICY);
  });

  it('the options page shows the organisation’s settings locked', async () => {
    const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#checking').waitFor();
    expect(await options.inputValue('#jurisdiction')).toBe('us');
    expect(await options.isDisabled('#jurisdiction')).toBe(true);
    expect(await options.locator('#jurisdiction ~ .locked').innerText()).toMatch(/Set by your organi[sz]ation/);
    // The house phrases are the policy's: listed, with no way to remove or add one here.
    expect(await options.locator('ul[data-list=flag] li').innerText()).toContain('learning buddy');
    expect(await options.locator('ul[data-list=flag] button').count()).toBe(0);
    expect(await options.locator('form[data-form=flag]').count()).toBe(0);
    // What the policy leaves alone stays the user's.
    expect(await options.isDisabled('input[name=strictness][value=statutory]')).toBe(false);
    // The policy's site, not yet allowed in this browser, is offered.
    const row = options.locator('tr[data-host="127.0.0.1"]');
    expect(await row.locator('.state').innerText()).toMatch(/Your organi[sz]ation asks Plan Lens to check this site/);
    expect(await row.getByRole('button', { name: 'Allow this site' }).count()).toBe(1);
    await options.close();
  });

  it('the policy’s site is offered on the visit; one click grants it, and the page is judged by the policy', async () => {
    const sw = await browser.serviceWorker();
    const page = await open(`${server.origin}/fixtures/plan-settings.html`);
    // Not granted yet: nothing runs on the page, but the toolbar button is marked for this site.
    const marked = () => sw.evaluate(() => new Promise<Rule[]>((done) => chrome.declarativeContent.onPageChanged.getRules(undefined, done)));
    await expect.poll(async () => (await marked()).flatMap((r) => r.conditions.map((c) => c.pageUrl?.hostEquals))).toEqual(['127.0.0.1']);
    expect(await highlightMarks(page)).toEqual([]);

    // The user has said yes in Chrome's site access ahead (a headless browser cannot show the question), then clicks the button.
    await allowInSiteSettings(browser, [LOCAL_PAGES]);
    const granted = () => sw.evaluate((origin) => chrome.permissions.contains({ origins: [origin] }), LOCAL_PAGES);
    expect(await granted()).toBe(false);
    await clickToolbarButton(browser, page);
    await untilGranted(browser, [LOCAL_PAGES]);
    await expect.poll(async () => (await marked()).length).toBe(0);

    // The house phrase is flagged with the organisation's message; the fixed jurisdiction (US) asks where the service is delivered.
    // Polled by time: the tab may be in the background (rAF polling would never run).
    const hasMarks = () => [...CSS.highlights.keys()].some((name) => name.startsWith('plan-lens-'));
    await page.waitForFunction(hasMarks, undefined, { polling: 100 });
    // One underline on the review sentence, whose one card names the place too.
    await expect.poll(async () => (await highlightMarks(page)).filter((m) => m.text === REVIEW).length).toBe(1);
    const review = (await markContaining(page, 'review progress'))!;
    await page.mouse.move(centre(review.rects[0]!).x, centre(review.rects[0]!).y);
    await expect.poll(() => cardText(page)).toContain('does not say where it is delivered');
    await expect.poll(async () => (await emphasisOn(page, 'learning buddy'))?.text).toBe('learning buddy');
    const buddy = (await emphasisOn(page, 'learning buddy'))!;
    await page.mouse.move(centre(buddy.rects[0]!).x, centre(buddy.rects[0]!).y);
    await expect.poll(() => cardText(page)).toContain('is not how our district writes services: name the adult');

    // From now on the site's pages are checked by themselves, no click needed.
    const next = await open(`${server.origin}/fixtures/plan-static.html`);
    await next.waitForFunction(hasMarks, undefined, { polling: 100 });
    await Promise.all([page.close(), next.close()]);
  });
});
