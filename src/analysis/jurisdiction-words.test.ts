// A finding speaks its plan's jurisdiction: a US IEP or 504 plan hears of services, goals, behavior and 34 CFR,
// never of provision, the Code of Practice or an EHCP; a UK plan never hears American words. Only Plan Lens's own
// words are checked: the message, the why and the slots of a suggestion (the rest of a rewrite is the plan's own).
import { describe, expect, it } from 'vitest';
import { RULE_FAMILIES } from './families';
import { analyzeText } from './index';
import { RULES } from './rules/catalogue';
import { HEADINGS, judge, rulesOf } from './testing';
import type { Finding, Jurisdiction, Options } from './types';

const BRITISH = /\bprovision\b|programme|behaviour|key stage|\bsection [a-k]\b|code of practice|\bEHCP\b|\bSENCO\b|organis|colour|counsell|\bmaths\b|local authority|\bpupils?\b|\bthis target\b|teaching assistant|\bSEND?\b/i;
const AMERICAN = /\bprogram\b|behavior|\bcolor|organiz|counselor\b|\bCFR\b|\bIEP year\b|general education|\bthis goal\b|services section|special education teacher|paraprofessional/i;

/** Plan Lens's own words in a finding: its messages, its why, and the slots it leaves in a rewrite. */
function ownWords(f: Finding): string[] {
  const slots = [...(f.suggestion ?? '').matchAll(/\[[^\]]*\]/g)].map((m) => m[0]);
  const added = f.suggestion && /^Add /.test(f.suggestion) ? [f.suggestion] : [];
  // A message quotes the plan's own words ("provision map"): those are the plan's, not ours.
  const ours = (message: string) => message.replace(/"[^"]*"/g, '""');
  return [ours(f.message), f.why, ...(f.spans ?? []).map((s) => ours(s.message)), ...slots, ...added];
}

const familyOf = (id: string) => RULES.find((r) => r.id === id)?.family;

/** Each family's wording, as each side of the Atlantic writes it: [role, sentence]. */
const SAMPLES: Record<'us' | 'uk', ['provision' | 'target' | 'outcome' | 'need', string][]> = {
  us: [
    ['provision', 'Jayden will receive speech-language therapy as needed.'],
    ['provision', 'Jayden will have access to a school counselor.'],
    ['provision', 'Opportunities to practice social skills with peers.'],
    ['provision', 'Reading support such as decodable texts, 3 x 30 minutes per week.'],
    ['provision', 'Speech-language therapy.'],
    ['provision', 'Specialized reading instruction in a small group, 3 x 30 minutes per week.'],
    ['target', 'Jayden will improve his behavior in class.'],
    ['target', 'Jayden will make progress in math.'],
    ['outcome', 'Jayden will receive 30 minutes of speech-language therapy weekly.'],
    ['need', 'Jayden has ADHD.'],
  ],
  uk: [
    ['provision', 'Oliver will receive speech and language therapy as required.'],
    ['provision', 'Oliver will have access to a counsellor.'],
    ['provision', 'Opportunities to practise social skills with peers.'],
    ['provision', 'Literacy support such as a phonics programme, 3 x 30 minutes a week.'],
    ['provision', 'Speech and language therapy.'],
    ['provision', 'Oliver will work in a small group with a teaching assistant, 3 x 30 minutes a week.'],
    ['target', 'Oliver will improve his behaviour in class.'],
    ['outcome', 'Oliver will make progress in maths.'],
    ['outcome', 'Oliver will receive 30 minutes of speech and language therapy weekly.'],
    ['need', 'Oliver has ADHD.'],
  ],
};

/** Whole plans for the document-level rules: a need with no matching service, a review with no date, a blank. */
const PLANS: Record<'us' | 'uk', string> = {
  us: [
    'Individualized Education Program (IEP)',
    HEADINGS.need.us,
    'Jayden reads at a 2nd grade level and finds decoding multisyllable words hard in class.',
    'Jayden finds it hard to make friends and plays alone at recess.',
    HEADINGS.provision.us,
    'Specialized reading instruction, 4 x 30 minutes per week, in the resource room, by a special education teacher.',
    'Jayden will receive [how often] of reading instruction.',
    'Review date: TBC',
  ].join('\n'),
  uk: [
    'Education, Health and Care Plan',
    HEADINGS.need.england,
    'Oliver reads at a level two years below his age and finds decoding hard in class.',
    'Oliver finds it hard to make friends and plays alone at break.',
    HEADINGS.provision.england,
    'Oliver will have 30 minutes of 1:1 reading daily with a trained teaching assistant, reviewed termly by the SENCO.',
    'Oliver will have [how often] of reading with a teaching assistant.',
    'Review date: TBC',
  ].join('\n'),
};

const UK: Jurisdiction[] = ['england', 'wales', 'scotland', 'ni'];

function offending(findings: readonly Finding[], words: RegExp): string[] {
  return findings.flatMap((f) => ownWords(f).filter((w) => words.test(w)).map((w) => `${f.rule}: ${w}`));
}

describe('a finding speaks its plan’s jurisdiction', () => {
  it.each(['us-iep', '504'] as const)('a US %s plan: no British words in any family’s findings', (plan) => {
    const title = plan === '504' ? 'Section 504 Plan' : 'Individualized Education Program (IEP)';
    const options: Partial<Options> = { jurisdiction: 'us' };
    const findings = [
      ...SAMPLES.us.flatMap(([role, line]) => judge(`${title}\n${HEADINGS[role].us}`, line, options).findings),
      ...analyzeText(plan === '504' ? PLANS.us.replace(/^.*\n/, `${title}\n`) : PLANS.us, options).findings,
    ];
    expect(new Set(findings.flatMap(rulesOf).map(familyOf))).toEqual(new Set(RULE_FAMILIES));
    expect(offending(findings, BRITISH)).toEqual([]);
    // The American words are there, so the check above is of American findings.
    expect(findings.some((f) => /\bservices?\b/.test(f.message))).toBe(true);
    expect(findings.some((f) => /34 CFR/.test(f.why))).toBe(true);
  });

  it.each(UK)('a UK plan (%s): no American words in any family’s findings', (j) => {
    const options: Partial<Options> = { jurisdiction: j };
    const plan = PLANS.uk.replaceAll(HEADINGS.need.england, HEADINGS.need[j]).replaceAll(HEADINGS.provision.england, HEADINGS.provision[j]);
    const findings = [...SAMPLES.uk.flatMap(([role, line]) => judge(HEADINGS[role][j], line, options).findings), ...analyzeText(plan, options).findings];
    expect(new Set(findings.flatMap(rulesOf).map(familyOf))).toEqual(new Set(RULE_FAMILIES));
    expect(offending(findings, AMERICAN)).toEqual([]);
    expect(findings.some((f) => /\bprovision\b/.test(f.message))).toBe(true);
  });

  it('every rule’s own examples, judged in a US plan and in each UK one, keep to that plan’s words', () => {
    const us: Finding[] = [];
    const uk: Finding[] = [];
    for (const r of RULES) {
      for (const e of r.examples.flags) {
        const text = typeof e === 'string' ? e : e.text;
        const role = r.applies.find((a): a is keyof typeof HEADINGS => a in HEADINGS) ?? 'provision';
        const options = typeof e === 'string' ? {} : (e.options ?? {});
        us.push(...judge(HEADINGS[role].us, text, { ...options, jurisdiction: 'us' }).findings);
        for (const j of UK) uk.push(...judge(HEADINGS[role][j], text, { ...options, jurisdiction: j }).findings);
      }
    }
    expect(us.length).toBeGreaterThan(50);
    expect(offending(us, BRITISH)).toEqual([]);
    expect(offending(uk, AMERICAN)).toEqual([]);
  });
});
