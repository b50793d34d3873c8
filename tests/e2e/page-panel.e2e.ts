// The side panel for ordinary pages, in Chromium with the built extension: the worker keeps each tab's
// whole-page report, the panel page (pinned to the tab with ?tab=ID, as sidePanel.open needs a gesture) shows
// the plan type, the B↔F grid and the findings by section, "Go to" selects exactly the flagged words in the
// page (static text, textarea, contenteditable), typing adds findings, and a non-plan says what to do next.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { analyzeText } from '../../src/analysis/index';
import { planTypeLabel } from '../../src/documents/report';
import { bundledWords } from '../../src/documents/words';
import type { PagePlan, TabPlan } from '../../src/extension/tab-plan-messages';
import { cliFindings } from './cli';
import { cardText } from './page-probes';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';

/** The extension API as seen inside the service worker, for `sw.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures`, '/samples/': `${REPO_ROOT}/assets/samples` });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function storedPlan(tabId: number): Promise<TabPlan | undefined> {
  const sw = await browser.serviceWorker();
  return sw.evaluate(async (key) => (await chrome.storage.session.get(key))[key], `tab-plan:${tabId}`) as Promise<TabPlan | undefined>;
}

/** The tabs that have a report now (test pages have no host permission: their tabs show no URL to find them by). */
async function reportedTabs(): Promise<number[]> {
  const sw = await browser.serviceWorker();
  const stored = await sw.evaluate<Record<string, unknown>>(() => chrome.storage.session.get(null));
  return Object.keys(stored)
    .filter((k) => k.startsWith('tab-plan:'))
    .map((k) => Number(k.slice('tab-plan:'.length)));
}

/** Opens a fixture page and, once the worker has a report for its tab (the one new report), the panel pinned to it. */
async function openWithPanel(path: string): Promise<{ page: Page; panel: Page; tabId: number }> {
  const before = new Set(await reportedTabs());
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}${path}`);
  const tabId = await vi.waitFor(
    async () => {
      const added = (await reportedTabs()).filter((t) => !before.has(t));
      if (added.length !== 1) throw new Error(`${added.length} new reports`);
      return added[0]!;
    },
    { timeout: 15_000, interval: 100 },
  );
  const panel = await browser.context.newPage();
  await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
  await panel.locator('[data-testid=route], [data-testid=not-a-plan]').first().waitFor();
  return { page, panel, tabId };
}

const listed = (panel: Page) =>
  panel.$$eval('.findings .finding', (items) => items.map((i) => ({ rule: i.getAttribute('data-rule'), start: Number(i.getAttribute('data-start')), end: Number(i.getAttribute('data-end')) })));
const byPosition = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start - b.start || a.end - b.end;

/** Clicks "Go to" on the finding of the sentence with `words` in it; returns that sentence. */
async function goTo(panel: Page, plan: TabPlan, words: string): Promise<string> {
  const f = plan.findings.find((x) => plan.text.slice(x.start, x.end).includes(words));
  expect(f, `a finding on a sentence with “${words}”`).toBeTruthy();
  const sentence = plan.text.slice(f!.start, f!.end);
  // Its button's name says which sentence it goes to.
  await panel.getByRole('button', { name: `Go to “${sentence.slice(0, 40)}`, exact: false }).click();
  return sentence;
}

describe('side panel on a portal read view (the sample draft EHCP)', () => {
  let page: Page;
  let panel: Page;
  let plan: TabPlan;

  beforeAll(async () => {
    let tabId: number;
    ({ page, panel, tabId } = await openWithPanel('/samples/ehcp-draft.html'));
    plan = (await storedPlan(tabId))!;
  });

  it('holds the whole page as read in the tab, analysed as one plan', () => {
    expect(plan.source).toBe('page');
    expect(plan.text.split('\n')).toContain('Oliver has difficulties with working memory.');
    // A table row is one block, its cells joined by " | " (the need cell names what the provision is for).
    expect(plan.text.split('\n')).toContain('Receptive language | Oliver will have access to speech and language therapy as required.');
    const { report, findings } = analyzeText(plan.text);
    expect(plan.report.planType).toBe('ehcp');
    expect(plan.report.coverage).toEqual(report.coverage);
    expect(plan.findings).toEqual(findings);
    // The page as read in the browser and the same page given to the CLI as a file: the same findings.
    expect(plan.findings).toEqual(cliFindings(`${REPO_ROOT}/assets/samples/ehcp-draft.html`));
  });

  it('shows the plan type, the needs-and-provision grid with the unmatched needs marked, and the findings by section', async () => {
    expect(await panel.textContent('[data-testid=plan-type]')).toBe(planTypeLabel(bundledWords('en-GB'), 'ehcp'));
    const grid = await panel.$$eval('.coverage tbody tr', (rows) => rows.map((r) => [r.getAttribute('data-area'), r.classList.contains('gap')]));
    expect(grid).toEqual(plan.report.coverage.map((c) => [c.area, !c.provided]));
    // "Oliver has difficulties with working memory." has nothing in Section F for it.
    expect(grid).toContainEqual(['memory and processing', true]);
    expect((await listed(panel)).sort(byPosition)).toEqual(plan.findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end })).sort(byPosition));
    const headings = await panel.$$eval('.findings h3', (hs) => hs.map((h) => h.textContent));
    expect(headings).toContain("Section F: The special educational provision required by the child");
    expect(headings).toContain("Section B: The child's special educational needs");
  });

  it('"Go to" selects exactly the flagged sentence in the page and opens its card', async () => {
    const access = await goTo(panel, plan, 'will have access to');
    expect(access).toBe('Oliver will have access to speech and language therapy as required.');
    await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(access);
    await expect.poll(() => cardText(page)).toContain(access);
    const range = await goTo(panel, plan, 'a range of');
    await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(range);
  });

  it('filters by severity', async () => {
    const total = (await listed(panel)).length;
    await panel.click('.chip[data-severity=error]');
    expect((await listed(panel)).length).toBe(total - plan.findings.filter((f) => f.severity === 'error').length);
    await panel.click('.chip[data-severity=error]');
    expect((await listed(panel)).length).toBe(total);
    await panel.screenshot({ path: 'test-results/sidepanel-page.png', fullPage: true });
  });

  it('at 320 CSS px its first screen shows the summary and the first findings, with nothing to scroll sideways; each "Go to" names its sentence', async () => {
    await panel.setViewportSize({ width: 320, height: 640 });
    const work = plan.findings.filter((f) => f.severity !== 'info');
    expect(await panel.textContent('[data-testid=to-fix]')).toBe(`${work.length} sentences need work`);
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    const bottom = async (selector: string) => {
      const box = (await panel.locator(selector).first().boundingBox())!;
      return box.y + box.height;
    };
    expect(await bottom('.summary')).toBeLessThanOrEqual(640);
    expect(await bottom('.findings .finding q')).toBeLessThanOrEqual(640);
    await panel.screenshot({ path: 'test-results/sidepanel-320.png' });
    // A screen reader's list of buttons tells the sentences apart.
    const names = await panel.locator('.findings .finding button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(names).toHaveLength(plan.findings.length);
    expect(new Set(names).size).toBe(names.length);
    for (const [i, f] of [...plan.findings].sort((x, y) => x.start - y.start).entries()) expect(names[i]!.replace(/…”$/, '')).toContain(`Go to “${plan.text.slice(f.start, f.end).slice(0, 40)}`.replace(/…$/, ''));
    await panel.setViewportSize({ width: 1100, height: 800 });
  });

  it('writes the requested amendments from the panel: the review page opens on them, a row per sentence that needs work', async () => {
    const [review] = await Promise.all([panel.context().waitForEvent('page'), panel.getByRole('button', { name: 'Write the requested amendments' }).click()]);
    await review.locator('.amendments tbody tr').first().waitFor();
    expect(await review.locator('.amendments tbody tr').count()).toBe(plan.findings.filter((f) => f.severity !== 'info').length);
    await expect.poll(() => review.evaluate(() => document.activeElement?.id)).toBe('amendments-title');
    await review.close();
  });
});

describe('side panel on form fields and editors', () => {
  it('"Go to" selects the flagged words in a textarea (selectionStart/End)', async () => {
    const { page, panel, tabId } = await openWithPanel('/fixtures/plan-textarea.html');
    const plan = (await storedPlan(tabId))!;
    const sentence = await goTo(panel, plan, 'would benefit from');
    const value = await page.inputValue('#targets');
    const start = value.indexOf(sentence);
    await expect.poll(() => page.evaluate(() => [document.querySelector('textarea')!.selectionStart, document.querySelector('textarea')!.selectionEnd])).toEqual([start, start + sentence.length]);
  });

  it('reads a plan form inside a frame with its page, and "Go to" reaches into the frame', async () => {
    const { page, panel, tabId } = await openWithPanel('/fixtures/plan-in-iframe.html');
    // The shell's heading and the framed form's lines, in frame order, each placed in its own frame. The frame
    // may report after the shell: wait for the report that has both.
    const plan = await vi.waitFor(
      async () => {
        const stored = (await storedPlan(tabId)) as PagePlan;
        expect(new Set(stored.lines.map((l) => l.frame)).size).toBe(2);
        expect(stored.text.split('\n')[0]).toBe('Pupil record');
        return stored;
      },
      { timeout: 15_000, interval: 100 },
    );
    const sentence = await goTo(panel, plan, 'would benefit from');
    const form = page.frames().find((f) => f.url().endsWith('/plan-textarea.html'))!;
    const value = await form.inputValue('#targets');
    const start = value.indexOf(sentence);
    await expect.poll(() => form.evaluate(() => [document.querySelector('textarea')!.selectionStart, document.querySelector('textarea')!.selectionEnd])).toEqual([start, start + sentence.length]);
  });

  it('reads an editor frame in the middle of the page where it sits, under its section', async () => {
    const { page, panel, tabId } = await openWithPanel('/fixtures/plan-editor-frame.html');
    const provision = 'Sam will have access to speech and language therapy as required.';
    // The editor frame may load after the page has reported, and is placed once its parent has told it where
    // it sits: wait for the report that has its line under Section F.
    const plan = await vi.waitFor(
      async () => {
        const stored = (await storedPlan(tabId)) as PagePlan;
        const lines = stored.text.split('\n');
        expect(lines).toContain(provision);
        expect(lines.indexOf(provision)).toBe(lines.indexOf('Section F: Special educational provision') + 1);
        expect(lines.indexOf('Section I: Placement')).toBe(lines.indexOf(provision) + 1);
        return stored;
      },
      { timeout: 15_000, interval: 100 },
    );
    await panel.reload();
    const sectionF = panel.locator('.findings section', { has: panel.locator('h3', { hasText: 'Section F' }) });
    await sectionF.locator('.finding q .hedge', { hasText: /^as required$/ }).waitFor();
    expect(await goTo(panel, plan, 'as required')).toBe(provision);
    const editor = page.frames().find((f) => f !== page.mainFrame())!;
    await expect.poll(() => editor.evaluate(() => window.getSelection()!.toString())).toBe(provision);
  });

  it('follows typing in a contenteditable editor: a new weak phrase is listed', async () => {
    const { page, panel, tabId } = await openWithPanel('/fixtures/plan-contenteditable.html');
    const before = (await storedPlan(tabId))!;
    expect(before.findings.some((f) => before.text.slice(f.start, f.end).includes('where possible'))).toBe(false);
    await page.bringToFront();
    await page.click('#editor p:last-child');
    await page.keyboard.press('End');
    // A paragraph of its own (the sentences of one paragraph are judged together, as one finding).
    await page.keyboard.press('Enter');
    const typed = 'Sam will join a social skills group where possible.';
    await page.keyboard.type(typed);
    await panel.locator('.finding q .hedge', { hasText: /^where possible$/ }).waitFor({ timeout: 15_000 });
    const after = (await storedPlan(tabId))!;
    expect((await listed(panel)).length).toBe(after.findings.length);
    expect(after.findings.length).toBeGreaterThan(before.findings.length);
    // And "Go to" reaches the new sentence inside the editor.
    expect(await goTo(panel, after, 'where possible')).toBe(typed);
    await expect.poll(() => page.evaluate(() => window.getSelection()!.toString())).toBe(typed);
  });
});

describe('side panel empty and non-plan states', () => {
  it('says a page is not a plan and offers "Check this page", keeping none of its text', async () => {
    const { panel, tabId } = await openWithPanel('/fixtures/not-a-plan.html');
    expect(await storedPlan(tabId)).toMatchObject({ text: '', findings: [], report: { isPlan: false } });
    expect(await panel.textContent('[data-testid=not-a-plan]')).toContain('does not read as a plan');
    expect(await panel.locator('button', { hasText: 'Check this page' }).count()).toBe(1);
  });

  it('says what to do in a tab with no report', async () => {
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=999999`);
    expect(await panel.textContent('[data-testid=empty]')).toContain('Check this page');
    // A page the panel cannot reach (here: no such tab) sends the user to the toolbar button instead.
    await panel.click('button:has-text("Check this page")');
    await expect.poll(() => panel.textContent('[role=status]')).toContain('toolbar button');
  });

  it('drops the report when the tab goes to another page', async () => {
    const { page, tabId } = await openWithPanel('/fixtures/plan-static.html');
    expect(await storedPlan(tabId)).toBeTruthy();
    await page.goto('about:blank');
    await expect.poll(() => storedPlan(tabId), { timeout: 15_000 }).toBeUndefined();
  });

  it('sent nothing beyond the local test server', () => {
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
