import { RULE_FAMILIES } from '../families';
import { describe, expect, it } from 'vitest';
import { judge } from '../testing';

const F = 'Section F: Special educational provision';
const E = 'Section E: Outcomes';

describe('hedges in provision', () => {
  it.each([
    ['Charlie will have access to a movement break when he needs one.', 'HEDGE-ACCESS'],
    ['Opportunities to practise turn-taking with peers.', 'HEDGE-OPPORTUNITY'],
    ['Speech and language therapy will be provided where possible.', 'HEDGE-DISCRETION'],
    ['Frequent reminders from the class teacher.', 'HEDGE-VAGUE-FREQUENCY'],
    ['Jess would benefit from a daily handwriting programme.', 'HEDGE-MODAL'],
    ['Up to 15 hours a week of 1:1 teaching assistant time.', 'HEDGE-UP-TO'],
    ['A writing slope, pencil grips etc.', 'HEDGE-EXAMPLES'],
    ['Jay will read with a trusted adult every morning for 10 minutes.', 'HEDGE-VAGUE-ACTOR'],
    ['Literacy teaching as per the school provision map.', 'HEDGE-DEFERRAL'],
  ])('flags %s', (line, rule) => {
    const r = judge(F, line);
    expect(r.flagged).toBe(true);
    expect(r.rules).toContain(rule);
  });

  it('matches hyphenated forms and keeps the longest phrase', () => {
    const r = judge(F, 'Sam would benefit from small-group maths.');
    expect(r.rules).toContain('HEDGE-MODAL');
    const modal = r.findings[0]!.spans!.find((s) => s.rule === 'HEDGE-MODAL')!;
    expect(`${F}\nSam would benefit from small-group maths.`.slice(modal.start, modal.end)).toBe('would benefit from');
    expect(modal.phrase).toBe('would benefit from');
    expect(r.rules).toContain('HEDGE-SMALL-GROUP');
    expect(r.findings[0]!.spans!.find((s) => s.rule === 'HEDGE-SMALL-GROUP')!.phrase).toBe('small group');
  });

  it('does not match inside a larger word', () => {
    expect(judge(F, 'Sometimes-used words: handsome.').rules).not.toContain('HEDGE-VAGUE-QUANTITY');
  });
});

describe('false-positive guards', () => {
  it('May the month is not a modal', () => {
    const r = judge(F, 'From May 2026, Ali will receive 2 x 30 minutes of 1:1 Lexia tuition per week from a teaching assistant trained in Lexia, reviewed termly by the SENCO.');
    expect(r.rules).not.toContain('HEDGE-MODAL');
  });

  it('"up to N pupils" caps the group, not the provision', () => {
    const r = judge(F, 'Lego therapy for 40 minutes every Tuesday in a group of up to 3 pupils, run by a teaching assistant trained in Lego therapy, reviewed by the SENCO each term.');
    expect(r.flagged).toBe(false);
  });

  it('a vague frequency word followed by an explicit schedule is harmless', () => {
    const r = judge(F, 'Regular sensory breaks: 5 minutes after every 20 minutes of desk work, led by a teaching assistant trained by the occupational therapist, who reviews the plan each term.');
    expect(r.flagged).toBe(false);
  });

  it('"regular classroom" is a US place', () => {
    const r = judge('Special education and related services', 'Co-teaching in the regular classroom, 200 minutes per week, by the special education teacher, for the IEP term.');
    expect(r.rules).not.toContain('HEDGE-VAGUE-FREQUENCY');
  });

  it('quoted views are never judged', () => {
    const r = judge(F, "Priya will have 20 minutes of 1:1 reading every day with the HLTA, who logs each session ('I might like to read comics,' says Priya).");
    expect(r.rules).not.toContain('HEDGE-MODAL');
  });

  it('"additional support" is Scotland\'s statutory term', () => {
    const r = judge('Additional support required to achieve the educational objectives', 'Additional support will be 3 hours a week of 1:1 literacy tuition from a support for learning teacher, reviewed at each IEP meeting.');
    expect(r.rules).not.toContain('HEDGE-VAGUE-QUANTITY');
  });

  it('a purpose clause may hedge without weakening the target', () => {
    const r = judge(E, 'By July 2027, Dan will walk to the bus stop on his own on 5 out of 5 school days, so that he might join the youth club.');
    expect(r.flagged).toBe(false);
  });
});

describe('custom phrases', () => {
  it('flags a school\'s own phrases on whole words', () => {
    const line = 'Weekly 30-minute Nessy sessions with a teaching assistant trained in Nessy, as the budget permits, reviewed by the SENCO each term.';
    expect(judge(F, line).flagged).toBe(false);
    const r = judge(F, line, { customPhrases: ['as the budget permits'] });
    expect(r.rules).toContain('HEDGE-CUSTOM');
  });

  it('shows a house phrase\'s own message', () => {
    const line = 'Weekly 30-minute Nessy sessions with a teaching assistant trained in Nessy, as the budget permits, reviewed by the SENCO each term.';
    const r = judge(F, line, { customPhrases: [{ phrase: 'as the budget permits', message: 'Funding is the LA\'s duty, not a condition. Remove it.' }] });
    expect(r.findings.map((f) => f.message).join(' ')).toContain("Funding is the LA's duty, not a condition");
  });

  it('does not flag a hedge inside a phrase the house allows', () => {
    const line = 'Weekly 30-minute Nessy sessions with a teaching assistant trained in Nessy, reviewed by the SENCO as part of the termly review where appropriate.';
    expect(judge(F, line).flagged).toBe(true);
    expect(judge(F, line, { allowedPhrases: ['as part of the termly review where appropriate'] }).flagged).toBe(false);
  });
});

describe('rule families', () => {
  it('turns a whole family off by its id', () => {
    const line = 'Oliver will have access to speech and language therapy as required.';
    expect(judge(F, line).rules.some((r) => r.startsWith('HEDGE-'))).toBe(true);
    for (const family of RULE_FAMILIES) expect(judge(F, line, { disabledRules: [family] }).rules.some((r) => r.startsWith(`${family}-`))).toBe(false);
  });
});
