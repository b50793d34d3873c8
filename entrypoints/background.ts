// The service worker: owns the analyser and the badge, and turns the toolbar button and context menu
// into "Check this page". Plan text stays in this worker's memory; nothing is sent anywhere.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createAnalysisService } from '../src/extension/analysis-service';
import { createBadge } from '../src/extension/badge';
import { checkPage } from '../src/extension/check-page';
import { handleRequest } from '../src/extension/handle-request';
import { isRequest, type TabCommand } from '../src/extension/messages';
import { createSiteMenu, handleSiteMenuClick } from '../src/extension/site-menu';
import { registerSelectionReview } from '../src/extension/selection-review';
import { registerTabPlans } from '../src/extension/tab-plans';
import { createTabReports } from '../src/extension/tab-report';

const CHECK_PAGE_MENU = 'plan-lens-check-page';

export default defineBackground(() => {
  registerSelectionReview(browser);
  registerTabPlans(browser);
  const analysis = createAnalysisService();
  const tabReports = createTabReports(browser, (tabId) => analysis.pageOf(tabId));
  const services = {
    analysis,
    badge: createBadge(browser),
    pageChanged: tabReports.changed,
    announcePlan: (tabId: number) => void browser.tabs.sendMessage(tabId, { kind: 'plan-in-tab' } satisfies TabCommand).catch(() => undefined),
    walkInto: (tabId: number, frameId: number) =>
      browser.tabs.sendMessage(tabId, { kind: 'next-finding' } satisfies TabCommand, { frameId }).then(
        (jumped) => jumped === true,
        () => false,
      ),
  };

  browser.runtime.onMessage.addListener((message, sender) => {
    if (!isRequest(message)) return undefined;
    return handleRequest(message, sender, services);
  });

  browser.tabs.onRemoved.addListener((tabId) => {
    services.analysis.forgetTab(tabId);
    tabReports.forget(tabId);
    void services.badge.clearTab(tabId);
  });
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new page in the tab: its frames report their counts and their text afresh.
    if (change.status === 'loading') {
      void services.badge.clearTab(tabId);
      analysis.pageLeft(tabId);
      tabReports.changed(tabId, '');
    }
  });

  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CHECK_PAGE_MENU, title: 'Check this page with Plan Lens', contexts: ['page', 'action'] });
    createSiteMenu(browser);
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_PAGE_MENU && tab?.id !== undefined) void checkPage(browser, tab.id);
    else void handleSiteMenuClick(browser, info.menuItemId, info.pageUrl ?? tab?.url);
  });
  browser.action.onClicked.addListener((tab) => {
    if (tab.id !== undefined) void checkPage(browser, tab.id);
  });
});
