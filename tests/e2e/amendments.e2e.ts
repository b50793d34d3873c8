// A parent's response to a draft EHCP, in Chromium with the built extension: the sample draft EHCP (printed to PDF,
// as it arrives by email) dropped on the review page, read, and answered with "Requested amendments" — printed on
// at most three A4 pages at a body font of 11 pt or more, and downloaded as a Word document that LibreOffice (a
// reader that is not ours) reads back with a table row for every flagged sentence. Keyboard only.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestedAmendments, type Amendments } from '../../src/documents/amendments';
import { readPlanFileFromPath } from '../../src/documents/node';
import { checkDocument } from '../../src/documents/plan-document';
import { bundledWords } from '../../src/documents/words';
import type { Words } from '../../src/analysis/words';
import { externalRequests, launchWithExtension, REPO_ROOT, type ExtensionBrowser } from './harness';
import { convertWithLibreOffice, findSoffice, planForms, type PlanForms } from './plan-forms';

declare const chrome: WxtBrowser;

let browser: ExtensionBrowser;
let forms: PlanForms;
let draft: string;
let expected: Amendments;
/** Plan Lens's words in the browser's language (Debian's Chromium speaks en-US): the page's and the document's. */
let words: Words;
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-amendments-'));
const shots = path.join(REPO_ROOT, 'test-results');

beforeAll(async () => {
  forms = await planForms();
  // The draft as the local authority emails it: a PDF.
  draft = forms.pdf['ehcp-draft']['a4-no-margins']!;
  const doc = await readPlanFileFromPath(draft);
  const { report, findings } = checkDocument(doc);
  browser = await launchWithExtension();
  words = bundledWords(await (await browser.serviceWorker()).evaluate(() => chrome.i18n.getUILanguage()));
  expected = requestedAmendments(doc, report, findings, new Date(), words);
  fs.mkdirSync(shots, { recursive: true });
});

afterAll(async () => {
  if (browser) expect(externalRequests(browser.requests)).toEqual([]);
  await browser?.close();
  fs.rmSync(out, { recursive: true, force: true });
});

/** Drops `file` on the page as a file dragged from a mail client does. */
async function drop(page: Page, file: string): Promise<void> {
  const bytes = [...fs.readFileSync(file)];
  await page.evaluate(
    ([name, data]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(data)], name, { type: 'application/pdf' }));
      document.querySelector('.drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    },
    [path.basename(file), bytes] as const,
  );
}

async function openDraft(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/review.html`);
  await drop(page, draft);
  await page.locator('.amendments tbody tr').first().waitFor();
  return page;
}

/** Tab (at most `presses` times) until the focused element's accessible text matches `name`. */
async function tabTo(page: Page, name: RegExp, presses = 80): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.getAttribute('aria-label') ?? ''} ${el.innerText ?? ''}` : '';
    });
    if (name.test(focused)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

describe('requested amendments for the sample draft EHCP', () => {
  it('a parent, keyboard only: drops the draft, reads its findings, and downloads the response as a Word document', async () => {
    const page = await openDraft();
    // Read: the first sentence that needs changing, opened from the keyboard, its card says what is wrong.
    await tabTo(page, /open its card/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('[data-testid=finding-card] .problems li').count()).toBeGreaterThan(0);
    // Then on to the response, and its download.
    await tabTo(page, /Write the requested amendments/);
    await page.keyboard.press('Enter');
    await tabTo(page, new RegExp(words('amendDownload')));
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    expect(path.basename(file)).toBe(words('amendFileName', 'ehcp-draft.a4-no-margins'));
    await expect.poll(() => page.locator('.amendments [role=status]').textContent()).toBe(words('amendSaved', path.basename(file)));
    expect(fs.statSync(file).size).toBeGreaterThan(5_000);
    await page.close();
  });

  // LibreOffice reads the downloaded file back; .ci/run installs it, and outside CI the file may skip without it.
  it.runIf(findSoffice() !== null || process.env.CI)('the Word document reads back in LibreOffice: the summary, then a table row for every flagged sentence', async () => {
    const page = await openDraft();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: words('amendDownload') }).click()]);
    const docx = path.join(out, 'response.docx');
    await download.saveAs(docx);
    await page.close();
    convertWithLibreOffice([docx], 'txt:Text', out);
    convertWithLibreOffice([docx], 'html', out);
    const text = fs.readFileSync(path.join(out, 'response.txt'), 'utf8');
    const html = fs.readFileSync(path.join(out, 'response.html'), 'utf8');
    expect(text).toContain(words('amendTitle'));
    expect(text).toContain(words('amendNeedsNoProvision'));
    expect(text).toContain(expected.summary.headline);
    for (const n of expected.summary.needsWithoutProvision) expect(text).toContain(n.area);
    // The table: a header row and one row per flagged sentence, each with the plan's words and what to ask for.
    // Compared without spaces: LibreOffice's HTML puts its own around bold runs.
    const bare = (s: string) => s.replace(/\s+/g, '');
    const rows = [...html.matchAll(/<tr[\s>][\s\S]*?<\/tr>/g)].map((m) => bare(m[0].replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&nbsp;/g, ' ')));
    expect(rows).toHaveLength(expected.rows.length + 1);
    expect(rows[0]).toBe(bare(words('amendColumnPlanSays') + words('amendColumnInstead') + words('amendColumnWhy')));
    expected.rows.forEach((r, i) => {
      expect(rows[i + 1]).toContain(bare(`${r.section}${r.words}`));
      expect(rows[i + 1]).toContain(bare(r.askFor!));
      expect(rows[i + 1]).toContain(bare(r.why));
    });
  });

  it('prints on at most three A4 pages, a one-page summary first, at a body font of 11 pt or more', async () => {
    const page = await openDraft();
    await page.emulateMedia({ media: 'print' });
    // Only the response prints.
    expect(await page.locator('.layout').isVisible()).toBe(false);
    expect(await page.locator('.amendments .actions').isVisible()).toBe(false);
    expect(await page.locator('.amendments tbody tr').count()).toBe(expected.rows.length);
    const smallest = await page.$$eval('.amendments p, .amendments li, .amendments td, .amendments th', (els) => Math.min(...els.map((e) => parseFloat(getComputedStyle(e).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual((11 * 96) / 72 - 0.01);
    await page.screenshot({ path: path.join(shots, 'amendments-print.png'), fullPage: true });
    const pdf = path.join(out, 'amendments.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    fs.copyFileSync(pdf, path.join(shots, 'amendments.pdf'));
    // Read back: the pages, and what is on each.
    const printed = await readPlanFileFromPath(pdf);
    const pages = Math.max(...printed.paragraphs.map((p) => p.page ?? 1));
    expect(pages).toBeLessThanOrEqual(3);
    const onPage = (n: number) => printed.paragraphs.filter((p) => p.page === n).map((p) => printed.text.slice(p.start, p.end)).join('\n');
    expect(onPage(1)).toContain(words('amendNeedsNoProvision'));
    expect(onPage(1)).not.toContain(words('amendChanges'));
    for (const r of expected.rows) expect(printed.text.replace(/\s+/g, ' ')).toContain(r.why);
    await page.close();
  });
});
