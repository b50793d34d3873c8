import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { addIgnoredPhrase, loadSiteSettings, setSiteMode, siteOf, watchSiteSettings } from '../../src/extension/site-settings';
import { listSites } from '../../src/extension/site-access';
import { chooseSiteMode } from '../../src/extension/site-menu';

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

  it('the toolbar menu sets the mode of the page’s site once the user grants it; other menu items are not its business', async () => {
    let answer = false;
    let granted = ['https://docs.google.com/*'];
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Plan Lens', version: '0', host_permissions: ['https://docs.google.com/*'] });
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async ({ origins = [] }) => (answer && (granted = [...granted, ...origins]), answer));
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: granted, permissions: [] }));
    const remove = vi.spyOn(fakeBrowser.permissions, 'remove').mockImplementation(async ({ origins = [] }) => ((granted = granted.filter((o) => !origins.includes(o))), true));

    await chooseSiteMode(browser, 'plan-lens-site-auto', 'https://portal.example:8443/plans/7');
    expect(request).toHaveBeenLastCalledWith({ origins: ['https://portal.example/*'] });
    await chooseSiteMode(browser, 'plan-lens-site-always', 'https://portal.example/plans/7');
    expect((await loadSiteSettings(browser.storage.local, 'portal.example')).mode).toBe('auto'); // refused: nothing changes

    answer = true;
    await chooseSiteMode(browser, 'plan-lens-site-always', 'https://portal.example/plans/7');
    expect((await loadSiteSettings(browser.storage.local, 'portal.example')).mode).toBe('always');
    expect(granted).toContain('https://portal.example/*');

    await chooseSiteMode(browser, 'plan-lens-site-off', 'https://portal.example/plans/7');
    expect((await loadSiteSettings(browser.storage.local, 'portal.example')).mode).toBe('off');
    expect(granted).toEqual(['https://docs.google.com/*']);
    // The manifest's own access is not the user's grant to give back.
    await chooseSiteMode(browser, 'plan-lens-site-off', 'https://docs.google.com/document/d/1');
    expect(remove).toHaveBeenCalledTimes(1);

    expect(chooseSiteMode(browser, 'something-else', 'https://portal.example/')).toBeUndefined();
    expect(chooseSiteMode(browser, 'plan-lens-site-always', 'chrome://extensions/')).toBeUndefined();
  });

  it('lists webmail first, then the sites the user granted or chose a mode for; a wildcard grant names no site', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Plan Lens', version: '0', host_permissions: ['https://docs.google.com/*'] });
    const origins = ['https://docs.google.com/*', 'http://portal.example/*', 'https://*.example.net/*'];
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins, permissions: [] }));
    await setSiteMode(browser.storage.local, 'mail.google.com', 'off');
    await setSiteMode(browser.storage.local, 'portal.example', 'always');
    await setSiteMode(browser.storage.local, 'revoked.example', 'always');
    expect(await listSites(browser)).toEqual([
      { host: 'mail.google.com', url: 'https://mail.google.com/', access: 'plan-surface', mode: 'off' },
      { host: 'outlook.live.com', url: 'https://outlook.live.com/', access: 'plan-surface', mode: 'auto' },
      { host: 'outlook.office.com', url: 'https://outlook.office.com/', access: 'plan-surface', mode: 'auto' },
      { host: 'outlook.office365.com', url: 'https://outlook.office365.com/', access: 'plan-surface', mode: 'auto' },
      { host: 'portal.example', url: 'http://portal.example/', access: 'granted', mode: 'always' },
      { host: 'revoked.example', url: 'https://revoked.example/', access: 'none', mode: 'always' },
    ]);
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
    expect(siteOf({ hostname: 'portal.example', href: 'https://portal.example/plans/7' } as Location)).toBe('portal.example');
    expect(siteOf({ hostname: '', ancestorOrigins: ['https://portal.example'] as unknown as DOMStringList } as unknown as Location)).toBe('portal.example');
  });
});
