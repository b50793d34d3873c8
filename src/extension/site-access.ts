// "Always on this site": beyond its plan surfaces (the manifest's content scripts), Plan Lens runs on a
// site only while the user grants it that site, from the toolbar menu or the browser's own site-access
// controls. The content script is registered for exactly the granted origins and re-matched whenever a
// grant changes, so revoking one stops Plan Lens there from the next page load.
import type { WxtBrowser } from 'wxt/browser';
import { PLAN_SURFACES } from '../sites/site';

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

/** Origins the user granted: every active origin except those the manifest itself declares. */
export async function grantedOrigins(browser: WxtBrowser): Promise<string[]> {
  const manifest = browser.runtime.getManifest();
  const declared = new Set([...(manifest.host_permissions ?? []), ...(manifest.content_scripts ?? []).flatMap((s) => s.matches ?? [])]);
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !declared.has(origin));
}

/** Makes the registered content script match the granted origins (none: no registration). */
async function matchGrants(browser: WxtBrowser): Promise<void> {
  const origins = await grantedOrigins(browser);
  const registered = (await browser.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] })).length > 0;
  if (origins.length === 0) {
    if (registered) await browser.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = {
    id: SCRIPT_ID,
    js: [CONTENT_SCRIPT],
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
 * grant changed while it slept) and on every grant or revocation. One update at a time, or two could
 * both find no registration and both register.
 */
export function registerSiteAccess(browser: WxtBrowser): void {
  let queue = Promise.resolve();
  const rematch = () => {
    queue = queue.then(() => matchGrants(browser)).catch((error: unknown) => console.error('Plan Lens: could not match granted sites', error));
  };
  browser.permissions.onAdded.addListener(rematch);
  browser.permissions.onRemoved.addListener(rematch);
  rematch();
}

/** Asks the user to grant the page's site. Call it straight from the click: the browser needs the gesture. */
export function requestSite(browser: WxtBrowser, pageUrl: string): Promise<boolean> {
  const origin = sitePattern(pageUrl);
  return origin ? browser.permissions.request({ origins: [origin] }) : Promise.resolve(false);
}

/** Gives the page's site back; a plan surface's access is the manifest's and stays (its mode says "off"). */
export async function releaseSite(browser: WxtBrowser, pageUrl: string): Promise<void> {
  const origin = sitePattern(pageUrl);
  if (!origin || !(await grantedOrigins(browser)).includes(origin)) return;
  await browser.permissions.remove({ origins: [origin] });
}
