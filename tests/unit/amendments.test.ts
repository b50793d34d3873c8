import { describe, expect, it } from 'vitest';
import { Packer } from 'docx';
import JSZip from 'jszip';
import { requestedAmendments, type Amendments } from '../../src/documents/amendments';
import { amendmentsDocument } from '../../src/documents/amendments-docx';
import { readPlanFileFromPath } from '../../src/documents/node';
import { checkDocument } from '../../src/documents/plan-document';
import { readText } from '../../src/documents/text';
import { bundledWords } from '../../src/documents/words';
import { gradeLevel, syllables } from './readability';

const SAMPLES = ['assets/samples/ehcp-draft.html', 'assets/samples/iep.html', 'tests/fixtures/files/plan.txt'];

const british = bundledWords('en-GB');
const american = bundledWords('en-US');

async function amendmentsOf(file: string, words = british): Promise<{ a: Amendments; flagged: number; text: string }> {
  const doc = await readPlanFileFromPath(file);
  const { report, findings } = checkDocument(doc);
  return { a: requestedAmendments(doc, report, findings, new Date(2026, 11, 2), words), flagged: findings.filter((f) => f.severity !== 'info').length, text: doc.text };
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
    const zip = await JSZip.loadAsync(await Packer.toBuffer(amendmentsDocument(a, british)));
    const xml = await zip.file('word/document.xml')!.async('string');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(xml.match(/<w:tr>|<w:tr /g)).toHaveLength(a.rows.length + 1);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(styles).toMatch(/<w:sz w:val="22"\/>/);
    for (const r of a.rows) expect(xml).toContain(r.why.replace(/&/g, '&amp;'));
  });
});

/** The Word document's text, paragraph by paragraph. */
async function docxText(a: Amendments, words = british): Promise<string> {
  const zip = await JSZip.loadAsync(await Packer.toBuffer(amendmentsDocument(a, words)));
  const xml = await zip.file('word/document.xml')!.async('string');
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
}

describe('the requested amendments speak the reader’s English', () => {
  it('British words: the date, the headings and the reasons of the sample EHCP', async () => {
    const { a } = await amendmentsOf('assets/samples/ehcp-draft.html');
    expect(a.date).toBe('2 December 2026');
    expect(a.about).toContain('Education, Health and Care plan (EHCP) · England');
    const text = await docxText(a);
    for (const heading of ['Requested amendments to the draft plan', 'Needs with no provision', 'The changes I ask for', 'The plan says', 'Please write instead', '(Rule 1)']) expect(text).toContain(heading);
  });

  it('American words in an en-US browser: the same rows, with a US date, headings and reasons, also in the Word document', async () => {
    const [{ a: gb }, { a: us }] = await Promise.all([amendmentsOf('assets/samples/ehcp-draft.html'), amendmentsOf('assets/samples/ehcp-draft.html', american)]);
    expect(us.rows.map((r) => r.words)).toEqual(gb.rows.map((r) => r.words));
    expect(us.date).toBe('December 2, 2026');
    expect(us.summary.headline).toBe(gb.summary.headline);
    expect(us.rows.map((r) => r.why)).toContain('The plan has no services for this need.');
    expect(gb.rows.map((r) => r.why)).toContain('The plan has no help for this need in the provision section.');
    const text = await docxText(us, american);
    expect(text).toContain('Needs with no services');
    expect(text).not.toContain('Needs with no provision');
    expect(text).toContain('December 2, 2026');
  });

  it('a US plan in an en-US browser: services, the plan’s own area names and no British word of ours', () => {
    const doc = readText(
      'iep.txt',
      ['Individualized Education Program (IEP)', 'Present levels of academic achievement and functional performance', 'Behavior: Jayden hits peers when he is upset and finds it hard to calm down in class.', 'Special education and related services', 'Specialized reading instruction.'].join('\n'),
    );
    const { report, findings } = checkDocument(doc);
    const a = requestedAmendments(doc, report, findings, new Date(2026, 11, 2), american);
    expect(a.about).toBe('iep.txt · IEP (US, IDEA) · United States');
    expect(a.summary.needsWithoutProvision.map((n) => n.area)).toContain('behavior and regulation');
    expect(a.rows.map((r) => r.why)).toContainEqual(expect.stringMatching(/^The plan leaves out .*, so no one can check it is provided\.$/));
    const ours = [a.title, ...a.intro, a.summary.headline, ...a.summary.missing.map((m) => m.what), ...a.rows.map((r) => r.why)].join(' ');
    expect(ours).not.toMatch(/provision|programme|behaviour|organis/i);
  });
});
