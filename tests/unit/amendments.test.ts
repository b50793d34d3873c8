import { describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { requestedAmendments, type Amendments } from '../../src/documents/amendments';
import { amendmentsDocument } from '../../src/documents/amendments-docx';
import { readPlanFileFromPath } from '../../src/documents/node';
import { checkDocument } from '../../src/documents/plan-document';
import { gradeLevel, syllables } from './readability';

const SAMPLES = ['assets/samples/ehcp-draft.html', 'assets/samples/iep.html', 'tests/fixtures/files/plan.txt'];

async function amendmentsOf(file: string): Promise<{ a: Amendments; flagged: number; text: string }> {
  const doc = await readPlanFileFromPath(file);
  const { report, findings } = checkDocument(doc);
  return { a: requestedAmendments(doc, report, findings, new Date(2026, 11, 2)), flagged: findings.filter((f) => f.severity !== 'info').length, text: doc.text };
}

/** Everything the response explains in its own words (not the plan's, not the rules' legal text). */
const explanations = (a: Amendments) => [...a.intro, a.summary.headline, ...a.rows.map((r) => r.why)];

describe('the readability measure', () => {
  it('counts syllables and grades text as the Flesch–Kincaid formula does', () => {
    expect(['cat', 'table', 'provision', 'therapy', 'decide', 'used', 'examples', 'required'].map(syllables)).toEqual([1, 2, 3, 3, 2, 1, 3, 2]);
    expect(gradeLevel('The cat sat on the mat.')).toBeLessThan(2);
    // The analyser's legal wording, which is what the response must not read like.
    expect(gradeLevel('This provision does not say what exactly will be done, how often, for how long, who delivers it and how it will be monitored, so nobody could check whether it is being delivered.')).toBeGreaterThan(11);
  });
});

describe.each(SAMPLES)('requested amendments for %s', (file) => {
  it('has a row for every flagged sentence, in the plan’s order, with its words, what to ask for and its rule', async () => {
    const { a, flagged, text } = await amendmentsOf(file);
    expect(a.rows.length).toBe(flagged);
    expect(a.rows.length).toBeGreaterThan(0);
    let at = 0;
    for (const r of a.rows) {
      const found = text.indexOf(r.words, at);
      expect(found, r.words).toBeGreaterThanOrEqual(at);
      at = found;
      for (const w of r.weak) expect(w.end).toBeLessThanOrEqual(r.words.length);
      expect(r.askFor).toBeTruthy();
      expect(a.rules[r.ruleNumber - 1]!.name).toBe(r.rule);
    }
    // Each rule is quoted in full once.
    expect(new Set(a.rules.map((r) => r.text)).size).toBe(a.rules.length);
  });

  it('explains in plain English: one short sentence per row, each at reading grade 9 or below', async () => {
    const { a } = await amendmentsOf(file);
    for (const r of a.rows) expect(r.why.split(/(?<=[.!?])\s+(?=[A-Z“])/), r.why).toHaveLength(1);
    const grades = explanations(a).map((t) => ({ t, grade: gradeLevel(t) }));
    for (const g of grades) expect(g.grade, g.t).toBeLessThanOrEqual(9);
    expect(gradeLevel(explanations(a).join(' '))).toBeLessThanOrEqual(7);
  });
});

describe('the sample draft EHCP', () => {
  it('sums up errors first, by section, what is missing most often, and the needs with no provision', async () => {
    const { a } = await amendmentsOf('assets/samples/ehcp-draft.html');
    expect(a.summary.headline).toMatch(/^13 sentences need changing: \d+ fail the legal test and \d+ would be questioned\.$/);
    expect(a.summary.bySection.map((s) => s.section.split(':')[0])).toEqual(['Section B', 'Section E', 'Section F', 'Section G']);
    expect(a.summary.bySection.reduce((n, s) => n + s.sentences, 0)).toBe(13);
    expect(a.summary.missing[0]!.sentences).toBeGreaterThanOrEqual(a.summary.missing.at(-1)!.sentences);
    expect(a.summary.needsWithoutProvision).toEqual([
      { area: 'memory and processing', words: 'Oliver has difficulties with working memory.' },
      { area: 'fine motor', words: 'Oliver has difficulties with fine motor skills; his handwriting is slow and he tires after 5 minutes of writing.' },
    ]);
    // An English EHCP: the 15 days a parent has to reply.
    expect(a.intro.join(' ')).toContain('15 days');
  });

  it('becomes a Word document: A4, 11 pt body, a table with a header row and a row per sentence', async () => {
    const { a } = await amendmentsOf('assets/samples/ehcp-draft.html');
    const zip = await JSZip.loadAsync(await Packer.toBuffer(amendmentsDocument(a)));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(a.rows.length + 1);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/<w:sz w:val="22"\/>/);
    for (const r of a.rows) expect(xml).toContain(r.why.replace(/&/g, '&amp;'));
  });
});
