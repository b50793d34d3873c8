import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { analyzeText, type Finding } from '../analysis/index';
import { readText } from '../documents/text';
import { placesIn } from '../documents/report';
import { answerLine, main } from './check';
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
    expect((JSON.parse(answerLine('{not json')) as { error?: string }).error).toBeTruthy();
    expect(JSON.parse(answerLine('{"id":7}'))).toMatchObject({ id: 7, error: '"text" must be a string' });
  });
});

describe('where a finding is (placesIn)', () => {
  const doc = readText('plan.txt', 'Section F: Provision\n\nSam will have access to SALT.\nSection E: Outcomes\nSam will improve.');
  const places = placesIn(doc, { sections: [{ name: 'Section F: Provision', role: 'provision', blockId: '0' }, { name: 'Section E: Outcomes', role: 'outcome', blockId: '2' }] });

  it('counts lines and columns from 1 in the file\'s own lines, empty lines included', () => {
    expect(places(0)).toMatchObject({ line: 1, column: 1, section: 'Section F: Provision' });
    expect(places(doc.text.indexOf('access'))).toMatchObject({ line: 3, column: 15, section: 'Section F: Provision' });
    expect(places(doc.text.indexOf('improve'))).toMatchObject({ line: 5, column: 10, section: 'Section E: Outcomes' });
  });

  it('costs a search per finding, not a scan of the plan: placing every line\'s finding in a 6 MB plan costs a few passes over its text', () => {
    const doc = readText('big.txt', Array.from({ length: 80_000 }, (_, i) => `Line ${i}: Sam will have access to speech and language therapy as required.`).join('\n'));
    const offsets = doc.paragraphs.map((p) => p.start + 10);
    /** The fastest of several runs: what the work costs, without the machine's other load. */
    const fastest = (work: () => void) =>
      Math.min(
        ...[0, 1, 2, 3, 4].map(() => {
          const t = performance.now();
          work();
          return performance.now() - t;
        }),
      );
    // The anchor: one pass over the text, as cutting it into lines takes (placing costs about 10 of them). A scan
    // of the text per finding would cost tens of thousands.
    const pass = fastest(() => doc.text.split('\n'));
    const placing = fastest(() => {
      const at = placesIn(doc, { sections: [] });
      for (const o of offsets) at(o);
    });
    expect(placing / pass).toBeLessThan(400);
  });
});

interface JsonReport {
  file: string;
  planType: string;
  findings: (Finding & { quote: string; line: number; column: number; section: string | null })[];
}

/** What the CLI prints for `args`. */
async function printed(args: string[]): Promise<string> {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  try {
    expect(await main(args)).toBe(0);
    return log.mock.calls.map((c) => String(c[0])).join('\n');
  } finally {
    log.mockRestore();
  }
}

describe('check FILE --json', () => {
  const report = async (file: string) => JSON.parse(await printed(['--json', file])) as JsonReport;

  it('gives the same findings for the sample plan as a PDF, as a DOCX and as text: the review page reads them alike', async () => {
    const text = readFileSync('tests/fixtures/files/plan.txt', 'utf8').trim();
    const expected = analyzeText(text).findings.map((f) => ({ rule: f.rule, quote: text.slice(f.start, f.end) }));
    expect(expected.length).toBeGreaterThan(0);
    for (const file of ['plan.pdf', 'plan.docx', 'plan.txt']) expect((await report(`tests/fixtures/files/${file}`)).findings.map((f) => ({ rule: f.rule, quote: f.quote })), file).toEqual(expected);
  });

  it('carries each finding\'s quoted words, line, column and section, as the readable output and --text place them', async () => {
    const file = 'assets/samples/ehcp-draft.html';
    const { findings } = await report(file);
    expect(findings.length).toBeGreaterThan(0);
    const lines = (await printed(['--text', file])).split('\n');
    const readable = await printed([file]);
    for (const f of findings) {
      expect(lines[f.line - 1]!.slice(f.column - 1, f.column - 1 + f.quote.length)).toBe(f.quote);
      expect(readable).toContain(`${f.line}:${f.column}  ${f.severity}  ${f.rule}  "${f.quote}"`);
    }
    // The sample's sections are its "Section X: …" headings: each finding sits under the last one above its line.
    const sectionAbove = (line: number) => lines.slice(0, line).findLast((l) => /^Section [A-K]\d?: /.test(l));
    for (const f of findings) expect([f.quote, f.section]).toEqual([f.quote, sectionAbove(f.line)]);
    expect(new Set(findings.map((f) => f.section)).size).toBeGreaterThan(2);
  });

  it('takes the command\'s verb, as `plan-lens check FILE` is typed', async () => {
    expect(await printed(['check', '--json', 'tests/fixtures/files/plan.txt'])).toBe(await printed(['--json', 'tests/fixtures/files/plan.txt']));
  });
});

it('builds the plan-lens command to plain JavaScript that node runs as it is', () => {
  // Inside the clone, as dist/ is: the command finds its npm packages in node_modules.
  mkdirSync('node_modules/.cache', { recursive: true });
  const dir = mkdtempSync('node_modules/.cache/plan-lens-bin-');
  try {
    const out = path.resolve(dir, 'plan-lens.mjs');
    execFileSync(process.execPath, ['scripts/build-cli.mjs', out]);
    expect(readFileSync(out, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
    const plan = path.join(dir, 'plan.txt');
    writeFileSync(plan, 'Section F: Special educational provision\nSam will have access to speech and language therapy as required.\n');
    const json = JSON.parse(execFileSync(out, ['check', '--json', plan], { encoding: 'utf8' })) as JsonReport;
    expect(json.findings.some((f) => f.quote.includes('access to'))).toBe(true);
    expect(json.findings.every((f) => f.line === 2 && f.section === 'Section F: Special educational provision')).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
