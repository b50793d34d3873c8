// Issue 4 on a long page (a 5,000-word plan in a contenteditable editor): an edit re-reads only the
// block it was made in (Plan Lens's read counter, a user-timing mark), and the marks in every other
// block are the very same ranges afterwards, on the same words.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchWithExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { editorPage } from '../bench/page-fixtures';

let dir: string;
let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-long-'));
  fs.writeFileSync(path.join(dir, 'long-editor.html'), editorPage(0));
  server = await startServer({ '/': dir });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

/** How many blocks Plan Lens's latest read took from the DOM (null before its first read). */
const lastRead = (page: Page) =>
  page.evaluate(() => {
    const mark = performance.getEntriesByName('plan-lens:read', 'mark').at(-1) as PerformanceMark | undefined;
    return mark ? (mark.detail as { blocks: number }).blocks : null;
  });

describe('an edit in one block of a long page', () => {
  it('re-reads only that block; marks in the other blocks stay the same ranges on the same words', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/long-editor.html`);
    // Settled: after the answer for the whole page, the read that checks for changes found none.
    await expect.poll(() => lastRead(page), { timeout: 30_000 }).toBe(0);

    // The caret at the end of a paragraph mid-editor; every read from now on is counted.
    await page.evaluate(() => {
      const w = window as unknown as { reads: number[]; before: Map<Range, string>; target: Element };
      w.reads = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (e.name === 'plan-lens:read') w.reads.push(((e as PerformanceMark).detail as { blocks: number }).blocks);
      }).observe({ type: 'mark' });
      const editor = document.querySelector<HTMLElement>('#editor')!;
      const paragraphs = editor.querySelectorAll('p');
      w.target = paragraphs[Math.floor(paragraphs.length / 2)]!;
      // Focus first: focusing an editor scrolls to its caret.
      editor.focus();
      const caret = document.createRange();
      caret.selectNodeContents(w.target);
      caret.collapse(false);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(caret);
      w.target.scrollIntoView({ block: 'center' });
    });
    // Marks in view are drawn after the scroll; remember every other block's ranges in view and their words.
    const inView = () =>
      page.evaluate(() => {
        const w = window as unknown as { before: Map<Range, string>; target: Element };
        w.before = new Map();
        for (const h of CSS.highlights.values()) {
          for (const r of h as unknown as Set<Range>) {
            const box = r.getBoundingClientRect();
            if (!w.target.contains(r.startContainer) && box.top >= 0 && box.bottom <= innerHeight) w.before.set(r, r.toString());
          }
        }
        return w.before.size;
      });
    await expect.poll(inView).toBeGreaterThan(0);

    await page.keyboard.type(' Support is given where possible.');
    // Settled: a read took the edited block, and after the answer a read found nothing changed since.
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { reads: number[] }).reads))
      .toSatisfy((reads: number[]) => reads.includes(1) && reads.at(-1) === 0);

    const after = await page.evaluate(() => {
      const w = window as unknown as { reads: number[]; before: Map<Range, string> };
      const registered = new Set([...CSS.highlights.values()].flatMap((h) => [...(h as unknown as Set<Range>)]));
      return {
        reads: w.reads,
        missing: [...w.before.keys()].filter((r) => !registered.has(r)).length,
        moved: [...w.before].filter(([r, words]) => r.toString() !== words).length,
      };
    });
    // Each read after the edit took one block (the edited one) or none (nothing changed since).
    expect(after.reads).toContain(1);
    expect(after.reads.every((n) => n <= 1)).toBe(true);
    expect(after.missing).toBe(0);
    expect(after.moved).toBe(0);
    await page.close();
  });
});
