// Plan Lens in a real Firefox (Debian's firefox-esr, the build `wxt build -b firefox --mv3` installed as a
// temporary add-on): a plan read in Gmail gets its marks and its card, a message that is not a plan gets none,
// a site the user allows on the options page gets marks, the sidebar shows the tab's plan, the review page reads a
// dropped Word file as the CLI does, and nothing leaves the machine. Without Firefox the file
// is skipped, which `npm test` allows only outside CI (scripts/vitest-tally.ts); under CI it runs or fails.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { analyzeText } from '../../src/analysis/index';
import { planTypeLabel } from '../../src/documents/report';
import { bundledWords } from '../../src/documents/words';
import type { TabPlan } from '../../src/extension/tab-plan-messages';
import { docxOf, paragraphsOf } from '../fixtures/files/build';
import { cliFindings } from './cli';
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

  /** The id of the tab showing `url`, as the extension sees it. */
  function tabIdOf(url: string): Promise<number | undefined> {
    return extension.evaluate(async (u) => {
      const { browser } = globalThis as unknown as { browser: WxtBrowser };
      return (await browser.tabs.query({ url: u }))[0]?.id;
    }, url);
  }

  /** The worker's report for a tab: what the sidebar shows. */
  function storedPlan(tabId: number): Promise<TabPlan | undefined> {
    return extension.evaluate(async (key) => {
      const { browser } = globalThis as unknown as { browser: WxtBrowser };
      return (await browser.storage.session.get(key))[key] as TabPlan | undefined;
    }, `tab-plan:${tabId}`);
  }

  /** The findings a panel or the review page lists, by rule and place. */
  const listedFindings = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll('.findings .finding')]
        .map((f) => ({ rule: f.getAttribute('data-rule'), start: Number(f.getAttribute('data-start')), end: Number(f.getAttribute('data-end')) }))
        .sort((a, b) => a.start - b.start || a.end - b.end),
    );
  const byPlace = (findings: { rule: string; start: number; end: number }[]) =>
    findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end })).sort((a, b) => a.start - b.start || a.end - b.end);

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
    // The options page has drawn every section (the settings are read asynchronously): nothing moves under the click.
    await extension.waitForSelector('#checking');
    await extension.waitForSelector('section[aria-labelledby=sites] form button[value=always]');
    // permissions.request under a real click, then permissions.onAdded registers the content script.
    await extension.type('input[name=site]', `https://${PORTAL}`);
    await extension.click('button[value=always]');
    await expect.poll(registeredOrigins).toEqual([`https://${PORTAL}/*`]);

    const page = await open('fixtures/not-a-plan.html', PORTAL);
    await expect.poll(async () => (await page.evaluate(readHighlightMarks, false)).some((m) => m.text.includes('access to'))).toBe(true);
    await page.close();
  });

  it("shows the tab's plan in the sidebar: its plan type and every finding the analyser gives for the message", async () => {
    const page = await open('gmail.html');
    const tabId = (await tabIdOf(page.url()))!;
    await expect.poll(() => storedPlan(tabId)).toBeDefined();
    const plan = (await storedPlan(tabId))!;
    expect(plan.text).toContain('Sam will have access to speech and language therapy.');
    expect(plan.findings).toEqual(analyzeText(plan.text).findings);
    expect(plan.findings.length).toBeGreaterThan(0);
    // The page the manifest names as Firefox's sidebar (firefox-panel.e2e.ts), pinned to the tab as in Chromium.
    const sidebar = await firefox.extensionPage(`sidepanel.html?tab=${tabId}`);
    await expect.poll(() => sidebar.evaluate(() => document.querySelector('[data-testid=plan-type]')?.textContent)).toBe(planTypeLabel(bundledWords('en-GB'), plan.report.planType));
    expect(await listedFindings(sidebar)).toEqual(byPlace(plan.findings));
    await sidebar.close();
    await page.close();
  });

  it('reads a Word file dropped on the review page, with the same findings as the CLI gives for it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lens-firefox-'));
    const file = path.join(dir, 'plan.docx');
    writeFileSync(file, await docxOf(paragraphsOf(readFileSync(`${REPO_ROOT}/tests/fixtures/files/plan.txt`, 'utf8'))));
    const expected = byPlace(cliFindings(file));
    const bytes = readFileSync(file).toString('base64');
    rmSync(dir, { recursive: true, force: true });
    expect(expected.length).toBeGreaterThan(0);
    const review = await firefox.extensionPage('review.html');
    await review.evaluate(
      (base64, name) => {
        const data = new DataTransfer();
        data.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], name, { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }));
        document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      bytes,
      'plan.docx',
    );
    await expect.poll(() => review.evaluate(() => document.querySelector('.summary .file')?.textContent ?? '')).toContain('plan.docx');
    // Judged once the settings and the reader are in: the list settles on the CLI's findings.
    await expect.poll(() => listedFindings(review)).toEqual(expected);
    await review.close();
  });

  it('sends nothing anywhere but the local server', () => {
    expect(firefox.outside).toEqual([]);
    expect(server.log.map((r) => r.url)).toEqual(expect.arrayContaining(['/gmail.html', '/gmail-not-a-plan.html', '/fixtures/not-a-plan.html']));
    for (const r of server.log) expect([GMAIL, PORTAL]).toContain(r.host);
  });
});
