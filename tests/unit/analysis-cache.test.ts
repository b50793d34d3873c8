// An edit costs the changed block, however long the document: a portal form of 5,000 fields and their labels is
// 9,290 blocks, more than the analyser's caches first hold. Counted in readings, not timed: the reader reads an item
// only when nothing cached has judged it.
import { describe, expect, it, vi } from 'vitest';
import { fieldText } from '../fixtures/many-fields';

const judgements = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/analysis/pipeline', async (original) => {
  const actual = await original<typeof import('../../src/analysis/pipeline')>();
  return {
    ...actual,
    judgeItem: (...args: Parameters<typeof actual.judgeItem>) => {
      judgements.count++;
      return actual.judgeItem(...args);
    },
  };
});
// The setup file loaded the analyser before this file's mock: a fresh copy of the modules takes it.
vi.resetModules();
const { createAnalyzer, loadReader } = await import('../../src/analysis/index');
await loadReader();

/** The many-fields fixture's Section F as the page reads it: each label, then its field's text. */
function formBlocks(fields: number): { id: string; text: string }[] {
  const blocks = [
    { id: 'h', text: 'Education, Health and Care Plan' },
    { id: 'b', text: 'Section B: Special educational needs' },
    { id: 'n', text: 'Sam has difficulties with reading and with speech and language.' },
    { id: 'f', text: 'Section F: Special educational provision' },
  ];
  for (let i = 0; i < fields; i++) {
    blocks.push({ id: `l${i}`, text: `Provision ${i + 1}` });
    const text = fieldText(i, 1);
    if (text) blocks.push({ id: `t${i}`, text });
  }
  return blocks;
}

describe('the analyser on a document of thousands of blocks', () => {
  it('judges again only the edited block after each edit', { timeout: 60_000 }, () => {
    const analyzer = createAnalyzer();
    const blocks = formBlocks(5_000);
    expect(blocks.length).toBeGreaterThan(9_000);
    judgements.count = 0;
    analyzer.analyze(blocks);
    const firstJudged = judgements.count;
    // Each field's text is judged once (labels are not provision): otherwise this test could not fail.
    expect(firstJudged).toBeGreaterThan(4_000);
    for (const typed of [' Sam', ' Sam will', ' Sam will have']) {
      const edited = blocks.map((b) => (b.id === 't120' ? { ...b, text: `${b.text}${typed}` } : b));
      judgements.count = 0;
      analyzer.analyze(edited);
      expect(judgements.count).toBeLessThanOrEqual(3);
    }
  });
});
