import { describe, expect, it } from 'vitest';
import { segment } from './segment';

describe('segment', () => {
  it('splits sentences with exact offsets', () => {
    const text = 'Ben will have a laptop. He will use it daily!  Reviewed by Mrs. Khan each term.';
    const units = segment(text);
    expect(units.map((u) => u.text)).toEqual(['Ben will have a laptop.', 'He will use it daily!', 'Reviewed by Mrs. Khan each term.']);
    for (const u of units) expect(text.slice(u.start, u.end)).toBe(u.text);
  });

  it('does not split after abbreviations, initials or decimals', () => {
    expect(segment('Visual aids, e.g. a timetable, and Dr. A. Okafor will visit for 1.5 hours.')).toHaveLength(1);
  });

  it('drops bullet markers and blank lines', () => {
    const text = '- 30 minutes of phonics\n\n• Movement breaks';
    expect(segment(text).map((u) => u.text)).toEqual(['30 minutes of phonics', 'Movement breaks']);
  });

  it('returns nothing for empty or blank text', () => {
    expect(segment('')).toEqual([]);
    expect(segment('  \n ')).toEqual([]);
  });

  it('a list number is a marker, not a sentence of its own', () => {
    expect(segment('2. By July, Amira will read 40 words. She will read them aloud.').map((u) => u.text)).toEqual(['By July, Amira will read 40 words.', 'She will read them aloud.']);
  });
});
