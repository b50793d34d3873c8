// Issue 4 in a real browser: fixes go through each editor's own input pipeline (undo works, nothing
// duplicated or lost), marks follow typing, forms submit exactly what was typed, opt-outs and per-site
// choices are honoured, real editors (TinyMCE in its iframe, Quill) and webmail read views under their
// real hostnames get marks, and no request leaves the machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import type { WxtBrowser } from 'wxt/browser';
import { EDITOR_PAGES, externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { bundleForPage } from './page-modules';
import { boxOverPhrase, cardButtonLabels, cardSuggestion, cardText, centre, clickCardButton, emphasisMarks, emphasisOn, highlightMarks, markBoxes, markContaining, phraseRects, textUnderBoxes, type Rect } from './page-probes';

declare const chrome: WxtBrowser;
declare const PlanLensFix: typeof import('../../src/page/apply-fix');
declare const tinymce: { activeEditor: { getContent(o: { format: 'text' }): string } };
declare const quill: { getText(): string };
declare const editor: { getData(): string };

const WEBMAIL_HOSTS = ['mail.google.com', 'outlook.office.com'];
/** A font every install has (pdf.js ships it), served as a portal's web font: no skip for a machine without it. */
const FONT_DIR = `${REPO_ROOT}/node_modules/pdfjs-dist/standard_fonts`;
const FONT = 'LiberationSans-Bold.ttf';

let server: StaticServer;
let webmail: StaticServer;
let browser: ExtensionBrowser;
let applyFixBundle: string;

beforeAll(async () => {
  server = await startServer({ ...EDITOR_PAGES, '/fonts/': FONT_DIR });
  webmail = await startServer({ '/': `${REPO_ROOT}/tests/fixtures/webmail` }, { tlsHosts: WEBMAIL_HOSTS });
  browser = await launchWithExtension({ mapHosts: { hosts: WEBMAIL_HOSTS, port: webmail.port } });
  applyFixBundle = await bundleForPage('src/page/apply-fix.ts', 'PlanLensFix');
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await webmail?.close();
});

async function open(pathname: string, origin = server.origin): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(origin + pathname);
  return page;
}

/** Waits for the underline of a sentence whose words include `phrase`; returns it. */
async function hasHighlight(target: Page | Frame, phrase: string) {
  await expect.poll(async () => (await markContaining(target, phrase)) !== undefined).toBe(true);
  return (await markContaining(target, phrase))!;
}

const highlighted = async (target: Page | Frame) => (await highlightMarks(target)).map((m) => m.text).sort();

describe('Replace goes through the editor and undo brings the old text back', () => {
  const REPLACEMENT = 'Sam will use a laptop in [which lessons] for [how long], set up by [who].';

  const LAPTOP = 'Sam will have access to a laptop in lessons.';

  async function replaceThenUndo(target: Page | Frame, page: Page, run: () => Promise<string>, read: () => Promise<string>, old = LAPTOP) {
    await target.addScriptTag({ content: applyFixBundle });
    const before = await read();
    expect(await run()).toBe('replaced');
    const after = await read();
    expect(after).toBe(before.replace(old, REPLACEMENT));
    await page.keyboard.press('Control+z');
    await expect.poll(read).toBe(before);
  }

  it('in a textarea (execCommand insertText keeps the native undo stack)', async () => {
    const page = await open('/fixtures/plan-textarea.html');
    await page.$eval('#targets', (t: HTMLTextAreaElement) => (t.value = 'Section F: Sam will have access to a laptop in lessons. Reviewed termly.'));
    await replaceThenUndo(
      page,
      page,
      () =>
        page.evaluate((r) => {
          const field = document.querySelector<HTMLTextAreaElement>('#targets')!;
          const old = 'Sam will have access to a laptop in lessons.';
          const start = field.value.indexOf(old);
          return PlanLensFix.applyFix({ kind: 'field', field, start, end: start + old.length }, old, r);
        }, REPLACEMENT),
      () => page.$eval('#targets', (t: HTMLTextAreaElement) => t.value),
    );
    await page.close();
  });

  /** Runs in the page: replaces the laptop sentence inside the editable root `selector`. */
  const replaceInEditable = ([selector, old, r]: readonly [string, string, string]) => {
    const root = document.querySelector<HTMLElement>(selector)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
      const i = n.data.indexOf(old);
      if (i < 0) continue;
      const range = document.createRange();
      range.setStart(n, i);
      range.setEnd(n, i + old.length);
      return PlanLensFix.applyFix({ kind: 'range', root, range }, old, r);
    }
    return 'not found';
  };

  it('in a plain contenteditable (native undo)', async () => {
    const page = await open('/fixtures/plan-contenteditable.html');
    const old = 'Sam will have access to a small group for phonics.';
    await replaceThenUndo(page, page, () => page.evaluate(replaceInEditable, ['#editor', old, REPLACEMENT] as const), () => page.$eval('#editor', (e) => e.textContent.replace(/\u00a0/g, ' ')), old);
    await page.close();
  });

  it('in TinyMCE (classic editor in its iframe): the editor model has the new text', async () => {
    const page = await open('/fixtures/editors/tinymce.html');
    await page.waitForSelector('body[data-editor-ready="true"]');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    await replaceThenUndo(frame, page, () => frame.evaluate(replaceInEditable, ['#tinymce', LAPTOP, REPLACEMENT] as const), () => page.evaluate(() => tinymce.activeEditor.getContent({ format: 'text' }).replace(/\s+/g, ' ').trim()));
    await page.close();
  });

  it('in Quill: the editor model has the new text', async () => {
    const page = await open('/fixtures/editors/quill.html');
    await page.waitForSelector('body[data-editor-ready="true"]');
    await replaceThenUndo(page, page, () => page.evaluate(replaceInEditable, ['.ql-editor', LAPTOP, REPLACEMENT] as const), () => page.evaluate(() => quill.getText().replace(/\s+/g, ' ').trim()));
    await page.close();
  });

  it('in CKEditor 5 (which rejects DOM edits): the editor takes the beforeinput intent into its model', async () => {
    const page = await open('/fixtures/editors/ckeditor5.html');
    await page.waitForSelector('body[data-editor-ready="true"]');
    const read = () => page.evaluate(() => editor.getData().replace(/<\/p><p>/g, ' ').replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' ').trim());
    await replaceThenUndo(page, page, () => page.evaluate(replaceInEditable, ['.ck-editor__editable', LAPTOP, REPLACEMENT] as const), read);
    await page.close();
  });

  it('refuses to write over text that changed since it was checked', async () => {
    const page = await open('/fixtures/plan-textarea.html');
    await page.addScriptTag({ content: applyFixBundle });
    const result = await page.evaluate(() => {
      const field = document.querySelector<HTMLTextAreaElement>('#targets')!;
      return PlanLensFix.applyFix({ kind: 'field', field, start: 0, end: 8 }, 'Words that are no longer there', 'x');
    });
    expect(result).toBe('changed-meanwhile');
    expect(await page.$eval('#targets', (t: HTMLTextAreaElement) => t.value === t.defaultValue)).toBe(true);
    await page.close();
  });
});

describe('the card', () => {
  /** Hovers the most specific mark over `phrase` until its card shows; returns the mark. */
  async function hoverMark(page: Page, phrase: string) {
    const mark = await hasHighlight(page, phrase);
    const { x, y } = centre(mark.rects[0]!);
    await page.mouse.move(x, y);
    await expect.poll(() => cardText(page)).toContain(mark.text.replace(/\s+/g, ' ').trim());
    return mark;
  }

  it('Replace from the card rewrites the sentence in a contenteditable; Ctrl+Z restores it', async () => {
    const page = await open('/fixtures/plan-contenteditable.html');
    const before = await page.$eval('#editor', (e) => e.textContent);
    // One finding for the sentence: hover its first word, away from the emphasised hedge words.
    const sentence = await hasHighlight(page, 'access to');
    expect(sentence.text).toBe('Sam will have access to a small group for phonics.');
    await page.mouse.move(sentence.rects[0]!.left + 3, centre(sentence.rects[0]!).y);
    await clickCardButton(page, 'Replace');
    await expect.poll(() => page.$eval('#editor', (e) => e.textContent)).not.toBe(before);
    expect(await page.$eval('#editor', (e) => e.textContent)).not.toContain('Sam will have access to a small group for phonics.');
    // The other paragraphs are exactly as they were: nothing duplicated, nothing lost.
    expect(await page.$eval('#editor', (e) => [...e.children].slice(1).map((p) => p.textContent))).toEqual([
      'A teaching assistant will support him as required during literacy lessons.',
      'Speech and language therapy targets will be reviewed termly by the SENCO.',
    ]);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.$eval('#editor', (e) => e.textContent)).toBe(before);
    await page.close();
  });

  it('Copy suggestion puts the card’s suggestion, slots and all, on the clipboard', async () => {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    const page = await open('/fixtures/plan-contenteditable.html');
    const sentence = await hasHighlight(page, 'access to');
    await page.mouse.move(sentence.rects[0]!.left + 3, centre(sentence.rects[0]!).y);
    const suggestion = await cardSuggestion(page);
    // The site's settings are offered the hedges by their lexicon phrase, and the sentence (it could name the child)
    // only as a hash of its words (tests/e2e/settings.e2e.ts).
    const keep = (await cardButtonLabels(page)).filter((label) => label.includes('on this site'));
    expect(keep.at(-1)).toBe('Ignore this sentence on this site');
    const hedges = (await emphasisMarks(page)).filter((m) => sentence.text.includes(m.text)).map((m) => m.text.toLowerCase());
    expect(keep.length).toBe(hedges.length + 1);
    for (const label of keep.slice(0, -1)) {
      const phrase = /^Ignore “(.+)” on this site$/.exec(label)?.[1] ?? label;
      expect(hedges.some((h) => h.includes(phrase))).toBe(true);
    }
    await clickCardButton(page, 'Copy suggestion');
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(suggestion);
    expect(suggestion).toMatch(/\[[^\]]+\]/);
    await page.close();
  });

  it('"Ignore here" hides one sentence\'s finding; "Ignore … on this site" drops the phrase\'s emphasis after a reload too', async () => {
    const page = await open('/fixtures/plan-static.html');
    const here = await hoverMark(page, 'where possible');
    const count = (await highlighted(page)).length;
    await clickCardButton(page, 'Ignore here');
    await expect.poll(async () => (await highlighted(page)).length).toBe(count - 1);
    expect(await highlighted(page)).not.toContain(here.text);

    // The sentence has other problems (two hedges, no frequency): it keeps its underline, without "regular" emphasised.
    const site = await hoverMark(page, 'regular');
    const emphasised = async () => (await emphasisMarks(page)).map((m) => m.text);
    expect(await emphasised()).toContain('regular');
    await clickCardButton(page, 'Ignore “regular” on this site');
    await expect.poll(emphasised).not.toContain('regular');
    expect(await highlighted(page)).toContain(site.text);
    expect(await emphasised()).toContain('as required');

    await page.reload();
    // "Ignore here" lasted for the page; the phrase ignored on the site stays unemphasised.
    await expect.poll(() => highlighted(page)).toContain(here.text);
    await expect.poll(emphasised).toContain('as required');
    expect(await emphasised()).not.toContain('regular');
    const sw = await browser.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.remove('ignored:127.0.0.1'));
    await page.close();
  });
});

describe('editing', () => {
  it('typing before a finding keeps its mark on the sentence and its emphasis on the phrase (textarea and contenteditable)', async () => {
    const page = await open('/fixtures/plan-textarea.html');
    await expect.poll(() => boxOverPhrase(page, 'targets', 'access to')).not.toBeNull();
    await page.focus('#targets');
    await page.$eval('#targets', (t: HTMLTextAreaElement) => t.setSelectionRange(0, 0));
    await page.keyboard.type('Updated after the meeting on 3 March. ');
    await expect.poll(() => boxOverPhrase(page, 'targets', 'access to')).not.toBeNull();

    await page.goto(`${server.origin}/fixtures/plan-contenteditable.html`);
    await hasHighlight(page, 'as required');
    await page.click('#editor p:first-child');
    await page.keyboard.press('Home');
    await page.keyboard.type('From September: ');
    await expect
      .poll(async () => {
        const mark = await emphasisOn(page, 'access to');
        const phrase = mark && (await phraseRects(page, '#editor', mark.text));
        return !!mark && !!phrase?.[0] && Math.abs(mark.rects[0]!.left - phrase[0].left) < 1 && Math.abs(mark.rects[0]!.top - phrase[0].top) < 1;
      })
      .toBe(true);
    await page.close();
  });

  it('marks stay on the words when a scrollable ancestor scrolls, the page scrolls and the field is resized', async () => {
    const page = await open('/fixtures/plan-scroll.html');
    await page.$eval('#panel', (p) => (p.scrollTop = 470));
    await expect.poll(async () => (await markBoxes(page)).length).toBeGreaterThan(0);
    const covered = (await textUnderBoxes(page, 'targets')).join('');
    expect(covered).not.toBe('');
    const same = async () => (await textUnderBoxes(page, 'targets')).join('');
    await page.evaluate(() => window.scrollTo(0, 60));
    await expect.poll(same).toBe(covered);
    // Narrower: the lines wrap differently, and the mirror has to follow.
    await page.$eval('#targets', (t: HTMLTextAreaElement) => (t.style.width = '18rem'));
    await expect.poll(same).toBe(covered);
    // Scroll the panel until the field is half hidden: boxes are clipped to what the panel shows.
    await page.$eval('#panel', (p) => (p.scrollTop = 600));
    await expect.poll(async () => {
      const panel = (await page.locator('#panel').boundingBox())!;
      const boxes = await markBoxes(page);
      return boxes.every((b) => b.top >= panel.y && b.top + b.height <= panel.y + panel.height);
    }).toBe(true);
    // A card follows its mark, and closes when the mark scrolls out of sight.
    await expect.poll(async () => (await markBoxes(page)).length).toBeGreaterThan(0);
    const box = (await markBoxes(page)).at(-1)!;
    await page.mouse.move(centre(box).x, centre(box).y);
    await expect.poll(() => cardText(page)).not.toBeNull();
    await page.$eval('#panel', (p) => (p.scrollTop = 1000));
    await expect.poll(() => cardText(page)).toBeNull();
    await page.close();
  });

  it('a web font that arrives late: the textarea marks move with the new glyphs', async () => {
    const release = server.hold(`/fonts/${FONT}`);
    const page = await browser.context.newPage();
    // The held font keeps the load event from firing; Plan Lens runs without waiting for it.
    await page.goto(`${server.origin}/fixtures/plan-font.html`, { waitUntil: 'domcontentloaded' });
    await expect.poll(async () => (await markBoxes(page)).length).toBeGreaterThan(0);
    const covered = (await textUnderBoxes(page, 'targets')).join('');
    const boxesBefore = JSON.stringify(await markBoxes(page));
    release();
    await page.waitForFunction(() => document.fonts.check("16px 'PortalSans'") && document.fonts.status === 'loaded');
    // The glyphs changed width, so the boxes had to move to stay on the same words.
    await expect.poll(async () => JSON.stringify(await markBoxes(page))).not.toBe(boxesBefore);
    await expect.poll(async () => (await textUnderBoxes(page, 'targets')).join('')).toBe(covered);
    await page.close();
  });

  it('a form submits exactly what was typed: marks add nothing to the field', async () => {
    const page = await open('/fixtures/plan-textarea.html');
    await expect.poll(() => boxOverPhrase(page, 'targets', 'access to')).not.toBeNull();
    await page.focus('#targets');
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\nSam will have access to a laptop where possible.');
    const typed = await page.$eval('#targets', (t: HTMLTextAreaElement) => t.value);
    await Promise.all([page.waitForURL(/\/submit\?/), page.click('button[type="submit"]')]);
    const submitted = server.log.filter((r) => r.url.startsWith('/submit?')).at(-1)!;
    expect(new URLSearchParams(submitted.url.split('?')[1]).getAll('targets')).toEqual([typed.replace(/\r?\n/g, '\r\n')]);
    await page.close();
  });

  it('opt-outs are honoured: data-gramm="false", data-enable-grammarly="false", readonly, password, hidden and inert fields; spellcheck="false" is not one', async () => {
    const page = await open('/fixtures/opt-outs.html');
    await expect.poll(() => boxOverPhrase(page, 'checked', 'where possible', 'emphasis')).not.toBeNull();
    // Every box is in the field that did not opt out; no highlight touches the opted-out editor.
    const inside = (r: Rect, o: Rect) => r.left >= o.left && r.top >= o.top && r.left + r.width <= o.left + o.width + 0.5 && r.top + r.height <= o.top + o.height + 0.5;
    const checked = (await page.locator('#checked').boundingBox())!;
    const field = { left: checked.x, top: checked.y, width: checked.width, height: checked.height };
    for (const box of await markBoxes(page)) expect(inside(box, field)).toBe(true);
    const off = (await page.locator('#editor-off').boundingBox())!;
    const offRect = { left: off.x, top: off.y, width: off.width, height: off.height };
    for (const m of await highlightMarks(page)) for (const r of m.rects) expect(inside(r, offRect)).toBe(false);
    await page.close();
  });

  it('"Turn off on this site" removes the marks; "automatic" brings them back', async () => {
    const page = await open('/fixtures/plan-static.html');
    await hasHighlight(page, 'access to');
    const sw = await browser.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.set({ 'site-mode:127.0.0.1': 'off' }));
    await expect.poll(() => highlightMarks(page)).toEqual([]);
    await sw.evaluate(() => chrome.storage.local.remove('site-mode:127.0.0.1'));
    await hasHighlight(page, 'access to');
    await page.close();
  });
});

describe('real editors and webmail', () => {
  it('TinyMCE: marks inside the editor iframe (its text is part of the plan the page shows), on the phrase', async () => {
    const page = await open('/fixtures/editors/tinymce.html');
    await page.waitForSelector('body[data-editor-ready="true"]');
    const frame = page.frames().find((f) => f !== page.mainFrame())!;
    const mark = await hasHighlight(frame, 'access to');
    expect(mark.rects).toEqual(await phraseRects(frame, '#tinymce', mark.text));
    await expect.poll(async () => (await emphasisOn(frame, 'access to'))?.rects).toEqual(await phraseRects(frame, '#tinymce', (await emphasisOn(frame, 'access to'))!.text));
    // Read under the page's "Section F" heading, the frame's sentences are provision, with a mark of their own.
    const provision = async () => (await highlightMarks(frame)).filter((m) => m.name === 'plan-lens-provision').map((m) => m.text);
    await expect.poll(provision).toContain('A teaching assistant will support him as required at lunchtime.');
    await page.close();
  });

  it('CKEditor 5: marks on the phrase, editor data untouched', async () => {
    const page = await open('/fixtures/editors/ckeditor5.html');
    await page.waitForSelector('body[data-editor-ready="true"]');
    const mark = await hasHighlight(page, 'access to');
    expect(mark.rects).toEqual(await phraseRects(page, '.ck-editor__editable', mark.text));
    expect(await page.evaluate(() => editor.getData())).toBe('<p>Section F: Sam will have access to a laptop in lessons.</p><p>A teaching assistant will support him as required at lunchtime.</p>');
    await page.close();
  });

  it('a same-origin frame (a portal shell around the plan form): marks inside the frame, on the words', async () => {
    const page = await open('/fixtures/plan-in-iframe.html');
    const frame = (await (await page.$('#form-frame'))!.contentFrame())!;
    await expect.poll(() => boxOverPhrase(frame, 'targets', 'access to')).not.toBeNull();
    // Nothing was drawn in the shell page itself.
    expect(await markBoxes(page)).toEqual([]);
    // The next-finding shortcut pressed in the shell moves into the frame that has the findings
    // (once Plan Lens runs in the shell too: it has read the shell's text).
    await page.waitForFunction(() => performance.getEntriesByName('plan-lens:read', 'mark').length > 0, undefined, { polling: 100 });
    await page.locator('h1').click();
    await page.keyboard.press('Alt+Shift+J');
    await expect
      .poll(() => frame.evaluate(() => {
        const t = document.activeElement;
        return t instanceof HTMLTextAreaElement && t.selectionEnd > t.selectionStart;
      }))
      .toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => cardText(frame)).not.toBeNull();
    await page.close();
  });

  it('Quill: marks on the phrase, editor content untouched', async () => {
    const page = await open('/fixtures/editors/quill.html');
    await page.waitForSelector('body[data-editor-ready="true"]');
    const mark = await hasHighlight(page, 'as required');
    expect(mark.rects).toEqual(await phraseRects(page, '.ql-editor', mark.text));
    expect(await page.evaluate(() => quill.getText())).toContain('A teaching assistant will support him as required at lunchtime.');
    await page.close();
  });

  for (const [host, file, phrase, rows] of [
    ['mail.google.com', 'gmail.html', 'access to', '#inbox-rows'],
    ['outlook.office.com', 'outlook.html', 'would benefit from', '#message-rows'],
  ] as const) {
    it(`a plan read in ${host} gets marks in the message body, none in the mail client's own lists`, async () => {
      const page = await open(`/${file}`, `https://${host}`);
      const mark = await hasHighlight(page, phrase);
      expect(mark.rects).toEqual(await phraseRects(page, '#msg-body', mark.text));
      const list = (await page.locator(rows).boundingBox())!;
      const inList = (r: Rect) => r.left < list.x + list.width && r.left + r.width > list.x && r.top < list.y + list.height && r.top + r.height > list.y;
      for (const m of await highlightMarks(page)) for (const r of m.rects) expect(inList(r)).toBe(false);
      await page.close();
    });
  }

  it('no request left the machine', () => {
    expect(externalRequests(browser.requests, WEBMAIL_HOSTS)).toEqual([]);
    expect(server.log.every((r) => r.host === `127.0.0.1:${server.port}`)).toBe(true);
    expect(webmail.log.length).toBeGreaterThan(0);
    for (const r of webmail.log) expect(WEBMAIL_HOSTS).toContain(r.host);
  });
});
