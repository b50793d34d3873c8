import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { addIgnoredPhrase, loadSiteSettings, setSiteMode, siteOf, watchSiteSettings } from '../../src/extension/site-settings';
import { handleSiteMenuClick } from '../../src/extension/site-menu';

const browser = fakeBrowser as unknown as WxtBrowser;

describe('per-site settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('defaults to automatic with nothing ignored, and remembers choices per site', async () => {
    expect(await loadSiteSettings(browser.storage.local, 'portal.example')).toEqual({ mode: 'auto', ignoredPhrases: new Set() });
    await setSiteMode(browser.storage.local, 'portal.example', 'off');
    await addIgnoredPhrase(browser.storage.local, 'portal.example', 'as required');
    await addIgnoredPhrase(browser.storage.local, 'portal.example', 'as required');
    expect(await loadSiteSettings(browser.storage.local, 'portal.example')).toEqual({ mode: 'off', ignoredPhrases: new Set(['as required']) });
    expect((await loadSiteSettings(browser.storage.local, 'other.example')).mode).toBe('auto');
    await setSiteMode(browser.storage.local, 'portal.example', 'auto');
    expect((await loadSiteSettings(browser.storage.local, 'portal.example')).mode).toBe('auto');
  });

  it('the toolbar menu sets the mode of the page’s site; other menu items are not its business', async () => {
    expect(await handleSiteMenuClick(browser, 'plan-lens-site-always', 'https://portal.example/plans/7')).toBe(true);
    expect((await loadSiteSettings(browser.storage.local, 'portal.example')).mode).toBe('always');
    expect(await handleSiteMenuClick(browser, 'something-else', 'https://portal.example/')).toBe(false);
  });

  it('tells a page when its site’s settings change', async () => {
    const seen: string[] = [];
    const stop = new AbortController();
    watchSiteSettings(browser, 'portal.example', (s) => seen.push(s.mode), stop.signal);
    await setSiteMode(browser.storage.local, 'other.example', 'off');
    await setSiteMode(browser.storage.local, 'portal.example', 'off');
    await expect.poll(() => seen).toEqual(['off']);
    stop.abort();
  });

  it('an about:blank editor frame belongs to the site of the page around it', () => {
    expect(siteOf({ hostname: 'portal.example' } as Location)).toBe('portal.example');
    expect(siteOf({ hostname: '', ancestorOrigins: ['https://portal.example'] as unknown as DOMStringList } as unknown as Location)).toBe('portal.example');
  });
});
