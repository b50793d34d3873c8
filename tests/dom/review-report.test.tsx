import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/analysis/types';
import { analyzeText } from '../../src/analysis/index';
import { readPastedText } from '../../src/documents/index';
import { FindingCard } from '../../entrypoints/review/FindingCard';
import { PrintReport } from '../../entrypoints/review/PrintReport';

const doc = readPastedText('Section F: Provision\nSam will have access to speech and language therapy as required.');
const start = doc.text.indexOf('access to');
const withSuggestion: Finding = {
  rule: 'PROV-FREQ',
  category: 'provision',
  severity: 'error',
  start,
  end: start + 'access to speech and language therapy'.length,
  message: 'It does not say how often or who delivers it.',
  why: 'Provision must be specified and quantified (SEND Code of Practice 9.69).',
  suggestion: 'Sam will have speech and language therapy [how often: e.g. 3 × 20 minutes a week] from [who].',
  missing: ['frequency', 'who'],
};
const withoutSuggestion: Finding = { ...withSuggestion, rule: 'HEDGE-AS-REQUIRED', category: 'hedge', start: doc.text.indexOf('as required'), end: doc.text.indexOf('as required') + 11, suggestion: undefined, missing: ['frequency'] };

function mount(node: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(node, root);
  return root;
}

describe('review page report', () => {
  it('prints each sentence once, with every weak phrase: the problem, what is missing, what to ask for, the rule', () => {
    const { report } = analyzeText(doc.text);
    const root = mount(<PrintReport checked={{ doc, report, findings: [withSuggestion, withoutSuggestion] }} />);
    const points = root.querySelectorAll('.point');
    expect(points).toHaveLength(1);
    expect(points[0]!.querySelector('blockquote')!.textContent).toBe('“Sam will have access to speech and language therapy as required.”');
    const text = points[0]!.textContent!;
    expect(text).toContain('What is missing: how often, who delivers it');
    expect(text).toContain('Ask for instead: Sam will have speech and language therapy [how often: e.g. 3 × 20 minutes a week] from [who].');
    expect(text).toContain('Ask for: wording that states how often.');
    expect(text).toContain('The rule behind it: Provision must be specified');
    // Slots stand out as blanks to fill.
    expect([...root.querySelectorAll('.slot')].map((s) => s.textContent)).toEqual(['[how often: e.g. 3 × 20 minutes a week]', '[who]']);
  });

  it('shows a finding card with the quote, missing parts, suggestion and rule, and never renders plan text as markup', () => {
    const hostile = readPastedText('Sam will have access to <img src=x onerror=alert(1)> therapy.');
    const f: Finding = { ...withSuggestion, start: hostile.text.indexOf('access to'), end: hostile.text.indexOf('access to') + 9 };
    const root = mount(<FindingCard text={hostile.text} finding={f} position="1 of 1" onPrevious={undefined} onNext={undefined} onClose={() => undefined} />);
    expect(root.querySelector('blockquote')!.textContent).toBe('Sam will have access to <img src=x onerror=alert(1)> therapy.');
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain('Missing: how often, who delivers it');
    expect(root.querySelector('.why code')!.textContent).toBe('PROV-FREQ');
  });
});
