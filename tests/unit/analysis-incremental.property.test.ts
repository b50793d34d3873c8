// The analyser caches what it read and judged per block text; after any edit its answer must be exactly what a
// fresh analyser (empty caches) answers for the edited document. Edits here move blocks between sections, change
// headings (so every block after them changes section), block kinds (heading, table row, list item), the plan
// type, the jurisdiction and whether it is a plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyzer, type Block, type BlockKind, type Options } from '../../src/analysis/index';

const HEADINGS = [
  'Section B: Special educational needs',
  'Section E: Outcomes',
  'Section F: Special educational provision',
  'Part 3: Provision',
  '2B.2 Additional learning provision',
  'Factors giving rise to additional support needs',
  'Additional support required to achieve the educational objectives',
  'Persons by whom the additional support is to be provided',
  'Measurable annual goals',
  'Present levels of academic achievement and functional performance',
  'Targets',
  'Support',
  'Needs',
  'Parent views',
];
const CONTENT = [
  'Mo reads at the 2nd percentile and cannot decode unfamiliar words, so he avoids reading in lessons.',
  'Mo becomes anxious in the dinner hall and has left the building 6 times this term.',
  'She finds handwriting tiring and her pencil grip is weak.',
  'Mo will receive 4 x 20-minute 1:1 sessions per week of the Toe by Toe reading programme from a teaching assistant.',
  'Mo will have a 15-minute ELSA session every Monday with the school ELSA to work on his anxiety plan.',
  'Regular speech and language therapy.',
  'Access to a quiet space as required.',
  'He will have access to occupational therapy input to support his fine motor skills.',
  'By July 2027, Zoe will read 20 more CVC words from the Phase 2 list with 90% accuracy in her weekly check.',
  'To improve her reading.',
  'Mo will be able to ask for help when he needs it.',
  '"I like maths but I hate the noise at lunch."',
  'Review date: TBC',
  'Review date: 12 February 2027',
  'SEN Support plan',
  'Co-ordinated support plan',
  'Individual Education Plan',
  'A teacher of the deaf will visit for 1 hour each week, delivered by the Sensory Support Service.',
  'Your child may be entitled to extra help; you can ask the school for an assessment of your child.',
  'Literacy support: small group phonics three times a week with the class teacher.',
  'The IEP team agreed 30 minutes per week of counseling with the school psychologist.',
  'Ysgol staff will provide ALP in Welsh.',
  'Reading | Mo will receive 3 x 20-minute phonics sessions a week from a trained teaching assistant.',
  'Speech and language | Regular speech and language therapy.',
  'Anxiety\tAccess to a quiet space as required.',
  'Need | Provision | Outcome',
  'Communication and interaction',
  'None.',
  '',
];
const blockText = fc.oneof(fc.constantFrom(...HEADINGS), fc.constantFrom(...CONTENT), fc.constantFrom(...CONTENT).map((t) => `${t} Again.`));
// Most blocks come with no kind (pasted text); the page and file readers mark headings, rows and list items.
const blockKind = fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom<BlockKind>('heading', 'row', 'header-row', 'item') });

type Edit =
  | { edit: 'replace' | 'insert'; at: number; text: string; kind: BlockKind | undefined }
  | { edit: 'delete'; at: number }
  | { edit: 'heading'; at: number; text: string }
  | { edit: 'kind'; at: number; kind: BlockKind | undefined };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ edit: fc.constant('replace' as const), at: fc.nat(), text: blockText, kind: blockKind }),
  fc.record({ edit: fc.constant('insert' as const), at: fc.nat(), text: blockText, kind: blockKind }),
  fc.record({ edit: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ edit: fc.constant('heading' as const), at: fc.nat(), text: fc.constantFrom(...HEADINGS) }),
  fc.record({ edit: fc.constant('kind' as const), at: fc.nat(), kind: fc.constantFrom<BlockKind | undefined>(undefined, 'heading', 'row', 'header-row', 'item') }),
);

let nextId = 0;
function block(text: string, kind?: BlockKind): Block {
  const id = `b${nextId++}`;
  return kind ? { id, text, kind } : { id, text };
}
const withKind = (b: Block, kind: BlockKind | undefined): Block => (kind ? { id: b.id, text: b.text, kind } : { id: b.id, text: b.text });

function apply(blocks: Block[], e: Edit): Block[] {
  const out = blocks.slice();
  if (e.edit === 'insert') {
    out.splice(e.at % (out.length + 1), 0, block(e.text, e.kind));
    return out;
  }
  if (!out.length) return out;
  const at = e.at % out.length;
  if (e.edit === 'delete') out.splice(at, 1);
  else if (e.edit === 'replace') out[at] = withKind({ ...out[at]!, text: e.text }, e.kind);
  else if (e.edit === 'kind') out[at] = withKind(out[at]!, e.kind);
  else {
    // Rename the nth heading (or make a block one): every block after it may change section.
    const headings = out.flatMap((b, i) => (HEADINGS.includes(b.text) ? [i] : []));
    const i = headings.length ? headings[e.at % headings.length]! : e.at % out.length;
    out[i] = { ...out[i]!, text: e.text };
  }
  return out;
}

const OPTIONS: Partial<Options>[] = [{}, { assumePlan: true }, { strictness: 'statutory' }, { jurisdiction: 'scotland' }, { disabledRules: ['HEDGE'] }, { customPhrases: ['small group'] }];
const options = fc.constantFrom(...OPTIONS);

describe('incremental analysis', () => {
  it('after any sequence of single-block edits equals a fresh analysis of the edited document', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(blockText, blockKind), { maxLength: 14 }), fc.array(fc.tuple(edit, options), { minLength: 1, maxLength: 6 }), options, (start, edits, first) => {
        const analyzer = createAnalyzer();
        let blocks = start.map(([text, kind]) => block(text, kind));
        analyzer.analyze(blocks, first);
        for (const [e, opts] of edits) {
          blocks = apply(blocks, e);
          expect(analyzer.analyze(blocks, opts)).toEqual(createAnalyzer().analyze(blocks, opts));
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000); // a ceiling for a loaded CI machine, not a speed check (that is npm run bench)

  it('judges the same text again when its kind moves where its content starts (table row, then list item)', () => {
    const row = 'Reading | Mo will receive 3 x 20-minute phonics sessions a week from a trained teaching assistant.';
    const plan = (kind: BlockKind): Block[] => [{ id: 'f', text: 'Section F: Special educational provision' }, { id: 'r', text: row, kind }];
    const analyzer = createAnalyzer();
    analyzer.analyze(plan('row'));
    expect(analyzer.analyze(plan('item'))).toEqual(createAnalyzer().analyze(plan('item')));
  });

  it('still answers right once its caches overflow and age out', () => {
    const analyzer = createAnalyzer();
    const plan = [HEADINGS[0]!, CONTENT[0]!, CONTENT[1]!, HEADINGS[2]!, CONTENT[3]!].map((text) => block(text));
    const first = analyzer.analyze(plan);
    // More distinct texts than the cache holds, as a long editing session would produce.
    analyzer.analyze(Array.from({ length: 12_000 }, (_, i) => block(`Draft ${i} of a sentence.`)));
    expect(analyzer.analyze(plan)).toEqual(first);
    expect(first).toEqual(createAnalyzer().analyze(plan));
  }, 120_000);
});
