// Whatever text arrives (pasted, OCR'd, a page in any script), the analyser must not throw and must point only at
// real, whole characters of that text, the same way every time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText, type Finding } from '../../src/analysis/index';

const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;

/** Not between the halves of a surrogate pair. */
function onCodePointBoundary(text: string, i: number): boolean {
  return i <= 0 || i >= text.length || !(isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i)));
}

function expectSound(text: string, findings: Finding[]): void {
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeLessThanOrEqual(text.length);
    expect(f.start).toBeLessThan(f.end);
    expect(onCodePointBoundary(text, f.start)).toBe(true);
    expect(onCodePointBoundary(text, f.end)).toBe(true);
  }
}

const ODD = ['\u{1F600}', '\ud83d', '\ude00', 'e\u0301', '\u05e9\u05dc\u05d5\u05dd', '\u200b', '\u200d', '\u0000', '\ufeff', '\u202e', '\r\n', '\t', '\u00a0'];
// Plan words so the rules actually fire on the generated text, mixed with the odd characters.
const PLAN = ['access to', 'as required', 'will improve', 'Section F', 'Section B', 'up to 3 hours', 'a range of', 'small group', 'school staff', '3 × 20 minutes a week', 'May', 'by July 2027', '.', '\n', ' '];
const token = fc.oneof(fc.constantFrom(...ODD), fc.constantFrom(...PLAN), fc.string({ unit: 'binary', maxLength: 6 }), fc.string({ unit: 'grapheme', maxLength: 6 }));
const planText = fc.array(token, { maxLength: 60 }).map((ts) => ts.join(''));

describe('analyzeText on any string', () => {
  it('never throws, keeps offsets inside whole characters, and is deterministic', () => {
    fc.assert(
      fc.property(fc.oneof(planText, fc.string({ unit: 'binary' })), (text) => {
        const first = analyzeText(text).findings;
        expectSound(text, first);
        expect(analyzeText(text).findings).toEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it('handles empty input', () => {
    expect(analyzeText('').findings).toEqual([]);
  });

  it('handles a 1 MB document', () => {
    const para = 'Oliver will have access to speech and language therapy as required, with support from school staff. ';
    let text = '';
    for (let i = 0; text.length < 1_000_000; i++) text += `${i}. ${para}${i % 7 === 0 ? '\n' : ''}`;
    const { findings } = analyzeText(text);
    expect(findings.length).toBeGreaterThan(0);
    expectSound(text, findings);
  }, 120_000); // a ceiling for a loaded CI machine, not a speed check (that is npm run bench)
});

describe('analyze on several blocks', () => {
  it('keeps every finding inside its own block and answers the same twice', () => {
    fc.assert(
      fc.property(fc.array(planText, { minLength: 1, maxLength: 6 }), (texts) => {
        const blocks = texts.map((text, i) => ({ id: `b${i}`, text }));
        const report = analyze(blocks);
        for (const br of report.blocks) {
          const block = blocks.find((b) => b.id === br.id);
          expect(block).toBeDefined();
          expectSound(block?.text ?? '', br.findings);
        }
        expect(analyze(blocks)).toEqual(report);
      }),
      { numRuns: 150 },
    );
  });
});
