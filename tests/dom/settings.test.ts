import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { createSettingsStore, effectiveSettings, hostOf, loadEffectiveSettings, loadUserSettings, readPolicy, readSettings, saveUserSettings } from '../../src/extension/settings';
import { exportSettings, importSettings, readSettingsFile } from '../../src/extension/settings-file';
import { changeIgnored, ignoredBySite, loadSiteSettings, setSiteMode } from '../../src/extension/site-settings';
import { sentenceHash } from '../../src/page/ignore';
import type { Problem } from '../../src/extension/settings';
import type { Words } from '../../src/analysis/words';
import { words } from './words';

const browser = fakeBrowser as unknown as WxtBrowser;
/** The problems as the options page says them in a British browser. */
const said = (problems: readonly Problem[], w: Words = words) => problems.map((say) => say(w));

describe('settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('reads what fits, names what does not, and guesses nothing', () => {
    expect(readSettings({ jurisdiction: 'us', strictness: 'statutory', disabledRules: ['GOAL', 'HEDGE-ACCESS', 'GOAL'], customPhrases: ['  as  and when ', { phrase: 'buddy', message: 'Say who.' }], allowedPhrases: ['as part of the review'] })).toEqual({
      settings: { jurisdiction: 'us', strictness: 'statutory', disabledRules: ['GOAL', 'HEDGE-ACCESS'], customPhrases: [{ phrase: 'as and when' }, { phrase: 'buddy', message: 'Say who.' }], allowedPhrases: ['as part of the review'] },
      problems: [],
    });
    const { settings, problems } = readSettings({ jurisdiction: 'france', customPhrases: ['', 'x'.repeat(201), 7, 'ok'], disabledRules: 'GOAL', colour: 'red' });
    expect(settings).toEqual({ customPhrases: [{ phrase: 'ok' }] });
    expect(said(problems)).toEqual([
      '“jurisdiction” must be one of auto, england, wales, scotland, ni, us (it is "france").',
      '“disabledRules” must be a list.',
      'customPhrases[1] is empty.',
      'customPhrases[2] is longer than 200 characters: a phrase, not a paragraph.',
      'customPhrases[3] must be a phrase or {"phrase", "message"}.',
      '“colour” is not a Plan Lens setting.',
    ]);
    expect(said(readSettings([]).problems)).toEqual(['The settings must be a JSON object.']);
  });

  it('a policy fixes the settings it names, locked, and lists the sites to check', () => {
    const { policy, problems } = readPolicy({ jurisdiction: 'wales', sites: [{ host: 'https://portal.example.org/plans' }, { host: 'x.example', mode: 'always' }, { host: '*', mode: 'off' }] });
    expect(said(problems)).toEqual(['sites[3] must be {"host": "portal.example.org", "mode": "auto" or "always"}.']);
    const effective = effectiveSettings({ jurisdiction: 'us', strictness: 'statutory' }, policy);
    expect(effective.settings).toMatchObject({ jurisdiction: 'wales', strictness: 'statutory', disabledRules: [] });
    expect([...effective.locked]).toEqual(['jurisdiction']);
    expect(effective.policySites).toEqual([
      { host: 'portal.example.org', mode: 'auto' },
      { host: 'x.example', mode: 'always' },
    ]);
    expect([hostOf('portal.example.org'), hostOf('http://a.example:8080/x'), hostOf('not a site'), hostOf('chrome://extensions')]).toEqual(['portal.example.org', 'a.example', null, null]);
  });

  it('the worker’s copy follows the user’s and the organisation’s changes', async () => {
    const store = createSettingsStore(browser);
    await store.ready;
    let heard = 0;
    store.onChange(() => heard++);
    await saveUserSettings(browser.storage.local, { strictness: 'statutory' });
    await expect.poll(() => store.current().settings.strictness).toBe('statutory');
    await fakeBrowser.storage.managed.set({ strictness: 'good-practice', customPhrases: ['buddy'] });
    await expect.poll(() => store.current().locked.has('strictness')).toBe(true);
    expect(store.current().settings).toMatchObject({ strictness: 'good-practice', customPhrases: [{ phrase: 'buddy' }] });
    expect(heard).toBe(2);
    expect((await loadEffectiveSettings(browser)).settings.strictness).toBe('good-practice');
  });
});

describe('what an ignore keeps', () => {
  it('a sentence by the hash of its words, the same however its line is wrapped', () => {
    const sentence = 'Sam Smith will have  access to a laptop.';
    expect(sentenceHash(sentence)).toMatch(/^[0-9a-f]{64}$/);
    expect(sentenceHash(sentence)).toBe(sentenceHash('Sam Smith will have\naccess to a laptop.'));
    expect(sentenceHash(sentence)).not.toBe(sentenceHash('Sam Smith will have access to a tablet.'));
  });
});

describe('the settings file', () => {
  beforeEach(() => fakeBrowser.reset());
  const HASH = 'b'.repeat(64);

  it('exports everything the user set and imports it into another browser, adding to what is ignored there', async () => {
    await saveUserSettings(browser.storage.local, { jurisdiction: 'scotland', customPhrases: [{ phrase: 'buddy', message: 'Say who.' }] });
    await setSiteMode(browser.storage.local, 'portal.example', 'always');
    await changeIgnored(browser.storage.local, 'portal.example', { phrases: ['as required'], sentences: [HASH] });
    const exported = JSON.stringify(await exportSettings(browser.storage.local));
    expect(JSON.parse(exported)).toEqual({
      format: 'plan-lens-settings',
      version: 1,
      settings: { jurisdiction: 'scotland', customPhrases: [{ phrase: 'buddy', message: 'Say who.' }] },
      sites: { 'portal.example': 'always' },
      ignored: { 'portal.example': { phrases: ['as required'], sentences: [HASH] } },
    });
    fakeBrowser.reset();
    await saveUserSettings(browser.storage.local, { strictness: 'statutory' });
    await changeIgnored(browser.storage.local, 'portal.example', { phrases: ['where possible'] });
    const read = readSettingsFile(exported);
    expect(read.problems).toEqual([]);
    await importSettings(browser.storage.local, read.file!);
    expect(await loadUserSettings(browser.storage.local)).toEqual({ jurisdiction: 'scotland', customPhrases: [{ phrase: 'buddy', message: 'Say who.' }] });
    expect((await loadSiteSettings(browser, 'portal.example')).mode).toBe('always');
    expect((await ignoredBySite(browser.storage.local)).get('portal.example')).toEqual({ phrases: new Set(['where possible', 'as required']), sentences: new Set([HASH]) });
  });

  it('a bad file changes nothing and says what is wrong', async () => {
    expect(said(readSettingsFile('{ nope').problems)).toEqual(['This file is not JSON: choose a file that Plan Lens exported.']);
    expect(said(readSettingsFile('{"jurisdiction": "us"}').problems)).toEqual(['This is not a Plan Lens settings file: choose a file that Plan Lens exported.']);
    expect(said(readSettingsFile('{"format": "plan-lens-settings", "version": 9}').problems)).toEqual(['This settings file is version 9; this Plan Lens reads version 1.']);
    const bad = { format: 'plan-lens-settings', version: 1, settings: { strictness: 'loose' }, sites: { 'a b': 'always', 'x.example': 'sometimes' }, ignored: { 'y.example': { phrases: ['as required'], sentences: ['Sam Smith'] } } };
    const read = readSettingsFile(JSON.stringify(bad));
    expect(read.file).toBeNull();
    expect(said(read.problems)).toEqual([
      '“strictness” must be one of statutory, good-practice (it is "loose").',
      '“a b” in “sites” is not a site.',
      'The mode of x.example must be "always" or "off".',
      'What was ignored on y.example must be {"phrases": [text], "sentences": [sentence hashes]}.',
    ]);
    // Said in the words the page gives: here a language that names each message and what fills it in.
    const naming: Words = (name, ...substitutions) => `${name}(${substitutions.join('; ')})`;
    expect(said(read.problems, naming)).toEqual(['settingsNotOneOf(strictness; statutory, good-practice; "loose")', 'settingsFileNotSite(a b; sites)', 'settingsFileMode(x.example)', 'settingsFileIgnored(y.example)']);
  });
});
