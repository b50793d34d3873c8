import { describe, expect, it } from 'vitest';
import { analyze, analyzeText, type Block } from './index';
import { rulesOf } from './testing';

const plan = (f: string): Block[] => [
  { id: 'h1', text: 'Education, Health and Care Plan' },
  { id: 'hb', text: 'Section B: Special educational needs' },
  { id: 'b1', text: 'Mo reads at the 2nd percentile and cannot decode unfamiliar words, so he avoids reading in lessons.' },
  { id: 'b2', text: 'Mo becomes anxious in the dinner hall and has left the building 6 times this term.' },
  { id: 'hf', text: 'Section F: Special educational provision' },
  { id: 'f1', text: f },
];

const LITERACY = 'Mo will receive 4 x 20-minute 1:1 sessions per week of the Toe by Toe reading programme from a teaching assistant trained in Toe by Toe; the SENCO will review his reading age each half term.';
const ANXIETY = 'Mo will have a 15-minute ELSA session every Monday with the school ELSA to work on his anxiety plan, reviewed each half term by the SENCO.';

describe('analyze a whole plan', () => {
  it('finds the sections, the plan type and the jurisdiction', () => {
    const report = analyze(plan(LITERACY));
    expect(report).toMatchObject({ planType: 'ehcp', jurisdiction: 'england', isPlan: true });
    expect(report.sections.map((s) => [s.role, s.blockId])).toEqual([
      ['need', 'hb'],
      ['provision', 'hf'],
    ]);
    expect(report.counts).toMatchObject({ needs: 2, provisions: 1 });
  });

  it('reports each area of need and whether provision matches it (B↔F)', () => {
    const report = analyze(plan(LITERACY));
    const anxiety = report.coverage.find((c) => c.area === 'emotional wellbeing');
    expect(anxiety).toEqual({ area: 'emotional wellbeing', needBlocks: ['b2'], provided: false });
    expect(report.coverage.find((c) => c.area === 'literacy')?.provided).toBe(true);
    const b2 = report.blocks.find((b) => b.id === 'b2')!;
    expect(b2.findings.map((f) => f.rule)).toContain('STRUCT-B-F-MATCH');
  });

  it('keeps document-level structure right after an edit to one block', () => {
    analyze(plan(LITERACY));
    const edited = analyze(plan(`${LITERACY} ${ANXIETY}`));
    expect(edited.coverage.find((c) => c.area === 'emotional wellbeing')?.provided).toBe(true);
    expect(edited.blocks.find((b) => b.id === 'b2')!.findings).toEqual([]);
  });

  it('judges a block by the section it sits in, even when its text is unchanged', () => {
    const line = 'Regular speech and language therapy.';
    const inF = analyze([{ id: 'h', text: 'Section F: Special educational provision' }, { id: 'x', text: line }]);
    const inB = analyze([{ id: 'h', text: 'Section B: Special educational needs' }, { id: 'x', text: line }]);
    expect(inF.blocks[1]!.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(inB.blocks[1]!.findings).toEqual([]);
  });

  it('returns the exact text each block was judged on', () => {
    const blocks = plan(LITERACY);
    expect(analyze(blocks).blocks.map((b) => b.text)).toEqual(blocks.map((b) => b.text));
  });
});

describe('text that is not a plan', () => {
  const email = 'Hi all, the minibus may be late on Friday. Members have access to the gym as required.';

  it('is left alone apart from hints', () => {
    const { report, findings } = analyzeText(email);
    expect(report.isPlan).toBe(false);
    expect(findings.every((f) => f.severity === 'info' && f.category === 'hedge')).toBe(true);
  });

  it('an article about plans, with plan words in its headings, is not a plan', () => {
    const article = [
      '## What should your child\'s EHCP say?',
      '- Section F: Special educational provision',
      'Section F must specify the provision your child needs. If you see "access to" or "regular", ask what it means.',
      '2. **Targets**',
      'Your child\'s targets should be SMART. You can ask the school how often they will be reviewed, and you can bring a friend to the meeting.',
      'Support',
      'You may want to contact your local SENDIASS, who can help you read the draft plan with your child.',
    ].join('\n');
    expect(analyzeText(article).report.isPlan).toBe(false);
  });

  it('a plan pasted into an email under a covering letter is still a plan', () => {
    const email = [
      'Dear Ms Patel,',
      'Thank you for your time on Tuesday. As you asked, here is the draft plan for you to read before the meeting; do let us know if you have questions or if you would like to bring someone with you.',
      'Section B: Special educational needs',
      'Kit reads at the 2nd percentile and cannot decode unfamiliar words, so he avoids reading in lessons and copies from his neighbour.',
      'Section F: Special educational provision',
      'Kit will have regular reading support.',
      'Kit will receive 3 x 20-minute 1:1 sessions a week of the Toe by Toe programme from a teaching assistant trained in Toe by Toe; the SENCO will review his reading age each half term, and his class teacher will hear him read each Friday.',
      'Kind regards, Sam. PS: you will find the advice reports attached; you can also ask the SENDIASS team, who can talk you through the draft and explain what you can ask for at the meeting.',
    ].join('\n');
    const { report, findings } = analyzeText(email);
    expect(report.isPlan).toBe(true);
    expect(findings.some((f) => f.rule === 'PROV-SPECIFY' && f.severity === 'error')).toBe(true);
  });

  it('is judged when the caller knows it is plan wording', () => {
    const { report, findings } = analyzeText('Speech and language therapy as required.', { assumePlan: true });
    expect(report.isPlan).toBe(true);
    expect(findings.some((f) => f.rule === 'PROV-SPECIFY' && f.severity !== 'info')).toBe(true);
  });
});

describe('options', () => {
  const text = 'Section F: Special educational provision\nRegular speech and language therapy.';

  it('disabledRules drops a rule or a whole family', () => {
    const rules = (o: object) => analyzeText(text, o).findings.flatMap(rulesOf);
    expect(rules({})).toContain('HEDGE-VAGUE-FREQUENCY');
    expect(rules({ disabledRules: ['HEDGE-VAGUE-FREQUENCY'] })).not.toContain('HEDGE-VAGUE-FREQUENCY');
    expect(rules({ disabledRules: ['HEDGE'] }).some((r) => r.startsWith('HEDGE-'))).toBe(false);
  });

  it('statutory strictness keeps only errors: what fails the legal test', () => {
    const t = [
      'Section F: Special educational provision',
      'Nia will have 2 x 30-minute 1:1 touch typing sessions each week with her teaching assistant.',
      'Nia will have 2 x 30-minute touch typing sessions each week in a group with her teaching assistant.',
      'Nia will have speech and language therapy as required.',
    ].join('\n');
    expect(analyzeText(t).findings.map((f) => f.severity)).toEqual(['info', 'warning', 'error']);
    expect(analyzeText(t, { strictness: 'statutory' }).findings.map((f) => f.severity)).toEqual(['error']);
  });

  it('a fixed jurisdiction chooses the law that is cited', () => {
    const why = analyzeText('Additional learning provision\nSupport from the ALNCo.', { jurisdiction: 'wales' }).findings.find((f) => f.rule === 'PROV-SPECIFY')!.why;
    expect(why).toMatch(/ALN Code/);
  });
});

describe('robustness', () => {
  it.each([
    '',
    '\n\n',
    '\uD800 lone surrogate \uDC00 and 😀 emoji',
    "Section F: Special educational provision\n''''''\"\"\"‘‘ may may may up to e.g.",
    'Section F:\n' + 'access to '.repeat(5000),
  ])('never throws and keeps offsets inside the text (%#)', (text) => {
    const { findings } = analyzeText(text);
    for (const f of findings) {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(text.length);
      expect(f.start).toBeLessThanOrEqual(f.end);
    }
    expect(analyzeText(text)).toEqual(analyzeText(text));
  });
});
