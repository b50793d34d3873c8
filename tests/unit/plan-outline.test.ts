import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types';
import { coverageOf } from '../../src/documents/coverage';
import { outlineOf, specificityBySection } from '../../src/documents/report';

const plan = readFileSync(path.join(import.meta.dirname, '../fixtures/files/plan.txt'), 'utf8');
const at = (phrase: string): Finding => {
  const start = plan.indexOf(phrase);
  return { rule: 'HEDGE', category: 'hedge', severity: 'warning', start, end: start + phrase.length, message: '', why: '' };
};

describe('outline, specificity and coverage of a plan text', () => {
  it('finds sections with offsets into the text as it is', () => {
    const sections = outlineOf(` ${plan}`);
    expect(sections.map((s) => s.title)).toEqual(['Section B: Special educational needs', 'Section E: Outcomes', 'Section F: Special educational provision']);
    expect(sections[2]!.end).toBe(plan.length + 1);
    expect(` ${plan}`.slice(sections[1]!.statements[1]!.start, sections[1]!.statements[1]!.end)).toBe('Sam will improve his social skills.');
  });

  it('counts, per section, the statements no finding touches', () => {
    expect(specificityBySection(plan, [at('access to'), at('as required'), at('regular')])).toEqual([
      { title: 'Section B: Special educational needs', statements: 2, specific: 2 },
      { title: 'Section E: Outcomes', statements: 2, specific: 2 },
      { title: 'Section F: Special educational provision', statements: 3, specific: 1 },
    ]);
  });

  it('marks a need in Section B that nothing in Section F provides for', () => {
    const { found, rows } = coverageOf(plan);
    expect(found).toBe(true);
    expect(rows).toEqual([
      { area: 'communication', need: true, provision: true },
      { area: 'cognition', need: false, provision: false },
      { area: 'semh', need: true, provision: false },
      { area: 'sensory', need: false, provision: false },
    ]);
    expect(coverageOf('Section F: Provision\nWeekly speech therapy.').found).toBe(false);
  });
});
