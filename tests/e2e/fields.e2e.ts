// Form fields beyond the textarea, in Chromium with the built extension: a portal's one-line text inputs
// (a need or a target per field) get marks on their words through the same mirror, following the field's
// sideways scroll; the keyboard path and Replace work there, undo restores, and the form submits exactly
// what was typed. Inputs that hold personal details, searches or read-only text are left alone. The card
// stays on top of, and reachable within, a portal's own modals: a max-z-index overlay and a showModal() <dialog>.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { boxOverPhrase, cardText, centre, focusInCard, highlightMarks, markBoxes, type Rect } from './page-probes';

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
    // The hedge sits past the end of the narrow field: no box until the field scrolls to it.
    expect(await boxOverPhrase(page, 'provision', 'would benefit from')).toBeNull();
    // Scrolled until the hedge (about 600px into the line, in the fixture's font) is in view.
    await page.$eval('#provision', (i: HTMLInputElement) => (i.scrollLeft = 480));
    await expect.poll(() => boxOverPhrase(page, 'provision', 'would benefit from')).not.toBeNull();
    // Every box is inside one of the two plan fields: none on the name, search or read-only inputs.
    const fields = [await rectOf(page, '#provision'), await rectOf(page, '#target')];
    for (const box of await markBoxes(page)) expect(fields.some((f) => inside(box, f))).toBe(true);
    expect(await page.$$eval('input', (inputs) => inputs.every((i) => (i as HTMLInputElement).value === (i as HTMLInputElement).defaultValue))).toBe(true);
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
    const suggestion = await page.locator('plan-lens-card .card .suggestion span').innerText();
    await page.locator('plan-lens-card .card button', { hasText: 'Replace' }).click();
    // The field's one sentence (its whole value) is now the card's suggestion: nothing duplicated, nothing lost.
    await expect.poll(() => page.$eval('#target', (i: HTMLInputElement) => i.value)).toBe(suggestion);
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

describe('the card above a page’s own modals', () => {
  /** Whether the card is what a click at its middle lands on (drawn on top and not inert), and is inside `parent`. */
  const cardOnTop = (page: Page) =>
    page.evaluate(() => {
      const host = document.querySelector('plan-lens-card')!;
      const r = host.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === host;
    });

  it('opens over a portal overlay stacked at the highest z-index, and its buttons take clicks', async () => {
    const page = await open('plan-dialog.html');
    await expect.poll(() => boxOverPhrase(page, 'overlay-field', 'where possible')).not.toBeNull();
    const box = (await boxOverPhrase(page, 'overlay-field', 'where possible'))!;
    await page.mouse.move(centre(box).x, centre(box).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await cardOnTop(page)).toBe(true);
    await page.locator('plan-lens-card .card button', { hasText: 'Close' }).click();
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
    await page.locator('plan-lens-card .card button', { hasText: 'Ignore here' }).click();
    await expect.poll(async () => (await markBoxes(page)).length).toBeLessThan(boxes);

    // Keyboard, within the dialog: Alt+Shift+J, Enter puts focus in the card, Escape back in the field.
    await page.focus('#dialog-field');
    await page.$eval('#dialog-field', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.keyboard.press('Alt+Shift+J');
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await focusInCard(page)).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(page)).toBeNull();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('dialog-field');

    // The dialog closes: the card opens in the page again, on top and clickable.
    await page.evaluate(() => document.querySelector<HTMLDialogElement>('#modal')!.close());
    const mark = (await highlightMarks(page)).find((m) => m.rects.length > 0)!;
    await page.mouse.move(centre(mark.rects[0]!).x, centre(mark.rects[0]!).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    expect(await cardOnTop(page)).toBe(true);
    await page.close();
  });
});

describe('privacy', () => {
  it('sent nothing beyond the local test server', () => {
    expect(externalRequests(browser.requests)).toEqual([]);
  });
});
