// PROV-*: the seven provision questions (what, how often, how long, by whom, group size, training, monitoring)
// for EHCP Section F, IDP 2B.2, CSP additional support, NI Part 3, US services/accommodations and IEP support.
import {
  ACCOMMODATIONS, AMOUNT_ACCOMMODATIONS, BARE_THERAPIES, CONCRETE_CONTENT, DURATION_EVIDENCE, FREQUENCY_EVIDENCE, GENERIC_CONTENT, GOAL_TIMESCALE, GROUP_SIZE_EVIDENCE,
  GROUP_WORDS, MONITORING_EVIDENCE, NON_SPECIALIST_DELIVERERS, REVIEWABLE_WORK, SPECIALIST_WORK, SPECIFIC_ROLES, STANDING_ACCOMMODATIONS, TRAINING_EVIDENCE,
} from '../lexicon';
import { DETAILED_WORDS, type Item } from '../item';
import type { Finding, Part } from '../types';
import { phraseRegex, test, wordCount } from '../text';
import { hedgeReplacements, suggestRewrite } from '../suggest';
import { hedgeFindings, provisionWhy, type HedgeHit } from './hedges';
import { listParts } from '../parts';

const re = {
  roles: phraseRegex(SPECIFIC_ROLES),
  concrete: phraseRegex(CONCRETE_CONTENT),
  generic: phraseRegex(GENERIC_CONTENT),
  therapy: phraseRegex(BARE_THERAPIES),
  frequency: phraseRegex(FREQUENCY_EVIDENCE),
  duration: phraseRegex(DURATION_EVIDENCE),
  group: phraseRegex([GROUP_WORDS]),
  groupSize: phraseRegex(GROUP_SIZE_EVIDENCE),
  accommodation: phraseRegex(ACCOMMODATIONS),
  amountAccommodation: phraseRegex(AMOUNT_ACCOMMODATIONS),
  standing: phraseRegex(STANDING_ACCOMMODATIONS),
  reviewable: phraseRegex(REVIEWABLE_WORK),
  monitoring: phraseRegex(MONITORING_EVIDENCE),
  nonSpecialist: phraseRegex(NON_SPECIALIST_DELIVERERS),
  specialistWork: phraseRegex(SPECIALIST_WORK),
  training: phraseRegex(TRAINING_EVIDENCE),
  number: /\d/,
  supportTo: /\bsupport(?:ed)?\b[^.;]{0,160}\bto (?:help|support|enable|assist)\b|\bsupport (?:with|to)\b/i,
  // One-off work (an assessment, a written programme) has a date rather than a session length.
  // An assessment or observation is done once, by a date: it has no "how often" or session length.
  assessment: /\b(?:an?|one) (?:[\w-]+ ){0,4}(?:assessment|observation)\b/i,
  timescale: phraseRegex(GOAL_TIMESCALE),
  oneOff: /\bwill (?:assess|carry out an? (?:\w+ )?assessment|write|devise|set up|install|provide a written|complete an?)\b/i,
  extraTimeAmount: /\d+(?:\.\d+)?\s?x\b|\d+\s?%|\d+\s?min|time and a half|double time/i,
  therapyModel: /\b(?:direct|indirect|consultation|model|focus(?:ed|sed|ing)? on|targets|written by|programme (?:written|devised|set))\b/i,
  // Work delivered in sessions (as opposed to equipment or a standing arrangement); "teaching assistant" is a role.
  sessionWork: /\b(?:sessions?|therapy|tuition|support(?! (?:assistant|staff|for learning|service))|(?:be|is|are|being) supported|time[- ]out|programmes?|programs?|interventions?|check[- ]?ins?|breaks?|visits?|visiting|group|attend|services|pre[- ]?(?:learning|teaching|tutoring)|play|reading(?! comprehension| age| assignments?| tasks?| materials?| texts?| books?)|teaching(?! assistants?| staff)|taught|instruction|help|input|counsel+ing|time with|(?:will|to) work with|diet|space|room|area|sensory circuits?)\b/i,
  specialistDeliverer: /\b(?:therapist|psychologist|specialist teacher|advisory teacher|teacher of the (?:deaf|visually impaired)|QTVI|QToD|paediatrician|pediatrician|clinician|speech-language pathologist)\b/i,
  monitoringClause: /\b(?:will|to) (?:check(?![- ]?ins?\b)|review|monitor|update|observe|log)\b/i,
  groupChoice: /(?:1:1|individual(?:ly)?|small[ -]group|whole class|pairs?)[^.;]{0,40}\bor\b[^.;]{0,30}(?:1:1|small[ -]group|whole class|groups?|individual)/i,
  usLocation: /\b(?:classroom|resource room|special education(?: setting)?|general education|regular education|setting|room|school|home|community|center|centre|office|library|gym|bus|cafeteria)\b/i,
  usService: /\b(?:related service|special education|speech|occupational|physical therapy|counseling|services?|instruction|minutes)\b/i,
};

export const CORE: readonly Part[] = ['what', 'frequency', 'duration', 'who'];
// 34 CFR 300.320(a)(7) asks US services for frequency, location and duration; the provider is good practice there.
const CORE_US: readonly Part[] = ['what', 'frequency', 'duration'];
const ORDER: readonly Part[] = ['what', 'frequency', 'timescale', 'duration', 'who', 'group_size', 'training', 'monitoring'];

export interface ProvisionJudgement {
  missing: Part[];
  /** What, how often, how long and who are all answered. */
  specified: boolean;
}

/** Answers the seven questions for one provision item, using its hedges (a vague word cancels its part). */
export function judgeProvision(item: Item, hedges: readonly HedgeHit[]): ProvisionJudgement {
  const t = item.text;
  const missing = new Set<Part>();
  if (item.personsByWhom) {
    if (!test(re.roles, t)) missing.add('who');
    return { missing: [...missing], specified: missing.size === 0 };
  }
  const rules = new Set(hedges.map((h) => h.group.rule));
  const hasNumber = re.number.test(t);
  const therapy = test(re.therapy, t);
  const named = test(re.concrete, t);
  const concrete = named || (therapy && hasNumber);
  const generic = test(re.generic, t);
  const bareTherapy = therapy && !hasNumber && !named && !re.therapyModel.test(t);
  const openList = rules.has('HEDGE-EXAMPLES');
  // Whether the item is delivered in sessions is read without its monitoring clause ("…at her half-termly visit").
  const delivered = t
    .split(/[;,.]/)
    .filter((clause) => !re.monitoringClause.test(clause))
    .join(' ');
  // "Access to a classroom assistant" names a person, not what they will do.
  const accessToPerson = hedges.some((h) => h.group.rule === 'HEDGE-ACCESS' && test(re.roles, t.slice(h.end - item.start, h.end - item.start + 50)));
  // "Opportunities for…" and access to a person stand for sessions that have not been specified.
  const sessions = re.sessionWork.test(delivered) || rules.has('HEDGE-OPPORTUNITY') || accessToPerson;
  const accommodation = !sessions && test(re.accommodation, t);
  const standing = !sessions && test(re.standing, t);

  // what: a generic category (support, input, a programme) with nothing concrete, an open list, a bare therapy name.
  if (bareTherapy || openList || (accessToPerson && !concrete) || (generic && (!concrete || /\ba range of\b/i.test(t)))) missing.add('what');
  // how often / how long: standing arrangements (a seat, awareness, a curriculum) need neither;
  // equipment needs its occasion; extra time needs its amount.
  const answered: Partial<Record<Part, boolean>> = {
    frequency: test(re.frequency, t),
    duration: test(re.duration, t),
    who: test(re.roles, t),
    group_size: test(re.groupSize, t),
  };
  // "An occupational therapy assessment" names a therapy but is not sessions of it.
  const once = re.assessment.test(t) && !re.sessionWork.test(delivered.replace(re.assessment, ' ')) && !rules.has('HEDGE-OPPORTUNITY');
  if (once) {
    if (!test(re.timescale, t)) missing.add('timescale');
  } else if (!standing && !answered.frequency) missing.add('frequency');
  // Only work delivered over time has a length; equipment, standing arrangements and an assessment do not (extra
  // time needs its amount).
  if (!once && (accommodation || !sessions || re.oneOff.test(t) ? test(re.amountAccommodation, t) && !re.extraTimeAmount.test(t) : !standing && !answered.duration)) missing.add('duration');
  // A seat or extra time needs no deliverer, unless the item hands it to someone vague ("staff to give extra time").
  const exempt = standing && /\b(?:seating|extended time|extra time)\b/i.test(t) && !rules.has('HEDGE-VAGUE-ACTOR');
  if (!answered.who && !exempt) missing.add('who');
  if (item.jurisdiction !== 'us' && ((test(re.group, t) && !answered.group_size) || re.groupChoice.test(t))) missing.add('group_size');
  if ((test(re.nonSpecialist, t) || test(re.specialistWork, t)) && !test(re.training, t)) missing.add('training');
  if (item.jurisdiction !== 'us' && test(re.reviewable, t) && !test(re.monitoring, t)) missing.add('monitoring');

  // A hedge cancels the part it leaves open: always for discretion, caps and deferrals; for softer words only
  // when nothing else in the item answers that question (FP-FREQUENT-PLUS-NUMBER).
  for (const h of hedges) {
    const part = h.group.part;
    // FP-US-GROUP: US services need no group size.
    if (!part || part === 'what' || (part === 'group_size' && item.jurisdiction === 'us')) continue;
    if (!h.group.softWhenSpecified || !answered[part]) missing.add(part);
  }
  for (const h of hedges) {
    if (h.group.rule === 'HEDGE-VAGUE-QUANTITY' && /\d\s*[-–]\s*\d/.test(h.text)) {
      // A wide range fixes neither the amount nor how often.
      missing.add('frequency');
      if (/min|hour|hr/i.test(h.text)) missing.add('duration');
    }
    if (h.group.rule === 'HEDGE-VAGUE-QUANTITY' && /^some$/i.test(h.text)) missing.add('duration');
    if (h.group.rule === 'HEDGE-OPPORTUNITY' || (h.group.rule === 'HEDGE-DEFERRAL' && !concrete)) missing.add('what');
    // Someone "available" to the child says nothing about what they will do.
    if (/available/i.test(h.text) && !concrete) missing.add('what');
  }
  // A therapist's or specialist teacher's own sessions are reviewed as part of the work: an otherwise specified
  // item they deliver needs no separate monitoring line.
  if (missing.size === 1 && missing.has('monitoring') && re.specialistDeliverer.test(t)) missing.delete('monitoring');
  const list = ORDER.filter((p) => missing.has(p));
  const core = item.jurisdiction === 'us' && item.planType !== '504' ? CORE_US : CORE;
  const open = [...core, 'timescale' as const].filter((p) => missing.has(p));
  // A long, detailed item with no hedge that seems to lack one answer is more likely phrased in a way the
  // lexicons do not know than vague: it gets a good-practice note rather than a flag.
  // Generic support "to help him…" is the catalogue's own vague-content trigger, so length does not excuse it.
  const vagueContent = open[0] === 'what' && re.supportTo.test(t);
  // Soft hedges that another part of the item answers do not count against it; a wish ("should") always does.
  const harmless = hedges.every((h) => h.group.softWhenSpecified && h.group.rule !== 'HEDGE-MODAL' && !open.includes(h.group.part ?? 'what'));
  const words = open.length && open.length <= 2 && harmless && !vagueContent ? wordCount(t) : 0;
  // The longer the item, the more answers it may phrase in ways the lexicons miss.
  // No amount at all (neither how often nor how long) is never excused: it is the heart of L v Clarke.
  const amountless = open.includes('frequency') && open.includes('duration');
  const detailed = (open.length === 1 && words >= DETAILED_WORDS) || (open.length === 2 && !amountless && words >= 1.25 * DETAILED_WORDS);
  return { missing: list, specified: open.length === 0 || detailed };
}

const WHERE_SLOT = '[where: e.g. general education classroom]';

function withSlot(sentence: string, slot: string): string {
  return `${sentence.replace(/[\s.]*$/, '')} ${slot}.`;
}

export function provisionFindings(item: Item, hedges: readonly HedgeHit[]): Finding[] {
  const { missing, specified } = judgeProvision(item, hedges);
  const out = hedgeFindings(item, hedges, specified);
  const why = provisionWhy(item);
  // US services: 34 CFR 300.320(a)(7) asks for the location as well.
  const noLocation = item.jurisdiction === 'us' && item.planType !== '504' && re.usService.test(item.text) && !re.usLocation.test(item.text);
  if (missing.length) {
    const suggestion = suggestRewrite(item.text, hedgeReplacements(item, hedges), missing);
    out.push({
      rule: specified ? 'PROV-GOOD-PRACTICE' : 'PROV-SPECIFY',
      category: 'provision',
      severity: specified ? 'info' : item.statutory ? 'error' : 'warning',
      start: item.start,
      end: item.end,
      message: specified
        ? `This provision could also say ${listParts(missing, 'provision')}.`
        : `This provision does not say ${listParts(missing, 'provision')}, so nobody could check whether it is being delivered.`,
      why,
      suggestion: noLocation ? withSlot(suggestion, WHERE_SLOT) : suggestion,
      missing,
    });
  }
  if (noLocation) {
    out.push({
      rule: 'PROV-US-LOCATION',
      category: 'provision',
      severity: 'info',
      start: item.start,
      end: item.end,
      message: 'This service does not say where it is delivered (for example general education classroom or resource room).',
      why: '34 CFR 300.320(a)(7): the IEP states the anticipated frequency, location and duration of services.',
      suggestion: withSlot(suggestRewrite(item.text, hedgeReplacements(item, hedges), []), WHERE_SLOT),
    });
  }
  return out;
}
