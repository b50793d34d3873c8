import { rulesOf } from '../../src/analysis/testing';
import { describe, expect, it, vi } from 'vitest';
import { analyze } from '../../src/analysis';
import { createAnalysisService } from '../../src/extension/analysis-service';
import { createTurns } from '../../src/extension/turns';

const block = (id: string, text: string) => ({ id, text });

describe('analysis service (service worker side)', () => {
  it('analyses the whole document but answers only with reports the page does not have', async () => {
    const spy = vi.fn(analyze);
    const service = createAnalysisService(() => ({}), createTurns(spy));
    const first = await service.analyze({ kind: 'analyze', doc: 'd1', ids: ['a', 'b'], changed: [block('a', 'Sam will have access to a laptop.'), block('b', 'Weekly reading.')] }, 1, 0);
    expect(first.kind === 'analyzed' && first.blocks.map((b) => b.id)).toEqual(['a', 'b']);

    const second = await service.analyze({ kind: 'analyze', doc: 'd1', ids: ['a', 'b'], changed: [block('b', 'Regular reading.')] }, 1, 0);
    expect(second.kind === 'analyzed' && second.blocks.map((b) => b.id)).toEqual(['b']);
    // The analyser saw every block, the unchanged one from the worker's memory.
    expect(spy.mock.calls[1]![0].map((b) => b.text)).toEqual(['Sam will have access to a laptop.', 'Regular reading.']);
  });

  it('judges each request by the settings in force, and answers again the blocks whose findings they change', async () => {
    let options: { disabledRules?: string[]; customPhrases?: string[] } = {};
    const service = createAnalysisService(() => options);
    const request = { kind: 'analyze' as const, doc: 'd1', ids: ['a', 'b'], changed: [block('a', 'Sam will have access to a laptop.'), block('b', 'Sam reads with a buddy.')] };
    const rules = (answer: Awaited<ReturnType<typeof service.analyze>>) => (answer.kind === 'analyzed' ? answer.blocks.map((b) => [b.id, b.findings.map((f) => f.rule)]) : []);
    expect(rules(await service.analyze(request, 1, 0))).toEqual([['a', ['HEDGE-ACCESS']], ['b', []]]);
    options = { disabledRules: ['HEDGE-ACCESS'], customPhrases: ['laptop'] };
    expect(rules(await service.analyze({ ...request, changed: [] }, 1, 0))).toEqual([['a', ['HEDGE-CUSTOM']]]);
    // Nothing changed since: nothing to answer.
    expect(rules(await service.analyze({ ...request, changed: [] }, 1, 0))).toEqual([]);
  });

  it('asks for texts it does not hold (a restarted worker) instead of guessing', async () => {
    const service = createAnalysisService();
    expect(await service.analyze({ kind: 'analyze', doc: 'd2', ids: ['a', 'b'], changed: [block('b', 'x')] }, 1, 0)).toEqual({ kind: 'resend', ids: ['a'] });
  });

  it('reads a request without ids as the document it was last told of, and asks for all of it when it has none', async () => {
    const spy = vi.fn(analyze);
    const service = createAnalysisService(() => ({}), createTurns(spy));
    expect(await service.analyze({ kind: 'analyze', doc: 'd3', changed: [block('a', 'x')] }, 1, 0)).toEqual({ kind: 'resend', ids: 'all' });
    await service.analyze({ kind: 'analyze', doc: 'd3', ids: ['a', 'b'], changed: [block('a', 'Sam will have access to a laptop.'), block('b', 'Weekly reading.')] }, 1, 0);
    // A block under an id the document does not have is not kept: a page could otherwise fill the worker's memory.
    const answer = await service.analyze({ kind: 'analyze', doc: 'd3', changed: [block('b', 'Regular reading.'), block('z', 'Not part of it.')] }, 1, 0);
    expect(answer.kind === 'analyzed' && answer.blocks.map((b) => b.id)).toEqual(['b']);
    expect(spy.mock.calls.at(-1)![0].map((b) => b.text)).toEqual(['Sam will have access to a laptop.', 'Regular reading.']);
    expect(service.pageOf(1)[0]!.blocks.map((b) => b.id)).toEqual(['a', 'b']);
  });

  it('an editor frame is part of the plan another frame of its tab shows', async () => {
    const service = createAnalysisService();
    const plan = ['Education, Health and Care Plan', 'Section B: Special educational needs', 'Sam has speech and language needs.', 'Section F: Special educational provision'];
    const page = await service.analyze({ kind: 'analyze', doc: 'page', ids: plan.map((_, i) => String(i)), changed: plan.map((text, i) => block(String(i), text)) }, 9, 0);
    expect(page.kind === 'analyzed' && page.isPlan).toBe(true);
    const editor = await service.analyze({ kind: 'analyze', doc: 'editor', ids: ['e'], changed: [block('e', 'He will have access to a laptop.')] }, 9, 4);
    expect(editor.kind === 'analyzed' && editor.isPlan).toBe(true);
    // The same words alone in another tab are not a plan.
    const alone = await service.analyze({ kind: 'analyze', doc: 'other', ids: ['e'], changed: [block('e', 'He will have access to a laptop.')] }, 10, 0);
    expect(alone.kind === 'analyzed' && alone.isPlan).toBe(false);
    expect(service.isPlanTab(9)).toBe(true);
    service.forgetTab(9);
    expect(service.isPlanTab(9)).toBe(false);
  });

  it('forgets a document when its frame loads a new one, and all documents of a closed tab', async () => {
    const service = createAnalysisService();
    await service.analyze({ kind: 'analyze', doc: 'old', ids: ['a'], changed: [block('a', 'text')] }, 3, 0);
    await service.analyze({ kind: 'analyze', doc: 'new', ids: ['a'], changed: [block('a', 'text')] }, 3, 0);
    expect((await service.analyze({ kind: 'analyze', doc: 'old', ids: ['a'], changed: [] }, 4, 0)).kind).toBe('resend');
    service.forgetTab(3);
    expect((await service.analyze({ kind: 'analyze', doc: 'new', ids: ['a'], changed: [] }, 5, 0)).kind).toBe('resend');
  });
});

describe('an editor frame placed in its page (frame anchors)', () => {
  const plan = ['Education, Health and Care Plan', 'Section B: Special educational needs', 'Sam has speech and language needs.', 'Section F: Special educational provision'];
  const typed = 'Sam will improve his concentration when needed.';
  const rulesOn = (answer: Awaited<ReturnType<ReturnType<typeof createAnalysisService>['analyze']>>, id: string) =>
    answer.kind === 'analyzed' ? (answer.blocks.find((b) => b.id === id)?.findings.flatMap(rulesOf) ?? []) : [];

  it('is analysed under the section it sits in, and answers with its own blocks only', async () => {
    const service = createAnalysisService();
    await service.analyze({ kind: 'analyze', doc: 'page', ids: plan.map((_, i) => String(i)), changed: plan.map((text, i) => block(String(i), text)) }, 9, 0);
    // Alone, the sentence reads as a target, where "when needed" is no hedge.
    const alone = await service.analyze({ kind: 'analyze', doc: 'editor', ids: ['0'], changed: [block('0', typed)] }, 9, 4);
    expect(rulesOn(alone, '0')).not.toContain('HEDGE-DISCRETION');
    // Under "Section F" (the parent's last block before the frame) it is provision, left to someone's discretion.
    service.frameQuestion(9, 4, 'nonce');
    expect(service.anchorFrame(9, 0, 'nonce', '3')).toBe(4);
    const placed = await service.analyze({ kind: 'analyze', doc: 'editor', ids: ['0'], changed: [block('0', typed)] }, 9, 4);
    expect(rulesOn(placed, '0')).toContain('HEDGE-DISCRETION');
    // The page's blocks were context: the frame's answer holds its own block, under its own id.
    expect(placed.kind === 'analyzed' && placed.blocks.map((b) => [b.id, b.text])).toEqual([['0', typed]]);
  });
});
