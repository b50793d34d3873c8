// Google Docs in real Chromium: a stand-in Docs page served as https://docs.google.com (tests/fixtures/gdocs),
// exercising the live route (annotated text, edits, Go to), the export
// route and the .docx route, with the route shown to the user each time and no request leaving the machine.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analysis/index';
import { cleanDocsText } from '../../src/sites/google-docs';
import { startDocsStandIn, type DocsStandIn } from '../fixtures/gdocs/stand-in';

// The service worker's own API, as seen from worker.evaluate().
declare const chrome: {
  tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(tabId: number, message: object): Promise<unknown> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
};

interface TabPlan {
  route: string;
  text: string;
  findings: { rule: string; start: number; end: number }[];
}

const plan = readFileSync(path.resolve('tests/fixtures/files/plan.txt'), 'utf8');
const docsText = cleanDocsText('\u0003' + plan);

let docs: DocsStandIn;
let context: BrowserContext;
let worker: Worker;

beforeAll(async () => {
  docs = await startDocsStandIn(plan);
  ({ context, worker } = docs);
});

afterAll(async () => {
  await docs?.close();
});

const status = (page: Page) => page.locator('.status');

async function tabPlan(): Promise<TabPlan | undefined> {
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ url: 'https://docs.google.com/*' });
    const key = `tab-plan:${tab!.id}`;
    return (await chrome.storage.session.get(key))[key];
  }) as Promise<TabPlan | undefined>;
}

const expected = (text: string) => analyzeText(text).findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end }));
const shape = (p: TabPlan | undefined) => p && { route: p.route, text: p.text, findings: p.findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end })) };

describe('Google Docs', () => {
  it('live route: reads annotated text under Plan Lens’s own id, follows edits, and Go to selects in the document', async () => {
    const page = await context.newPage();
    await page.goto('https://docs.google.com/document/d/draft-ehcp/edit');
    // The stand-in reads the flag once its fetch of the text is back (undefined until then), which can come after load.
    await expect.poll(() => page.evaluate(() => (window as { __requestedBy?: string }).__requestedBy)).toBe('dkjnaakmdcmeofhpcljobeojognknpbp');
    await expect.poll(() => status(page).textContent()).toContain('live as you type');
    await expect.poll(async () => shape(await tabPlan())).toEqual({ route: 'live', text: docsText, findings: expected(docsText) });
    await expect.poll(() => status(page).textContent()).toContain(`${expected(docsText).length} findings`);
    await page.screenshot({ path: 'test-results/gdocs-live.png' });

    const edited = plan.replace('as required', 'for 30 minutes twice a week');
    await page.evaluate((text) => (window as { __edit?: (t: string) => void }).__edit!(text), edited);
    await expect.poll(async () => (await tabPlan())?.text).toBe(cleanDocsText('\u0003' + edited));
    expect((await tabPlan())!.findings).toHaveLength(expected(cleanDocsText('\u0003' + edited)).length);

    // "Show findings" on the page opens Chrome's side panel: the click carries its gesture to the worker.
    await status(page).locator('button', { hasText: 'Show findings' }).click();
    const cdp = await context.newCDPSession(page);
    const targets = async () => ((await cdp.send('Target.getTargets')) as { targetInfos: { url: string }[] }).targetInfos.map((t) => t.url);
    await expect.poll(targets).toContain('chrome-extension://dkjnaakmdcmeofhpcljobeojognknpbp/sidepanel.html');
    await cdp.detach();

    const target = (await tabPlan())!.findings[0]!;
    const moved = await worker.evaluate(async (f) => {
      const [tab] = await chrome.tabs.query({ url: 'https://docs.google.com/*' });
      return chrome.tabs.sendMessage(tab!.id, { kind: 'plan-lens/go-to', start: f.start, end: f.end });
    }, target);
    expect(moved).toBe(true);
    await expect.poll(() => page.evaluate(() => (window as { __selections?: number[][] }).__selections)).toEqual([[target.start, target.end]]);
    await page.close();
  });

  it('export route: when Docs withholds its text, checks a snapshot from the export and says so', async () => {
    const page = await context.newPage();
    await page.goto('https://docs.google.com/document/d/draft-ehcp/edit?mode=export');
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toContain('snapshot');
    // The export's byte-order mark and CRLFs are gone: the same text as the document, the same findings.
    await expect.poll(async () => shape(await tabPlan())).toEqual({ route: 'export', text: plan, findings: expected(plan) });
    expect(docs.served).toContain('/document/d/draft-ehcp/export?format=txt');
    expect(await status(page).locator('button', { hasText: 'Refresh snapshot' }).isVisible()).toBe(true);
    await page.close();
  });

  it('docx route: when the export fails too, offers the review page for the downloaded .docx', async () => {
    const page = await context.newPage();
    await page.goto('https://docs.google.com/document/d/signed-out/edit?mode=export');
    await expect.poll(() => status(page).textContent(), { timeout: 20_000 }).toContain('Download it');
    expect(await status(page).textContent()).toContain('sign in');
    // The side panel shows the same route, with no findings to list.
    await expect.poll(async () => (await tabPlan())?.route).toBe('docx');
    const opened = context.waitForEvent('page');
    await status(page).locator('button', { hasText: 'Check a downloaded .docx' }).click();
    const review = await opened;
    await review.waitForLoadState();
    expect(review.url()).toBe('chrome-extension://dkjnaakmdcmeofhpcljobeojognknpbp/review.html?from=gdocs');
    await expect.poll(() => review.locator('.notice').textContent()).toContain('File → Download → Microsoft Word');
    await review.close();
    await page.close();
  });

  it('sent nothing beyond (the stand-in for) docs.google.com', () => {
    expect(docs.leaks()).toEqual([]);
  });
});
