import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { changeIgnored, forgetLegacyIgnored, ignoredBySite, loadSiteSettings, setSiteMode, siteOf, watchSiteSettings } from '../../src/extension/site-settings';
import { listSites } from '../../src/extension/site-access';
import { chooseSiteMode } from '../../src/extension/site-menu';

const browser = fakeBrowser as unknown as WxtBrowser;

describe('per-site settings', () => {
  beforeEach(() => fakeBrowser.reset());

  const nothing = { phrases: new Set(), sentences: new Set() };
  const HASH = 'a'.repeat(64);

  it('defaults to automatic with nothing ignored, and remembers choices per site', async () => {
    expect(await loadSiteSettings(browser, 'portal.example')).toEqual({ mode: 'auto', locked: false, ignored: nothing });
    await setSiteMode(browser.storage.local, 'portal.example', 'off');
    await changeIgnored(browser.storage.local, 'portal.example', { phrases: ['as required'] });
    await changeIgnored(browser.storage.local, 'portal.example', { phrases: ['as required'], sentences: [HASH] });
    expect(await loadSiteSettings(browser, 'portal.example')).toEqual({ mode: 'off', locked: false, ignored: { phrases: new Set(['as required']), sentences: new Set([HASH]) } });
    expect((await loadSiteSettings(browser, 'other.example')).mode).toBe('auto');
    await setSiteMode(browser.storage.local, 'portal.example', 'auto');
    expect((await loadSiteSettings(browser, 'portal.example')).mode).toBe('auto');
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
    expect((await loadSiteSettings(browser, 'portal.example')).mode).toBe('auto'); // refused: nothing changes

    answer = true;
    await chooseSiteMode(browser, 'plan-lens-site-always', 'https://portal.example/plans/7');
    expect((await loadSiteSettings(browser, 'portal.example')).mode).toBe('always');
    expect(granted).toContain('https://portal.example/*');

    await chooseSiteMode(browser, 'plan-lens-site-off', 'https://portal.example/plans/7');
    expect((await loadSiteSettings(browser, 'portal.example')).mode).toBe('off');
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
      { host: 'mail.google.com', url: 'https://mail.google.com/', access: 'plan-surface', mode: 'off', locked: false },
      { host: 'outlook.live.com', url: 'https://outlook.live.com/', access: 'plan-surface', mode: 'auto', locked: false },
      { host: 'outlook.office.com', url: 'https://outlook.office.com/', access: 'plan-surface', mode: 'auto', locked: false },
      { host: 'outlook.office365.com', url: 'https://outlook.office365.com/', access: 'plan-surface', mode: 'auto', locked: false },
      { host: 'portal.example', url: 'http://portal.example/', access: 'granted', mode: 'always', locked: false },
      { host: 'revoked.example', url: 'https://revoked.example/', access: 'none', mode: 'always', locked: false },
    ]);
  });

  it('keeps only phrases and sentence hashes, undoes each, and forgets lists kept the old way (the page’s words)', async () => {
    await changeIgnored(browser.storage.local, 'portal.example', { phrases: ['as required'], sentences: [HASH, 'Sam Smith will have access to a laptop.'] });
    await changeIgnored(browser.storage.local, 'other.example', { phrases: ['where possible'] });
    await browser.storage.local.set({ 'ignored-phrases:portal.example': ['sam smith'] });
    expect(await ignoredBySite(browser.storage.local)).toEqual(
      new Map([
        ['portal.example', { phrases: new Set(['as required']), sentences: new Set([HASH]) }],
        ['other.example', { phrases: new Set(['where possible']), sentences: new Set() }],
      ]),
    );
    await changeIgnored(browser.storage.local, 'portal.example', { sentences: [HASH] }, true);
    await changeIgnored(browser.storage.local, 'other.example', { phrases: ['where possible'] }, true);
    await forgetLegacyIgnored(browser.storage.local);
    expect(await browser.storage.local.get(null)).toEqual({ 'ignored:portal.example': { phrases: ['as required'], sentences: [] } });
  });

  it('two changes made at once both stay: a phrase and then its sentence, ignored within a moment', async () => {
    await Promise.all([
      changeIgnored(browser.storage.local, 'portal.example', { phrases: ['as required'] }),
      changeIgnored(browser.storage.local, 'portal.example', { sentences: [HASH] }),
    ]);
    expect(await browser.storage.local.get(null)).toEqual({ 'ignored:portal.example': { phrases: ['as required'], sentences: [HASH] } });
  });

  it('a site the organisation lists runs by its policy, locked', async () => {
    await fakeBrowser.storage.managed.set({ sites: [{ host: 'portal.example', mode: 'always' }] });
    await setSiteMode(browser.storage.local, 'portal.example', 'off');
    expect(await loadSiteSettings(browser, 'portal.example')).toMatchObject({ mode: 'always', locked: true });
    expect(await loadSiteSettings(browser, 'other.example')).toMatchObject({ mode: 'auto', locked: false });
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
