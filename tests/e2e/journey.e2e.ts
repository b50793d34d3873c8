// Issue 4's acceptance, as a SENCO does it, with real keys and clicks only: type a weak target into a
// portal's editor (TinyMCE in its iframe, Quill), see it underlined, open its card from the
// keyboard, Replace, undo, close a card with Esc and keep typing where the caret was, then submit the
// form: the portal receives exactly what was typed, with nothing of Plan Lens in it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { EDITOR_PAGES, externalRequests, launchWithExtension, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { cardPart, cardSuggestion, cardText, emphasisOn, focusedInCard, focusInCard, markContaining } from './page-probes';

declare const tinymce: { activeEditor: { getContent(o: { format: 'text' }): string } };
declare const quill: { getText(): string; history: { lastRecorded: number; options: { delay: number } } };

interface EditorCase {
  name: string;
  fixture: string;
  /** The frame whose document holds the editable text. */
  editable(page: Page): Promise<Frame>;
  /** The editable root in that frame. */
  root: string;
  /** The editor's own model, a paragraph a line. */
  paragraphs(page: Page): Promise<string[]>;
  /** The form field the editor saves into, and what it holds for these paragraphs. */
  field: string;
  serialised(paragraphs: string[]): string;
  /** Until the editor's undo history would keep a new edit as a step of its own (a user reading a card pauses that long). */
  paused?(page: Page): Promise<void>;
}

const EDITORS: EditorCase[] = [
  {
    name: 'TinyMCE (classic, in its iframe)',
    fixture: '/fixtures/editors/tinymce.html',
    editable: async (page) => (await (await page.$('iframe.tox-edit-area__iframe'))!.contentFrame())!,
    root: '#tinymce',
    paragraphs: (page) => page.evaluate(() => tinymce.activeEditor.getContent({ format: 'text' }).split(/\n+/).map((p) => p.trim()).filter((p) => p !== '')),
    field: 'provision',
    serialised: (paragraphs) => paragraphs.map((p) => `<p>${p}</p>`).join('\n'),
  },
  {
    name: 'Quill (its HTML copied into the form)',
    fixture: '/fixtures/editors/quill.html',
    editable: async (page) => page.mainFrame(),
    root: '.ql-editor',
    paragraphs: (page) => page.evaluate(() => quill.getText().split('\n').map((p) => p.trim()).filter((p) => p !== '')),
    field: 'provision',
    serialised: (paragraphs) => paragraphs.map((p) => `<p>${p}</p>`).join(''),
    // Quill's history folds every edit within its delay (1 s) of a run's start into that run.
    paused: async (page) => void (await page.waitForFunction(() => Date.now() > quill.history.lastRecorded + quill.history.options.delay)),
  },
];

const TYPED = 'Sam will improve his concentration when needed.';
const WEAK = 'when needed';

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer(EDITOR_PAGES);
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The sentence of the finding the keyboard walk has made active (its selection and emphasis). */
const activeFinding = (frame: Frame) =>
  frame.evaluate(() => {
    const active = CSS.highlights.get('plan-lens-active') as unknown as Set<Range> | undefined;
    return active ? [...active].map((r) => r.toString()).join('') : null;
  });

/** What the focused element inside the card says (its button's label). */

/** Where the keyboard is: whether the editor's frame has focus, its root is focused, and the text selected there. */
const keyboardAt = (frame: Frame, root: string) =>
  frame.evaluate((sel) => ({ frameFocused: document.hasFocus(), inRoot: document.activeElement === document.querySelector(sel), selected: document.getSelection()?.toString() ?? '' }), root);

/** Alt+Shift+J until the finding on sentence `words` is the active one (the walk wraps, so a bounded number of presses). */
async function walkTo(page: Page, frame: Frame, words: string): Promise<void> {
  for (let press = 0; press < 12; press++) {
    await page.keyboard.press('Alt+Shift+J');
    if ((await activeFinding(frame)) === words) return;
  }
  throw new Error(`Alt+Shift+J never made "${words}" the active finding (last: ${JSON.stringify(await activeFinding(frame))})`);
}

/** Enter on the active finding: its card opens with focus inside. */
async function openCardByKeyboard(page: Page, frame: Frame): Promise<void> {
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await cardText(frame)) ?? 'no card open').toContain(WEAK);
  await expect.poll(() => focusInCard(frame)).toBe(true);
}

describe.each(EDITORS)('a SENCO types a weak target in $name', (portal) => {
  it('sees it underlined, opens the card by keyboard, replaces, undoes, keeps typing after Esc, and submits exactly what they typed', async () => {
    const page = await browser.context.newPage();
    await page.goto(server.origin + portal.fixture);
    await page.waitForSelector('body[data-editor-ready="true"]');
    const frame = await portal.editable(page);
    const original = await portal.paragraphs(page);
    // Plan Lens has read the editor: its existing provision is underlined.
    await expect.poll(async () => (await markContaining(frame, 'as required')) !== undefined).toBe(true);

    // 1. Click at the end of the last paragraph (past its words, so on no mark), then type a new one.
    const last = frame.locator(`${portal.root} p`).last();
    const box = (await last.boundingBox())!;
    await last.click({ position: { x: box.width - 4, y: box.height / 2 } });
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type(TYPED);
    const typed = [...original, TYPED];
    await expect.poll(() => portal.paragraphs(page)).toEqual(typed);

    // 2. The typed sentence is underlined, its hedge emphasised inside the underline.
    await expect.poll(async () => (await markContaining(frame, WEAK))?.text).toBe(TYPED);
    await expect.poll(async () => (await emphasisOn(frame, WEAK))?.text).toBe(WEAK);

    // 3. Keyboard only: the walk reaches the typed sentence, Enter opens its card with focus in it.
    await walkTo(page, frame, TYPED);
    await openCardByKeyboard(page, frame);
    expect(await (await cardPart(frame, '.message'))!.innerText()).toContain(WEAK);
    const suggestion = await cardSuggestion(frame);
    expect(suggestion).toMatch(/^Sam will improve his concentration .*\[[^\]]+\]/);

    // 4. Tab to Replace, Enter: the editor's model has the suggestion in place of exactly that sentence.
    await portal.paused?.(page);
    for (let press = 0; press < 8 && (await focusedInCard(frame)) !== 'Replace'; press++) await page.keyboard.press('Tab');
    expect(await focusedInCard(frame)).toBe('Replace');
    await page.keyboard.press('Enter');
    await expect.poll(() => portal.paragraphs(page)).toEqual([...original, suggestion]);
    // The card closes once the fix has read its result back, a frame after the editor's text changed.
    await expect.poll(() => cardText(frame)).toBeNull();

    // 5. Ctrl+Z in the editor restores exactly what was typed.
    await page.keyboard.press('Control+z');
    await expect.poll(() => portal.paragraphs(page)).toEqual(typed);

    // 6. A card opened from the keyboard and closed with Esc: focus and caret are back in the editor
    // where they were (on the finding's sentence), and typing carries on there.
    await expect.poll(async () => (await markContaining(frame, WEAK))?.text).toBe(TYPED);
    await walkTo(page, frame, TYPED);
    await openCardByKeyboard(page, frame);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardText(frame)).toBeNull();
    expect(await keyboardAt(frame, portal.root)).toEqual({ frameFocused: true, inRoot: true, selected: TYPED });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.type(' Checked weekly.');
    const final = [...original, `${TYPED} Checked weekly.`];
    await expect.poll(() => portal.paragraphs(page)).toEqual(final);

    // 7. Submit as a user does: the portal receives the paragraphs as typed, and nothing of Plan Lens.
    await Promise.all([page.waitForURL(/\/submit\?/), page.getByRole('button', { name: 'Save review' }).click()]);
    const submitted = server.log.filter((r) => r.url.startsWith('/submit?')).at(-1)!;
    const value = new URLSearchParams(submitted.url.split('?')[1]).get(portal.field)!;
    expect(value).not.toMatch(/plan-lens|data-|style=|class=|<span|<mark/i);
    // A form sends line breaks as CR LF.
    expect(value).toBe(portal.serialised(final).replace(/\n/g, '\r\n'));
    await page.close();
  });
});

it('no request left the machine', () => {
  expect(externalRequests(browser.requests)).toEqual([]);
});
