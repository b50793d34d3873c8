import { describe, expect, it } from 'vitest';
import { analyze, type Block, type Report } from '../../src/analysis/index';
import { createTurns, TURN_CHARS } from '../../src/extension/turns';

const blocks = (prefix: string, count: number, size: number): Block[] => Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i}`, text: `${'x'.repeat(size - 8)} ${prefix}${String(i).padStart(5, '0')}.`.slice(-size) }));

/** Lets answered promises' callbacks run. */
const settled = () => new Promise((resolve) => setImmediate(resolve));

/** Turns driven by hand: each `step()` runs one turn, as the worker's next task would. */
function manual() {
  const pending: (() => void)[] = [];
  const calls: { first: string; count: number }[] = [];
  const turns = createTurns((list) => {
    calls.push({ first: list[0]?.id ?? '', count: list.length });
    return analyze(list);
  }, (turn) => void pending.push(turn));
  const step = () => pending.shift()?.();
  return { turns, calls, pending, step };
}

describe('analysis in turns, tabs served round-robin', () => {
  it('a huge document takes many turns, and another tab’s small one is answered after one of them', async () => {
    const { turns, calls, pending, step } = manual();
    const done: string[] = [];
    const huge = blocks('h', 40, 2_000);
    const hugeReport = turns.run(1, () => huge, () => true).then((r) => (done.push('huge'), r));
    step();
    // The plan tab asks while the huge page is being analysed.
    const small = blocks('s', 3, 100);
    const smallReport = turns.run(2, () => small, () => true).then((r) => (done.push('small'), r));
    step();
    await settled();
    expect(done).toEqual(['small']);
    while (pending.length > 0) step();
    await hugeReport;
    expect(done).toEqual(['small', 'huge']);
    // Each turn judged at most a turn's worth of new characters (the blocks before it were judged already).
    const hugeCalls = calls.filter((c) => c.first === 'h0').map((c) => c.count);
    hugeCalls.forEach((count, i) => expect((count - (hugeCalls[i - 1] ?? 0)) * 2_000).toBeLessThanOrEqual(TURN_CHARS));
    expect(hugeCalls.length).toBeGreaterThan(5);
    expect(hugeCalls.at(-1)).toBe(40);
    // The answers are the whole documents' reports, the same as one call gives.
    const same = (a: Report, b: Report) => expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    same(await hugeReport, analyze(huge));
    same(await smallReport, analyze(small));
  });

  it('counts only blocks new to the document: an edit in a long one is answered in one turn', async () => {
    const { turns, calls, pending, step } = manual();
    const doc = blocks('d', 40, 2_000);
    const edited = new Set(['d17']);
    const report = turns.run(1, () => doc, (b) => edited.has(b.id));
    while (pending.length > 0) step();
    await report;
    expect(calls).toEqual([{ first: 'd0', count: 40 }]);
  });

  it('takes the tabs in turn, each tab’s requests in the order they came', async () => {
    const { turns, pending, step } = manual();
    const order: string[] = [];
    const ask = (tab: number, name: string, n: number) => turns.run(tab, () => blocks(name, n, 5_000), () => true).then(() => void order.push(name));
    const all = [ask(1, 'a', 6), ask(1, 'b', 1), ask(2, 'c', 4), ask(3, 'd', 1)];
    while (pending.length > 0) {
      step();
      await settled();
    }
    await Promise.all(all);
    // a needs three turns, c two: d and c's first are served between a's.
    expect(order).toEqual(['d', 'c', 'a', 'b']);
  });

  it('drops the work of a tab that closed, and keeps serving the others', async () => {
    const { turns, pending, step } = manual();
    const closed = turns.run(1, () => blocks('a', 10, 5_000), () => true);
    const open = turns.run(2, () => blocks('b', 1, 100), () => true);
    step();
    turns.forgetTab(1);
    await expect(closed).rejects.toThrow(/closed/);
    while (pending.length > 0) step();
    await expect(open).resolves.toMatchObject({ blocks: [{ id: 'b0' }] });
  });

  it('answers on the worker’s own schedule by default (a task per turn)', async () => {
    const turns = createTurns();
    await expect(turns.run(1, () => blocks('a', 30, 2_000), () => true)).resolves.toMatchObject({ blocks: expect.any(Array) });
  });
});
