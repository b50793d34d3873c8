import { describe, expect, it } from 'vitest';
import { judge } from '../testing';

const T = 'SEN Support plan: targets';
const E = 'Section E: Outcomes';
const US = 'Measurable annual goals';

describe('targets and outcomes', () => {
  it('a SMART target passes', () => {
    expect(judge(T, 'By the end of the spring term, when given 10 flashcards, Eve will read at least 8 of the 10 Phase 3 digraphs correctly in her weekly 1:1 check.').flagged).toBe(false);
    expect(judge(US, 'By the end of the IEP year, given a grade-level word problem, Luis will solve it with 80% accuracy on 4 of 5 weekly probes.').flagged).toBe(false);
  });

  it('a vague verb with nothing to measure is flagged with all four parts', () => {
    const r = judge(T, 'Ava will improve her spelling.');
    expect(r.flagged).toBe(true);
    expect(r.missing).toEqual(['context', 'measure', 'timescale', 'what']);
    expect(r.rules).toContain('GOAL-VAGUE-VERB');
  });

  it('asks for an observable skill in place of the vague verb', () => {
    const f = judge(T, 'Ava will improve her spelling.').findings.find((x) => x.rule === 'GOAL-VAGUE-VERB')!;
    expect(f.suggestion).toMatch(/^Ava will \[what Ava will do that you could see, instead of "improve her spelling": [^\]]*\] \[measure:/);
    expect(f.message).toContain('"improve" cannot be observed or counted');
  });

  it('a date does not rescue an unmeasurable target', () => {
    const r = judge(T, 'By Christmas, Omar will be more confident in PE.');
    expect(r.missing).toEqual(expect.arrayContaining(['what', 'measure']));
    expect(r.missing).not.toContain('timescale');
  });

  it('a number with no skill, conditions or date leaves the skill undefined', () => {
    const r = judge(T, 'Ruby will spell 15 words.');
    expect(r.missing).toEqual(expect.arrayContaining(['what', 'context', 'timescale']));
  });

  it('a goal a dead man could meet, or whose verb names no behaviour, names no skill', () => {
    for (const text of ['Zachary will not hit his neighbours.', 'The child will stop hitting.', 'Helen will learn to add and subtract numbers.', 'Jack will do his homework.', "For the young person's health to be optimum."]) {
      expect(judge(US, text).missing, text).toContain('what');
    }
    expect(judge(US, 'Zachary will not hit his neighbours.').findings[0]!.message).toContain('a behaviour to stop, not what the child will do instead');
    expect(judge(T, 'to listen attentively').missing).toContain('what');
  });

  it('a measure makes the same verbs observable; a counted behaviour is named', () => {
    expect(judge(US, 'By the end of the IEP year, Helen will learn to add two single-digit numbers with 80% accuracy on 4 of 5 weekly probes.').flagged).toBe(false);
    expect(judge(T, 'By July, Zachary will not hit a peer at playtime on 5 of 5 consecutive days, as recorded in the behaviour log.').missing).not.toContain('what');
    const counted = judge(US, 'Mary will decrease the number of times she blurts out during class.');
    expect(counted.missing).toContain('measure');
    expect(counted.missing).not.toContain('what');
  });

  it('an outcome that is really provision is provision in the wrong place', () => {
    const r = judge(E, 'Harry will receive weekly occupational therapy.');
    expect(r.rules).toContain('STRUCT-OUTCOME-NOT-PROVISION');
    expect(r.missing).toEqual(['context', 'measure', 'timescale', 'what']);
  });

  it('a modal in a target is flagged as a wish', () => {
    expect(judge('Part 3: Objectives', 'By June 2027, Aoibhe should add two-digit numbers with 80% accuracy on the end-of-unit test.').rules).toContain('HEDGE-MODAL');
  });

  it('a date in the label counts', () => {
    expect(judge('Educational objectives', 'Educational objective (by June 2027): Finn will take 3 turns in a board game with 2 peers without adult prompting on 4 of 5 days.').flagged).toBe(false);
  });
});
