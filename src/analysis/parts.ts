// The parts a finding says are missing, in words that fit what was judged: a provision lacks "how often", a
// target "a measure of success", a need "the evidence". One table for messages, cards, the review page and reports.
import type { Finding, Part } from './types';

/** What the wording was judged as: its missing parts are asked for in that register. */
export type Subject = 'provision' | 'goal' | 'need';

const PROVISION: Record<Part, string> = {
  what: 'what exactly will be done',
  frequency: 'how often',
  duration: 'for how long',
  who: 'who delivers it',
  group_size: 'the group size',
  training: 'what training the staff have',
  monitoring: 'how it will be monitored',
  measure: 'how success is measured',
  context: 'when or where',
  timescale: 'by when',
};

const OVERRIDES: Record<Subject, Partial<Record<Part, string>>> = {
  provision: {},
  goal: { what: 'what the child will do that can be seen', context: 'the conditions (when, where or given what)' },
  need: {
    what: 'the specific difficulty and its impact on learning',
    context: 'where or when it shows',
    measure: 'the evidence for it (assessment, date, baseline)',
  },
};

/** The kind of wording a finding is about, from its rule. */
export function subjectOf(finding: Pick<Finding, 'rule' | 'category'>): Subject {
  if (finding.rule === 'STRUCT-NEED-IMPACT') return 'need';
  if (finding.category === 'target' || finding.rule === 'STRUCT-OUTCOME-NOT-PROVISION') return 'goal';
  return 'provision';
}

export function partWords(part: Part, subject: Subject): string {
  return OVERRIDES[subject][part] ?? PROVISION[part];
}

/** "how often, who delivers it" — the missing parts of a finding, as a list for a card or a report. */
export function missingInWords(finding: Pick<Finding, 'rule' | 'category' | 'missing'>): string {
  const subject = subjectOf(finding);
  return (finding.missing ?? []).map((p) => partWords(p, subject)).join(', ');
}

/** "how often, for how long and who delivers it" — for a sentence in a message. */
export function listParts(parts: readonly Part[], subject: Subject): string {
  const words = parts.map((p) => partWords(p, subject));
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]!}`;
}
