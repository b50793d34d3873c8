// "Always on this site": beyond its plan surfaces (the manifest's content scripts), Plan Lens runs on a
// site only while the user grants it that site: from the toolbar menu, the options page, or the browser's
// own site-access controls. The content script is registered for exactly the granted origins and re-matched
// whenever a grant changes, for the pages loaded from then on; the tabs already open on a site are reached
// at once: a grant starts Plan Lens in them, taking it back stops it there.
import type { Browser, WxtBrowser } from 'wxt/browser';
import { MatchPattern } from 'wxt/utils/match-patterns';
import { PLAN_SURFACES } from '../sites/site';
import { tellEveryTab, tellTab } from './check-page';
import type { TabCommand } from './messages';
import { loadPolicy } from './settings';
import { setSiteMode, storedSiteModes, type SiteMode } from './site-settings';

const SCRIPT_ID = 'plan-lens-granted-sites';
const CONTENT_SCRIPT = 'content-scripts/content.js';

/** The grant that covers a page: its scheme and host, any port and path; null where none can be granted. */
export function sitePattern(pageUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(pageUrl);
  } catch {
    return null;
  }
  return url.protocol === 'https:' || url.protocol === 'http:' ? `${url.protocol}//${url.hostname}/*` : null;
}

/** A host pattern's origin part: browsers grant hosts whole, and report https://docs.google.com/document/* as https://docs.google.com/*. */
const originPattern = (pattern: string) => pattern.replace(/^([^:]+:\/\/[^/]*)\/.*$/, '$1/*');

/** Of `origins`, those the user granted: not the ones the manifest itself declares. */
function usersOwn(browser: WxtBrowser, origins: string[]): string[] {
  // Both builds are MV3 (wxt build -b firefox --mv3): its manifest has host_permissions.
  const manifest = browser.runtime.getManifest() as Browser.runtime.ManifestV3;
  const declared = new Set([...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((s) => s.matches ?? [])].map(originPattern));
  return origins.filter((origin) => !declared.has(originPattern(origin)));
}

/** Origins the user granted: every active origin except those the manifest itself declares. */
export async function grantedOrigins(browser: WxtBrowser): Promise<string[]> {
  const { origins = [] } = await browser.permissions.getAll();
  return usersOwn(browser, origins);
}

/**
 * Whether a grant or revocation of `origins` concerns a page at `pageUrl`. Never a plan surface: Plan Lens
 * runs there by the manifest, whatever the user grants or takes back ("every site" included).
 */
export function coveredBy(origins: string[], pageUrl: string): boolean {
  const matches = (pattern: string) => {
    try {
      return new MatchPattern(pattern).includes(pageUrl);
    } catch {
      return false;
    }
  };
  return pageUrl !== '' && origins.some(matches) && !PLAN_SURFACES.some(matches);
}

/**
 * Starts Plan Lens now in every open tab of newly granted sites (injected where no copy runs yet; a copy
 * that does runs by the site's mode), as the registered script will on their next loads.
 */
export async function startInOpenTabs(browser: WxtBrowser, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  const command: TabCommand = { kind: 'site-access', origins, granted: true };
  const tabs = await browser.tabs.query({ url: origins });
  // A tab the browser will not let Plan Lens into (its error page, say) is no reason to skip the others.
  const ids = tabs.map((tab) => tab.id).filter((id) => id !== undefined);
  await Promise.all(ids.map((id) => tellTab(browser, id, command).catch(() => undefined)));
}

/**
 * Stops Plan Lens now on the pages of sites the user took back. Without the grant their tabs' addresses
 * are hidden from Plan Lens, so every tab is told and each page decides whether it is one of them.
 */
export async function stopInOpenTabs(browser: WxtBrowser, origins: string[]): Promise<void> {
  if (origins.length === 0) return;
  await tellEveryTab(browser, { kind: 'site-access', origins, granted: false });
}

/** Makes the registered content script match the granted origins (none: no registration). */
async function matchGrants(browser: WxtBrowser): Promise<void> {
  const origins = await grantedOrigins(browser);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (origins.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const manifest = browser.runtime.getManifest();
  const script = {
    id: SCRIPT_ID,
    js: [CONTENT_SCRIPT],
    // The manifest's content script's sheets (Chromium's: the marks' highlight rules, wxt.config.ts).
    css: manifest.content_scripts?.find((s) => s.js?.includes(CONTENT_SCRIPT))?.css ?? [],
    matches: origins,
    // A grant of every site must not run a second copy on the plan surfaces.
    excludeMatches: PLAN_SURFACES,
    // The same reach as the manifest's content script: editor iframes, about:blank and srcdoc frames
    // included (registered scripts have no matchAboutBlank; matchOriginAsFallback covers those frames).
    allFrames: true,
    matchOriginAsFallback: true,
    runAt: 'document_idle' as const,
    persistAcrossSessions: true,
  };
  await (registered ? browser.scripting.updateContentScripts([script]) : browser.scripting.registerContentScripts([script]));
}

/**
 * Keeps the registration in step with the grants: at every worker start (install, browser start-up, a
 * grant changed while it slept) and on every grant or revocation, then brings the open tabs of the sites
 * concerned in line. One change at a time, or two could both find no registration and both register.
 */
export function registerSiteAccess(browser: WxtBrowser): void {
  let queue = Promise.resolve();
  const rematch = (reachTabs: () => Promise<void> = () => Promise.resolve()) => {
    queue = queue
      .then(() => matchGrants(browser))
      .then(reachTabs)
      .catch((error: unknown) => console.error('Plan Lens: could not match granted sites', error));
  };
  browser.permissions.onAdded.addListener(({ origins = [] }) => rematch(() => startInOpenTabs(browser, usersOwn(browser, origins))));
  browser.permissions.onRemoved.addListener(({ origins = [] }) => rematch(() => stopInOpenTabs(browser, usersOwn(browser, origins))));
  rematch();
}

/**
 * "Always" or "automatically" on the page's site: asks the user to grant it, then sets its mode; false
 * when refused. Call it straight from the click (the browser needs the gesture for its question).
 */
export async function allowSite(browser: WxtBrowser, pageUrl: string, mode: Exclude<SiteMode, 'off'>): Promise<boolean> {
  const origin = sitePattern(pageUrl);
  const granted = origin ? browser.permissions.request({ origins: [origin] }) : Promise.resolve(false);
  if (!(await granted)) return false;
  await setSiteMode(browser.storage.local, new URL(pageUrl).hostname, mode);
  return true;
}

/** "Off on this site": the mode says so, and the user's grant is given back (a plan surface's is the manifest's). */
export async function turnOffSite(browser: WxtBrowser, pageUrl: string): Promise<void> {
  await setSiteMode(browser.storage.local, new URL(pageUrl).hostname, 'off');
  const origin = sitePattern(pageUrl);
  if (origin && (await grantedOrigins(browser)).includes(origin)) await browser.permissions.remove({ origins: [origin] });
}

export interface SiteRow {
  host: string;
  /** A URL on the site, for allowSite and turnOffSite. */
  url: string;
  /** Where Plan Lens runs there by itself: a plan surface, or a site the user granted. */
  access: 'plan-surface' | 'granted' | 'none';
  mode: SiteMode;
  /** The organisation's policy sets the mode: the user cannot change it. */
  locked: boolean;
}

/** Every site Plan Lens runs on, that the user has a choice recorded for, or that the organisation lists: plan
 *  surfaces first, then by name. */
export async function listSites(browser: WxtBrowser): Promise<SiteRow[]> {
  const rows = new Map<string, SiteRow>();
  const add = (pattern: string, access: SiteRow['access']) => {
    const host = pattern.split('/')[2] ?? '';
    // A wildcard grant (every site, every subdomain) names no one site to list.
    if (host && !host.includes('*')) rows.set(host, { host, url: pattern.replace(/\*$/, ''), access, mode: 'auto', locked: false });
  };
  for (const pattern of PLAN_SURFACES) add(pattern, 'plan-surface');
  for (const pattern of await grantedOrigins(browser)) add(pattern, 'granted');
  for (const [host, mode] of await storedSiteModes(browser.storage.local)) {
    if (!rows.has(host)) rows.set(host, { host, url: `https://${host}/`, access: 'none', mode, locked: false });
    else rows.get(host)!.mode = mode;
  }
  for (const { host, mode } of (await loadPolicy(browser)).sites ?? []) {
    const row = rows.get(host);
    rows.set(host, { host, url: row?.url ?? `https://${host}/`, access: row?.access ?? 'none', mode, locked: true });
  }
  const order = (row: SiteRow) => (row.access === 'plan-surface' ? 0 : 1);
  return [...rows.values()].sort((a, b) => order(a) - order(b) || a.host.localeCompare(b.host));
}
