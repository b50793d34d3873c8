// Accessible everywhere, in Chromium with the built extension: axe-core (a checker that is not ours) finds no
// violation on the side panel, the review page, the printed response, the options page and an open card, in light
// and dark; the panel, review page and response reflow at 320 CSS px (a phone, or 200% zoom) without sideways
// scrolling; and a SENCO does the whole job by keyboard: find (Alt+Shift+J, said through the live region), open
// (focus on the card's message, which describes the dialog), replace, undo, and reach a card the pointer opened.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { cardPart, cardText, centre, emphasisOn, exposeCard, focusedInCard, focusInCard, markContaining } from './page-probes';

declare const chrome: WxtBrowser;
declare const axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> };

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SAMPLE = 'Oliver will have access to speech and language therapy as required.';

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures`, '/samples/': `${REPO_ROOT}/assets/samples` });
  browser = await launchWithExtension();
});

afterAll(async () => {
  if (browser) expect(externalRequests(browser.requests)).toEqual([]);
  await browser?.close();
  await server?.close();
});

/** axe-core's violations on `target` (all of it, or the elements `context` selects), as "rule: element — why" lines. */
async function violations(target: Page | Frame, context?: string): Promise<string[]> {
  if (!(await target.evaluate(() => 'axe' in window))) await target.evaluate(AXE);
  const found = await target.evaluate(async (ctx) => (await axe.run(ctx ? document.querySelector(ctx) : document, { resultTypes: ['violations'] })).violations, context ?? null);
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${JSON.stringify(n.target)} — ${n.failureSummary ?? v.help}`));
}

/** Checks `page` in light and in dark mode: no violation in either. */
async function inBothSchemes(page: Page, context?: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    expect(await violations(page, context), `${page.url()} (${colorScheme})`).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

/** Whether the page can be read at its width without scrolling sideways. */
const fitsWidth = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

async function openSample(): Promise<{ page: Page; tabId: number }> {
  const sw = await browser.serviceWorker();
  const stored = () => sw.evaluate<Record<string, unknown>>(() => chrome.storage.session.get(null));
  const before = new Set(Object.keys(await stored()));
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/samples/ehcp-draft.html`);
  const tabId = await vi.waitFor(
    async () => {
      const keys = Object.keys(await stored()).filter((k) => k.startsWith('tab-plan:') && !before.has(k));
      if (keys.length !== 1) throw new Error('no report yet');
      return Number(keys[0]!.slice('tab-plan:'.length));
    },
    { timeout: 15_000, interval: 100 },
  );
  return { page, tabId };
}

async function openReviewWithSample(): Promise<Page> {
  const review = await browser.context.newPage();
  await review.goto(`chrome-extension://${browser.extensionId}/review.html`);
  await review.setInputFiles('input[type=file]', `${REPO_ROOT}/assets/samples/ehcp-draft.html`);
  await review.locator('.amendments tbody tr').first().waitFor();
  return review;
}

describe('axe-core finds no violation', () => {
  it('on the side panel, light and dark, and it reflows at 320 CSS px', async () => {
    const { page, tabId } = await openSample();
    const panel = await browser.context.newPage();
    await panel.goto(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${tabId}`);
    await panel.locator('.findings .finding').first().waitFor();
    await inBothSchemes(panel);
    await panel.setViewportSize({ width: 320, height: 640 });
    expect(await fitsWidth(panel)).toBe(true);
    await inBothSchemes(panel);
    await Promise.all([panel.close(), page.close()]);
  });

  it('on the review page and the printed response, light and dark; both reflow at 320 and 640 CSS px (200% zoom)', async () => {
    const review = await openReviewWithSample();
    await inBothSchemes(review);
    for (const width of [320, 640]) {
      await review.setViewportSize({ width, height: 800 });
      expect(await fitsWidth(review), `${width} px`).toBe(true);
    }
    await inBothSchemes(review);
    await review.setViewportSize({ width: 1100, height: 800 });
    await review.emulateMedia({ media: 'print' });
    expect(await violations(review, '.amendments')).toEqual([]);
    await review.emulateMedia({ media: 'screen' });
    await review.close();
  });

  it('on the options page, light and dark, at 320 CSS px too', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#checking').waitFor();
    await inBothSchemes(options);
    await options.setViewportSize({ width: 320, height: 640 });
    expect(await fitsWidth(options)).toBe(true);
    await options.close();
  });

  it('on an open card, light and dark: a dialog named by its kind, described by its problems, which never hides its own text', async () => {
    const { page } = await openSample();
    // Only marks near the window are drawn: the sentence is brought into it first, then the window made short.
    await page.getByText(SAMPLE).scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: 480, height: 360 });
    await page.getByText(SAMPLE).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(() => markContaining(page, 'as required')).toBeTruthy();
    const sentence = (await markContaining(page, 'as required'))!;
    expect(sentence.text).toBe(SAMPLE);
    const { x, y } = centre(sentence.rects[0]!);
    await page.mouse.move(x, y);
    await expect.poll(() => cardText(page)).toContain(SAMPLE);
    // Taller than the space below the sentence in a short window: the card grows, never scrolls its own text.
    const box = await page.evaluate(() => {
      const card = (window as Window & { __planLensCard?: ShadowRoot }).__planLensCard!.querySelector<HTMLElement>('.card')!;
      return { scrolls: card.scrollHeight > card.clientHeight + 1, position: getComputedStyle(card).position, described: card.getAttribute('aria-describedby'), labelled: card.getAttribute('aria-labelledby') };
    });
    expect(box).toEqual({ scrolls: false, position: 'absolute', described: 'plan-lens-card-message', labelled: 'plan-lens-card-title' });
    expect(await (await cardPart(page, '#plan-lens-card-message'))!.innerText()).toContain('as required');
    await page.screenshot({ path: `${REPO_ROOT}/test-results/card.png` });
    // axe cannot enter the card's closed shadow root: it checks a copy of it, styles and all, in an open one.
    await exposeCard(page);
    await page.evaluate(() => {
      const closed = (window as Window & { __planLensCard?: ShadowRoot }).__planLensCard!;
      const copy = document.createElement('div');
      copy.id = 'card-copy';
      document.body.append(copy);
      // The card's own nodes, cloned: no markup is parsed.
      copy.attachShadow({ mode: 'open' }).append(...[...closed.childNodes].map((n) => n.cloneNode(true)));
      (closed.host as HTMLElement).style.visibility = 'hidden';
      copy.shadowRoot!.querySelector<HTMLElement>('.card')!.showPopover();
    });
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      expect(await violations(page, '#card-copy'), colorScheme).toEqual([]);
    }
    await page.close();
  });
});

describe('a SENCO, keyboard only', () => {
  const TYPED = 'Sam will have a laptop where possible.';
  const liveRegion = (page: Page) => page.evaluate(() => (window as Window & { __planLensCard?: ShadowRoot }).__planLensCard?.querySelector('.live')?.textContent ?? '');
  const active = (page: Page) => page.evaluate(() => [...((CSS.highlights.get('plan-lens-active') as unknown as Set<Range> | undefined) ?? [])].map((r) => r.toString()).join(''));

  it('finds the sentence (announced), opens its card (focus on its message), replaces it, and undoes', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixtures/plan-contenteditable.html`);
    await expect.poll(async () => (await markContaining(page, 'as required')) !== undefined).toBe(true);
    // Into the editor with Tab, to its end, a new paragraph.
    for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.id)) !== 'editor'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED);
    await expect.poll(async () => (await emphasisOn(page, 'where possible'))?.text).toBe('where possible');

    // Find: Alt+Shift+J walks the sentences; each one reached is said through the live region.
    for (let i = 0; i < 10 && (await active(page)) !== TYPED; i++) await page.keyboard.press('Alt+Shift+J');
    expect(await active(page)).toBe(TYPED);
    await exposeCard(page);
    await expect.poll(() => liveRegion(page)).toMatch(/^Plan Lens, sentence \d+ of \d+, (fails the legal test|would be questioned): .*Press Enter to open its card\.\s?$/);
    expect(await liveRegion(page)).toContain('"where possible" leaves it to someone to decide later');

    // Open: Enter; focus starts on the message that describes the dialog.
    await page.keyboard.press('Enter');
    await expect.poll(() => focusInCard(page)).toBe(true);
    expect(await focusedInCard(page)).toContain('"where possible" leaves it to someone to decide later');
    const suggestion = (await (await cardPart(page, '.suggestion span'))!.innerText()).trim();

    // Replace: Tab to it, Enter. Undo: Ctrl+Z in the editor.
    for (let i = 0; i < 8 && (await focusedInCard(page)) !== 'Replace'; i++) await page.keyboard.press('Tab');
    expect(await focusedInCard(page)).toBe('Replace');
    await page.keyboard.press('Enter');
    const lastParagraph = () => page.$eval('#editor', (e) => e.lastElementChild!.textContent.replace(/\u00a0/g, ' '));
    await expect.poll(lastParagraph).toBe(suggestion);
    await expect.poll(() => cardText(page)).toBeNull();
    await page.keyboard.press('Control+z');
    await expect.poll(lastParagraph).toBe(TYPED);
    await page.close();
  });

  it('reaches a card the pointer opened (it is announced), and Escape puts focus back', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/fixtures/plan-contenteditable.html`);
    await expect.poll(async () => (await emphasisOn(page, 'as required')) !== undefined).toBe(true);
    await page.focus('#editor');
    const hedge = (await emphasisOn(page, 'as required'))!;
    await page.mouse.move(centre(hedge.rects[0]!).x, centre(hedge.rects[0]!).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await focusInCard(page)).toBe(false);
    await expect.poll(() => liveRegion(page)).toMatch(/^Plan Lens card open, .*Press Alt\+Shift\+J to move into it\.\s?$/);
    await page.keyboard.press('Alt+Shift+J');
    await expect.poll(() => focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('editor');
    await page.close();
  });
});
