// The sites an organisation's policy asks Plan Lens to check. A policy cannot grant host access, so each one is
// offered to the user instead: on their visits there the toolbar button shows a blue dot (Chrome's
// declarativeContent, which reads no page), and one click on it asks the browser for that one site (the click
// also checks the page, as always). The options and welcome pages offer the same sites with a button each.
import type { WxtBrowser } from 'wxt/browser';
import { grantedOrigins, sitePattern } from './site-access';
import type { PolicySite } from './settings';

const RULE_ID = 'plan-lens-policy-sites';

interface DeclarativeContent {
  PageStateMatcher: new (options: { pageUrl: { hostEquals: string } }) => object;
  SetIcon: new (options: { imageData: Record<string, ImageData> }) => object;
  onPageChanged: {
    removeRules(ids: string[] | undefined, done: () => void): void;
    addRules(rules: { id: string; conditions: object[]; actions: object[] }[], done: () => void): void;
  };
}

/** The policy's sites the user has not granted yet. */
export async function sitesToOffer(browser: WxtBrowser, sites: readonly PolicySite[]): Promise<PolicySite[]> {
  const granted = new Set((await grantedOrigins(browser)).map((pattern) => pattern.split('/')[2]));
  return sites.filter((s) => !granted.has(s.host));
}

/** The toolbar icon with a blue dot: "your organisation asks Plan Lens to check this site". */
async function askingIcon(browser: WxtBrowser): Promise<Record<string, ImageData>> {
  const icons: Record<string, ImageData> = {};
  for (const [size, path] of [[16, '/icon/16.png'], [32, '/icon/32.png']] as const) {
    const image = await createImageBitmap(await (await fetch(browser.runtime.getURL(path))).blob());
    const context = new OffscreenCanvas(size, size).getContext('2d')!;
    context.drawImage(image, 0, 0, size, size);
    context.fillStyle = '#2563eb';
    context.beginPath();
    context.arc(size * 0.74, size * 0.26, size * 0.24, 0, 2 * Math.PI);
    context.fill();
    icons[size] = context.getImageData(0, 0, size, size);
  }
  return icons;
}

/** Marks the toolbar button on pages of the sites still to offer (none: no rule). Chrome only; Firefox has no declarativeContent. */
export async function markSitesToOffer(browser: WxtBrowser, sites: readonly PolicySite[]): Promise<void> {
  const dc = (browser as unknown as { declarativeContent?: DeclarativeContent }).declarativeContent;
  if (!dc) return;
  const offer = await sitesToOffer(browser, sites);
  await new Promise<void>((done) => dc.onPageChanged.removeRules([RULE_ID], done));
  if (offer.length === 0) return;
  const imageData = await askingIcon(browser);
  await new Promise<void>((done) =>
    dc.onPageChanged.addRules(
      [{ id: RULE_ID, conditions: offer.map((s) => new dc.PageStateMatcher({ pageUrl: { hostEquals: s.host } })), actions: [new dc.SetIcon({ imageData })] }],
      done,
    ),
  );
}

/**
 * A toolbar click on a page of a site the policy lists: asks the browser for that site (no question when it is
 * granted already). Called in the click itself, before any await, as the browser's question needs the gesture.
 */
export function askForPolicySite(browser: WxtBrowser, pageUrl: string | undefined, sites: readonly PolicySite[]): Promise<boolean> | undefined {
  const origin = pageUrl ? sitePattern(pageUrl) : null;
  if (!origin || !sites.some((s) => s.host === new URL(pageUrl!).hostname)) return undefined;
  return browser.permissions.request({ origins: [origin] });
}

/** Keeps the marks in step with the policy and the grants, and answers toolbar clicks on the policy's sites. */
export function registerPolicySites(browser: WxtBrowser, sites: () => readonly PolicySite[], ready: Promise<void>, onPolicyChange: (listener: () => void) => void): void {
  let queue = ready;
  const remark = () => {
    queue = queue.then(() => markSitesToOffer(browser, sites())).catch((error: unknown) => console.error('Plan Lens: could not mark the organisation’s sites', error));
  };
  remark();
  onPolicyChange(remark);
  browser.permissions.onAdded.addListener(remark);
  browser.permissions.onRemoved.addListener(remark);
  browser.action.onClicked.addListener((tab) => void askForPolicySite(browser, tab.url, sites())?.catch(() => false));
}
