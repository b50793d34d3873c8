// The toolbar button's context menu: "Always check this site", "Turn off on this site", "Back to
// automatic" (automatic = annotate only what reads as a plan). Clicking the menu grants activeTab,
// so the tab's URL is readable here without the "tabs" permission.
import type { WxtBrowser } from 'wxt/browser';
import { setSiteMode, type SiteMode } from './site-settings';

const ITEMS: { id: string; mode: SiteMode; title: string }[] = [
  { id: 'plan-lens-site-always', mode: 'always', title: 'Always check this site' },
  { id: 'plan-lens-site-off', mode: 'off', title: 'Turn Plan Lens off on this site' },
  { id: 'plan-lens-site-auto', mode: 'auto', title: 'Check this site automatically (plans only)' },
];

export function createSiteMenu(browser: WxtBrowser): void {
  for (const item of ITEMS) browser.contextMenus.create({ id: item.id, title: item.title, contexts: ['action'] });
}

/** Handles a menu click; returns false when the item is not one of the site items. */
export async function handleSiteMenuClick(browser: WxtBrowser, menuItemId: string | number, pageUrl: string | undefined): Promise<boolean> {
  const item = ITEMS.find((i) => i.id === menuItemId);
  if (!item) return false;
  const host = pageUrl ? new URL(pageUrl).hostname : '';
  if (host) await setSiteMode(browser.storage.local, host, item.mode);
  return true;
}
