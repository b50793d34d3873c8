import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types';
import { analyzeText } from '../../src/analysis/index';
import { readPastedText } from '../../src/documents/index';
import { FindingCard } from '../../entrypoints/review/FindingCard';
import { PrintReport } from '../../entrypoints/review/PrintReport';

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
  it('prints each sentence once, its hedge words emphasised: its problems, the one wording to ask for, the rule', () => {
    const { report } = analyzeText(doc.text);
    const root = mount(<PrintReport checked={{ doc, report, findings: [withSuggestion] }} />);
    const points = root.querySelectorAll('.point');
    expect(points).toHaveLength(1);
    expect(points[0]!.querySelector('blockquote')!.textContent).toBe(`“${sentence}”`);
    expect([...points[0]!.querySelectorAll('blockquote .hedge')].map((e) => e.textContent)).toEqual(['will have access to', 'as required']);
    expect([...points[0]!.querySelectorAll('.problems li')].map((e) => e.textContent)).toEqual([hedges.access, hedges.required, 'This provision does not say how often or who delivers it.']);
    const text = points[0]!.textContent;
    expect(text).toContain('Ask for instead: Sam will have speech and language therapy [how often: e.g. 3 × 20 minutes a week] from [who].');
    expect(text).toContain('The rule behind it: Provision must be specified');
    // Slots stand out as blanks to fill.
    expect([...root.querySelectorAll('.slot')].map((s) => s.textContent)).toEqual(['[how often: e.g. 3 × 20 minutes a week]', '[who]']);
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
