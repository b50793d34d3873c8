import { render } from 'preact';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types';
import { analyzeText } from '../../src/analysis/index';
import { readPastedText } from '../../src/documents/index';
import { FindingCard } from '../../entrypoints/review/FindingCard';
import { Amendments } from '../../entrypoints/review/Amendments';
import { speakBritish } from './words';

const doc = readPastedText('Section F: Provision\nSam will have access to speech and language therapy as required.');
const sentence = 'Sam will have access to speech and language therapy as required.';
const start = doc.text.indexOf(sentence);
const at = (words: string) => doc.text.indexOf(words);
const hedges = {
  access: '"will have access to" says the child may use something, not that it will be delivered.',
  required: '"as required" leaves it to someone to decide later whether the help is given.',
};
const withSuggestion: Finding = {
  rule: 'PROV-SPECIFY',
  category: 'provision',
  severity: 'error',
  start,
  end: start + sentence.length,
  message: `${hedges.access} ${hedges.required} This provision does not say how often or who delivers it.`,
  why: 'Provision must be specified and quantified (SEND Code of Practice 9.69).',
  suggestion: 'Sam will have speech and language therapy [how often: e.g. 3 × 20 minutes a week] from [who].',
  missing: ['frequency', 'who'],
  spans: [
    { rule: 'HEDGE-ACCESS', start: at('will have access to'), end: at('will have access to') + 19, phrase: 'will have access to', message: hedges.access },
    { rule: 'HEDGE-DISCRETION', start: at('as required'), end: at('as required') + 11, phrase: 'as required', message: hedges.required },
  ],
};

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('review page report', () => {
  // The page's words as a British browser gives them.
  beforeEach(() => void speakBritish());

  it('writes the requested amendments: a summary, then a row per sentence with its weak words, what to ask for, why and the rule', () => {
    const { report } = analyzeText(doc.text);
    const root = mount(<Amendments checked={{ doc, report, findings: [withSuggestion] }} />);
    expect(root.querySelector('.headline')!.textContent).toBe('1 sentence needs changing: 1 fails the legal test.');
    const rows = root.querySelectorAll('tbody tr');
    expect(rows).toHaveLength(1);
    const cells = [...rows[0]!.querySelectorAll('td')];
    expect(cells.map((c) => c.getAttribute('data-label'))).toEqual(['The plan says', 'Please write instead', 'Why']);
    // The plan's words under their section, the weak ones emphasised.
    expect(cells[0]!.querySelector('.section')!.textContent).toBe('Section F');
    expect(cells[0]!.textContent).toBe(`Section F ${sentence}`);
    expect([...cells[0]!.querySelectorAll('.hedge')].map((e) => e.textContent)).toEqual(['will have access to', 'as required']);
    expect(cells[1]!.textContent).toBe(withSuggestion.suggestion);
    // Slots stand out as blanks to fill.
    expect([...cells[1]!.querySelectorAll('.slot')].map((s) => s.textContent)).toEqual(['[how often: e.g. 3 × 20 minutes a week]', '[who]']);
    expect(cells[2]!.textContent).toBe('“will have access to” offers access, not help, and it leaves out how often and who gives it. (Rule 1)');
    // The rule in full, once.
    expect([...root.querySelectorAll('.rules li')].map((li) => li.textContent)).toEqual([withSuggestion.why]);
    expect([...root.querySelectorAll('.actions button')].map((b) => b.textContent)).toEqual(['Print or save as PDF', 'Download as a Word document']);
  });

  it('shows a finding card with the quote, its problems, one suggestion and the rule, and never renders plan text as markup', () => {
    const hostile = readPastedText('Sam will have access to <img src=x onerror=alert(1)> therapy.');
    const f: Finding = { ...withSuggestion, start: 0, end: hostile.text.length, spans: [] };
    const root = mount(<FindingCard text={hostile.text} finding={f} position="1 of 1" onPrevious={undefined} onNext={undefined} onClose={() => undefined} />);
    expect(root.querySelector('blockquote')!.textContent).toBe('Sam will have access to <img src=x onerror=alert(1)> therapy.');
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('.problems')!.textContent).toContain('does not say how often or who delivers it');
    expect(root.querySelector('.suggestion')!.textContent).toContain('Try instead:');
    expect(root.querySelector('.why code')!.textContent).toBe('PROV-SPECIFY');
  });
});
