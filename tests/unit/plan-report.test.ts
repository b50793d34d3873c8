import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types';
import { readPastedText } from '../../src/documents/index';
import { missingInWords } from '../../src/analysis/parts';
import { quoteOf, sectionTitleAt, sectionsOf, segmentsOf } from '../../src/documents/report';

const finding = (start: number, end: number, rule = 'HEDGE'): Finding => ({ rule, category: 'hedge', severity: 'warning', start, end, message: '', why: '' });

describe('the plan as the review page shows it', () => {
  const doc = readPastedText('Intro line\nSection F: Provision\nSam will have access to SALT. He may need regular checks as required.\nSection E: Outcomes\nSam will improve.');

  it('groups paragraphs under their headings, with text before the first heading kept', () => {
    expect(sectionsOf(doc).map((s) => [s.title, s.paragraphs])).toEqual([
      ['Start of the plan', [0]],
      ['Section F: Provision', [2]],
      ['Section E: Outcomes', [4]],
    ]);
    expect(sectionTitleAt(doc, doc.text.indexOf('improve'))).toBe('Section E: Outcomes');
    expect(sectionTitleAt(doc, 2)).toBe('Start of the plan');
  });

  it('cuts a paragraph at every finding edge, overlapping findings each covering their whole stretch', () => {
    const p = doc.paragraphs[2]!;
    const at = (s: string) => doc.text.indexOf(s);
    const findings = [finding(at('access to'), at('access to') + 9), finding(at('regular'), at('as required') + 11), finding(at('as required'), at('as required') + 11)];
    const marked = segmentsOf(p, findings)
      .filter((s) => s.findings.length)
      .map((s) => [doc.text.slice(s.start, s.end), s.findings]);
    expect(marked).toEqual([
      ['access to', [0]],
      ['regular checks ', [1]],
      ['as required', [1, 2]],
    ]);
    expect(
      segmentsOf(p, findings)
        .map((s) => doc.text.slice(s.start, s.end))
        .join(''),
    ).toBe(doc.text.slice(p.start, p.end));
  });

  it('quotes a finding\'s sentence in the plan\'s own words', () => {
    const sentence = 'He may need regular checks as required.';
    const f = finding(doc.text.indexOf(sentence), doc.text.indexOf(sentence) + sentence.length);
    expect(quoteOf(doc.text, f)).toBe(sentence);
  });

  it('names missing parts in plain words, in the register of what was judged', () => {
    expect(missingInWords({ rule: 'PROV-SPECIFY', category: 'provision', missing: ['frequency', 'who'] })).toBe('how often, who delivers it');
    expect(missingInWords({ rule: 'GOAL-MEASURE', category: 'target', missing: ['measure', 'timescale'] })).toBe('how success is measured, by when');
    expect(missingInWords({ rule: 'STRUCT-NEED-IMPACT', category: 'structure', missing: ['what', 'context', 'measure'] })).toBe(
      'the specific difficulty and its impact on learning, where or when it shows, the evidence for it (assessment, date, baseline)',
    );
    expect(missingInWords({ rule: 'HEDGE-MODAL', category: 'hedge' })).toBe('');
  });
});
