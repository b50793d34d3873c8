import { describe, expect, it } from 'vitest';
import { judge } from '../testing';

const B = 'Section B: Special educational needs';

describe('needs', () => {
  it.each(['Leo has dyspraxia.', 'Global developmental delay.', 'Hana has some communication difficulties.', 'Diagnosed with ASD (2021).'])('"%s" is only a label', (line) => {
    const r = judge(B, line);
    expect(r.rules).toEqual(['STRUCT-NEED-IMPACT']);
    expect(r.missing).toEqual(['context', 'measure', 'what']);
  });

  it.each([
    'Leo has dyspraxia; he cannot fasten buttons and writes about 5 words a minute, half the rate of his peers.',
    'In the October 2025 assessment, Mo scored at the 3rd percentile for receptive vocabulary.',
  ])('a described need is not flagged: %s', (line) => {
    expect(judge(B, line).flagged).toBe(false);
  });

  it('hedges in need prose describe the child and are not judged', () => {
    expect(judge(B, 'At times Kit may refuse to enter the hall and can stay outside for up to 15 minutes when it is noisy.').flagged).toBe(false);
  });
});
