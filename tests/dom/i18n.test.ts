// t(): the browser's message when it has one; when Chromium gives none, the bundled words of the browser's language.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { t, wordsOf } from '../../src/extension/i18n';
import messages from '../../public/_locales/en_GB/messages.json';
import american from '../../public/_locales/en_US/messages.json';

/** A browser of that language whose message bundle came up empty. */
const emptyBundle = (language: string) => ({ i18n: { getMessage: () => '', getUILanguage: () => language } }) as unknown as WxtBrowser;

describe('t', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the browser’s message for its language', () => {
    fakeBrowser.i18n.getMessage = vi.fn(() => 'Set by your organization');
    expect(t('optionsLocked')).toBe('Set by your organization');
  });

  it('gives the default locale’s words when the browser’s bundle is empty, substitutions filled', () => {
    fakeBrowser.i18n.getMessage = vi.fn(() => '');
    fakeBrowser.i18n.getUILanguage = vi.fn(() => 'en-GB');
    expect(t('optionsLocked')).toBe(messages.optionsLocked.message);
    expect(t('optionsLocked')).not.toBe('');
    const removing = Object.entries(messages).find(([, m]) => m.message.includes('$1'));
    expect(removing).toBeDefined();
    const [name, { message }] = removing!;
    expect(t(name as keyof typeof messages, 'learning buddy')).toBe(message.replace('$1', 'learning buddy'));
  });

  it('every message in the default locale has words', () => {
    fakeBrowser.i18n.getMessage = vi.fn(() => '');
    fakeBrowser.i18n.getUILanguage = vi.fn(() => 'en-GB');
    for (const name of Object.keys(messages) as (keyof typeof messages)[]) expect(t(name), name).not.toBe('');
  });

  it('an American browser with an empty bundle gets the American words, and the British where there are none', () => {
    const words = wordsOf(emptyBundle('en-US'));
    expect(words('optionsLocked')).toBe(american.optionsLocked.message);
    expect(words('optionsTitle')).toBe(messages.optionsTitle.message);
    // Any other language gets the default locale, as Chromium gives it.
    for (const language of ['en-GB', 'en', 'fr']) expect(wordsOf(emptyBundle(language))('optionsLocked'), language).toBe(messages.optionsLocked.message);
  });
});
