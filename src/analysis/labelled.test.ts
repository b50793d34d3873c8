// Our own labelled plan lines (written for this project in the style of real EHCPs, IEPs, IDPs, CSPs,
// Statements and US IEPs/504s), judged the way the evaluation judges them: under a heading that fits the kind.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Jurisdiction, Part } from './types';
import { createAnalyzer } from './index';
import { HEADINGS, judge } from './testing';

interface Case {
  text: string;
  kind: 'provision' | 'target' | 'outcome' | 'need' | 'other';
  jurisdiction: Jurisdiction;
  flag: boolean;
  missing: Part[];
}


const cases: Case[] = readFileSync(new URL('./labelled.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as Case);

const judged = cases.map((c) => ({ c, r: judge(c.kind === 'other' ? '' : HEADINGS[c.kind][c.jurisdiction], c.text) }));

describe('labelled plan lines', () => {
  it.each(judged.map(({ c, r }) => [c.text, c.flag, r.flagged]))('%s → flagged %s', (_text, expected, actual) => {
    expect(actual).toBe(expected);
  });

  // Headings, nils, admin fields, views and history are not plan wording wherever they sit in a plan.
  it.each(cases.filter((c) => c.kind === 'other').map((c) => [c.text, c.jurisdiction]))('"%s" is not flagged under a provision or a target heading', (text, jurisdiction) => {
    for (const kind of ['provision', 'target'] as const) expect([kind, judge(HEADINGS[kind][jurisdiction], text).rules]).toEqual([kind, []]);
  });

  it('names the missing parts (F1 ≥ 0.9 over flagged lines)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    for (const { c, r } of judged) {
      if (!c.flag || !r.flagged) continue;
      for (const p of r.missing) {
        if (c.missing.includes(p)) tp++;
        else fp++;
      }
      for (const p of c.missing) if (!r.missing.includes(p)) fn++;
    }
    const f1 = (2 * tp) / (2 * tp + fp + fn);
    expect(f1).toBeGreaterThanOrEqual(0.9);
  });
});

describe('the compromise reader earns its cost', () => {
  // What the lexicons cannot see: who acts, a permission, a bare list of things, an event goal, an activity named
  // as the difficulty. Without the reader the same lines are misjudged.
  it('gets lines wrong without it that it gets right with it', () => {
    const lexicons = createAnalyzer({ reader: false });
    const wrongWithout = judged.filter(({ c }) => judge(c.kind === 'other' ? '' : HEADINGS[c.kind][c.jurisdiction], c.text, {}, lexicons).flagged !== c.flag).map(({ c }) => c.text);
    const wrongWith = judged.filter(({ c, r }) => r.flagged !== c.flag).map(({ c }) => c.text);
    expect(wrongWith).toEqual([]);
    expect(wrongWithout.length).toBeGreaterThanOrEqual(10);
  });
});
