import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types';
import { outlineOf, shortSectionName, toFixBySection } from '../../src/documents/report';

const plan = readFileSync(path.join(import.meta.dirname, '../fixtures/files/plan.txt'), 'utf8');
const at = (phrase: string): Finding => {
  const start = plan.indexOf(phrase);
  return { rule: 'HEDGE', category: 'hedge', severity: 'warning', start, end: start + phrase.length, message: '', why: '' };
};
// Sections as the analyser reports them: the block (line) each starts at.
const sections = [
  { name: 'Section B: Special educational needs', role: 'need' as const, blockId: '0' },
  { name: 'Section E: Outcomes', role: 'outcome' as const, blockId: '3' },
  { name: 'Section F: Special educational provision', role: 'provision' as const, blockId: '6' },
];

describe('outline and specificity of a plan text', () => {
  it("cuts the text at the analyser's sections, with offsets into the text as it is", () => {
    const outline = outlineOf(plan, { sections });
    expect(outline.map((s) => s.title)).toEqual(sections.map((s) => s.name));
    expect(outline[2]!.end).toBe(plan.length);
    expect(outline[1]!.statements.map((st) => plan.slice(st.start, st.end))).toEqual([
      'By July 2027, Sam will follow a three-part instruction in class in 4 out of 5 observed opportunities.',
      'Sam will improve his social skills.',
    ]);
  });

  it('keeps text before the first section, an inline label with its text, and a text with no sections', () => {
    const text = 'Name: Sam\nSection F: Sam will have weekly speech therapy.';
    const outline = outlineOf(text, { sections: [{ name: 'Section F', role: 'provision', blockId: '1' }] });
    expect(outline.map((s) => [s.title, s.statements.map((st) => text.slice(st.start, st.end))])).toEqual([
      ['Start of the plan', ['Name: Sam']],
      ['Section F', ['Section F: Sam will have weekly speech therapy.']],
    ]);
    expect(outlineOf('One line.\nTwo lines.', { sections: [] }).map((s) => [s.title, s.statements.length])).toEqual([['The plan', 2]]);
  });

  it('counts, per section with something to fix, the statements an error or warning is on; a note asks for nothing', () => {
    const note = { ...at('Sam will improve his social skills.'), severity: 'info' as const };
    expect(toFixBySection(plan, { sections }, [at('access to'), at('as required'), at('regular'), note])).toEqual([{ title: 'Section F: Special educational provision', statements: 3, toFix: 2 }]);
  });

  it('names a lettered section short, and leaves other headings as they are', () => {
    expect(shortSectionName('Section F: The special educational provision required by the child')).toBe('Section F');
    expect(shortSectionName('PART 3 - Provision')).toBe('Part 3');
    expect(shortSectionName('Communication and interaction')).toBe('Communication and interaction');
  });
});
