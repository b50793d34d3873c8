// What the page and file readers know about a block (heading, table row, list item) and what a line's own shape
// says when nobody knows: headings and labels are structure, a stated nil or page furniture is not plan wording.
import { describe, expect, it } from 'vitest';
import { analyze, analyzeText, type Block } from './index';
import { judge } from './testing';

const rules = (text: string): string[] => analyzeText(text).findings.filter((f) => f.severity !== 'info').map((f) => `${f.rule} ${text.slice(f.start, f.end)}`);

describe('headings are structure, never content', () => {
  it.each([
    ["Section C: The child's health needs related to their SEN", 'need'],
    ['Section E: The outcomes sought for the child', 'outcome'],
    ['Section H1: Social care provision under section 2 of the Chronically Sick and Disabled Persons Act 1970', 'provision'],
    ['Section D: The child or young person’s social care needs which relate to their SEN or disability', 'need'],
  ])('"%s" heads a %s section and is not judged', (heading, role) => {
    const report = analyzeText(`${heading}\nNone.`).report;
    expect(report.sections.map((s) => s.role)).toEqual([role]);
    expect(report.blocks.every((b) => b.findings.length === 0)).toBe(true);
  });

  it('a heading element is not judged whatever its words, and a sub-heading naming an area of need keeps the section', () => {
    const blocks: Block[] = [
      { id: 'h', text: 'Section B: Special educational needs', kind: 'heading' },
      { id: 's', text: 'Sensory and/or physical needs', kind: 'heading' },
      { id: 'b', text: 'Tom has dyspraxia.' },
      { id: 'x', text: 'Tom has autism and needs support', kind: 'heading' },
    ];
    const report = analyze(blocks);
    expect(report.blocks.map((b) => b.findings.map((f) => f.rule))).toEqual([[], [], ['STRUCT-NEED-IMPACT'], []]);
  });

  it('reads area sub-headings in pasted text by their shape', () => {
    const text = 'Section B: Special educational needs\nCommunication and interaction\nSensory and/or physical needs\nSection F: Special educational provision\nDaily 20-minute Talkabout group of 4, led by the SENCO.';
    expect(rules(text)).toEqual([]);
  });
});

describe('a short line naming an area heads what follows it, or is itself a need', () => {
  it('as the last line under Section B it is a need named only as a label', () => {
    expect(rules('Section B: Special educational needs\nSpeech and language difficulties')).toEqual(['STRUCT-NEED-IMPACT Speech and language difficulties']);
  });

  it('inside Section F it sorts the provision under it and does not start a needs section', () => {
    const text = 'Section F: Special educational provision\nCognition and learning needs\nReceptive language\nKit will have access to speech and language therapy as required.';
    expect(rules(text).filter((r) => r.startsWith('PROV-SPECIFY'))).toEqual(['PROV-SPECIFY Kit will have access to speech and language therapy as required.']);
  });
});

describe('table rows are one unit', () => {
  const plan = (row: string, kind?: Block['kind']): Block[] => [
    { id: 'hb', text: 'Section B: Special educational needs' },
    { id: 'b', text: 'Jo reads at the 3rd percentile and cannot decode unfamiliar words, so she avoids reading in lessons.' },
    { id: 'hf', text: 'Section F: Special educational provision' },
    { id: 'head', text: 'Need | Provision', kind: 'header-row' },
    { id: 'r', text: row, ...(kind ? { kind } : {}) },
  ];

  it('the need named in the first cell is not provision, and counts for B↔F coverage', () => {
    const report = analyze(plan('Reading | Jo will have 4 × 15 minutes a week of Read Write Inc. phonics, 1:1 with a teaching assistant trained in the programme; the SENCO reviews progress every 6 weeks.', 'row'));
    expect(report.blocks.flatMap((b) => b.findings)).toEqual([]);
    expect(report.coverage).toEqual([{ area: 'literacy', needBlocks: ['b'], provided: true }]);
  });

  it('judges the provision cell and underlines only it', () => {
    const row = 'Reading | Jo will have access to a reading intervention.';
    const report = analyze(plan(row));
    const f = report.blocks.find((b) => b.id === 'r')!.findings.find((x) => x.rule === 'PROV-SPECIFY')!;
    expect(row.slice(f.start, f.end)).toBe('Jo will have access to a reading intervention.');
  });

  it('a pasted row (tabs) reads the same as a page row', () => {
    const tabbed = analyze(plan('Reading\tJo will have access to a reading intervention.'));
    const piped = analyze(plan('Reading | Jo will have access to a reading intervention.', 'row'));
    const shape = (r: typeof tabbed) => r.blocks.flatMap((b) => b.findings.map((f) => [f.rule, b.text.slice(f.start, f.end)]));
    expect(shape(tabbed)).toEqual(shape(piped));
  });

  it('a service-grid row is judged whole: its first cell is the service, not a need', () => {
    const report = analyze([
      { id: 'h', text: 'Special education and related services' },
      { id: 'r', text: 'Speech-language therapy | 2 x 30 minutes weekly | special education classroom | speech-language pathologist', kind: 'row' },
    ]);
    expect(report.blocks.flatMap((b) => b.findings).filter((f) => f.severity !== 'info')).toEqual([]);
  });
});

describe('nils, admin fields and page furniture are not plan wording', () => {
  it.each([
    ['Section H2: Any other social care provision reasonably required', 'None.'],
    ['Section D: Social care needs', 'No social care needs identified at this time.'],
    ['Section J: Personal budget', 'No personal budget has been requested.'],
    ['Section F: Special educational provision', 'Not applicable.'],
    ['Section F: Special educational provision', 'Pupil: Sam. Area of need: communication and interaction.'],
    ['SEN Support plan: targets', 'Scroll down to the targets.'],
    ['Section F: Special educational provision', 'Click here to add another provision.'],
    ['Section F: Special educational provision', '2026-12-14'],
    ['Measurable annual goals', 'Student: Marcus T. Grade: 4. Case manager: Ms Alvarez.'],
  ])('under "%s": "%s"', (heading, line) => {
    expect(judge(heading, line).rules).toEqual([]);
  });

  it('a nil is not an excuse for a vague commitment', () => {
    expect(judge('Section F: Special educational provision', 'No more than 3 pupils will join Jo for support when needed.').flagged).toBe(true);
  });
});

describe('suggestions keep the plan’s own words and make them firm', () => {
  it('"will have access to" becomes "will receive", and "will try to" does not become "will will"', () => {
    const access = analyzeText('Section F: Special educational provision\nAmira will have access to a reading intervention.').findings;
    expect(access).toHaveLength(1);
    expect(access[0]!.suggestion).toMatch(/^Amira will receive a reading intervention \[/);
    const wish = analyzeText('SEN Support plan: targets\nAmira will try to be more confident in class.').findings;
    expect(wish).toHaveLength(1);
    expect(wish[0]!.suggestion).toMatch(/^Amira will \[what Amira will do that you could see, instead of "be more confident": [^\]]*\] in class/);
    expect(wish[0]!.suggestion).not.toMatch(/try to|will will/);
  });
});
