import { describe, expect, it } from 'vitest';
import { sentenceAround } from '../../src/page/sentence';

const around = (text: string, phrase: string) => {
  const i = text.indexOf(phrase);
  const s = sentenceAround(text, i, i + phrase.length);
  return text.slice(s.start, s.end);
};

describe('sentenceAround', () => {
  it('finds the sentence that holds the flagged words', () => {
    const text = 'Sam reads daily. He will have access to a laptop as required. Reviewed termly.';
    expect(around(text, 'access to')).toBe('He will have access to a laptop as required.');
    expect(around(text, 'as required')).toBe('He will have access to a laptop as required.');
    expect(around(text, 'Sam')).toBe('Sam reads daily.');
    expect(around(text, 'termly')).toBe('Reviewed termly.');
  });

  it('does not end a sentence at a decimal point or inside a list line', () => {
    expect(around('Support for 2.5 hours where possible. Next.', 'where possible')).toBe('Support for 2.5 hours where possible.');
    expect(around('Target 1: read words.\nTarget 2: have access to a buddy\nTarget 3', 'access to')).toBe('Target 2: have access to a buddy');
  });
});
