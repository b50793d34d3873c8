// The options page in real Chromium with the built extension: each setting changes what an open plan page shows
// (no reload), the review page and the side panel follow too, the settings file exports and imports (a bad file
// changes nothing), and "Ignore … on this site" keeps no word of the page in storage, with its list on the options
// page undoing it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import american from '../../public/_locales/en_US/messages.json';
import british from '../../public/_locales/en_GB/messages.json';
import { externalRequests, launchWithExtension, REPO_ROOT, startServer, type ExtensionBrowser, type StaticServer } from './harness';
import { cardText, centre, clickCardButton, emphasisMarks, highlightMarks, markContaining } from './page-probes';

declare const chrome: WxtBrowser;

let server: StaticServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startServer({ '/fixtures/': `${REPO_ROOT}/tests/fixtures` });
  browser = await launchWithExtension();
});

afterAll(async () => {
  if (browser) expect(externalRequests(browser.requests)).toEqual([]);
  await browser?.close();
  await server?.close();
});

const ACCESS = 'Sam will have access to a quiet space when he becomes anxious.';
const PHONICS = 'A teaching assistant will deliver a 20-minute phonics session three times a week in a group of 4 pupils.';
const REVIEW = 'The speech and language therapist will review progress each term, and more often as required.';

async function open(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(url);
  return page;
}

const openOptions = async () => {
  const options = await open(`chrome-extension://${browser.extensionId}/options.html`);
  await options.locator('#checking').waitFor();
  return options;
};

/** The words of every underlined sentence on the page, and of every hedge emphasised inside one, each as often as it is marked. */
const marked = async (page: Page) => (await highlightMarks(page)).map((m) => m.text.replace(/\s+/g, ' ').trim()).sort();
const emphasised = async (page: Page) => (await emphasisMarks(page)).map((m) => m.text.replace(/\s+/g, ' ').trim()).sort();
type StoredPlan = { text?: string; findings?: { start: number; end: number; severity: string }[] };
/** The fixture plan's tab report (what the side panel shows), under its key: none until its tab has reported. */
const planReport = async (): Promise<[string, StoredPlan] | undefined> => {
  const sw = await browser.serviceWorker();
  const plans = await sw.evaluate<Record<string, StoredPlan>>(() => chrome.storage.session.get(null));
  return Object.entries(plans).find(([key, p]) => key.startsWith('tab-plan:') && p.text?.includes(ACCESS));
};
/** The findings of the tab's report on a sentence. */
const reported = async (sentence: string) => {
  const plan = (await planReport())?.[1];
  return (plan?.findings ?? []).filter((f) => plan!.text!.slice(f.start, f.end) === sentence).map((f) => f.severity);
};
/** The fixture plan's tab (test pages have no host grant to find their tab by its address). */
const planTab = async () => Number((await planReport())![0].slice('tab-plan:'.length));
const count = (list: string[], text: string) => list.filter((t) => t === text).length;

/** Everything Plan Lens keeps in storage.local, as text. */
const stored = async () => JSON.stringify(await (await browser.serviceWorker()).evaluate(() => chrome.storage.local.get(null)));
const clearStored = async () => (await browser.serviceWorker()).evaluate(() => chrome.storage.local.clear());

/** Opens a plan page and waits for its first marks (the worker loads its reader on first use). */
async function openPlan(): Promise<Page> {
  const page = await open(`${server.origin}/fixtures/plan-settings.html`);
  await page.waitForFunction(() => [...CSS.highlights.keys()].some((name) => name.startsWith('plan-lens-')));
  return page;
}

async function hover(page: Page, phrase: string): Promise<void> {
  await expect.poll(() => markContaining(page, phrase)).toBeTruthy();
  const mark = (await markContaining(page, phrase))!;
  await page.mouse.move(centre(mark.rects[0]!).x, centre(mark.rects[0]!).y);
  await expect.poll(() => cardText(page)).toContain(mark.text.replace(/\s+/g, ' ').trim());
}

describe('each setting on the options page changes what an open plan page shows, at once', () => {
  it('jurisdiction, strictness, rule families, house phrases to flag and to allow', async () => {
    await clearStored();
    const page = await openPlan();
    // One underline on the review sentence, its hedge emphasised inside it; the phonics session's good-practice note
    // (info) is in the tab's report but never underlined alone.
    await expect.poll(async () => [count(await marked(page), REVIEW), count(await emphasised(page), 'as required')]).toEqual([1, 1]);
    expect(count(await marked(page), PHONICS)).toBe(0);
    await expect.poll(() => reported(PHONICS)).toEqual(['info']);
    const options = await openOptions();

    // Fixed to the US: a US service must also say where it is delivered (34 CFR 300.320(a)(7)): the same one
    // finding on the sentence names that too.
    const US_PLACE = 'does not say where it is delivered';
    const reviewCard = async () => {
      await hover(page, 'review progress');
      return (await cardText(page)) ?? '';
    };
    expect(await reviewCard()).not.toContain(US_PLACE);
    await options.selectOption('#jurisdiction', 'us');
    await expect.poll(reviewCard).toContain(US_PLACE);
    expect(count(await marked(page), REVIEW)).toBe(1);
    await options.selectOption('#jurisdiction', 'auto');
    await expect.poll(reviewCard).not.toContain(US_PLACE);

    // Statutory minimum: the good-practice note goes from the report.
    await options.check('input[name=strictness][value=statutory]');
    await expect.poll(() => reported(PHONICS)).toEqual([]);
    await options.check('input[name=strictness][value=good-practice]');
    await expect.poll(() => reported(PHONICS)).toEqual(['info']);

    // Hedges off: "access to" and "as required" are no longer emphasised; the provision itself is still underlined.
    await options.uncheck('input[name=family][value=HEDGE]');
    await expect.poll(async () => (await emphasised(page)).filter((t) => t === 'will have access to' || t === 'as required')).toEqual([]);
    expect(await marked(page)).toContain(ACCESS);
    await options.check('input[name=family][value=HEDGE]');
    await expect.poll(async () => (await emphasised(page)).includes('will have access to')).toBe(true);

    // A house phrase to flag, with the school's own message on its card.
    const flag = options.locator('form[data-form=flag]');
    await flag.locator('input[name=phrase]').fill('learning buddy');
    await flag.locator('input[name=message]').fill('is not how we write support here: name the adult');
    await flag.locator('button[type=submit]').click();
    await expect.poll(async () => (await emphasised(page)).includes('learning buddy')).toBe(true);
    await hover(page, 'learning buddy');
    expect(await cardText(page)).toContain('is not how we write support here: name the adult');

    // A house phrase to allow: the hedge inside it is not flagged.
    const allow = options.locator('form[data-form=allow]');
    await allow.locator('input[name=phrase]').fill('more often as required');
    await allow.locator('button[type=submit]').click();
    await expect.poll(async () => (await emphasised(page)).includes('as required')).toBe(false);

    // Removing the house phrase takes its emphasis away again.
    await options.getByRole('button', { name: 'Remove “learning buddy”' }).click();
    await expect.poll(async () => (await emphasised(page)).includes('learning buddy')).toBe(false);
    await Promise.all([page.close(), options.close()]);
  });

  it('the review page follows the settings too', async () => {
    await clearStored();
    const review = await open(`chrome-extension://${browser.extensionId}/review.html`);
    await review.fill('#paste-text', `Section F: Special educational provision\n${ACCESS}`);
    await review.click('text=Check pasted text');
    await review.locator('.findings .finding').first().waitFor();
    const rules = () => review.$$eval('.findings .finding', (items) => items.map((i) => i.getAttribute('data-rule')));
    const hedges = () => review.locator('.plan .hedge').allTextContents();
    expect(await hedges()).toEqual(['will have access to']);
    const options = await openOptions();
    await options.uncheck('input[name=family][value=HEDGE]');
    await expect.poll(hedges).toEqual([]);
    expect(await rules()).toContain('PROV-SPECIFY');
    await Promise.all([review.close(), options.close()]);
  });

  it('the side panel follows the settings too', async () => {
    await clearStored();
    const page = await openPlan();
    await expect.poll(() => reported(PHONICS)).toEqual(['info']);
    const panel = await open(`chrome-extension://${browser.extensionId}/sidepanel.html?tab=${await planTab()}`);
    await panel.locator('[data-testid=to-fix]').waitFor();
    // What the panel lists: each sentence's words and its severity.
    const listed = () => panel.$$eval('.findings .finding', (items) => items.map((i) => `${(i.getAttribute('class') ?? '').match(/sev-(\w+)/)?.[1]}: ${i.querySelector('q')?.textContent ?? ''}`));
    const jurisdiction = () => panel.textContent('[data-testid=jurisdiction]');
    expect(await jurisdiction()).toBe('England');
    expect(await listed()).toContain(`info: ${PHONICS}`);
    // The school's own message, once its house phrase is set, in the list under the sentence it is in.
    const HOUSE = 'is not how we write support here: name the adult';
    const buddy = () => panel.locator('.findings .finding', { hasText: 'learning buddy' }).allTextContents();
    expect((await buddy()).join()).not.toContain(HOUSE);
    const options = await openOptions();

    await options.selectOption('#jurisdiction', 'us');
    await expect.poll(jurisdiction).toBe('United States');
    await options.selectOption('#jurisdiction', 'auto');
    await expect.poll(jurisdiction).toBe('England');

    // Statutory minimum: the good-practice note leaves the list, and its filter with it.
    await options.check('input[name=strictness][value=statutory]');
    await expect.poll(async () => (await listed()).filter((f) => f.startsWith('info:'))).toEqual([]);
    expect(await panel.locator('.filters [data-severity=info]').count()).toBe(0);
    await options.check('input[name=strictness][value=good-practice]');
    await expect.poll(listed).toContain(`info: ${PHONICS}`);

    // A house phrase to flag: its message joins its sentence's problems, and goes with it.
    const flag = options.locator('form[data-form=flag]');
    await flag.locator('input[name=phrase]').fill('learning buddy');
    await flag.locator('input[name=message]').fill(HOUSE);
    await flag.locator('button[type=submit]').click();
    await expect.poll(async () => (await buddy()).join()).toContain(HOUSE);
    expect(await buddy()).toHaveLength(1);
    await options.getByRole('button', { name: 'Remove “learning buddy”' }).click();
    await expect.poll(async () => (await buddy()).join()).not.toContain(HOUSE);
    await Promise.all([page.close(), panel.close(), options.close()]);
  });
});

describe('the options page speaks the browser’s English', () => {
  it('American in an en-US browser (Debian’s Chromium has only that locale), British in any other, launch after launch', async () => {
    const language = await (await browser.serviceWorker()).evaluate(() => chrome.i18n.getUILanguage());
    // Chromium's own choice of locale, which Plan Lens's bundled words follow when Chromium gives it none.
    const words = (name: keyof typeof american) => (/^en-US$/i.test(language) ? american : british)[name].message;
    const options = await openOptions();
    const label = async (value: string) => (await options.locator(`label:has(input[name=strictness][value=${value}])`).innerText()).trim();
    expect(await label('statutory')).toBe(words('strictnessStatutory'));
    expect(await label('good-practice')).toBe(words('strictnessGoodPractice'));
    expect(await options.locator('p.note').allInnerTexts()).toContain(words('optionsHousePhrasesNote'));
    await options.close();
  });
});

describe('the settings file', () => {
  it('exports everything set, and imports it back; a bad file changes nothing and says why', async () => {
    await clearStored();
    const options = await openOptions();
    await options.selectOption('#jurisdiction', 'wales');
    await options.uncheck('input[name=family][value=GOAL]');
    const flag = options.locator('form[data-form=flag]');
    await flag.locator('input[name=phrase]').fill('learning buddy');
    await flag.locator('button[type=submit]').click();
    await options.locator('ul[data-list=flag] li').waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export settings' }).click()]);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-settings-'));
    try {
      const file = path.join(dir, 'plan-lens-settings.json');
      await download.saveAs(file);
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({
        format: 'plan-lens-settings',
        version: 1,
        settings: { jurisdiction: 'wales', disabledRules: ['GOAL'], customPhrases: [{ phrase: 'learning buddy' }] },
      });

      // Everything changed back by hand, then the file brings it back.
      await clearStored();
      await expect.poll(() => options.inputValue('#jurisdiction')).toBe('auto');
      await options.setInputFiles('input[name=import]', file);
      await expect.poll(() => options.locator('[role=status]').textContent()).toContain('Imported plan-lens-settings.json');
      await expect.poll(() => options.inputValue('#jurisdiction')).toBe('wales');
      expect(await options.isChecked('input[name=family][value=GOAL]')).toBe(false);
      expect(await options.locator('ul[data-list=flag] li').innerText()).toContain('learning buddy');

      // A file that is not ours, or has a mistake in it: nothing changes, and the page says what is wrong.
      const settingsBefore = await stored();
      const bad = path.join(dir, 'bad.json');
      fs.writeFileSync(bad, JSON.stringify({ format: 'plan-lens-settings', version: 1, settings: { jurisdiction: 'france', strictness: 'statutory' } }));
      await options.setInputFiles('input[name=import]', bad);
      await expect.poll(() => options.locator('[role=alert]').innerText()).toContain('bad.json was not imported, and nothing changed');
      expect(await options.locator('[role=alert]').innerText()).toContain('“jurisdiction” must be one of auto, england, wales, scotland, ni, us (it is "france").');
      fs.writeFileSync(bad, '{"half": ');
      await options.setInputFiles('input[name=import]', bad);
      await expect.poll(() => options.locator('[role=alert]').innerText()).toContain('This file is not JSON');
      expect(await stored()).toBe(settingsBefore);
      expect(await options.inputValue('#jurisdiction')).toBe('wales');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    await options.close();
  });
});

describe('"Ignore … on this site" keeps no word of the page, and the options page undoes it', () => {
  it('a hedge is kept as its lexicon phrase, a sentence as a hash; both listed, each undone', async () => {
    await clearStored();
    const page = await openPlan();
    await hover(page, 'as required');
    await clickCardButton(page, 'Ignore “as required” on this site');
    await expect.poll(async () => (await emphasised(page)).includes('as required')).toBe(false);
    // The sentence has other problems: it stays underlined.
    expect(await marked(page)).toContain(REVIEW);

    // The sentence about Sam: its card offers to ignore the sentence, kept as a hash.
    const sentence = (await highlightMarks(page)).find((m) => m.text.trim() === ACCESS)!;
    await page.mouse.move(sentence.rects[0]!.left + 3, centre(sentence.rects[0]!).y);
    await expect.poll(() => cardText(page)).toContain(ACCESS);
    await clickCardButton(page, 'Ignore this sentence on this site');
    await expect.poll(async () => [...(await marked(page)), ...(await emphasised(page))].filter((t) => t === ACCESS || t === 'will have access to')).toEqual([]);

    // Read back what storage holds: the lexicon phrase and a hash, no word of the page beyond the phrase.
    const kept = JSON.parse(await stored()) as Record<string, unknown>;
    expect(kept).toEqual({ 'ignored:127.0.0.1': { phrases: ['as required'], sentences: [expect.stringMatching(/^[0-9a-f]{64}$/)] } });
    const text = await stored();
    for (const words of ['Sam', 'quiet space', 'anxious', 'therapist', 'more often']) expect(text).not.toContain(words);

    // Still hidden after a reload; then undone from the options page, one at a time, and back on the open page.
    await page.reload();
    await expect.poll(async () => (await marked(page)).includes(REVIEW)).toBe(true);
    expect([...(await marked(page)), ...(await emphasised(page))].filter((t) => t === ACCESS || t === 'as required')).toEqual([]);
    const options = await openOptions();
    const site = options.locator('.ignored-site[data-host="127.0.0.1"]');
    expect(await site.locator('li').allInnerTexts()).toEqual([expect.stringContaining('“as required”'), expect.stringContaining('One sentence on a page of this site')]);
    await site.locator('li[data-phrase="as required"] button').click();
    await expect.poll(async () => (await emphasised(page)).includes('as required')).toBe(true);
    await site.locator('li[data-sentence] button').click();
    await expect.poll(async () => (await marked(page)).includes(ACCESS)).toBe(true);
    await expect.poll(() => options.locator('#ignored + p').innerText()).toContain('Nothing yet');
    expect(await stored()).toBe('{}');
    await Promise.all([page.close(), options.close()]);
  });
});
