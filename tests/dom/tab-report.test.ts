import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { WxtBrowser } from 'wxt/browser';
import { analyzeText } from '../../src/analysis/index';
import { createAnalysisService } from '../../src/extension/analysis-service';
import { tabPlanKey, type TabPlan } from '../../src/extension/tab-plan-messages';
import { createTabReports, pagePlan, type FrameBlocks } from '../../src/extension/tab-report';

const browser = fakeBrowser as unknown as WxtBrowser;

const PORTAL: FrameBlocks = {
  frame: 0,
  blocks: [
    { id: 'd0', text: 'Education, Health and Care Plan' },
    { id: 'd1', text: 'Section B: Special educational needs' },
    { id: 'd2', text: 'Sam has difficulties with working memory.' },
    { id: 'd3', text: 'Section F: Special educational provision' },
  ],
};
/** An editor frame holding the provision being written. */
const EDITOR: FrameBlocks = { frame: 4, blocks: [{ id: 'd0', text: 'Sam will have access to a laptop\nas required.' }] };

const stored = async (tabId: number) => (await fakeBrowser.storage.session.get(tabPlanKey(tabId)))[tabPlanKey(tabId)] as TabPlan | undefined;

describe('a page plan for the side panel', () => {
  it('puts every frame’s blocks on one line each, and places each line in its frame and block', () => {
    const plan = pagePlan([PORTAL, EDITOR], 'Draft plan');
    expect(plan.text.split('\n')).toEqual([...PORTAL.blocks.map((b) => b.text), 'Sam will have access to a laptop as required.']);
    expect(plan.lines).toEqual([...PORTAL.blocks.map((b) => ({ frame: 0, block: b.id })), { frame: 4, block: 'd0' }]);
    // One plan across the frames: the editor's provision is judged as Section F of the portal's plan.
    const { report, findings } = analyzeText(plan.text);
    expect(plan.findings).toEqual(findings);
    expect(plan.report.planType).toBe(report.planType);
    expect(plan.report.sections.map((s) => s.blockId)).toEqual(['1', '3']);
    expect(plan.findings.some((f) => f.spans?.some((s) => plan.text.slice(s.start, s.end) === 'as required'))).toBe(true);
    expect('blocks' in plan.report).toBe(false);
  });

  it('keeps only the verdict for a page that does not read as a plan, none of its text', () => {
    const page = pagePlan([{ frame: 0, blocks: [{ id: 'd0', text: 'Members have access to the gym as required.' }] }], 'Leisure centre');
    expect(page).toMatchObject({ text: '', lines: [], findings: [], report: { isPlan: false } });
  });
});

describe('tab reports in storage.session', () => {
  beforeEach(() => fakeBrowser.reset());

  it('writes the tab’s report once changes pause, not again for the same text, and removes it when the page has gone', async () => {
    let frames = [PORTAL];
    const pageOf = vi.fn(() => frames);
    const reports = createTabReports(browser, pageOf, () => ({}), 0);
    reports.changed(3, 'Draft plan');
    reports.changed(3, 'Draft plan');
    await vi.waitFor(async () => expect(await stored(3)).toBeDefined());
    expect(pageOf).toHaveBeenCalledTimes(1);
    expect((await stored(3))!.title).toBe('Draft plan');

    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    reports.changed(3, 'Draft plan');
    await vi.waitFor(() => expect(pageOf).toHaveBeenCalledTimes(2));
    await new Promise((r) => setTimeout(r, 0));
    expect(set).not.toHaveBeenCalled();

    frames = [];
    reports.changed(3, '');
    await vi.waitFor(async () => expect(await stored(3)).toBeUndefined());
  });

  it('leaves a Google Docs report alone unless the top frame has text of its own', async () => {
    const docs = { source: 'google-docs', route: 'live', title: 'Doc', text: 'x', report: {}, findings: [], canGoTo: true };
    await fakeBrowser.storage.session.set({ [tabPlanKey(5)]: docs });
    let frames = [EDITOR];
    const reports = createTabReports(browser, () => frames, () => ({}), 0);
    reports.changed(5, 'Doc');
    await new Promise((r) => setTimeout(r, 10));
    expect(await stored(5)).toEqual(docs);
    frames = [PORTAL];
    reports.changed(5, 'Portal');
    await vi.waitFor(async () => expect((await stored(5))!.source).toBe('page'));
  });
});

describe('the analysis service’s view of a whole tab', () => {
  const send = (service: ReturnType<typeof createAnalysisService>, doc: string, f: FrameBlocks, tabId = 1) =>
    service.analyze({ kind: 'analyze', doc, ids: f.blocks.map((b) => b.id), changed: f.blocks }, tabId, f.frame);

  it('gives every frame’s blocks in frame order, and drops a page the tab left until its document speaks again', async () => {
    const service = createAnalysisService();
    await send(service, 'editor', EDITOR);
    await send(service, 'portal', PORTAL);
    expect(service.pageOf(1)).toEqual([PORTAL, EDITOR]);
    service.pageLeft(1);
    expect(service.pageOf(1)).toEqual([]);
    // Only the address changed (history.pushState): the portal's script is still there and sends again.
    await service.analyze({ kind: 'analyze', doc: 'portal', ids: PORTAL.blocks.map((b) => b.id), changed: [] }, 1, 0);
    expect(service.pageOf(1)).toEqual([PORTAL]);
  });
});
