// The toolbar button's context menu: "Always check this site", "Turn off on this site", "Check this
// site automatically" (automatic = annotate only what reads as a plan). Off a plan surface, the first
// and last ask the user to grant the site (site-access.ts); "off" gives the grant back. Each takes effect
// on the open page at once. Clicking the menu grants activeTab, so the tab's URL is readable here without
// the "tabs" permission.
import type { WxtBrowser } from 'wxt/browser';
import { tellTab } from './check-page';
import { wordsOf, type MessageName } from './i18n';
import { allowSite, sitePattern, turnOffSite } from './site-access';
import type { SiteMode } from './site-settings';

const ITEMS: { id: string; mode: SiteMode; title: MessageName }[] = [
  { id: 'plan-lens-site-always', mode: 'always', title: 'menuSiteAlways' },
  { id: 'plan-lens-site-off', mode: 'off', title: 'menuSiteOff' },
  { id: 'plan-lens-site-auto', mode: 'auto', title: 'menuSiteAuto' },
];

async function turnOn(browser: WxtBrowser, granted: Promise<boolean>, origin: string, tabId: number | undefined): Promise<void> {
  // Starts now on this page, by the mode just chosen. A new grant reaches every open tab of the site too
  // (site-access.ts); this covers a site granted before, whose tab may have no copy running yet.
  if ((await granted) && tabId !== undefined) await tellTab(browser, tabId, { kind: 'site-access', origins: [origin], granted: true });
}

/**
 * Carries out a menu click; undefined when the item is not one of the site items or the page has no
 * site. Call it straight from the click: the grant request needs the user's gesture.
 */
export function chooseSiteMode(browser: WxtBrowser, menuItemId: string | number, pageUrl: string | undefined, tabId?: number): Promise<void> | undefined {
  const item = ITEMS.find((i) => i.id === menuItemId);
  const origin = pageUrl && sitePattern(pageUrl);
  if (!item || !pageUrl || !origin) return undefined;
  return item.mode === 'off' ? turnOffSite(browser, pageUrl) : turnOn(browser, allowSite(browser, pageUrl, item.mode), origin, tabId);
}

export function registerSiteMenu(browser: WxtBrowser): void {
  browser.runtime.onInstalled.addListener(() => {
    for (const item of ITEMS) browser.contextMenus.create({ id: item.id, title: wordsOf(browser)(item.title), contexts: ['action'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    chooseSiteMode(browser, info.menuItemId, info.pageUrl ?? tab?.url, tab?.id)?.catch((error: unknown) => console.error('Plan Lens: could not change this site', error));
  });
}
