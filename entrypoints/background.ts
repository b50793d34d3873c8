// The service worker: owns the analyser and the badge, and wires the toolbar button, the menus and the
// user's site grants. Plan text stays in this worker's memory; nothing is sent anywhere.
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { createAnalysisService } from '../src/extension/analysis-service';
import { answerMessages } from '../src/extension/answer-messages';
import { createBadge } from '../src/extension/badge';
import { registerCheckPage, tellEveryTab } from '../src/extension/check-page';
import { handleRequest } from '../src/extension/handle-request';
import { isRequest, type TabCommand } from '../src/extension/messages';
import { registerPolicySites } from '../src/extension/policy-sites';
import { registerSiteAccess } from '../src/extension/site-access';
import { registerSiteMenu } from '../src/extension/site-menu';
import { registerSelectionReview } from '../src/extension/selection-review';
import { analyserOptions, createSettingsStore } from '../src/extension/settings';
import { forgetLegacyIgnored } from '../src/extension/site-settings';
import { registerTabPlans, rejudgeDocsPlans } from '../src/extension/tab-plans';
import { createTabReports } from '../src/extension/tab-report';
import { createTurns } from '../src/extension/turns';

export default defineBackground(() => {
  // The options page's and the organisation's settings judge every page, panel report and Google Doc.
  const settings = createSettingsStore(browser);
  const options = () => analyserOptions(settings.current().settings);
  settings.onChange(() => {
    void tellEveryTab(browser, { kind: 'settings-changed' } satisfies TabCommand);
    void rejudgeDocsPlans(browser, options());
  });
  void forgetLegacyIgnored(browser.storage.local);
  // First run: what Plan Lens does and how to turn it on.
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') });
  });
  // First, so its toolbar-click listener asks for an organisation's site within the click's gesture.
  registerPolicySites(browser, () => settings.current().policySites, settings.ready, settings.onChange);
  registerSelectionReview(browser);
  // One queue of analysis for every tab: pages and Google Docs take turns (src/extension/turns.ts).
  const turns = createTurns();
  registerTabPlans(browser, () => settings.ready.then(options), turns);
  registerCheckPage(browser);
  registerSiteAccess(browser);
  registerSiteMenu(browser);
  const analysis = createAnalysisService(options, turns);
  const tabReports = createTabReports(browser, (tabId) => analysis.pageOf(tabId), options);
  const services = {
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    analysis,
    badge: createBadge(browser),
    pageChanged: tabReports.changed,
    announcePlan: (tabId: number) => void browser.tabs.sendMessage(tabId, { kind: 'plan-in-tab' } satisfies TabCommand).catch(() => undefined),
    walkInto: (tabId: number, frameId: number) =>
      browser.tabs.sendMessage(tabId, { kind: 'next-finding' } satisfies TabCommand, { frameId }).then(
        (jumped) => jumped === true,
        () => false,
      ),
    tellFrame: (tabId: number, frameId: number, command: TabCommand) => void browser.tabs.sendMessage(tabId, command, { frameId }).catch(() => undefined),
  };

  answerMessages(browser, (message, sender) => {
    if (!isRequest(message)) return undefined;
    // A restarted worker reads the settings before it judges anything.
    return settings.ready.then(() => handleRequest(message, sender, services));
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
});
