// GOAL-*: targets and outcomes need a skill, a context, a measure and a timescale (SMART); an "outcome" that is
// really a service is provision in the wrong section (STRUCT-OUTCOME-NOT-PROVISION).
import { GOAL_CONTEXT, GOAL_MEASURE, GOAL_TIMESCALE, GOAL_VAGUE, PROVISION_IN_OUTCOME } from '../lexicon';
import { DETAILED_WORDS, type Item } from '../item';
import type { Finding, Part } from '../types';
import { findAll, phraseRegex, test, wordCount } from '../text';
import { hedgeReplacements, suggestRewrite } from '../suggest';
import { goalWhy, hedgeFindings, type HedgeHit } from './hedges';
import { listParts } from '../parts';

const re = {
  vague: phraseRegex(GOAL_VAGUE),
  timescale: phraseRegex(GOAL_TIMESCALE),
  measure: phraseRegex(GOAL_MEASURE),
  context: phraseRegex(GOAL_CONTEXT),
  provision: phraseRegex(PROVISION_IN_OUTCOME),
  // "so that she can make friends" says why, not what will be measured.
  purpose: /\bso that\b[^.;]*/gi,
  vagueContext: /\bin a (?:range|variety) of (?:settings|contexts|situations)\b/gi,
};

/** A measured target this short with no conditions or date names a number, not a skill. */
const BARE_WORDS = 12;
const ALL: readonly Part[] = ['what', 'measure', 'context', 'timescale'];

function withoutPurpose(text: string): string {
  return text.replace(re.purpose, (m) => ' '.repeat(m.length)).replace(re.vagueContext, (m) => ' '.repeat(m.length));
}

export function judgeGoal(item: Item): { missing: Part[]; provision: boolean; vague: { start: number; end: number }[] } {
  const content = withoutPurpose(item.text);
  // The label can carry the date ("Educational objective (by June 2026): …").
  const whole = `${item.label} ${content}`;
  if (test(re.provision, content)) return { missing: [...ALL], provision: true, vague: [] };
  const vague = findAll(re.vague, content, item.start);
  const hasMeasure = test(re.measure, content);
  const hasContext = test(re.context, content);
  const hasTime = test(re.timescale, whole);
  const missing = new Set<Part>();
  // A vague verb matters when nothing measures it (GOAL-VAGUE-VERB); a bare number with no conditions or date
  // ("Lucas will read 20 words") still leaves the skill undefined.
  if ((vague.length && !hasMeasure) || (hasMeasure && !hasContext && !hasTime && wordCount(content) <= BARE_WORDS)) missing.add('what');
  if (!hasMeasure || (vague.length > 0 && !/\d/.test(content))) missing.add('measure');
  if (!hasContext) missing.add('context');
  if (!hasTime) missing.add('timescale');
  return { missing: ALL.filter((p) => missing.has(p)), provision: false, vague };
}

export function goalFindings(item: Item, hedges: readonly HedgeHit[]): Finding[] {
  const { missing, provision, vague } = judgeGoal(item);
  const why = goalWhy(item);
  const severity = item.statutory || item.role === 'outcome' ? 'error' : 'warning';
  const out = hedgeFindings(item, hedges, false);
  if (provision) {
    out.push({
      rule: 'STRUCT-OUTCOME-NOT-PROVISION',
      category: 'structure',
      severity: 'warning',
      start: item.start,
      end: item.end,
      message: 'This describes a service or resource, not what the child will be able to do. Move it to the provision section and write the difference it should make.',
      why: `${why} An outcome is "the benefit or difference made to an individual as a result of an intervention".`,
      suggestion: `By ${'[by when: e.g. by the end of the spring term 2027]'}, [child] will [skill or behaviour] [context: when, where or given what] [measure: e.g. on 4 out of 5 occasions].`,
      missing,
    });
    return out;
  }
  // Flag when the skill, the measure or the date is missing; context alone is a good-practice point. A long,
  // detailed target lacking only one of them is more likely phrased unusually than vague: a note, not a flag.
  // US annual goals run for the IEP year by default, so a missing date alone does not make one weak.
  const open = missing.filter((p) => p === 'what' || p === 'measure' || (p === 'timescale' && item.jurisdiction !== 'us'));
  const weak = open.length > 1 || (open.length === 1 && (hedges.length > 0 || wordCount(item.text) < DETAILED_WORDS));
  // A target with an observable skill, a measure and a date is SMART enough to sign off: a missing condition alone
  // ("when given…") is not worth an underline.
  if (!missing.length || (missing.length === 1 && missing[0] === 'context')) return out;
  const first = vague[0];
  out.push({
    rule: missing.includes('what') ? 'GOAL-VAGUE-VERB' : missing.includes('measure') ? 'GOAL-MEASURE' : missing.includes('timescale') ? 'GOAL-TIMESCALE' : 'GOAL-CONTEXT',
    category: 'target',
    severity: weak ? severity : 'info',
    start: item.start,
    end: item.end,
    message: `${item.role === 'outcome' ? 'This outcome' : 'This target'} does not say ${listParts(missing, 'goal')}${
      first ? `; "${item.block.slice(first.start, first.end)}" cannot be observed or counted` : ''
    }.`,
    why,
    suggestion: suggestRewrite(item.text, [...hedgeReplacements(item, hedges), ...vague.map((v) => ({ start: v.start - item.start, end: v.end - item.start, part: 'what' as const }))], missing, 'goal'),
    missing,
  });
  return out;
}
