import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { createAnalysisService } from '../../src/extension/analysis-service';
import { createBadge } from '../../src/extension/badge';
import { handleRequest, type Services } from '../../src/extension/handle-request';
import { isRequest, type TabCommand } from '../../src/extension/messages';
import type { Sender } from '../../src/extension/senders';
import { speakBritish } from './words';

const browser = fakeBrowser as unknown as WxtBrowser;
const SELF = { id: 'plan-lens-id', origin: 'chrome-extension://plan-lens-id/' };

/** A content script of Plan Lens in frame `frameId` of tab `tabId`, as the browser reports it. */
const frameOf = (tabId: number, frameId = 0, url = 'https://portal.example/plan'): Sender => ({ id: SELF.id, url, tab: { id: tabId }, frameId });

function servicesWith(overrides: Partial<Services> = {}): Services & { told: [number, number, TabCommand][] } {
  const told: [number, number, TabCommand][] = [];
  return {
    self: SELF,
    analysis: createAnalysisService(),
    badge: createBadge(browser),
    pageChanged: () => undefined,
    announcePlan: () => undefined,
    walkInto: async () => false,
    tellFrame: (tabId, frameId, command) => void told.push([tabId, frameId, command]),
    told,
    ...overrides,
  };
}

const PLAN = ['Education, Health and Care Plan', 'Section B: Special educational needs', 'Sam has speech and language needs.', 'Section F: Special educational provision'];
const planRequest = (doc: string) => ({ kind: 'analyze' as const, doc, ids: PLAN.map((_, i) => String(i)), changed: PLAN.map((text, i) => ({ id: String(i), text })) });

describe('service worker request handling', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    // The badge's title as a British browser words it.
    speakBritish();
  });

  it('answers analysis requests per frame, and tells the tab once it shows a plan', async () => {
    const announced: number[] = [];
    const services = servicesWith({ announcePlan: (tabId) => void announced.push(tabId) });
    const answer = await handleRequest({ kind: 'analyze', doc: 'd', ids: ['a'], changed: [{ id: 'a', text: 'Sam will have access to a laptop.' }] }, frameOf(1), services);
    expect(answer).toMatchObject({ kind: 'analyzed', blocks: [{ id: 'a', text: 'Sam will have access to a laptop.' }] });
    expect(announced).toEqual([]);
    await handleRequest(planRequest('p'), frameOf(1), services);
    await handleRequest({ ...planRequest('p'), changed: [] }, frameOf(1), services);
    expect(announced).toEqual([1]);
  });

  it('shows how many sentences all frames of a tab underline on its badge, errors named first, also after a worker restart', async () => {
    const services = servicesWith();
    await handleRequest({ kind: 'count', count: 3, errors: 0 }, frameOf(7, 0), services);
    await handleRequest({ kind: 'count', count: 2, errors: 2 }, frameOf(7, 5), services);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('5');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Plan Lens: 5 sentences need work (2 fail the legal test)');

    // A restarted worker has fresh objects; the counts live in storage.session.
    const restarted = servicesWith();
    await handleRequest({ kind: 'count', count: 0, errors: 0 }, frameOf(7, 5), restarted);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Plan Lens: 3 sentences need work');

    // Frames that report at the same moment all count.
    await Promise.all([3, 4, 5].map((frameId) => handleRequest({ kind: 'count', count: 1, errors: 1 }, frameOf(7, frameId), restarted)));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('6');
    expect(await fakeBrowser.action.getTitle({ tabId: 7 })).toBe('Plan Lens: 6 sentences need work (3 fail the legal test)');

    await restarted.badge.clearTab(7);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('moves the next-finding walk into the next frame that has marks, wrapping round', async () => {
    const tried: number[] = [];
    const withMarks = new Set([3, 8]);
    const services = servicesWith({ walkInto: async (_tab, f) => (tried.push(f), withMarks.has(f)) });
    for (const frameId of [0, 3, 5, 8]) await handleRequest({ kind: 'analyze', doc: `d${frameId}`, ids: [], changed: [] }, frameOf(2, frameId), services);
    expect(await handleRequest({ kind: 'find-elsewhere' }, frameOf(2, 0), services)).toBe(true);
    expect(tried).toEqual([3]);
    tried.length = 0;
    expect(await handleRequest({ kind: 'find-elsewhere' }, frameOf(2, 3), services)).toBe(true);
    expect(tried).toEqual([5, 8]);
    tried.length = 0;
    expect(await handleRequest({ kind: 'find-elsewhere' }, frameOf(2, 8), services)).toBe(true);
    expect(tried).toEqual([0, 3]);
    // A tab with no other frame: nowhere to go.
    expect(await handleRequest({ kind: 'find-elsewhere' }, frameOf(4, 0), services)).toBe(false);
  });

  it('places a child frame where its parent said it sits, and has the child ask for analysis again', async () => {
    const changed: number[] = [];
    const services = servicesWith({ pageChanged: (tabId) => void changed.push(tabId) });
    const top = ['Section F: Special educational provision', 'Section I: Placement'];
    // The editor frame asks first, before its parent runs: its question goes unanswered.
    expect(await handleRequest({ kind: 'frame-question', nonce: 'n6' }, frameOf(4, 6), services)).toBe(true);
    await handleRequest({ kind: 'analyze', doc: 'editor', ids: ['p'], changed: [{ id: 'p', text: 'Sam will have access to a laptop.' }] }, frameOf(4, 6), services);
    // The parent's first request: the frame still waiting for an answer is told to ask again.
    await handleRequest({ kind: 'analyze', doc: 'top', ids: ['f', 'i'], changed: top.map((text, n) => ({ id: n ? 'i' : 'f', text })) }, frameOf(4, 0), services);
    expect(services.told).toEqual([[4, 6, { kind: 'ask-parent' }]]);
    expect(services.analysis.pageOf(4).flatMap((f) => f.blocks.map((b) => b.id))).toEqual(['f', 'i', 'p']);
    expect(await handleRequest({ kind: 'frame-anchor', nonce: 'n6', after: 'f' }, frameOf(4, 0), services)).toBe(true);
    expect(services.analysis.pageOf(4).flatMap((f) => f.blocks.map((b) => b.id))).toEqual(['f', 'p', 'i']);
    expect(services.told.at(-1)).toEqual([4, 6, { kind: 'placed' }]);
    expect(changed).toEqual([4, 4, 4]);
  });
});

describe('who may ask the worker', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers only Plan Lens’s own content scripts: not another extension, not its own pages, not a message without a tab', async () => {
    const services = servicesWith();
    const request = planRequest('p');
    for (const sender of [
      { ...frameOf(1), id: 'another-extension' },
      { id: SELF.id, url: `${SELF.origin}review.html`, tab: { id: 1 }, frameId: 0 },
      { id: SELF.id, url: 'https://portal.example/', frameId: 0 },
      { id: SELF.id, url: 'https://portal.example/', tab: { id: -1 }, frameId: 0 },
      {},
    ]) {
      expect(await handleRequest(request, sender, services)).toBeUndefined();
      expect(await handleRequest({ kind: 'count', count: 9, errors: 0 }, sender, services)).toBeUndefined();
    }
    expect(services.analysis.isPlanTab(1)).toBe(false);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 1 })).toBe('');
  });

  it('keeps each frame’s document its own: another frame’s or tab’s document id reads and changes nothing', async () => {
    const services = servicesWith();
    const answer = await handleRequest(planRequest('victim'), frameOf(1, 0), services);
    expect(answer).toMatchObject({ kind: 'analyzed', isPlan: true });
    // The same document id and block ids, from another frame of the tab and from another tab: the worker holds
    // no such document for them, so it asks for the texts instead of answering with the victim's.
    const probe = { kind: 'analyze' as const, doc: 'victim', ids: PLAN.map((_, i) => String(i)), changed: [] };
    expect(await handleRequest(probe, frameOf(1, 3), services)).toEqual({ kind: 'resend', ids: probe.ids });
    expect(await handleRequest(probe, frameOf(2, 0), services)).toEqual({ kind: 'resend', ids: probe.ids });
    // Writing under the victim's id from elsewhere leaves the victim's document as it was.
    await handleRequest({ ...probe, changed: [{ id: '2', text: 'forged' }] }, frameOf(2, 0), services);
    expect(services.analysis.pageOf(1).flatMap((f) => f.blocks.map((b) => b.text))).toEqual(PLAN);
  });

  it('places a frame only on the answer to a nonce that frame gave, from a frame of the same tab', async () => {
    const services = servicesWith();
    await handleRequest(planRequest('top'), frameOf(1, 0), services);
    await handleRequest({ kind: 'analyze', doc: 'editor', ids: ['e'], changed: [{ id: 'e', text: 'Sam will have access to a laptop.' }] }, frameOf(1, 4), services);
    await handleRequest({ kind: 'frame-question', nonce: 'real' }, frameOf(1, 4), services);
    // A made-up nonce (an advert frame asking the parent page), the nonce from another tab, or a frame answering itself.
    expect(await handleRequest({ kind: 'frame-anchor', nonce: 'guessed', after: '3' }, frameOf(1, 0), services)).toBe(false);
    expect(await handleRequest({ kind: 'frame-anchor', nonce: 'real', after: '3' }, frameOf(2, 0), services)).toBe(false);
    expect(await handleRequest({ kind: 'frame-anchor', nonce: 'real', after: '3' }, frameOf(1, 4), services)).toBe(false);
    expect(services.told).toEqual([]);
    expect(await handleRequest({ kind: 'frame-anchor', nonce: 'real', after: '3' }, frameOf(1, 0), services)).toBe(true);
    expect(services.told).toEqual([[1, 4, { kind: 'placed' }]]);
  });

  it('takes only well-formed requests', () => {
    expect(isRequest(planRequest('p'))).toBe(true);
    // Ids left out: the same as the document's last answered request.
    expect(isRequest({ kind: 'analyze', doc: 'p', changed: [] })).toBe(true);
    for (const bad of [
      { kind: 'analyze', doc: 'p', ids: 'all', changed: [] },
      { kind: 'analyze', doc: 'p', ids: null, changed: [] },
      { kind: 'analyze', doc: 'p', ids: ['a'], changed: [{ id: 'a', text: 3 }] },
      { kind: 'analyze', doc: 'p', ids: ['a'], changed: [{ id: 'a', text: 'x', kind: 'script' }] },
      { kind: 'analyze', doc: 'x'.repeat(101), ids: [], changed: [] },
      { kind: 'count', count: -1, errors: 0 },
      { kind: 'count', count: '3', errors: 0 },
      { kind: 'count', count: 3 },
      { kind: 'count', count: 1, errors: 2 },
      { kind: 'frame-anchor', nonce: 'n', after: 5 },
      { kind: 'frame-question' },
      { kind: 'eval' },
      null,
    ]) {
      expect(isRequest(bad)).toBe(false);
    }
  });
});
