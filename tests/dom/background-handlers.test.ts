import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { createAnalysisService } from '../../src/extension/analysis-service';
import { createBadge } from '../../src/extension/badge';
import { handleRequest } from '../../src/extension/handle-request';

const browser = fakeBrowser as unknown as WxtBrowser;

describe('service worker request handling', () => {
  beforeEach(() => fakeBrowser.reset());

  it('answers analysis requests per frame, and tells the tab once it shows a plan', async () => {
    const announced: number[] = [];
    const services = { analysis: createAnalysisService(), badge: createBadge(browser), pageChanged: () => undefined, announcePlan: (tabId: number) => announced.push(tabId), walkInto: async () => false };
    const answer = await handleRequest({ kind: 'analyze', doc: 'd', ids: ['a'], changed: [{ id: 'a', text: 'Sam will have access to a laptop.' }] }, { tab: { id: 1 }, frameId: 0 }, services);
    expect(answer).toMatchObject({ kind: 'analyzed', blocks: [{ id: 'a', text: 'Sam will have access to a laptop.' }] });
    expect(announced).toEqual([]);
    const plan = ['Education, Health and Care Plan', 'Section B: Special educational needs', 'Sam has speech and language needs.', 'Section F: Special educational provision'];
    const request = { kind: 'analyze' as const, doc: 'p', ids: plan.map((_, i) => String(i)), changed: plan.map((text, i) => ({ id: String(i), text })) };
    await handleRequest(request, { tab: { id: 1 }, frameId: 0 }, services);
    await handleRequest({ ...request, changed: [] }, { tab: { id: 1 }, frameId: 0 }, services);
    expect(announced).toEqual([1]);
  });

  it('shows the finding count of all frames of a tab on its badge, also after a worker restart', async () => {
    const services = { analysis: createAnalysisService(), badge: createBadge(browser), pageChanged: () => undefined, announcePlan: () => undefined, walkInto: async () => false };
    await handleRequest({ kind: 'count', count: 3 }, { tab: { id: 7 }, frameId: 0 }, services);
    await handleRequest({ kind: 'count', count: 2 }, { tab: { id: 7 }, frameId: 5 }, services);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('5');

    // A restarted worker has fresh objects; the counts live in storage.session.
    const restarted = { analysis: createAnalysisService(), badge: createBadge(browser), pageChanged: () => undefined, announcePlan: () => undefined, walkInto: async () => false };
    await handleRequest({ kind: 'count', count: 0 }, { tab: { id: 7 }, frameId: 5 }, restarted);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');

    // Frames that report at the same moment all count.
    await Promise.all([3, 4, 5].map((frameId) => handleRequest({ kind: 'count', count: 1 }, { tab: { id: 7 }, frameId }, restarted)));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('6');

    await restarted.badge.clearTab(7);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('moves the next-finding walk into the next frame that has marks, wrapping round', async () => {
    const tried: number[] = [];
    const withMarks = new Set([3, 8]);
    const services = {
      analysis: createAnalysisService(),
      badge: createBadge(browser),
      pageChanged: () => undefined,
      announcePlan: () => undefined,
      walkInto: async (_tab: number, f: number) => (tried.push(f), withMarks.has(f)),
    };
    for (const frameId of [0, 3, 5, 8]) await handleRequest({ kind: 'analyze', doc: `d${frameId}`, ids: [], changed: [] }, { tab: { id: 2 }, frameId }, services);
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 2 }, frameId: 0 }, services)).toBe(true);
    expect(tried).toEqual([3]);
    tried.length = 0;
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 2 }, frameId: 3 }, services)).toBe(true);
    expect(tried).toEqual([5, 8]);
    tried.length = 0;
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 2 }, frameId: 8 }, services)).toBe(true);
    expect(tried).toEqual([0, 3]);
    // A tab with no other frame: nowhere to go.
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 4 }, frameId: 0 }, services)).toBe(false);
  });

  it('places a child frame where its parent said it sits, and rewrites the tab’s report', async () => {
    const changed: number[] = [];
    const analysis = createAnalysisService();
    const services = { analysis, badge: createBadge(browser), pageChanged: (tabId: number) => void changed.push(tabId), announcePlan: () => undefined, walkInto: async () => false };
    const top = ['Section F: Special educational provision', 'Section I: Placement'];
    await handleRequest({ kind: 'analyze', doc: 'top', ids: ['f', 'i'], changed: top.map((text, n) => ({ id: n ? 'i' : 'f', text })) }, { tab: { id: 4 }, frameId: 0 }, services);
    await handleRequest({ kind: 'analyze', doc: 'editor', ids: ['p'], changed: [{ id: 'p', text: 'Sam will have access to a laptop.' }] }, { tab: { id: 4 }, frameId: 6 }, services);
    expect(analysis.pageOf(4).flatMap((f) => f.blocks.map((b) => b.id))).toEqual(['f', 'i', 'p']);
    expect(await handleRequest({ kind: 'frame-anchor', parentDoc: 'top', after: 'f' }, { tab: { id: 4 }, frameId: 6 }, services)).toBe(true);
    expect(analysis.pageOf(4).flatMap((f) => f.blocks.map((b) => b.id))).toEqual(['f', 'p', 'i']);
    expect(changed).toEqual([4, 4, 4]);
  });
});
