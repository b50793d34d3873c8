// The review page in real Chromium with the built extension: files in, the same findings as the CLI gives
// for the same file, a printable report, and no network traffic.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analysis/index';
import { problemsOf } from '../../src/analysis/problems';
import { readPlanFileFromPath } from '../../src/documents/node';
import { checkDocument } from '../../src/documents/plan-document';
import { docxOf, paragraphsOf, pdfOf } from '../fixtures/files/build';
import { cliFindings } from './cli';
import { externalRequests, launchWithExtension, type ExtensionBrowser } from './harness';
import { planForms, type PlanForms } from './plan-forms';

// The service worker's own API, as seen from worker.evaluate().
declare const chrome: { storage: { session: { set(items: object): Promise<void>; get(key: string): Promise<object> } } };

const plan = readFileSync(path.resolve('tests/fixtures/files/plan.txt'), 'utf8').trim();
const files = mkdtempSync(path.join(os.tmpdir(), 'plan-lens-review-'));

let browser: ExtensionBrowser;
let context: BrowserContext;
let worker: Worker;
let extensionId: string;
let forms: PlanForms;

beforeAll(async () => {
  forms = await planForms();
  browser = await launchWithExtension();
  ({ context, extensionId } = browser);
  worker = await browser.serviceWorker();
  writeFileSync(path.join(files, 'plan.pdf'), pdfOf(paragraphsOf(plan)));
  writeFileSync(path.join(files, 'plan.docx'), await docxOf(paragraphsOf(plan)));
  writeFileSync(path.join(files, 'scan.pdf'), pdfOf(paragraphsOf(plan), { scanned: true }));
});

afterAll(async () => {
  await browser?.close();
});

async function openReview(): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/review.html`);
  return page;
}

async function shownFindings(page: Page) {
  return page.$$eval('.findings .finding', (buttons) =>
    buttons.map((b) => ({ rule: b.getAttribute('data-rule'), start: Number(b.getAttribute('data-start')), end: Number(b.getAttribute('data-end')) })),
  );
}

describe('review page', () => {
  it('is served under the pinned extension id', () => {
    expect(extensionId).toBe('dkjnaakmdcmeofhpcljobeojognknpbp');
  });

  for (const file of ['plan.pdf', 'plan.docx']) {
    it(`shows the same findings for ${file} as the CLI, underlined in the plan's sections`, async () => {
      const page = await openReview();
      await page.setInputFiles('input[type=file]', path.join(files, file));
      await page.locator('.summary .file', { hasText: file }).waitFor();
      const cli = cliFindings(path.join(files, file));
      const expected = cli.map((f) => ({ rule: f.rule, start: f.start, end: f.end })).sort((a, b) => a.start - b.start || a.end - b.end);
      expect(expected.length).toBeGreaterThan(0);
      expect(await shownFindings(page)).toEqual(expected);
      // The count is of sentences that need work: good-practice notes (info) apart.
      expect(await page.textContent('[data-testid=finding-count]')).toBe(String(cli.filter((f) => f.severity !== 'info').length));
      expect(await page.$$eval('.plan-section h3', (hs) => hs.map((h) => h.textContent))).toEqual([
        'Section B: Special educational needs',
        'Section E: Outcomes',
        'Section F: Special educational provision',
      ]);
      // Each underline covers exactly the sentence its finding is about; its card lists that sentence's problems.
      const first = expected[0]!;
      const mark = page.locator(`mark[data-findings~="0"]`).first();
      expect(await mark.textContent()).toBe(plan.slice(first.start, first.end));
      await mark.click();
      const problems = problemsOf(cli.find((f) => f.start === first.start && f.end === first.end)!);
      await expect.poll(() => page.locator('[data-testid=finding-card] .message li').allTextContents()).toEqual(problems);
      await page.close();
    });
  }

  it('shows the same findings as the CLI for each sample plan as HTML, printed to PDF and converted to Word', async () => {
    const files = Object.values(forms.html).concat(Object.values(forms.printView), ...Object.values(forms.pdf).map(Object.values), Object.values(forms.docx ?? {}));
    const page = await openReview();
    for (const file of files) {
      await page.setInputFiles('input[type=file]', file);
      await page.locator('.summary .file', { hasText: path.basename(file) }).waitFor();
      // What `plan-lens check` reads and finds for the file.
      const { findings } = checkDocument(await readPlanFileFromPath(file));
      const expected = findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end })).sort((a, b) => a.start - b.start || a.end - b.end);
      // One finding per flagged sentence: the IEP sample has five.
      expect(expected.length, file).toBeGreaterThanOrEqual(5);
      expect(await shownFindings(page), file).toEqual(expected);
    }
    await page.close();
  });

  it('explains a scanned PDF instead of showing nothing', async () => {
    const page = await openReview();
    await page.setInputFiles('input[type=file]', path.join(files, 'scan.pdf'));
    await expect.poll(() => page.locator('[role=alert]').textContent()).toContain('no text layer');
    await page.close();
  });

  it('checks a Markdown file dropped on the page', async () => {
    const page = await openReview();
    const markdown = '# Section F: Provision\n\n- Sam will have **access to** speech and language therapy *as required*.';
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'dropped.md', { type: 'text/markdown' }));
      document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, markdown);
    await page.locator('.summary .file', { hasText: 'dropped.md' }).waitFor();
    expect(await page.$$eval('.plan-section h3', (hs) => hs.map((h) => h.textContent))).toEqual(['Section F: Provision']);
    // The file's own lines, its empty line included: a finding's line is the file's line.
    const words = 'Section F: Provision\n\nSam will have access to speech and language therapy as required.';
    expect((await shownFindings(page)).map((f) => f.start)).toEqual(analyzeText(words).findings.map((f) => f.start).sort((a, b) => a - b));
    await page.close();
  });

  it('checks pasted text the same way', async () => {
    const page = await openReview();
    await page.fill('#paste-text', plan);
    await page.click('text=Check pasted text');
    await page.locator('.summary').waitFor();
    expect((await shownFindings(page)).length).toBe(analyzeText(plan).findings.length);
    await page.close();
  });

  it('opens with text handed over by the context menu or command, and forgets it once read', async () => {
    const selection = plan.split('\n').slice(6).join('\n');
    await worker.evaluate((text) => chrome.storage.session.set({ 'handover:e2e-1': { text, name: 'Selection from “Draft plan”' } }), selection);
    const page = await context.newPage();
    await page.goto(`chrome-extension://${extensionId}/review.html#handover=e2e-1`);
    await page.locator('.summary .file', { hasText: 'Selection from “Draft plan”' }).waitFor();
    expect((await shownFindings(page)).length).toBe(analyzeText(selection).findings.length);
    expect(await worker.evaluate(() => chrome.storage.session.get('handover:e2e-1'))).toEqual({});
    expect(page.url()).not.toContain('handover');
    await page.close();
  });

  it('prints the requested amendments: each flagged sentence once, its weak words emphasised, what to ask for, why, the rule', async () => {
    const page = await openReview();
    await page.setViewportSize({ width: 900, height: 1200 });
    await page.setInputFiles('input[type=file]', path.join(files, 'plan.docx'));
    await page.locator('.summary').waitFor();
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.layout').isVisible()).toBe(false);
    const findings = analyzeText(plan).findings.filter((f) => f.severity !== 'info');
    const rows = page.locator('.amendments tbody tr');
    expect(await rows.count()).toBe(findings.length);
    const access = findings.find((f) => plan.slice(f.start, f.end).includes('access to'))!;
    const row = rows.filter({ hasText: plan.slice(access.start, access.end) }).first();
    expect(await row.locator('.hedge').allTextContents()).toEqual((access.spans ?? []).map((s) => plan.slice(s.start, s.end)));
    expect(await row.locator('td[data-label="Please write instead"]').textContent()).toBe(access.suggestion);
    // The row names its rule by number; the rule is quoted in full once, in the summary.
    const rule = page.locator('.amendments .rules li', { hasText: access.why });
    expect(await rule.count()).toBe(1);
    expect(await row.locator('.rule').textContent()).toBe(`(Rule ${await rule.getAttribute('value')})`);
    await page.screenshot({ path: 'test-results/review-print.png', fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.screenshot({ path: 'test-results/review-screen.png', fullPage: true });
    await page.close();
  });

  it('sent nothing over the network', () => {
    // Everything the page needs is inside the extension: any other request is plan text leaving the browser.
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
