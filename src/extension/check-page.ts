// "Check this page" (toolbar button, its context menu, the page's context menu, a keyboard command): the
// user asks, so the page is annotated even if it does not read as a plan, and even where Plan Lens is off.
// Where no content script runs yet (a site the user has not granted, a tab opened before install),
// activeTab + scripting injects it into every frame first.
import type { WxtBrowser } from 'wxt/browser';
import { onGesture } from './gesture-script';
import { wordsOf } from './i18n';
import type { TabCommand } from './messages';

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

/** Wires the button, the menu item and the command; call once from the service worker's start-up. */
export function registerCheckPage(browser: WxtBrowser): void {
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
