// "Check this page" (toolbar button, its context menu, the page's context menu, a keyboard command, the side
// panel): the user asks, so the page is annotated even if it does not read as a plan, and even where Plan Lens is
// off. Where no content script runs yet (a site the user has not granted, a tab opened before install),
// activeTab + scripting injects it into every frame first. The side panel gets no activeTab: where it cannot reach
// the page, Chrome is asked to offer the user the tab's site, and the page is checked once it is allowed.
import type { WxtBrowser } from 'wxt/browser';
import { answerMessages } from './answer-messages';
import { onGesture } from './gesture-script';
import { wordsOf } from './i18n';
import type { TabCommand } from './messages';
import { fromOwnPage } from './senders';

const CHECK_PAGE: TabCommand = { kind: 'check-page' };
const CHECK_PAGE_MENU = 'plan-lens-check-page';
/** The manifest `commands` key (wxt.config.ts). */
export const CHECK_PAGE_COMMAND = 'check-page';

/** Deliveries still under way, per tab. */
const delivering = new Map<number, Promise<void>>();

/**
 * Gives `command` to Plan Lens in the tab, first running it in every frame if no copy answers. A running
 * copy answers every command, so none is injected twice; deliveries to one tab go one after another, so
 * two of them (a grant and a menu click) cannot both find no copy and both inject.
 */
export function tellTab(browser: WxtBrowser, tabId: number, command: TabCommand): Promise<void> {
  const previous = delivering.get(tabId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => deliver(browser, tabId, command));
  delivering.set(tabId, next);
  const done = () => void (delivering.get(tabId) === next && delivering.delete(tabId));
  next.then(done, done);
  return next;
}

async function deliver(browser: WxtBrowser, tabId: number, command: TabCommand): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, command);
  } catch {
    // The same reach as the registered script: every frame. The promise settles once each copy has started.
    await onGesture(() => browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/content.js'] }));
    await browser.tabs.sendMessage(tabId, command);
  }
}

export const checkPage = (browser: WxtBrowser, tabId: number): Promise<void> => tellTab(browser, tabId, CHECK_PAGE);

/** Gives `command` to every copy of Plan Lens in every tab; injects none (most tabs have no Plan Lens to answer). */
export async function tellEveryTab(browser: WxtBrowser, command: TabCommand): Promise<void> {
  const tabs = await browser.tabs.query({});
  const ids = tabs.map((tab) => tab.id).filter((id) => id !== undefined);
  await Promise.all(ids.map((id) => browser.tabs.sendMessage(id, command).catch(() => undefined)));
}

/** Plan Lens's side panel → service worker: check this tab's page; the answer says whether it was reached. */
interface CheckTabRequest {
  kind: 'plan-lens/check-tab';
  tabId: number;
}

const isCheckTabRequest = (m: unknown): m is CheckTabRequest =>
  typeof m === 'object' && m !== null && (m as CheckTabRequest).kind === 'plan-lens/check-tab' && Number.isSafeInteger((m as CheckTabRequest).tabId) && (m as CheckTabRequest).tabId >= 0;

/** Chrome 133's host access request (not yet in the types): the toolbar offers the tab's site, one click allows it. */
type HostAccessRequests = { addHostAccessRequest?: (request: { tabId: number }) => Promise<void> };

export type PanelCheck = 'checked' | 'asked' | 'unreachable';

/**
 * The side panel's "Check this page": 'checked'; or, where Plan Lens cannot reach the page, 'asked' once Chrome
 * offers the user the tab's site, the page being checked (and `onChecked` called) when a grant lets it be reached,
 * until `signal` aborts; or 'unreachable' where the browser has no such request (Firefox). The worker checks the
 * page, as for the toolbar, so the copy a grant starts and the copy a check starts are one.
 */
export async function checkFromPanel(browser: WxtBrowser, tabId: number, signal: AbortSignal, onChecked: () => void): Promise<PanelCheck> {
  const check = async () => (await browser.runtime.sendMessage({ kind: 'plan-lens/check-tab', tabId } satisfies CheckTabRequest)) === true;
  if (await check()) return 'checked';
  const ask = (browser.permissions as HostAccessRequests).addHostAccessRequest;
  if (!ask || signal.aborted) return 'unreachable';
  const granted = () =>
    // A grant for another site, or a worker that did not answer: the next grant tries again.
    void check()
      .catch(() => false)
      .then((reached) => {
        if (!reached || signal.aborted) return;
        stop();
        onChecked();
      });
  const stop = () => browser.permissions.onAdded.removeListener(granted);
  browser.permissions.onAdded.addListener(granted);
  signal.addEventListener('abort', stop);
  try {
    await ask.call(browser.permissions, { tabId });
    return 'asked';
  } catch {
    stop();
    return 'unreachable';
  }
}

/** Wires the button, the menu item, the command and the side panel's button; call once from the service worker's start-up. */
export function registerCheckPage(browser: WxtBrowser): void {
  const self = { id: browser.runtime.id, origin: browser.runtime.getURL('/') };
  answerMessages(browser, (message, sender) =>
    isCheckTabRequest(message) && fromOwnPage(sender, self)
      ? checkPage(browser, message.tabId).then(
          () => true,
          () => false,
        )
      : undefined,
  );
  const check = (tabId: number | undefined) => {
    if (tabId !== undefined) checkPage(browser, tabId).catch((error: unknown) => console.error('Plan Lens: could not check this page', error));
  };
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CHECK_PAGE_MENU, title: wordsOf(browser)('menuCheckPage'), contexts: ['page', 'action'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_PAGE_MENU) check(tab?.id);
  });
  browser.action.onClicked.addListener((tab) => check(tab.id));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === CHECK_PAGE_COMMAND) check(tab?.id);
  });
}
