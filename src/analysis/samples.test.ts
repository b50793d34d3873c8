// The two bundled sample plans, read as a SEND caseworker would sign them off: each weak sentence gets the
// rules named here and nothing else; headings, nils, admin lines, views and the model answers get no error or
// warning. Read from assets/samples through the CLI's HTML reader (the same blocks as the page).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlToPlanDocument } from '../cli/html-text';
import { checkDocument } from '../documents/plan-document';
import { missingInWords } from './parts';
import { rulesOf } from './testing';

function judged(file: string): { serious: Map<string, string[]>; info: Map<string, string[]>; lines: string[] } {
  const doc = htmlToPlanDocument(file, readFileSync(new URL(`../../assets/samples/${file}`, import.meta.url), 'utf8'));
  const { findings } = checkDocument(doc);
  const lines = doc.text.split('\n');
  // A finding belongs to its line; a table row is named by its provision cell (the need cell is its label).
  const lineOf = (at: number) => doc.text.slice(0, at).split('\n').length - 1;
  const name = (line: string) => line.replace(/^.*? \| /, '');
  const serious = new Map<string, string[]>();
  const info = new Map<string, string[]>();
  for (const f of findings) {
    const into = f.severity === 'info' ? info : serious;
    const key = name(lines[lineOf(f.start)]!);
    // One finding per sentence: a second one on the same line would be a second underline.
    expect(into.has(key), key).toBe(false);
    into.set(key, rulesOf(f).sort());
  }
  return { serious, info, lines: lines.map(name) };
}

const EHCP: Record<string, string[]> = {
  'Oliver has a diagnosis of autism.': ['STRUCT-NEED-IMPACT'],
  'Oliver has difficulties with working memory.': ['STRUCT-B-F-MATCH', 'STRUCT-NEED-IMPACT'],
  // Described well, but only Section G mentions an OT (and only an assessment): nothing in F meets it.
  'Oliver has difficulties with fine motor skills; his handwriting is slow and he tires after 5 minutes of writing.': ['STRUCT-B-F-MATCH'],
  'Oliver will improve his concentration.': ['GOAL-VAGUE-VERB'],
  'Oliver will develop his social skills.': ['GOAL-VAGUE-VERB'],
  'Oliver will make progress in his writing.': ['GOAL-VAGUE-VERB'],
  'Oliver will have access to speech and language therapy as required.': ['HEDGE-ACCESS', 'HEDGE-DISCRETION', 'PROV-SPECIFY'],
  'Oliver will receive support from school staff to develop his social skills.': ['HEDGE-VAGUE-ACTOR', 'PROV-SPECIFY'],
  'Oliver will take part in a small group social skills session where possible.': ['HEDGE-DISCRETION', 'HEDGE-SMALL-GROUP', 'PROV-SPECIFY'],
  'Oliver will receive up to 3 hours of additional adult support each week.': ['HEDGE-UP-TO', 'HEDGE-VAGUE-ACTOR', 'PROV-SPECIFY'],
  "Staff will use a range of strategies to manage Oliver's anxiety.": ['HEDGE-VAGUE-ACTOR', 'HEDGE-VAGUE-QUANTITY', 'PROV-SPECIFY'],
  'Oliver would benefit from a visual timetable and regular movement breaks.': ['HEDGE-MODAL', 'HEDGE-VAGUE-FREQUENCY', 'PROV-SPECIFY'],
  'Oliver may benefit from an occupational therapy assessment.': ['HEDGE-MODAL', 'PROV-SPECIFY'],
};

const IEP: Record<string, string[]> = {
  '1. Amira will improve her reading.': ['GOAL-VAGUE-VERB'],
  '3. Amira will try to be more confident in class.': ['GOAL-VAGUE-VERB', 'HEDGE-MODAL'],
  'Amira will have access to a reading intervention.': ['HEDGE-ACCESS', 'PROV-SPECIFY'],
  'Adult support in class when needed.': ['HEDGE-DISCRETION', 'HEDGE-VAGUE-ACTOR', 'PROV-SPECIFY'],
  'Opportunities to use a range of multi-sensory resources, e.g. magnetic letters and sand trays.': ['HEDGE-EXAMPLES', 'HEDGE-OPPORTUNITY', 'HEDGE-VAGUE-QUANTITY', 'PROV-SPECIFY'],
};

// Strong wording a caseworker would sign off: not even a good-practice note.
const MODEL_ANSWERS = [
  'By July 2027, Oliver will follow a three-part spoken instruction given to the whole class on 4 out of 5 observed occasions, as recorded by his class teacher.',
  'By the end of Key Stage 2 (July 2028), Oliver will read a Book Band 10 (white) text aloud with 95% accuracy, as measured by a running record.',
  'A speech and language therapist will deliver 6 direct sessions of 45 minutes each term, one to one, and will write a programme for school to follow.',
  'The community paediatrician will review Oliver\'s sleep every 6 months.',
  '2. By 12/12/2026, Amira will read the first 100 high-frequency words aloud from flash cards with 90% accuracy on 3 consecutive checks.',
  '4. By the end of the spring term, Amira will spell 8 out of 10 words from her weekly list correctly in a dictated sentence.',
];

describe.each([
  ['ehcp-draft.html', EHCP],
  ['iep.html', IEP],
])('%s', (file, expected) => {
  const { serious, info, lines } = judged(file);

  it('flags each weak sentence with the rules a caseworker would raise', () => {
    for (const [sentence, rules] of Object.entries(expected)) expect([sentence, serious.get(sentence)]).toEqual([sentence, rules]);
  });

  it('raises no error or warning on any other line: headings, nils, admin fields, views, strong wording', () => {
    const others = [...serious.keys()].filter((k) => !(k in expected));
    expect(others).toEqual([]);
    // The lines are really there: a reader that dropped them would pass the line above.
    expect(lines.filter((l) => l in expected)).toHaveLength(Object.keys(expected).length);
  });

  it('leaves the model answers alone', () => {
    for (const line of MODEL_ANSWERS.filter((l) => lines.includes(l))) expect([line, info.get(line) ?? []]).toEqual([line, []]);
  });
});

describe('a need is asked about in the register of a need', () => {
  it('asks for the difficulty, where it shows and the evidence, not a measure of success or what is provided', () => {
    const doc = htmlToPlanDocument('ehcp-draft.html', readFileSync(new URL('../../assets/samples/ehcp-draft.html', import.meta.url), 'utf8'));
    const need = checkDocument(doc).findings.find((f) => f.rule === 'STRUCT-NEED-IMPACT' && doc.text.slice(f.start, f.end) === 'Oliver has a diagnosis of autism.')!;
    expect(need.suggestion).toContain('[evidence: assessment, date and baseline');
    expect(need.suggestion).not.toMatch(/\[measure:|\[context:/);
    expect(missingInWords(need)).toBe('the specific difficulty and its impact on learning, where or when it shows, the evidence for it (assessment, date, baseline)');
  });
});
