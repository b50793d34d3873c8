// Per-tab plan reports for the side panel, and the Google Docs helpers the worker provides (export fetch,
// opening the review page). Reports live in storage.session (memory only, cleared with the browser) so they
// survive the worker being stopped, and the side panel follows them through storage.onChanged.
import type { WxtBrowser } from 'wxt/browser';
import { analyzeText, loadReader, type Options } from '../analysis/index';
import { answerMessages } from './answer-messages';
import type { Turns } from './turns';
import { contentScriptOf, docsDocumentOf, type ExtensionSelf, type Sender } from './senders';
import { isTabPlanRequest, TAB_PLAN_PREFIX, tabPlanKey, type DocsPlan, type ExportAnswer, type TabPlanRequest } from './tab-plan-messages';
import { wordsOf } from './i18n';
import { reportSummary } from './tab-report';

/** The export answers with the text when signed in; otherwise with a sign-in page or an error status. */
export async function fetchGoogleDocsExport(url: string, fetchFn: typeof fetch = fetch): Promise<ExportAnswer> {
  if (!/^https:\/\/docs\.google\.com\/document\/(u\/\d+\/)?d\/[\w-]+\/export\?format=txt$/.test(url)) return { ok: false, reason: 'not a Google Docs export address' };
  try {
    const response = await fetchFn(url, { credentials: 'include' });
    if (!response.ok) return { ok: false, reason: `Google answered ${response.status}` };
    if (new URL(response.url || url).hostname !== 'docs.google.com' || !(response.headers.get('content-type') ?? '').startsWith('text/plain')) {
      return { ok: false, reason: 'Google asked to sign in or sent a page instead of the text' };
    }
    return { ok: true, text: await response.text() };
  } catch (e) {
    return { ok: false, reason: (e as Error).message || 'the request failed' };
  }
}

const OPEN_PANEL_MENU = 'plan-lens-open-panel';

/** The side panel (Chrome) or sidebar (Firefox) for a tab; both need a user gesture, so where the gesture
 *  was lost on the way the report opens in a tab of its own instead. */
async function openPanel(browser: WxtBrowser, tabId: number): Promise<void> {
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  try {
    if (sidebar) await sidebar.open();
    else await browser.sidePanel.open({ tabId });
  } catch {
    await browser.tabs.create({ url: `${browser.runtime.getURL('/sidepanel.html')}?tab=${tabId}` });
  }
}

export interface TabPlanServices {
  self: ExtensionSelf;
  /** The settings in force, once read (src/extension/settings.ts). */
  options(): Promise<Partial<Options>>;
  /** The worker's queue of analysis, shared with every tab's pages. */
  turns: Turns;
  storeTabPlan(tabId: number, plan: DocsPlan): Promise<void>;
  fetchExport(url: string): Promise<ExportAnswer>;
  openPanel(tabId: number): Promise<void>;
  /** Opens the review page for a Docs tab, or brings forward the one already open for it. */
  openReview(tabId: number): Promise<void>;
}

/**
 * The answer to a Docs content script's request, or undefined for a message from anywhere else. Only the top
 * frame of a Google Docs document is heard (where gdocs.content.ts runs), and the document whose text is
 * exported is the one that frame shows, by the browser's account of the sender.
 */
export function handleTabPlanRequest(message: TabPlanRequest, sender: Sender, services: TabPlanServices): Promise<unknown> | undefined {
  if (message.kind === 'plan-lens/open-panel') {
    const from = contentScriptOf(sender, services.self);
    return from ? services.openPanel(from.tabId).then(() => true) : undefined;
  }
  const docs = docsDocumentOf(sender, services.self);
  if (!docs) return undefined;
  switch (message.kind) {
    case 'plan-lens/tab-plan':
      return Promise.all([services.options(), loadReader()]).then(async ([judgedBy]) => {
        // Judged in turns with the other tabs first, line by line as analyzeText reads it: the call after finds
        // every line in the analyser's cache.
        const lines = message.text.split('\n').map((text, i) => ({ id: String(i), text }));
        await services.turns.run(docs.tabId, () => lines, () => true, () => judgedBy);
        const { report, findings } = analyzeText(message.text, judgedBy);
        const plan: DocsPlan = {
          source: message.source,
          route: message.route,
          ...(message.reason ? { reason: message.reason } : {}),
          title: docs.title,
          text: message.text,
          report: reportSummary(report),
          findings,
          canGoTo: message.route === 'live',
        };
        return services.storeTabPlan(docs.tabId, plan).then(() => findings.length);
      });
    case 'plan-lens/gdocs-export':
      return services.fetchExport(docs.exportUrl);
    case 'plan-lens/open-review':
      return services.openReview(docs.tabId).then(() => true);
  }
}

/** One review page per Docs tab at a time: asked again while it is open, it comes to the front. */
export function reviewOpener(browser: WxtBrowser): (tabId: number) => Promise<void> {
  const open = new Map<number, number>();
  browser.tabs.onRemoved.addListener((closed) => {
    for (const [docsTab, review] of open) if (review === closed || docsTab === closed) open.delete(docsTab);
  });
  return async (tabId) => {
    const existing = open.get(tabId);
    if (existing !== undefined) {
      const shown = await browser.tabs.update(existing, { active: true }).catch(() => undefined);
      if (shown) return;
    }
    const created = await browser.tabs.create({ url: `${browser.runtime.getURL('/review.html')}?from=gdocs` });
    if (created.id !== undefined) open.set(tabId, created.id);
  };
}

/** `options`: the settings in force, once read (src/extension/settings.ts). */
export function registerTabPlans(browser: WxtBrowser, options: () => Promise<Partial<Options>>, turns: Turns): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: OPEN_PANEL_MENU, title: wordsOf(browser)('menuOpenPanel'), contexts: ['action', 'page'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === OPEN_PANEL_MENU && tab?.id !== undefined) void openPanel(browser, tab.id);
  });
  const services: TabPlanServices = {
    self: { id: browser.runtime.id, origin: browser.runtime.getURL('/') },
    options,
    turns,
    storeTabPlan: (tabId, plan) => browser.storage.session.set({ [tabPlanKey(tabId)]: plan }),
    fetchExport: (url) => fetchGoogleDocsExport(url),
    openPanel: (tabId) => openPanel(browser, tabId),
    openReview: reviewOpener(browser),
  };
  answerMessages(browser, (message, sender) => (isTabPlanRequest(message) ? handleTabPlanRequest(message, sender, services) : undefined));
  browser.tabs.onRemoved.addListener((tabId) => void browser.storage.session.remove(tabPlanKey(tabId)));
}

/** The settings changed: every Google Doc's report is judged again from the text it holds (Docs sends text only when it changes). */
export async function rejudgeDocsPlans(browser: WxtBrowser, options: Partial<Options>): Promise<void> {
  await loadReader();
  const stored = await browser.storage.session.get(null);
  const plans: Record<string, DocsPlan> = {};
  for (const [key, plan] of Object.entries(stored)) {
    if (!key.startsWith(TAB_PLAN_PREFIX) || (plan as DocsPlan | undefined)?.source !== 'google-docs') continue;
    const { report, findings } = analyzeText((plan as DocsPlan).text, options);
    plans[key] = { ...(plan as DocsPlan), report: reportSummary(report), findings };
  }
  if (Object.keys(plans).length > 0) await browser.storage.session.set(plans);
}
