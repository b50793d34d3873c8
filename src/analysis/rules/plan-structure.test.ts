import { describe, expect, it } from 'vitest';
import { analyzeText } from '../index';
import { areasOf, checkReviewDate } from './plan-structure';

describe('areas of need', () => {
  it('recognises specific needs in wording', () => {
    expect(areasOf('She finds handwriting tiring and her pencil grip is weak.')).toContain('fine motor');
    expect(areasOf('He is anxious about noise.')).toEqual(expect.arrayContaining(['emotional wellbeing', 'sensory']));
  });
});

const ENGLAND = { jurisdiction: 'england', planType: 'sen-support' } as const;

describe('IEP review date', () => {
  it.each(['Review date: ongoing', 'Review date: TBC', 'Next review: termly', 'Review date:'])('flags "%s"', (line) => {
    expect(checkReviewDate(line, ENGLAND)?.rule).toBe('IEP-REVIEW-DATE');
  });
  it('accepts a calendar date', () => {
    expect(checkReviewDate('Review date: 12 February 2027', ENGLAND)).toBeUndefined();
  });
});

describe('IEP target count', () => {
  const target = (n: number) => `By the end of the spring term, Zoe will read ${n} more CVC words from the Phase 2 list with 90% accuracy in her weekly check.`;
  it('warns when an IEP has more than four targets', () => {
    const many = ['SEN Support plan', 'Targets', ...[1, 2, 3, 4, 5].map(target)].join('\n');
    expect(analyzeText(many).findings.map((f) => f.rule)).toContain('IEP-TARGET-COUNT');
    const few = ['SEN Support plan', 'Targets', ...[1, 2, 3].map(target)].join('\n');
    expect(analyzeText(few).findings.map((f) => f.rule)).not.toContain('IEP-TARGET-COUNT');
  });
});

describe('CSP persons by whom', () => {
  const csp = (extra: string[]) =>
    [
      'Co-ordinated support plan',
      'Factors giving rise to additional support needs',
      'Rhona has a severe hearing impairment; without her radio aid she follows little of what is said in class.',
      'Additional support required to achieve the educational objectives',
      'A teacher of the deaf will visit for 1 hour each week to teach Rhona to manage her radio aid.',
      ...extra,
    ].join('\n');

  it('warns when a CSP names no persons by whom support is provided', () => {
    expect(analyzeText(csp([])).findings.map((f) => f.rule)).toContain('STRUCT-SCO-CSP');
  });

  it('is satisfied by a persons-by-whom section', () => {
    const text = csp(['Persons by whom the additional support is to be provided', 'Teacher of the deaf, Sensory Support Service.']);
    expect(analyzeText(text).findings.map((f) => f.rule)).not.toContain('STRUCT-SCO-CSP');
  });
});

describe('B↔F coverage', () => {
  const plan = (provisionSection: string) =>
    [
      'Section B: Special educational needs',
      'Maya finds handwriting slow and tiring; she writes 6 words a minute against a class average of 15.',
      provisionSection,
      'An occupational therapist will deliver 6 sessions of 30 minutes each term, one to one, on pencil grip and letter formation.',
    ].join('\n');
  const gaps = (text: string) => analyzeText(text).report.coverage.filter((c) => !c.provided).map((c) => c.area);
  it('counts provision in Section F as meeting the need', () => {
    expect(gaps(plan('Section F: Special educational provision'))).not.toContain('fine motor');
  });
  it('does not count health or social care provision (G, H1, H2): what educates or trains belongs in F', () => {
    expect(gaps(plan('Section G: Any health provision reasonably required'))).toContain('fine motor');
    expect(gaps(plan('Section H2: Any other social care provision reasonably required'))).toContain('fine motor');
  });
});
