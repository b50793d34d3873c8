import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { analyzeText } from '../analysis/index';
import { answerLine, lineCol, main } from './check';
import { htmlToPlanDocument } from './html-text';

describe('htmlToPlanDocument', () => {
  it('makes one paragraph per block element, marks headings and decodes entities', () => {
    const doc = htmlToPlanDocument('x.html', '<style>p{}</style><h2>Section F</h2><p>Speech &amp; language</p><ul><li>One</li><li>Two</li></ul><table><tr><td>A</td><td>B</td></tr></table>');
    expect(doc.text.split('\n')).toEqual(['Section F', 'Speech & language', 'One', 'Two', 'A | B']);
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['heading', undefined, 'item', 'item', 'row']);
    expect(doc.paragraphs[0]?.heading).toBe(true);
    expect(doc.paragraphs[1]?.heading).toBe(false);
  });

  it('reads a table row of plain cells as one line, like the page; rows holding lists keep a line per block', () => {
    const doc = htmlToPlanDocument(
      'x.html',
      '<table><thead><tr><th>Need</th><th>Provision</th></tr></thead><tr><td>Reading</td><td><p>Daily phonics,</p><p>15 minutes.</p></td></tr><tr><td>Anxiety</td><td><ul><li>Calm box</li></ul></td></tr></table>',
    );
    expect(doc.text.split('\n')).toEqual(['Need | Provision', 'Reading | Daily phonics, 15 minutes.', 'Anxiety', 'Calm box']);
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['header-row', 'row', undefined, 'item']);
  });

  it('reads the IEP sample\'s fields as the page does: textarea lines and text inputs, not a date picker', () => {
    const doc = htmlToPlanDocument('iep.html', readFileSync('assets/samples/iep.html', 'utf8'));
    expect(doc.text).toContain('1. Amira will improve her reading.\n2. By 12/12/2026');
    expect(doc.text).toContain('Amira will have access to a reading intervention.');
    expect(doc.text).toContain('Cognition and learning: Amira reads single words');
    expect(doc.text).not.toContain('2026-12-14');
    expect(doc.text).not.toContain('font-family');
  });
});

describe('answerLine (JSONL protocol)', () => {
  it('answers with the id and findings whose offsets lie inside the text', () => {
    const text = 'Oliver will have access to speech and language therapy as required.';
    const answer = JSON.parse(answerLine(JSON.stringify({ id: 'a1', text }))) as { id: string; findings: { start: number; end: number }[] };
    expect(answer.id).toBe('a1');
    for (const f of answer.findings) expect(f.end).toBeLessThanOrEqual(text.length);
  });

  it('answers a bad line with an error instead of stopping', () => {
    expect(JSON.parse(answerLine('{not json'))).toMatchObject({ id: null, findings: [] });
    expect(JSON.parse(answerLine('{not json')).error).toBeTruthy();
    expect(JSON.parse(answerLine('{"id":7}'))).toMatchObject({ id: 7, error: '"text" must be a string' });
  });
});

it('lineCol counts from 1', () => {
  expect(lineCol('ab\ncd', 0)).toBe('1:1');
  expect(lineCol('ab\ncd', 4)).toBe('2:2');
});

describe('check FILE --json', () => {
  /** The report the CLI prints for a file. */
  async function report(file: string): Promise<{ planType: string; findings: unknown[] }> {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    try {
      expect(await main(['--json', file])).toBe(0);
      return JSON.parse(String(log.mock.calls[0]![0])) as { planType: string; findings: unknown[] };
    } finally {
      log.mockRestore();
    }
  }

  it('gives the same findings for the sample plan as a PDF, as a DOCX and as text: the review page reads them alike', async () => {
    const text = readFileSync('tests/fixtures/files/plan.txt', 'utf8').trim();
    // As JSON carries it: fields left undefined are not written.
    const expected = JSON.parse(JSON.stringify(analyzeText(text).findings)) as unknown[];
    expect(expected.length).toBeGreaterThan(0);
    for (const file of ['plan.pdf', 'plan.docx', 'plan.txt']) expect((await report(`tests/fixtures/files/${file}`)).findings, file).toEqual(expected);
  });
});
