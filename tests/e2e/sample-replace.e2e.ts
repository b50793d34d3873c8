// A SENCO fixing the sample draft EHCP in the portal's editor, sentence by sentence, in Chromium with the built
// extension: each flagged sentence is one underline (the analyser's findings for the same page, as the CLI gives
// them); its card's Replace puts the one rewrite in through the editor; and the rewritten sentence has nothing
// left to fix but the blanks it asks the writer to fill (its card names TEMPLATE-BLANK, and nothing else).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rewritesSentence } from '../../src/analysis/problems';
import { cliReport, type PlacedFinding } from './cli';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { cardButtonLabels, cardText, clickCardButton, highlightMarks, type HighlightMark } from './page-probes';

const words = (s: string) => s.replace(/\s+/g, ' ').trim();

let dir: string;
let server: StaticServer;
let browser: ExtensionBrowser;
let page: Page;
let flagged: PlacedFinding[];

beforeAll(async () => {
  // The sample plan as the portal's edit view: its sections in one rich-text editor.
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-draft-'));
  const file = path.join(dir, 'ehcp-edit.html');
  const sample = fs.readFileSync(`${REPO_ROOT}/assets/samples/ehcp-draft.html`, 'utf8');
  expect(sample).toContain('<main>');
  fs.writeFileSync(file, sample.replace('<main>', '<main contenteditable="true">'));
  // What the analyser underlines on it: its errors and warnings (info is never underlined by itself).
  flagged = cliReport(file).filter((f) => f.severity !== 'info');
  server = await startServer({ '/draft/': dir });
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  await page.goto(`${server.origin}/draft/ehcp-edit.html`);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** Scrolls the words into view: Plan Lens draws the underlines near the viewport. */
async function scrollTo(text: string): Promise<void> {
  const found = await page.evaluate((head) => {
    // The innermost element holding the words (an edit may have split them over several text nodes).
    const holders = [...document.querySelectorAll('main *')].filter((e) => (e.textContent ?? '').replace(/\s+/g, ' ').includes(head));
    holders.at(-1)?.scrollIntoView({ block: 'center' });
    return holders.length > 0;
  }, words(text).slice(0, 30));
  expect(found, `“${text}” in the editor`).toBe(true);
}

/** The underline on exactly these words, once it is drawn (scrolled into view), or undefined. */
async function markOn(text: string): Promise<HighlightMark | undefined> {
  await scrollTo(text);
  return (await highlightMarks(page)).find((m) => words(m.text) === words(text));
}

/**
 * Points at the first word of the underline on these words (away from the emphasised hedge words) until its card
 * shows them. Each try reads the underline again: an edit, the caret scrolled into view or a card closing moves it.
 */
async function openCard(text: string): Promise<string> {
  let shown = '';
  let tries = 0;
  await expect
    .poll(
      async () => {
        shown = (await cardText(page)) ?? '';
        if (words(shown).includes(words(text).slice(0, 30))) return true;
        const mark = await markOn(text);
        if (!mark) return false;
        const r = mark.rects[0]!;
        // A mousemove opens the card at once; the pointer moves a pixel each try, so the page sees a move.
        await page.mouse.move(r.left + 3 + (tries++ % 3), r.top + r.height / 2);
        return false;
      },
      { message: `the card of “${text}”`, interval: 200 },
    )
    .toBe(true);
  return shown;
}

async function closeCard(): Promise<void> {
  await page.mouse.move(1, 1);
  await page.keyboard.press('Escape');
  await expect.poll(() => cardText(page)).toBeNull();
}

describe('the sample draft EHCP in an editor', () => {
  it('has one underline per flagged sentence: the analyser’s, on its words', async () => {
    expect(flagged.length).toBeGreaterThan(8);
    const expected = [...new Set(flagged.map((f) => words(f.quote)))].sort();
    expect(expected).toHaveLength(flagged.length);
    // Every mark seen on the way down the page, each drawn once.
    const seen = new Set<string>();
    for (const finding of flagged) {
      await expect.poll(async () => (await markOn(finding.quote)) !== undefined, { message: `an underline on “${finding.quote}”` }).toBe(true);
      const marks = (await highlightMarks(page)).map((m) => words(m.text));
      expect(new Set(marks).size, 'one underline per sentence').toBe(marks.length);
      for (const m of marks) seen.add(m);
    }
    expect([...seen].sort()).toEqual(expected);
  });

  it('Replace on each sentence leaves it nothing to fix but the blanks its rewrite asks for', async () => {
    const replaced: string[] = [];
    for (const finding of flagged) {
      const card = await openCard(finding.quote);
      // A need with no provision is answered in the provision section, not by rewriting the need.
      expect((await cardButtonLabels(page)).includes('Replace'), card).toBe(rewritesSentence(finding));
      if (!rewritesSentence(finding)) {
        await closeCard();
        continue;
      }
      await clickCardButton(page, 'Replace');
      // The editor has the rewrite in place of the sentence, typed through its own pipeline.
      await expect.poll(() => page.$eval('main', (m) => m.textContent ?? '').then(words)).toContain(words(finding.suggestion!));
      expect(words(await page.$eval('main', (m) => m.textContent ?? ''))).not.toContain(words(finding.quote));
      // Judged again: only the blanks the rewrite left are underlined.
      const again = await openCard(finding.suggestion!);
      expect(again).toContain('(TEMPLATE-BLANK)');
      await closeCard();
      replaced.push(finding.quote);
    }
    expect(replaced.length).toBe(flagged.filter(rewritesSentence).length);
    expect(replaced.length).toBeGreaterThan(8);
  });

  it('sent nothing beyond the page', () => {
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
