// "Check this page" (toolbar button, context menu): the user asks, so the page is annotated even if
// it does not read as a plan. Where no content script runs yet (a tab opened before install, a site
// outside the content-script matches), activeTab + scripting injects it first.
import type { WxtBrowser } from 'wxt/browser';
import type { TabCommand } from './messages';

const CHECK_PAGE: TabCommand = { kind: 'check-page' };

export async function checkPage(browser: WxtBrowser, tabId: number): Promise<void> {
  try {
    await browser.tabs.sendMessage(tabId, CHECK_PAGE);
  } catch {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, files: ['/content-scripts/content.js'] });
    await browser.tabs.sendMessage(tabId, CHECK_PAGE);
  }
}
