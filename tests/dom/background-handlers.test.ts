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
    const services = { analysis: createAnalysisService(), badge: createBadge(browser), announcePlan: (tabId: number) => announced.push(tabId), walkInto: () => undefined };
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
    const services = { analysis: createAnalysisService(), badge: createBadge(browser), announcePlan: () => undefined, walkInto: () => undefined };
    await handleRequest({ kind: 'count', count: 3 }, { tab: { id: 7 }, frameId: 0 }, services);
    await handleRequest({ kind: 'count', count: 2 }, { tab: { id: 7 }, frameId: 5 }, services);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('5');

    // A restarted worker has fresh objects; the counts live in storage.session.
    const restarted = { analysis: createAnalysisService(), badge: createBadge(browser), announcePlan: () => undefined, walkInto: () => undefined };
    await handleRequest({ kind: 'count', count: 0 }, { tab: { id: 7 }, frameId: 5 }, restarted);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');

    await restarted.badge.clearTab(7);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });

  it('moves the next-finding walk into the next frame that shows marks, wrapping round', async () => {
    const walks: [number, number][] = [];
    const services = { analysis: createAnalysisService(), badge: createBadge(browser), announcePlan: () => undefined, walkInto: (t: number, f: number) => walks.push([t, f]) };
    for (const [frameId, count] of [[0, 0], [3, 2], [8, 1]] as const) await handleRequest({ kind: 'count', count }, { tab: { id: 2 }, frameId }, services);
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 2 }, frameId: 0 }, services)).toBe(true);
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 2 }, frameId: 3 }, services)).toBe(true);
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 2 }, frameId: 8 }, services)).toBe(true);
    expect(walks).toEqual([[2, 3], [2, 8], [2, 3]]);
    // A tab with marks in no other frame: nowhere to go.
    expect(await handleRequest({ kind: 'find-elsewhere' }, { tab: { id: 4 }, frameId: 0 }, services)).toBe(false);
  });
});
