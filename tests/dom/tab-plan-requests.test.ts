import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import type { Sender } from '../../src/extension/senders';
import { isTabPlanRequest, type DocsPlan } from '../../src/extension/tab-plan-messages';
import { handleTabPlanRequest, reviewOpener, type TabPlanServices } from '../../src/extension/tab-plans';
import { createTurns } from '../../src/extension/turns';

const SELF = { id: 'plan-lens-id', origin: 'chrome-extension://plan-lens-id/' };
const DOC = 'https://docs.google.com/document/u/1/d/the-plan/edit';
const docsTop = (url = DOC): Sender => ({ id: SELF.id, url, tab: { id: 5, title: 'EHCP draft' }, frameId: 0 });

function servicesWith() {
  const log = { fetched: [] as string[], stored: [] as [number, DocsPlan][], reviews: [] as number[], panels: [] as number[] };
  const services: TabPlanServices = {
    self: SELF,
    options: async () => ({}),
    turns: createTurns(),
    storeTabPlan: async (tabId, plan) => void log.stored.push([tabId, plan]),
    fetchExport: async (url) => (log.fetched.push(url), { ok: true, text: 'Section F' }),
    openPanel: async (tabId) => void log.panels.push(tabId),
    openReview: async (tabId) => void log.reviews.push(tabId),
  };
  return { services, log };
}

/** Senders a Docs request must not be taken from: another extension, a frame inside Docs, a page elsewhere, Plan Lens's own page. */
const FORGED: Sender[] = [
  { ...docsTop(), id: 'another-extension' },
  { ...docsTop(), frameId: 3 },
  docsTop('https://docs.google.com/spreadsheets/d/other/edit'),
  docsTop('https://mail.google.com/mail/u/0/'),
  { id: SELF.id, url: `${SELF.origin}sidepanel.html`, tab: { id: 5 }, frameId: 0 },
  {},
];

describe('the Google Docs requests to the worker', () => {
  it('exports the document the asking tab shows, by the browser’s address for it, never one the message names', async () => {
    const { services, log } = servicesWith();
    const forged = { kind: 'plan-lens/gdocs-export', url: 'https://docs.google.com/document/d/someone-elses/export?format=txt' } as const;
    expect(isTabPlanRequest(forged)).toBe(true);
    expect(await handleTabPlanRequest(forged, docsTop(), services)).toEqual({ ok: true, text: 'Section F' });
    expect(log.fetched).toEqual(['https://docs.google.com/document/u/1/d/the-plan/export?format=txt']);
  });

  it('hears nothing from anyone but the top frame of a Google Docs document', async () => {
    const { services, log } = servicesWith();
    for (const sender of FORGED) {
      expect(handleTabPlanRequest({ kind: 'plan-lens/gdocs-export' }, sender, services)).toBeUndefined();
      expect(handleTabPlanRequest({ kind: 'plan-lens/tab-plan', source: 'google-docs', route: 'live', text: 'Section F' }, sender, services)).toBeUndefined();
      expect(handleTabPlanRequest({ kind: 'plan-lens/open-review', from: 'gdocs' }, sender, services)).toBeUndefined();
    }
    expect(log).toEqual({ fetched: [], stored: [], reviews: [], panels: [] });
  });

  it('keeps the tab’s plan under the sender’s tab, titled as the browser names it', async () => {
    const { services, log } = servicesWith();
    expect(await handleTabPlanRequest({ kind: 'plan-lens/tab-plan', source: 'google-docs', route: 'live', text: 'Section F: Special educational provision\nSam will have access to a laptop.' }, docsTop(), services)).toBeGreaterThan(0);
    expect(log.stored.map(([tab, plan]) => [tab, plan.title, plan.canGoTo])).toEqual([[5, 'EHCP draft', true]]);
  });

  it('takes only well-formed requests', () => {
    for (const bad of [
      { kind: 'plan-lens/open-review', from: 'javascript:alert(1)' },
      { kind: 'plan-lens/open-review' },
      { kind: 'plan-lens/tab-plan', source: 'google-docs', route: 'live', text: 42 },
      { kind: 'plan-lens/tab-plan', source: 'page', route: 'live', text: '' },
      { kind: 'plan-lens/tab-plan', source: 'google-docs', route: 'anywhere', text: '' },
      { kind: 'plan-lens/tab-plan', source: 'google-docs', route: 'live', text: '', reason: {} },
    ]) {
      expect(isTabPlanRequest(bad)).toBe(false);
    }
  });
});

describe('the review page opened from a Docs tab', () => {
  beforeEach(() => fakeBrowser.reset());

  it('opens once per Docs tab: asked again while it is open, the same tab comes forward; closed, a new one opens', async () => {
    const browser = fakeBrowser as unknown as WxtBrowser;
    const openReview = reviewOpener(browser);
    const created: string[] = [];
    browser.tabs.onCreated.addListener((tab) => void created.push(tab.url ?? ''));
    const docs = await browser.tabs.create({ url: DOC });
    await openReview(docs.id!);
    await openReview(docs.id!);
    await openReview(docs.id!);
    expect(created.filter((url) => url.endsWith('review.html?from=gdocs'))).toHaveLength(1);
    const review = (await browser.tabs.query({})).find((t) => t.url?.endsWith('review.html?from=gdocs'))!;
    expect(review.active).toBe(true);
    // The fake browser's tabs.remove trips over its windows; the browser's event is what the opener listens to.
    await fakeBrowser.tabs.onRemoved.trigger(review.id!, { isWindowClosing: false, windowId: review.windowId });
    await openReview(docs.id!);
    expect(created.filter((url) => url.endsWith('review.html?from=gdocs'))).toHaveLength(2);
  });
});
