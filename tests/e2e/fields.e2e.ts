// Form fields beyond the textarea, in Chromium with the built extension: a portal's one-line text inputs
// (a need or a target per field) get marks on their words through the same mirror, following the field's
// sideways scroll; the keyboard path and Replace work there, undo restores, and the form submits exactly
// what was typed. Inputs that hold personal details, searches or read-only text are left alone. The card
// stays on top of, and reachable within, a portal's own modals: a max-z-index overlay and a showModal() <dialog>.
// The mirror follows every layout property (spacing, indent, border-box, tabs, right-to-left), and text in
// any script (combining marks, emoji, joiners, CRLF paste) is marked on exactly its characters and never corrupted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyze } from '../../src/analysis';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { manyFieldsPage } from '../fixtures/many-fields';
import { boxOverPhrase, caretAt, cardPart, cardSuggestion, cardText, centre, clickCardButton, exposeCard, focusInCard, highlightMarks, markBoxes, type Rect } from './page-probes';

let server: StaticServer;
let browser: ExtensionBrowser;
/** Pages written for this run (a form of 5,000 fields). */
const generated = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-fields-'));
const MANY_FIELDS = 5_000;

beforeAll(async () => {
  fs.writeFileSync(path.join(generated, 'many-fields.html'), manyFieldsPage(MANY_FIELDS, Date.now()));
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures`, '/generated/': generated });
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  fs.rmSync(generated, { recursive: true, force: true });
});

async function open(name: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`${server.origin}/fixtures/${name}`);
  return page;
}

const rectOf = async (page: Page, selector: string): Promise<Rect> => {
  const b = (await page.locator(selector).boundingBox())!;
  return { left: b.x, top: b.y, width: b.width, height: b.height };
};
const inside = (r: Rect, o: Rect) => r.left >= o.left - 0.5 && r.top >= o.top - 0.5 && r.left + r.width <= o.left + o.width + 0.5 && r.top + r.height <= o.top + o.height + 0.5;

describe('one-line text inputs', () => {
  it('marks the flagged words in the field, follows its sideways scroll, and leaves other inputs and the values alone', async () => {
    const page = await open('plan-inputs.html');
    await expect.poll(() => boxOverPhrase(page, 'target', 'improve')).not.toBeNull();
    // The hedge sits past the end of the narrow field: no emphasis box until the field scrolls to it.
    expect(await boxOverPhrase(page, 'provision', 'would benefit from', 'emphasis')).toBeNull();
    // Scrolled until the hedge (about 600px into the line, in the fixture's font) is in view.
    await page.$eval('#provision', (i: HTMLInputElement) => (i.scrollLeft = 480));
    await expect.poll(() => boxOverPhrase(page, 'provision', 'would benefit from', 'emphasis')).not.toBeNull();
    // Every box is inside one of the two plan fields: none on the name, search or read-only inputs.
    const fields = [await rectOf(page, '#provision'), await rectOf(page, '#target')];
    for (const box of await markBoxes(page)) expect(fields.some((f) => inside(box, f))).toBe(true);
    expect(await page.$$eval('input', (inputs) => inputs.every((i) => i.value === i.defaultValue))).toBe(true);
    await page.close();
  });

  it('keyboard: Alt+Shift+J selects a finding in the input, Enter opens its card, Escape returns focus and caret; Replace then undo, and the form submits what was typed', async () => {
    const page = await open('plan-inputs.html');
    await expect.poll(() => boxOverPhrase(page, 'target', 'improve')).not.toBeNull();
    await page.focus('#target');
    await page.$eval('#target', (i: HTMLInputElement) => i.setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Shift+J');
    const selection = () => page.evaluate(() => {
      const i = document.activeElement as HTMLInputElement;
      return { id: i.id, selected: i.value.slice(i.selectionStart!, i.selectionEnd!) };
    });
    const selected = await selection();
    expect(selected.id).toBe('target');
    expect(selected.selected).toContain('improve');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    expect(await cardText(page)).toBeNull();
    expect(await selection()).toEqual(selected);

    const before = await page.$eval('#target', (i: HTMLInputElement) => i.value);
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    const suggestion = await cardSuggestion(page);
    await clickCardButton(page, 'Replace');
    // The field's one sentence is now the card's suggestion, its label kept: nothing duplicated, nothing lost.
    expect(before.startsWith('Target 2: ')).toBe(true);
    expect(before.endsWith(selected.selected)).toBe(true);
    await expect.poll(() => page.$eval('#target', (i: HTMLInputElement) => i.value)).toBe(before.replace(selected.selected, suggestion));
    // Focus went back to the field: the browser's own undo brings the old words back.
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.$eval('#target', (i: HTMLInputElement) => i.value)).toBe(before);

    await page.keyboard.press('End');
    await page.keyboard.type(' Checked weekly.');
    const typed = await page.$eval('#target', (i: HTMLInputElement) => i.value);
    await Promise.all([page.waitForURL(/\/submit\?/), page.click('button[type="submit"]')]);
    const submitted = server.log.filter((r) => r.url.startsWith('/submit?')).at(-1)!;
    expect(new URLSearchParams(submitted.url.split('?')[1]).get('target')).toBe(typed);
    await page.close();
  });
});

describe('a form of 5,000 fields', () => {
  /** Plan Lens's layers (a mirror and the boxes of one field each) and whether every box is in the viewport. */
  const layers = (page: Page) => page.locator('plan-lens-marks').count();
  const boxesInView = async (page: Page) => {
    const [width, height] = await page.evaluate(() => [innerWidth, innerHeight]);
    return (await markBoxes(page)).every((b) => b.top >= 0 && b.left >= 0 && b.top + b.height <= height && b.left + b.width <= width);
  };

  it('gets marks on the fields in view, mirrors only those, follows the view to the end of the form and hears typing there', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/generated/many-fields.html`);
    // Field 0 holds weak wording (tests/fixtures/many-fields.ts) and is on the first screen.
    await expect.poll(() => boxOverPhrase(page, 'f0', 'as required'), { timeout: 30_000 }).not.toBeNull();
    expect(await boxesInView(page)).toBe(true);
    expect(await layers(page)).toBeLessThan(40);

    // At the end of the form: the marks there, and still only the fields near the view have layers.
    await page.locator(`#f${MANY_FIELDS - 4}`).scrollIntoViewIfNeeded();
    await expect.poll(() => boxOverPhrase(page, `f${MANY_FIELDS - 4}`, 'where possible'), { timeout: 30_000 }).not.toBeNull();
    expect(await boxesInView(page)).toBe(true);
    expect(await layers(page)).toBeLessThan(40);
    expect(await boxOverPhrase(page, 'f0', 'as required')).toBeNull();

    // An empty field there, typed into.
    const empty = `f${MANY_FIELDS - 3}`;
    expect(await page.$eval(`#${empty}`, (f: HTMLInputElement) => f.value)).toBe('');
    await page.click(`#${empty}`);
    await page.keyboard.type('Sam would benefit from a quiet space at lunchtime.');
    await expect.poll(() => boxOverPhrase(page, empty, 'would benefit from'), { timeout: 30_000 }).not.toBeNull();
    await page.close();
  });
});

describe('the card above a page’s own modals', () => {
  /** Whether the card is what a click at its middle lands on (drawn on top and not inert), and is inside `parent`. */
  const cardOnTop = (page: Page) =>
    exposeCard(page).then(() => page.evaluate(() => {
      const root = (window as Window & { __planLensCard?: ShadowRoot }).__planLensCard!;
      const host = root.host;
      const r = root.querySelector('.card')!.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
    }));

  it('opens over a portal overlay stacked at the highest z-index, and its buttons take clicks', async () => {
    const page = await open('plan-dialog.html');
    await expect.poll(() => boxOverPhrase(page, 'overlay-field', 'where possible')).not.toBeNull();
    const box = (await boxOverPhrase(page, 'overlay-field', 'where possible'))!;
    await page.mouse.move(centre(box).x, centre(box).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await cardOnTop(page)).toBe(true);
    await clickCardButton(page, 'Close');
    await expect.poll(() => cardText(page)).toBeNull();
    await page.close();
  });

  it('inside a <dialog> opened with showModal(): reachable by mouse and keyboard, and back in the page once the dialog closes', async () => {
    const page = await open('plan-dialog.html');
    await page.evaluate(() => {
      document.querySelector('#overlay')!.remove();
      document.querySelector<HTMLDialogElement>('#modal')!.showModal();
    });
    await expect.poll(() => boxOverPhrase(page, 'dialog-field', 'would benefit from')).not.toBeNull();
    const box = (await boxOverPhrase(page, 'dialog-field', 'would benefit from'))!;
    await page.mouse.move(centre(box).x, centre(box).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    // Everything outside a modal dialog is inert: a card left there would be drawn but not clickable.
    expect(await cardOnTop(page)).toBe(true);
    const boxes = (await markBoxes(page)).length;
    await clickCardButton(page, 'Ignore here');
    await expect.poll(async () => (await markBoxes(page)).length).toBeLessThan(boxes);

    // Keyboard, within the dialog: the field's one finding is ignored, so Alt+Shift+J from the field selects the
    // editor's sentence; Enter puts focus in the card, Escape back on that sentence in the editor.
    await page.focus('#dialog-field');
    await page.$eval('#dialog-field', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Shift+J');
    const walkedTo = await page.evaluate(() => ({ id: document.activeElement?.id, selected: getSelection()!.toString() }));
    expect(walkedTo).toEqual({ id: 'dialog-editor', selected: 'A teaching assistant will support him as required during literacy lessons.' });
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => ({ id: document.activeElement?.id, selected: getSelection()!.toString() }))).toEqual(walkedTo);

    // The dialog closes: the card opens in the page again, on top and clickable.
    await page.evaluate(() => document.querySelector<HTMLDialogElement>('#modal')!.close());
    const mark = (await highlightMarks(page)).find((m) => m.rects.length > 0)!;
    await page.mouse.move(centre(mark.rects[0]!).x, centre(mark.rects[0]!).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await cardOnTop(page)).toBe(true);
    // Static page text: nothing to write into, so no Replace.
    expect(await cardPart(page, 'button', 'Replace')).toBeNull();
    await page.close();
  });
});

describe('the textarea mirror copies every layout property', () => {
  /**
   * The words under field `#id`'s hedge boxes, read back through the browser's own caret hit test at each
   * box's edges: a wrapped phrase's boxes join up, whitespace is dropped. A mirror laid out differently
   * from the field puts the boxes over other characters.
   */
  async function hedgeWords(page: Page, id: string): Promise<string[]> {
    const value = await page.$eval(`#${id}`, (t: HTMLTextAreaElement) => t.value);
    const spans: [number, number][] = [];
    for (const box of (await markBoxes(page)).filter((b) => b.category === 'emphasis')) {
      const y = box.top + box.height / 2;
      const [from, to] = [await caretAt(page, box.left + 1, y), await caretAt(page, box.left + box.width - 1, y)];
      if (from?.id === id && to?.id === id) spans.push([Math.min(from.offset, to.offset), Math.max(from.offset, to.offset) + (box.width > 2 && from.offset === to.offset ? 1 : 0)]);
    }
    spans.sort((a, b) => a[0] - b[0]);
    const joined: [number, number][] = [];
    for (const s of spans) {
      const last = joined.at(-1);
      if (last && s[0] <= last[1] + 1) last[1] = Math.max(last[1], s[1]);
      else joined.push([...s]);
    }
    return joined.map(([a, b]) => value.slice(a, b).replace(/\s+/g, '')).filter((t) => t !== '');
  }

  // Spacing, padding, text-indent, border-box sizing with a double border, upper case and tab stops: the
  // same sentence, its two hedges wrapped differently in each field. (Right-to-left fields are checked in
  // 'text from every script': the caret hit test this reads back with is ambiguous across wrapped bidi lines.)
  for (const id of ['spaced', 'border-box', 'tabs']) {
    it(`#${id}: one sentence box, and the emphasis boxes inside it cover exactly "where possible" and "will have access to"`, async () => {
      const page = await open('plan-mirror.html');
      await expect.poll(() => hedgeWords(page, id)).toEqual(['wherepossible', 'willhaveaccessto']);
      const sentences = (await markBoxes(page)).filter((b) => b.category !== 'emphasis');
      const field = await rectOf(page, `#${id}`);
      const emphasis = (await markBoxes(page)).filter((b) => b.category === 'emphasis' && inside(b, field));
      expect(emphasis.every((e) => sentences.some((b) => inside(e, b)))).toBe(true);
      await page.close();
    });
  }
});

describe('text from every script', () => {
  /** What the analyser flags in `texts`: the marks must cover exactly these characters. */
  const flagged = (texts: string[]) => {
    const blocks = [{ id: 'h', text: 'Section F: Special educational provision' }, ...texts.map((text, i) => ({ id: String(i), text }))];
    // Good-practice notes (info) are never underlined alone.
    return analyze(blocks).blocks.flatMap((b) => b.findings.filter((f) => f.severity !== 'info').map((f) => blocks.find((x) => x.id === b.id)!.text.slice(f.start, f.end))).sort();
  };

  it('combining marks, emoji, a joiner and right-to-left words: marks on exactly the flagged characters; Replace and undo leave every other character as it was', async () => {
    const page = await open('plan-unicode.html');
    const paragraphs = await page.$$eval('#editor p', (ps) => ps.map((p) => p.textContent));
    const expected = flagged(paragraphs);
    expect(expected.length).toBeGreaterThan(0);
    const inEditor = async () => {
      const box = (await page.locator('#editor').boundingBox())!;
      return (await highlightMarks(page)).filter((m) => m.rects.every((r) => r.top >= box.y && r.top < box.y + box.height)).map((m) => m.text).sort();
    };
    await expect.poll(inEditor).toEqual(expected);

    // The emoji paragraph's provision sentence: hover its first word, Replace, then Ctrl+Z.
    const before = await page.$eval('#editor', (e) => e.innerHTML);
    const sentence = (await highlightMarks(page)).filter((m) => m.text.startsWith('\u{1F4DA}')).sort((a, b) => b.text.length - a.text.length)[0]!;
    await page.mouse.move(sentence.rects[0]!.left + 3, centre(sentence.rects[0]!).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    const suggestion = await cardSuggestion(page);
    await clickCardButton(page, 'Replace');
    await expect.poll(() => page.$$eval('#editor p', (ps) => ps.map((p) => p.textContent.replace(/\u00a0/g, ' ')))).toEqual([paragraphs[0], suggestion, paragraphs[2]]);
    expect(suggestion.startsWith('\u{1F4DA} Sam \u{1F469}\u{1F3FD}\u200D\u{1F3EB} will ')).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.$eval('#editor', (e) => e.innerHTML)).toBe(before);
    await page.close();
  });

  it('a field pasted with CRLF line ends, emoji and a joiner, and a right-to-left field: boxes on the words; Replace changes only its sentence', async () => {
    const page = await open('plan-unicode.html');
    await expect.poll(() => boxOverPhrase(page, 'field', 'as required', 'emphasis')).not.toBeNull();
    expect(await boxOverPhrase(page, 'field', 'where possible', 'emphasis')).not.toBeNull();
    await expect.poll(() => boxOverPhrase(page, 'rtl-field', 'where possible')).not.toBeNull();

    const before = await page.$eval('#field', (t: HTMLTextAreaElement) => t.value);
    const line = before.split('\n')[1]!;
    await page.focus('#field');
    await page.$eval('#field', (t: HTMLTextAreaElement) => t.setSelectionRange(t.value.indexOf('\n') + 1, t.value.indexOf('\n') + 1));
    await page.keyboard.press('Alt+Shift+J');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    const suggestion = await cardSuggestion(page);
    await clickCardButton(page, 'Replace');
    await expect.poll(() => page.$eval('#field', (t: HTMLTextAreaElement) => t.value)).toBe(before.replace(line, suggestion));
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.$eval('#field', (t: HTMLTextAreaElement) => t.value)).toBe(before);
    await page.close();
  });
});

describe('privacy', () => {
  it('sent nothing beyond the local test server', () => {
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
