// Plan Lens in real pages: Debian's Chromium with the built extension, fixture pages on 127.0.0.1.
// On each surface (static text, textarea, contenteditable) the underline sits on the flagged words'
// own glyphs, the card opens, the page's content is untouched; non-plans get no marks; nothing
// leaves the test server; the service worker can be stopped and the page still gets its answers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, stopServiceWorker, type ExtensionBrowser, type StaticServer } from './harness';
import type { Category } from '../../src/analysis';
import { CATEGORY_STYLES } from '../../src/page/categories';
import { boxOverPhrase, caretAt, cardPart, cardText, centre, emphasisOn, focusInCard, highlightMarks, highlightRulesFrom, markBoxes, markContaining, phraseRects, servedInnerHTML, textUnderBoxes, within, type Rect } from './page-probes';

/** The extension API as seen inside the service worker, for `sw.evaluate` callbacks. */
declare const chrome: WxtBrowser;

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures` });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface LoggedMessage {
  kind: string;
  url: string;
  tabId: number;
}

/** Records, in the service worker, every message content scripts send (it never answers them). */
async function watchMessages(): Promise<void> {
  const sw = await browser.serviceWorker();
  await sw.evaluate(() => {
    const g = globalThis as { planLensLog?: LoggedMessage[] };
    if (g.planLensLog) return;
    const log: LoggedMessage[] = (g.planLensLog = []);
    chrome.runtime.onMessage.addListener((m, sender) => {
      log.push({ kind: (m as { kind: string }).kind, url: sender.url ?? '', tabId: sender.tab?.id ?? -1 });
    });
  });
}

async function messagesFrom(url: string): Promise<LoggedMessage[]> {
  const sw = await browser.serviceWorker();
  return sw.evaluate((u) => ((globalThis as { planLensLog?: LoggedMessage[] }).planLensLog ?? []).filter((e) => e.url === u), url);
}

async function open(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/fixtures/${name}`);
  return page;
}

function expectSameRects(actual: Rect[], expected: Rect[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((r, i) => {
    for (const k of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(r[k] - expected[i]![k])).toBeLessThanOrEqual(1);
  });
}

/** Waits for the underline of a sentence whose words include `phrase`; returns it. */
async function waitForHighlight(page: Page, phrase: string) {
  await expect.poll(async () => (await markContaining(page, phrase)) !== undefined).toBe(true);
  return (await markContaining(page, phrase))!;
}

/** Waits for the emphasis on hedge words `phrase` inside a sentence's underline; returns it and the sentence. */
async function waitForEmphasis(page: Page, phrase: string) {
  await expect.poll(async () => (await emphasisOn(page, phrase)) !== undefined).toBe(true);
  return { emphasis: (await emphasisOn(page, phrase))!, sentence: (await markContaining(page, phrase))! };
}

/** How many pixels of `rect` (and the few below it, where an underline sits) are within a small distance of `hex`. */
async function pixelsOfColour(page: Page, rect: Rect, hex: string): Promise<number> {
  const clip = { x: rect.left, y: rect.top, width: rect.width, height: rect.height + 4 };
  const png = (await page.screenshot({ clip })).toString('base64');
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  // Decoded in a blank page of its own: the fixture page stays as served.
  const canvasPage = await page.context().newPage();
  try {
    return await canvasPage.evaluate(
      async ({ png, r, g, b }) => {
        const image = new Image();
        image.src = `data:image/png;base64,${png}`;
        await image.decode();
        const canvas = document.createElement('canvas');
        [canvas.width, canvas.height] = [image.width, image.height];
        const context = canvas.getContext('2d')!;
        context.drawImage(image, 0, 0);
        const data = context.getImageData(0, 0, image.width, image.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4) if (Math.abs(data[i]! - r) + Math.abs(data[i + 1]! - g) + Math.abs(data[i + 2]! - b) < 60) n++;
        return n;
      },
      { png, r: r!, g: g!, b: b! },
    );
  } finally {
    await canvasPage.close();
  }
}

async function hoverAndReadCard(page: Page, rect: Rect): Promise<string> {
  const { x, y } = centre(rect);
  await page.mouse.move(x, y);
  await expect.poll(() => cardText(page)).not.toBeNull();
  return (await cardText(page))!;
}

describe('static plan text (a portal read view)', () => {
  it('underlines the flagged sentence on its own glyphs with its hedge words emphasised inside, opens the card, and leaves the page as served', async () => {
    const page = await open('plan-static.html');
    const { emphasis, sentence } = await waitForEmphasis(page, 'access to');
    expect(sentence.text).toBe('Sam will have access to a quiet space when he becomes anxious.');
    expectSameRects(sentence.rects, await phraseRects(page, '#prov-access', sentence.text));
    expectSameRects(emphasis.rects, await phraseRects(page, '#prov-access', emphasis.text));
    expect(within(emphasis.rects, sentence.rects)).toBe(true);
    // One underline per sentence: the sentence with two hedges has one, with both emphasised; words inside inline
    // markup (<em>) map through the offset map too.
    const inEm = await waitForEmphasis(page, 'regular');
    expect((await highlightMarks(page)).filter((m) => m.text.includes('regular'))).toHaveLength(1);
    expectSameRects(inEm.emphasis.rects, await phraseRects(page, '#prov-regular', inEm.emphasis.text));
    expect((await emphasisOn(page, 'as required'))?.text).toBe('as required');
    expect(within(inEm.emphasis.rects, inEm.sentence.rects)).toBe(true);
    // And painted: the rules, from the extension's own sheet (nothing added to the page), set on the root, reach the
    // words through highlight inheritance. The sentence's line shows its category's colour; a line with no finding none.
    expect(await highlightRulesFrom(page)).toBe('extension');
    const colour = CATEGORY_STYLES[sentence.name.replace('plan-lens-', '') as Category].color;
    expect(await pixelsOfColour(page, sentence.rects[0]!, colour)).toBeGreaterThan(20);
    const plain = (await phraseRects(page, '#plan', 'Oakfield Primary School'))[0];
    expect(plain).toBeDefined();
    expect(await pixelsOfColour(page, plain!, colour)).toBe(0);

    // Hovering the emphasis opens the sentence's card.
    const card = await hoverAndReadCard(page, emphasis.rects[0]!);
    expect(card).toContain(sentence.text);
    expect(card).toContain('access to');
    expect(card).toContain('Why:');

    expect(await page.evaluate(() => document.querySelector('#plan')!.innerHTML)).toBe(await servedInnerHTML(page, '#plan'));
    await page.close();
  });
});

describe('a portal with a strict Content Security Policy', () => {
  it('still gets its underlines and a styled card', async () => {
    const page = await open('plan-csp.html');
    const mark = await waitForHighlight(page, 'access to');
    // The page's policy has no say over the extension's sheet.
    expect(await highlightRulesFrom(page)).toBe('extension');
    expect(await pixelsOfColour(page, mark.rects[0]!, CATEGORY_STYLES[mark.name.replace('plan-lens-', '') as Category].color)).toBeGreaterThan(20);
    await hoverAndReadCard(page, mark.rects[0]!);
    // The card's own stylesheet applied (its rounded corners), CSP or not.
    const radius = await (await cardPart(page, ''))!.evaluate((card) => getComputedStyle(card).borderRadius);
    expect(radius).toBe('8px');
    await page.close();
  });
});

describe('touch', () => {
  it('a tap on a mark opens its card and a tap elsewhere closes it (touch screens have no hover)', async () => {
    const page = await open('plan-static.html');
    const { emphasis: mark, sentence } = await waitForEmphasis(page, 'where possible');
    // A finger on the screen, as the browser's input pipeline has it (events a page script makes are not trusted,
    // and Plan Lens ignores those).
    const cdp = await page.context().newCDPSession(page);
    const tap = async (x: number, y: number) => {
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
      await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    };
    await tap(centre(mark.rects[0]!).x, centre(mark.rects[0]!).y);
    await expect.poll(() => cardText(page)).toContain(sentence.text);
    await tap(5, 5);
    await expect.poll(() => cardText(page)).toBeNull();
    await cdp.detach();
    await page.close();
  });
});

describe('textarea (mirror + boxes)', () => {
  it('draws the sentence box with the emphasis box over the phrase inside it, follows the field when it scrolls, and never touches the value', async () => {
    const page = await open('plan-textarea.html');
    await page.waitForFunction(() => document.querySelector('plan-lens-marks')?.shadowRoot?.querySelector('.mark') != null);
    // The browser's own hit test at the box's edges lands on the flagged sentence (a service written as a target).
    expect(await boxOverPhrase(page, 'targets', 'access to')).not.toBeNull();
    // Scroll the field: a sentence that was out of view gets its box, on its glyphs, and its hedge the emphasis inside it.
    expect(await boxOverPhrase(page, 'targets', 'would benefit from', 'emphasis')).toBeNull();
    await page.$eval('#targets', (t: HTMLTextAreaElement) => (t.scrollTop = t.scrollHeight));
    await expect.poll(() => boxOverPhrase(page, 'targets', 'would benefit from', 'emphasis')).not.toBeNull();
    const hedge = (await boxOverPhrase(page, 'targets', 'would benefit from', 'emphasis'))!;
    expect(within([hedge], [(await boxOverPhrase(page, 'targets', 'would benefit from'))!])).toBe(true);
    expect((await textUnderBoxes(page, 'targets', 'emphasis')).join(' ')).toBe('wouldbenefitfrom');

    const card = await hoverAndReadCard(page, (await boxOverPhrase(page, 'targets', 'would benefit from', 'emphasis'))!);
    expect(card.toLowerCase()).toContain('would benefit from');
    expect(await page.$eval('#targets', (t: HTMLTextAreaElement) => t.value === t.defaultValue)).toBe(true);
    await page.close();
  });

  it('typing after a marked sentence touches none of Plan Lens’s layers and keeps its box; typing into it takes the box away at once', async () => {
    const page = await open('plan-textarea-short.html');
    const field = 'provision-text';
    await expect.poll(() => boxOverPhrase(page, field, 'would benefit from')).not.toBeNull();
    const box = (await boxOverPhrase(page, field, 'would benefit from'))!;
    const answeredAt = () => page.evaluate(() => performance.getEntriesByName('plan-lens:answered').at(-1)?.startTime ?? 0);
    const firstAnswer = await answeredAt();
    // Every change to the layers (mirror text, boxes) from here on is counted.
    await page.evaluate(() => {
      const w = window as Window & { layerWrites?: number };
      w.layerWrites = 0;
      for (const host of document.querySelectorAll('plan-lens-marks')) {
        new MutationObserver((records) => (w.layerWrites! += records.length)).observe(host.shadowRoot!, { subtree: true, childList: true, attributes: true, characterData: true });
      }
    });
    const layerWrites = () => page.evaluate(() => (window as Window & { layerWrites?: number }).layerWrites);
    const twoFrames = () => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.focus(`#${field}`);
    await page.$eval(`#${field}`, (t: HTMLTextAreaElement) => t.setSelectionRange(t.value.length, t.value.length));
    await page.keyboard.type(' It is set up daily.', { delay: 20 });
    await twoFrames();
    expect(await layerWrites()).toBe(0);
    expect(await boxOverPhrase(page, field, 'would benefit from')).toEqual(box);
    // The answer for the new text marks the sentence again (it may reach over the words typed after it).
    await expect.poll(answeredAt).toBeGreaterThan(firstAnswer);
    await twoFrames();
    expect((await boxOverPhrase(page, field, 'would benefit from'))?.left).toBe(box.left);
    // Into the sentence: its words are no longer the ones judged, so its box goes before any answer (a pass waits 250 ms).
    await page.$eval(`#${field}`, (t: HTMLTextAreaElement) => {
      const at = t.value.indexOf('would') + 'would'.length;
      t.setSelectionRange(at, at);
    });
    await page.keyboard.type('n’t');
    await twoFrames();
    expect(await markBoxes(page)).toEqual([]);
    expect(await page.$eval(`#${field}`, (t: HTMLTextAreaElement) => t.value)).toBe('Sam wouldn’t benefit from a quiet space at lunchtime. It is set up daily.');
    await page.close();
  });

  it('keyboard: Alt+Shift+J selects the next finding, Enter opens its card, Escape returns focus and caret', async () => {
    const page = await open('plan-textarea.html');
    await page.waitForFunction(() => document.querySelector('plan-lens-marks')?.shadowRoot?.querySelector('.mark') != null);
    await page.focus('#targets');
    await page.$eval('#targets', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Shift+J');
    const selected = await page.$eval('#targets', (t: HTMLTextAreaElement) => t.value.slice(t.selectionStart, t.selectionEnd));
    // The selection is a finding (a whole sentence): a mark box starts exactly where it starts.
    expect(selected.trim()).not.toBe('');
    const selectionStart = await page.$eval('#targets', (t: HTMLTextAreaElement) => t.selectionStart);
    const boxStarts = await Promise.all((await markBoxes(page)).map((b) => caretAt(page, b.left + 1, b.top + b.height / 2)));
    expect(boxStarts.map((c) => c?.offset)).toContain(selectionStart);
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBeNull();
    const after = await page.evaluate(() => {
      const t = document.querySelector<HTMLTextAreaElement>('#targets')!;
      return { focused: document.activeElement === t, selected: t.value.slice(t.selectionStart, t.selectionEnd), unchanged: t.value === t.defaultValue };
    });
    expect(after).toEqual({ focused: true, selected, unchanged: true });
    await page.close();
  });
});

describe('contenteditable editor', () => {
  it('underlines inside the editor with CSS highlights only: the editor markup is unchanged', async () => {
    const page = await open('plan-contenteditable.html');
    const { emphasis, sentence } = await waitForEmphasis(page, 'as required');
    expect(sentence.text).toBe('A teaching assistant will support him as required during literacy lessons.');
    expectSameRects(sentence.rects, await phraseRects(page, '#editor', sentence.text));
    expectSameRects(emphasis.rects, await phraseRects(page, '#editor', 'as required'));
    const card = await hoverAndReadCard(page, emphasis.rects[0]!);
    expect(card).toContain(sentence.text);
    expect(await page.$eval('#editor', (e) => e.innerHTML)).toBe(await servedInnerHTML(page, '#editor'));
    await page.close();
  });
});

describe('keyboard in a contenteditable editor', () => {
  it('Alt+Shift+J selects a finding in the editor, Enter opens its card, Escape puts the selection back', async () => {
    const page = await open('plan-contenteditable.html');
    await waitForHighlight(page, 'as required');
    await page.click('#editor p:first-child');
    await page.keyboard.press('Home');
    await page.keyboard.press('Alt+Shift+J');
    const selected = await page.evaluate(() => window.getSelection()!.toString());
    // The selection is exactly one of the marks.
    expect((await highlightMarks(page)).map((m) => m.text)).toContain(selected);
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBeNull();
    expect(await page.evaluate(() => ({ inEditor: document.activeElement?.id, selected: window.getSelection()!.toString() }))).toEqual({ inEditor: 'editor', selected });
    // Enter did not reach the editor: no line break was typed.
    expect(await page.$eval('#editor', (e) => e.innerHTML)).toBe(await servedInnerHTML(page, '#editor'));
    await page.close();
  });
});

describe('typing after a keyboard walk', () => {
  it('a click elsewhere ends the walk: Enter makes a new line there and the next words reach the editor (contenteditable)', async () => {
    const page = await open('plan-contenteditable.html');
    await waitForHighlight(page, 'as required');
    await page.click('#editor p:first-child');
    await page.keyboard.press('Home');
    await page.keyboard.press('Alt+Shift+J');
    expect((await highlightMarks(page)).map((m) => m.text)).toContain(await page.evaluate(() => window.getSelection()!.toString()));
    // A click at the end of the last paragraph, then Enter and a few words.
    const last = page.locator('#editor p:last-child');
    const box = (await last.boundingBox())!;
    await page.mouse.click(box.x + box.width - 2, box.y + box.height / 2);
    await page.keyboard.press('Enter');
    await page.keyboard.type('New line');
    expect(await cardText(page)).toBeNull();
    expect(await page.$$eval('#editor p', (ps) => ps.map((p) => p.textContent))).toEqual([
      'Sam will have access to a small group for phonics.',
      'A teaching assistant will support him as required during literacy lessons.',
      'Speech and language therapy targets will be reviewed termly by the SENCO.',
      'New line',
    ]);
    await page.close();
  });

  it('the same in a textarea: the walk selects a finding, a click puts the caret elsewhere, Enter breaks the line', async () => {
    const page = await open('plan-textarea.html');
    await expect.poll(async () => (await markBoxes(page)).length).toBeGreaterThan(0);
    await page.focus('#targets');
    await page.$eval('#targets', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Shift+J');
    expect(await page.$eval('#targets', (t: HTMLTextAreaElement) => t.selectionEnd > t.selectionStart)).toBe(true);
    const before = await page.$eval('#targets', (t: HTMLTextAreaElement) => t.value);
    // A click on the field's first line puts the caret there.
    const field = (await page.locator('#targets').boundingBox())!;
    await page.mouse.click(field.x + 40, field.y + 16);
    const caret = await page.$eval('#targets', (t: HTMLTextAreaElement) => t.selectionStart);
    await page.keyboard.press('Enter');
    await page.keyboard.type('Typed');
    expect(await cardText(page)).toBeNull();
    expect(await page.$eval('#targets', (t: HTMLTextAreaElement) => t.value)).toBe(`${before.slice(0, caret)}\nTyped${before.slice(caret)}`);
    await page.close();
  });
});

describe('service worker restarts', () => {
  it('a page whose request meets a stopped worker still gets its answer', async () => {
    const page = await open('plan-textarea.html');
    await page.waitForFunction(() => document.querySelector('plan-lens-marks')?.shadowRoot?.querySelector('.mark') != null);
    await stopServiceWorker(browser);
    // The edit goes to a worker that has to start again and has forgotten the document.
    await page.$eval('#targets', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.focus('#targets');
    await page.keyboard.type('Sam will have a laptop where possible.\n');
    // A worker that starts again loads the compromise reader before it answers (npm run bench measures how long).
    await expect.poll(() => boxOverPhrase(page, 'targets', 'where possible'), { timeout: 10_000 }).not.toBeNull();
    await page.close();
  });
});

describe('a page that is not a plan', () => {
  it('gets no marks until the user asks ("Check this page")', async () => {
    await watchMessages();
    const page = await open('not-a-plan.html');
    // Settled: the worker answered an analysis for this page and the page reported its count after it.
    await expect
      .poll(async () => {
        const kinds = (await messagesFrom(page.url())).map((e) => e.kind);
        return kinds.includes('analyze') && kinds.lastIndexOf('count') > kinds.indexOf('analyze');
      })
      .toBe(true);
    expect(await highlightMarks(page)).toEqual([]);
    expect(await markBoxes(page)).toEqual([]);

    const tabId = (await messagesFrom(page.url()))[0]!.tabId;
    const sw = await browser.serviceWorker();
    await sw.evaluate((id) => chrome.tabs.sendMessage(id, { kind: 'check-page' }), tabId);
    await waitForHighlight(page, 'access to');
    await page.close();
  });
});

describe('privacy', () => {
  it('no request left the test server, and the badge counted the findings', async () => {
    await watchMessages();
    const page = await open('plan-static.html');
    await waitForHighlight(page, 'access to');
    const sw = await browser.serviceWorker();
    const marks = (await highlightMarks(page)).length;
    const tabId = (await messagesFrom(page.url()))[0]!.tabId;
    await expect.poll(() => sw.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId)).toBe(String(marks));
    await page.close();
    expect(externalRequests(browser.requests)).toEqual([]);
    expect(server.log.every((r) => r.host === `127.0.0.1:${server.port}`)).toBe(true);
  });
});
