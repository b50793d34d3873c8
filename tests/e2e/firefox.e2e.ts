// Plan Lens in a real Firefox (Debian's firefox-esr, the build `wxt build -b firefox --mv3` installed as a
// temporary add-on): a plan read in Gmail gets its marks and its card, a message that is not a plan gets none,
// a site the user allows on the options page gets marks, and nothing leaves the machine. Without Firefox the file
// is skipped, which `npm test` allows only outside CI (scripts/vitest-tally.ts); under CI it runs or fails.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { exposeCardInFirefox, findFirefox, launchFirefoxWithExtension, type FirefoxWithExtension } from './firefox-harness';
import { REPO_ROOT, startServer, type StaticServer } from './harness';
import { centre, readCardText, readHighlightMarks, readMarkBoxes, readPhraseRects } from './page-probes';

const GMAIL = 'mail.google.com';
/** A school's plan portal: a site Plan Lens does not run on until the user allows it. */
const PORTAL = 'sen-portal.example';

describe.runIf(findFirefox() !== null || process.env.CI)('Plan Lens in Firefox', () => {
  let server: StaticServer;
  let firefox: FirefoxWithExtension;
  let extension: Page;

  beforeAll(async () => {
    server = await startServer({ '/': `${REPO_ROOT}/tests/fixtures/webmail`, '/fixtures/': `${REPO_ROOT}/tests/fixtures` }, { tlsHosts: [GMAIL, PORTAL] });
    firefox = await launchFirefoxWithExtension({ [GMAIL]: server.port, [PORTAL]: server.port });
    extension = await firefox.extensionPage('options.html');
  });

  afterAll(async () => {
    await firefox?.close();
    await server?.close();
  });

  async function open(file: string, host = GMAIL): Promise<Page> {
    const page = await firefox.browser.newPage();
    await page.goto(`https://${host}/${file}`);
    return page;
  }

  /** The origins Plan Lens's content script is registered for beyond the manifest's (site-access.ts). */
  function registeredOrigins(): Promise<string[]> {
    return extension.evaluate(async () => {
      const { browser } = globalThis as unknown as { browser: WxtBrowser };
      return (await browser.scripting.getRegisteredContentScripts()).flatMap((s) => s.matches ?? []);
    });
  }

  /** What the content script last told the toolbar badge for the tab showing `url`: it reports every settled answer. */
  function badgeCount(url: string): Promise<number | undefined> {
    return extension.evaluate(async (u) => {
      // Named through globalThis: the test build rewrites a bare `browser` to WXT's fake one.
      const { browser } = globalThis as unknown as { browser: WxtBrowser };
      const [tab] = await browser.tabs.query({ url: u });
      const key = `badge:${tab!.id}`;
      return ((await browser.storage.session.get(key))[key] as Record<string, number> | undefined)?.['0'];
    }, url);
  }

  it('underlines the flagged sentence of a plan read in Gmail, its weak phrase emphasised inside, in the message body', async () => {
    const page = await open('gmail.html');
    const sentence = 'Sam will have access to speech and language therapy.';
    await expect.poll(async () => (await page.evaluate(readHighlightMarks, true)).some((m) => m.text === 'will have access to')).toBe(true);
    const mark = (await page.evaluate(readHighlightMarks, false)).find((m) => m.text === sentence)!;
    const emphasis = (await page.evaluate(readHighlightMarks, true)).find((m) => m.text === 'will have access to')!;
    // Firefox has the CSS Custom Highlight API: the marks are highlights, drawn over the words' own glyphs.
    expect(mark.rects).toEqual(await page.evaluate(readPhraseRects, ['#msg-body', sentence] as const));
    expect(emphasis.rects).toEqual(await page.evaluate(readPhraseRects, ['#msg-body', emphasis.text] as const));
    expect(await page.evaluate(readMarkBoxes)).toEqual([]);
    // Nothing in the mail client's own message list.
    expect((await page.evaluate(readHighlightMarks, false)).some((m) => /leisure|newsletter/i.test(m.text))).toBe(false);

    // Hovering the phrase opens its sentence's card.
    const { x, y } = centre(emphasis.rects[0]!);
    await page.mouse.move(x, y);
    await expect.poll(async () => (await exposeCardInFirefox(firefox.browser, page), await page.evaluate(readCardText))).toContain(sentence);
    // The content script reached the background page: the toolbar badge counts the underlined sentences.
    await expect.poll(() => badgeCount(page.url())).toBe((await page.evaluate(readHighlightMarks, false)).length);
    await page.close();
  });

  it('leaves a message that is not a plan unmarked', async () => {
    const page = await open('gmail-not-a-plan.html');
    // The content script has read the message and had its answer once it reports a count for the badge.
    await expect.poll(() => badgeCount(page.url())).toBe(0);
    expect(await page.evaluate(readHighlightMarks, false)).toEqual([]);
    expect(await page.evaluate(readMarkBoxes)).toEqual([]);
    await exposeCardInFirefox(firefox.browser, page);
    expect(await page.evaluate(readCardText)).toBeNull();
    await page.close();
  });

  it('checks every page of a site the user allows on the options page, even one that is not a plan', async () => {
    expect(await registeredOrigins()).toEqual([]);
    // permissions.request under a real click, then permissions.onAdded registers the content script.
    await extension.type('input[name=site]', `https://${PORTAL}`);
    await extension.click('button[value=always]');
    await expect.poll(registeredOrigins).toEqual([`https://${PORTAL}/*`]);

    const page = await open('fixtures/not-a-plan.html', PORTAL);
    await expect.poll(async () => (await page.evaluate(readHighlightMarks, false)).some((m) => m.text.includes('access to'))).toBe(true);
    await page.close();
  });

  it('sends nothing anywhere but the local server', () => {
    expect(firefox.outside).toEqual([]);
    expect(server.log.map((r) => r.url)).toEqual(expect.arrayContaining(['/gmail.html', '/gmail-not-a-plan.html', '/fixtures/not-a-plan.html']));
    for (const r of server.log) expect([GMAIL, PORTAL]).toContain(r.host);
  });
});
