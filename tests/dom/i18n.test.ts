// t(): the browser's message when it has one; the bundled default-locale words when Chromium gives none.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { t } from '../../src/extension/i18n';
import messages from '../../public/_locales/en_GB/messages.json';

describe('t', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the browser’s message for its language', () => {
    fakeBrowser.i18n.getMessage = vi.fn(() => 'Set by your organization');
    expect(t('optionsLocked')).toBe('Set by your organization');
  });

  it('gives the default locale’s words when the browser’s bundle is empty, substitutions filled', () => {
    fakeBrowser.i18n.getMessage = vi.fn(() => '');
    expect(t('optionsLocked')).toBe(messages.optionsLocked.message);
    expect(t('optionsLocked')).not.toBe('');
    const removing = Object.entries(messages).find(([, m]) => m.message.includes('$1'));
    expect(removing).toBeDefined();
    const [name, { message }] = removing!;
    expect(t(name as keyof typeof messages, 'learning buddy')).toBe(message.replace('$1', 'learning buddy'));
  });

  it('every message in the default locale has words', () => {
    fakeBrowser.i18n.getMessage = vi.fn(() => '');
    for (const name of Object.keys(messages) as (keyof typeof messages)[]) expect(t(name), name).not.toBe('');
  });
});
