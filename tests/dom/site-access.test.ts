// The worker's side of a grant or revocation while pages of the site are open: a grant starts Plan Lens in
// those tabs without a reload and never injects a second copy; a revocation tells every tab.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { checkPage, tellTab } from '../../src/extension/check-page';
import type { TabCommand } from '../../src/extension/messages';
import { coveredBy, registerSiteAccess } from '../../src/extension/site-access';
import { chooseSiteMode } from '../../src/extension/site-menu';

const browser = fakeBrowser as unknown as WxtBrowser;

/**
 * Tabs as the worker sees them: each either has a Plan Lens copy answering commands or not, until a
 * script injection puts one there. Records what every copy was told and every injection.
 */
function fakeTabs(tabs: { id: number; url: string; running: boolean; injectable?: boolean }[]) {
  const told: { tabId: number; command: TabCommand }[] = [];
  const injected: number[] = [];
  vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation(async ({ url }) => {
    const patterns = url === undefined ? null : [url].flat();
    return tabs.filter((t) => !patterns || coveredBy(patterns, t.url)).map((t) => ({ id: t.id, url: t.url }) as never);
  });
  vi.spyOn(browser.tabs, 'sendMessage').mockImplementation(async (tabId: number, command: unknown) => {
    // A real message goes through the browser: give a racing delivery its chance to start.
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!tabs.find((t) => t.id === tabId)?.running) throw new Error('Could not establish connection. Receiving end does not exist.');
    told.push({ tabId, command: command as TabCommand });
    return true;
  });
  vi.spyOn(fakeBrowser.scripting, 'executeScript').mockImplementation(async ({ target }) => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    const tab = tabs.find((t) => t.id === target.tabId)!;
    if (tab.injectable === false) throw new Error('Cannot access contents of the page.');
    expect(target.allFrames).toBe(true);
    injected.push(target.tabId);
    tab.running = true;
    return [];
  });
  return { told, injected };
}

describe('reaching the tabs already open', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('injects only into a tab where no copy answers, once even when a grant and a menu click race', async () => {
    const { told, injected } = fakeTabs([
      { id: 1, url: 'https://portal.example/plans/7', running: false },
      { id: 2, url: 'https://portal.example/plans/8', running: true },
    ]);
    const grant: TabCommand = { kind: 'site-access', origins: ['https://portal.example/*'], granted: true };
    await Promise.all([tellTab(browser, 1, grant), tellTab(browser, 1, grant), checkPage(browser, 1), tellTab(browser, 2, grant)]);
    expect(injected).toEqual([1]);
    expect(told.filter((t) => t.tabId === 1).map((t) => t.command.kind)).toEqual(['site-access', 'site-access', 'check-page']);
    expect(told.filter((t) => t.tabId === 2)).toEqual([{ tabId: 2, command: grant }]);
  });

  it('on a grant (Chrome’s own site-access menu included), starts Plan Lens in the open tabs of that site only', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Plan Lens', version: '0', host_permissions: ['https://docs.google.com/*'] });
    vi.spyOn(fakeBrowser.permissions, 'getAll').mockImplementation(async () => ({ origins: ['https://portal.example/*'], permissions: [] }));
    vi.spyOn(browser.scripting, 'getRegisteredContentScripts').mockImplementation(async () => []);
    const register = vi.spyOn(browser.scripting, 'registerContentScripts').mockImplementation(async () => undefined);
    let added: (p: { origins?: string[] }) => void = () => undefined;
    let removed: (p: { origins?: string[] }) => void = () => undefined;
    vi.spyOn(fakeBrowser.permissions.onAdded, 'addListener').mockImplementation((l) => void (added = l));
    vi.spyOn(fakeBrowser.permissions.onRemoved, 'addListener').mockImplementation((l) => void (removed = l));
    const { told, injected } = fakeTabs([
      { id: 1, url: 'https://portal.example/plans/7', running: false },
      { id: 2, url: 'https://other.example/', running: false },
      { id: 3, url: 'https://portal.example/error', running: false, injectable: false },
      { id: 4, url: 'https://portal.example/plans/8', running: false },
      { id: 5, url: 'https://docs.google.com/document/d/1', running: true },
    ]);
    registerSiteAccess(browser);

    // The Docs grant is the manifest's: no tab of it is the user's to start.
    added({ origins: ['https://portal.example/*', 'https://docs.google.com/*'] });
    await vi.waitFor(() => expect(told.map((t) => t.tabId).sort()).toEqual([1, 4]));
    expect(injected.sort()).toEqual([1, 4]);
    expect(told[0]!.command).toEqual({ kind: 'site-access', origins: ['https://portal.example/*'], granted: true });
    // The registration for later page loads was made before the open tabs were reached.
    expect(register.mock.invocationCallOrder[0]!).toBeLessThan(vi.mocked(fakeBrowser.scripting.executeScript).mock.invocationCallOrder[0]!);

    // Taken back: every tab with a copy is told (their addresses are no longer Plan Lens's to read), none injected.
    told.length = 0;
    removed({ origins: ['https://portal.example/*'] });
    await vi.waitFor(() => expect(told.map((t) => t.tabId).sort()).toEqual([1, 4, 5]));
    expect(told.every((t) => t.command.kind === 'site-access' && !t.command.granted)).toBe(true);
    expect(injected.sort()).toEqual([1, 4]);
  });

  it('the toolbar menu starts Plan Lens in its tab at once once the site is granted; refused, nothing runs', async () => {
    vi.spyOn(fakeBrowser.runtime, 'getManifest').mockReturnValue({ manifest_version: 3, name: 'Plan Lens', version: '0' });
    let answer = false;
    vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(async () => answer);
    const { told, injected } = fakeTabs([{ id: 9, url: 'https://portal.example/plans/7', running: false }]);
    await chooseSiteMode(browser, 'plan-lens-site-auto', 'https://portal.example/plans/7', 9);
    expect(injected).toEqual([]);
    answer = true;
    await chooseSiteMode(browser, 'plan-lens-site-auto', 'https://portal.example/plans/7', 9);
    expect(injected).toEqual([9]);
    expect(told).toEqual([{ tabId: 9, command: { kind: 'site-access', origins: ['https://portal.example/*'], granted: true } }]);
  });

  it('a grant or revocation concerns the pages of its sites, any port, but never a plan surface', () => {
    expect(coveredBy(['http://127.0.0.1/*'], 'http://127.0.0.1:8080/fixtures/plan.html')).toBe(true);
    expect(coveredBy(['https://portal.example/*'], 'https://other.example/')).toBe(false);
    expect(coveredBy(['https://*/*'], 'https://portal.example/')).toBe(true);
    expect(coveredBy(['https://*/*'], 'https://mail.google.com/mail/u/0/')).toBe(false);
    // An about:blank frame with no parent to belong to has no site.
    expect(coveredBy(['https://*/*'], '')).toBe(false);
  });
});
