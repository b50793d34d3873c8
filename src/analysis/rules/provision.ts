// PROV-*: the seven provision questions (what, how often, how long, by whom, group size, training, monitoring) for
// EHCP Section F, IDP 2B.2, CSP additional support, NI Part 3, US services/accommodations and IEP support. Which
// of them the law of the plan's jurisdiction requires, and how serious each gap is, is data (rules/provision/).
import { DETAILED_WORDS, type Item } from '../item';
import type { Syntax } from '../reader/syntax';
import { hasTerm, isTerm, termsTagged } from '../terms';
import type { Part } from '../types';
import { wordCount } from '../text';
import type { HedgeHit } from './hedges';

const re = {
  number: /\d/,
  supportTo: /\bsupport(?:ed)?\b[^.;]{0,160}\bto (?:help|support|enable|assist)\b|\bsupport (?:with|to)\b/i,
  // An assessment or observation is done once, by a date: it has no "how often" or session length.
  // Staff training is one-off too: it has a date, not a frequency.
  assessment: /\b(?:an?|one) (?:[\w-]+ ){0,4}(?:assessment|observation)\b|\b(?:receiv(?:e|es|ed)|attend(?:s|ed)?|complet(?:e|es|ed)|undertak(?:e|es|en)|be given|been given)\s+(?:[\w-]+ ){0,4}training\b|\b(?:to be|will be|are to be|have been|will have been) trained\b/i,
  oneOff: /\bwill (?:assess|carry out an? (?:\w+ )?assessment|write|devise|set up|install|provide a written|complete an?)\b/i,
  extraTimeAmount: /\d+(?:\.\d+)?\s?x\b|\d+\s?%|\d+\s?min|time and (?:a|one)[- ]half|double time/i,
  therapyModel: /\b(?:direct|indirect|consultation|model|focus(?:ed|sed|ing)? on|targets|written by|programme (?:written|devised|set))\b/i,
  // Work delivered in sessions (as opposed to equipment or a standing arrangement); "teaching assistant" is a role.
  sessionWork:
    /\b(?:sessions?|therapy|tuition|support(?! (?:assistant|staff|for learning|service))|(?:be|is|are|being) supported|time[- ]out|programmes?|programs?|interventions?|check[- ]?ins?|breaks?|visits?|visiting|group|attend|services|pre[- ]?(?:learning|teaching|tutoring)|play|reading(?! comprehension| age| assignments?| tasks?| materials?| texts?| books?)|teaching(?! assistants?| staff)|taught|instruction|help|input|counsel+ing|time with|(?:will|to) work with|diet|space|room|area|sensory circuits?)\b/i,
  specialistDeliverer: /\b(?:therapist|psychologist|specialist teacher|advisory teacher|teacher of the (?:deaf|visually impaired)|QTVI|QToD|paediatrician|pediatrician|clinician|speech-language pathologist|physiotherapist|nurse|OT|SALT|SaLT|SLT|EP|SLP)\b/i,
  monitoringClause: /\b(?:will|to) (?:check(?![- ]?ins?\b)|review|monitor|update|observe|log)\b/i,
  groupChoice: /(?:1:1|individual(?:ly)?|small[ -]group|whole class|pairs?)[^.;]{0,40}\bor\b[^.;]{0,30}(?:1:1|small[ -]group|whole class|groups?|individual)/i,
  usLocation:
    /\b(?:classroom|class|resource room|special education(?: setting)?|general education|regular education|setting|room|school|home|community|center|centre|office|library|gym|bus|cafeteria|campus|clinic|hallway|playground|lunch|recess|building|lab|counseling office|speech room)\b/i,
  usService: /\b(?:related services?|special education(?! teacher)|speech|occupational therapy|physical therapy|counseling|services?|specialized instruction|specially designed instruction)\b[^.;]{0,80}\b(?:minutes?|mins?|hours?|hrs?|sessions?|times|weekly|daily|monthly|termly|quarterly|(?:each|every|per|a) (?:week|day|month|term|semester|quarter|grading period))\b|\b(?:minutes?|mins?)\b[^.;]{0,40}\b(?:per|a|each|every)\s+(?:week|day|month)\b/i,
};

// 34 CFR 300.320(a)(7) asks US services for frequency, location and duration; the provider is good practice there.
const ORDER: readonly Part[] = ['what', 'frequency', 'timescale', 'duration', 'who', 'group_size', 'training', 'monitoring'];

export interface ProvisionReading {
  /** Every part a reviewer would ask for, in order. */
  missing: Part[];
  /** The hedges that count against the item (a permission's "may" and a child's own "as needed" do not). */
  counted: HedgeHit[];
  /** A group is named with no size ("in a group", "small group"). */
  groupUnsized: boolean;
  /** A US IEP service that does not say where it is delivered. */
  noLocation: boolean;
  /** A long, detailed item whose gaps are more likely unusual phrasing than vagueness: its gaps are notes. */
  detailed: boolean;
}

/** What the reader saw in the sentence that changes which questions apply. */
interface Shape {
  /** The wording grants or arranges something for the child: a permission, equipment, a standing arrangement. */
  arrangement: boolean;
  /** The child is granted it ("may check", "shall be permitted"): the modal is a permission, not a wish. */
  grant: boolean;
  /** Something staff do again and again ("Provide prompts"): how often and who, but no session length. */
  staffAction: boolean;
  /** A specialist's own consultation ("OT to review and advise"): the work is named by its verb. */
  consultation: boolean;
  /** An instruction that only says which way ("Minimise transitions"). */
  vagueAction: boolean;
  /** The school or setting provides a thing ("The school will provide a laptop"): it is no vague deliverer. */
  provider: boolean;
}

// Verbs by which the child is given or uses something ("will be provided with highlighted notes", "will use…").
const RECEIVE = /^(?:provide|give|receive|use|get|issue|supply|lend|allow|permit)$/;

// Work done for or with the child, as opposed to a place or a thing the child uses ("a quiet room", "graph paper").
const SERVICE = /\b(?:sessions?|therapy|breaks?|practi[cs]e|exercises|activities|games|time[- ]?outs?|clubs?|tuition|support|supported|programmes?|programs?|interventions?|check[- ]?ins?|visits?|visiting|attend|services|pre[- ]?(?:learning|teaching|tutoring)|teaching(?! assistants?)|taught|instruction|help|input|counsel+ing|time with|work with|reading(?! (?:books?|materials?|texts?|scheme|glasses|ruler|pen|age))|groups?)\b/i;

const ROLE_AT_END = new RegExp(`(?:${termsTagged('role').filter((p) => !p.startsWith('/')).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})s?$`, 'i');

/** Whether words name a service, support or staff action rather than a thing the child has or uses. */
function servicey(words: string): boolean {
  return hasTerm('staff-action', words) || hasTerm('therapy', words) || hasTerm('generic', words) || SERVICE.test(words);
}

function shapeOf(item: Item, hedges: readonly HedgeHit[], syntax: Syntax | undefined): Shape {
  const none = { arrangement: false, grant: false, staffAction: false, consultation: false, vagueAction: false, provider: false };
  if (!syntax) return none;
  const t = item.scanText;
  const staffAction = hasTerm('staff-action', t);
  const grant = syntax.permission;
  // What the wording hands over, read where the sentence puts it: the object of "Use …" or of "will be provided
  // with …", the subject of "The carrel will be located…", or the whole of a noun phrase ("Balls, beanbags").
  const given =
    syntax.subject === 'thing'
      ? syntax.subjectText
      : syntax.imperative || ((syntax.subject === 'child' || syntax.subject === 'vague') && RECEIVE.test(syntax.verb))
        ? syntax.object
        : syntax.verbless
          ? t
          : '';
  // Things named plainly: a hedge on an amount or a group is not equipment, nor is a phrase with no noun in it, nor
  // "access to" or "opportunities for" (the child may use it; nothing says it is there), unless it is there, firmly,
  // at all times ("must be available to the student at all times").
  const firm = (syntax.commitment === 'must' || syntax.commitment === 'will' || syntax.commitment === 'is-to') && hasTerm('duration', t);
  // "The school will provide a laptop": the school is who provides a thing, not a vague deliverer of a service.
  const provider = syntax.subject === 'vague' && RECEIVE.test(syntax.verb);
  const plain =
    !hedges.some(
      (h) => (h.group.part && h.group.part !== 'what' && !(provider && h.rule.id === 'HEDGE-VAGUE-ACTOR')) || ((h.rule.id === 'HEDGE-ACCESS' || h.rule.id === 'HEDGE-OPPORTUNITY') && !firm),
    ) &&
    !hasTerm('group', t) &&
    syntax.nouns > 0;
  // A wish ("should have a reader") is not an arrangement, nor is a person ("will be given a mentor").
  const committed = syntax.commitment !== 'should' && syntax.commitment !== 'would' && syntax.commitment !== 'may' && syntax.commitment !== 'plans-to';
  const things =
    plain &&
    committed &&
    given.trim() !== '' &&
    !servicey(given) &&
    // A person handed over ("a mentor", "a named key worker") is no thing; a role as a modifier ("teacher notes") is.
    !ROLE_AT_END.test(given.replace(/[\s.,;:!?]+$/, '')) &&
    (syntax.verbless ||
      (syntax.imperative && (isTerm('grant-verb', syntax.verb) || RECEIVE.test(syntax.verb))) ||
      (syntax.subject === 'child' && RECEIVE.test(syntax.verb)) ||
      (syntax.subject === 'vague' && RECEIVE.test(syntax.verb)) ||
      (syntax.subject === 'thing' && (isTerm('grant-verb', syntax.verb) || (/\bavailable\b/i.test(t) && hasTerm('duration', t)))));
  return {
    arrangement: grant || things,
    grant,
    staffAction: staffAction && (syntax.imperative || syntax.verbless),
    consultation: syntax.subject === 'role' && isTerm('consult-verb', syntax.verb),
    vagueAction: syntax.imperative && isTerm('vague-action', syntax.verb),
    provider: provider && things,
  };
}

/** Answers the seven questions for one provision item, using its hedges (a vague word cancels its part). */
export function readProvision(item: Item, hedges: readonly HedgeHit[], syntax?: Syntax): ProvisionReading {
  const t = item.scanText;
  const missing = new Set<Part>();
  if (item.personsByWhom) {
    if (!hasTerm('role', t)) missing.add('who');
    return { missing: [...missing], counted: [...hedges], groupUnsized: false, noLocation: false, detailed: false };
  }
  const shape = shapeOf(item, hedges, syntax);
  // A permission's "may" and the child's own trigger ("as needed") are not staff discretion (FP-STUDENT-TRIGGERED).
  // A role that acts ("Educational psychologist to consult with staff") is the deliverer; "staff" after it are
  // the people it works with, not a vague actor.
  const actorNamed = syntax?.subject === 'role';
  const counted = hedges.filter(
    (h) => !(shape.grant && (h.rule.id === 'HEDGE-MODAL' || (h.rule.id === 'HEDGE-DISCRETION' && h.group.soft))) && !(actorNamed && h.rule.id === 'HEDGE-VAGUE-ACTOR' && h.start - item.start > syntax.subjectText.length) &&
      !(shape.provider && h.rule.id === 'HEDGE-VAGUE-ACTOR'),
  );
  const rules = new Set(counted.map((h) => h.rule.id));
  const hasNumber = re.number.test(t);
  const therapy = hasTerm('therapy', t);
  const named = hasTerm('concrete', t) || shape.consultation;
  const concrete = named || (therapy && hasNumber);
  const generic = hasTerm('generic', t);
  const bareTherapy = therapy && !hasNumber && !named && !re.therapyModel.test(t);
  const openList = rules.has('HEDGE-EXAMPLES');
  // Whether the item is delivered in sessions is read without its monitoring clause ("…at her half-termly visit").
  const delivered = t
    .split(/[;,.]/)
    .filter((clause) => !re.monitoringClause.test(clause))
    .join(' ');
  // "Access to a classroom assistant" names a person, not what they will do.
  const accessToPerson = counted.some((h) => h.rule.id === 'HEDGE-ACCESS' && hasTerm('role', t.slice(h.end - item.start, h.end - item.start + 50)));
  // "Opportunities for…" and access to a person stand for sessions that have not been specified.
  const sessions = !shape.arrangement && (re.sessionWork.test(delivered) || rules.has('HEDGE-OPPORTUNITY') || accessToPerson || shape.staffAction);
  const accommodation = !sessions && (hasTerm('accommodation', t) || shape.arrangement);
  const standing = !sessions && (hasTerm('standing', t) || shape.arrangement);

  // what: a generic category (support, input, a programme) with nothing concrete, an open list, a bare therapy name,
  // an instruction that only says which way.
  if (bareTherapy || openList || shape.vagueAction || (accessToPerson && !concrete) || (generic && (!concrete || /\ba range of\b/i.test(t)))) missing.add('what');
  // how often / how long: standing arrangements (a seat, awareness, a curriculum) need neither;
  // equipment needs its occasion; extra time needs its amount.
  const answered: Partial<Record<Part, boolean>> = {
    frequency: hasTerm('frequency', t),
    duration: hasTerm('duration', t),
    // "OT to review…", "Specialist VI teacher to visit…": the reader sees the role that acts.
    who: hasTerm('role', t) || syntax?.subject === 'role',
    group_size: hasTerm('group-size', t),
  };
  // "An occupational therapy assessment" names a therapy but is not sessions of it.
  const once = re.assessment.test(t) && !re.sessionWork.test(delivered.replace(re.assessment, ' ')) && !rules.has('HEDGE-OPPORTUNITY');
  if (once) {
    if (!hasTerm('timescale', t)) missing.add('timescale');
  } else if (!standing && !answered.frequency) missing.add('frequency');
  const needsAmount = hasTerm('amount-needed', t) && !re.extraTimeAmount.test(t);
  // Only work delivered over time has a length; equipment, standing arrangements, an assessment and a staff action
  // (a prompt) do not (extra time needs its amount).
  if (!once && (accommodation || !sessions || shape.staffAction || re.oneOff.test(t) ? needsAmount : !standing && !answered.duration)) missing.add('duration');
  // A seat, extra time or an arrangement for the child needs no deliverer, unless the item hands it to someone vague.
  const exempt = standing && (shape.arrangement || /\b(?:seating|extended time|extra time)\b/i.test(t)) && !rules.has('HEDGE-VAGUE-ACTOR');
  if (!answered.who && !exempt) missing.add('who');
  const groupUnsized = (hasTerm('group', t) && !answered.group_size) || re.groupChoice.test(t);
  if (groupUnsized) missing.add('group_size');
  // A specialist's own qualification is the training; a teaching assistant delivering specialist work needs it stated.
  if (!shape.provider && (hasTerm('non-specialist', t) || (hasTerm('specialist-work', t) && !re.specialistDeliverer.test(t))) && !hasTerm('training', t)) missing.add('training');
  if (item.jurisdiction !== 'us' && hasTerm('reviewable', t) && !hasTerm('monitoring', t)) missing.add('monitoring');

  // A hedge cancels the part it leaves open: always for discretion, caps and deferrals; for softer words only
  // when nothing else in the item answers that question (FP-FREQUENT-PLUS-NUMBER).
  for (const h of counted) {
    const part = h.group.part;
    // FP-US-GROUP: US services need no group size.
    if (!part || part === 'what' || (part === 'group_size' && item.jurisdiction === 'us')) continue;
    if (!h.group.soft || !answered[part]) missing.add(part);
  }
  for (const h of counted) {
    if (h.rule.id === 'HEDGE-VAGUE-QUANTITY' && /\d\s*[-–]\s*\d/.test(h.text)) {
      // A wide range fixes neither the amount nor how often.
      missing.add('frequency');
      if (/min|hour|hr/i.test(h.text)) missing.add('duration');
    }
    if (h.rule.id === 'HEDGE-VAGUE-QUANTITY' && /^(?:some|several)$/i.test(h.text)) missing.add('duration');
    if (h.rule.id === 'HEDGE-OPPORTUNITY' || (h.rule.id === 'HEDGE-DEFERRAL' && !concrete)) missing.add('what');
    // Someone "available" to the child says nothing about what they will do.
    if (/available/i.test(h.text) && !concrete && !shape.arrangement) missing.add('what');
  }
  // A therapist's or specialist teacher's own sessions are reviewed as part of the work: an otherwise specified
  // item they deliver needs no separate monitoring line.
  if (missing.size === 1 && missing.has('monitoring') && re.specialistDeliverer.test(t)) missing.delete('monitoring');
  const list = ORDER.filter((p) => missing.has(p));
  const core = (['what', 'frequency', 'duration', 'who', 'timescale'] as Part[]).filter((p) => missing.has(p));
  // Generic support "to help him…" is the catalogue's own vague-content trigger, so length does not excuse it.
  const vagueContent = core[0] === 'what' && re.supportTo.test(t);
  // Soft hedges that another part of the item answers do not count against it; a wish ("should") always does.
  const harmless = counted.every((h) => h.group.soft && h.rule.id !== 'HEDGE-MODAL' && !core.includes(h.group.part ?? 'what'));
  const words = core.length && core.length <= 2 && harmless && !vagueContent ? wordCount(t) : 0;
  // The longer the item, the more answers it may phrase in ways the lexicons miss.
  // No amount at all (neither how often nor how long) is never excused: it is the heart of L v Clarke.
  const amountless = core.includes('frequency') && core.includes('duration');
  const detailed = (core.length === 1 && words >= DETAILED_WORDS) || (core.length === 2 && !amountless && words >= 1.25 * DETAILED_WORDS);
  const noLocation = item.jurisdiction === 'us' && item.planType !== '504' && !shape.arrangement && re.usService.test(t) && !re.usLocation.test(t);
  return { missing: list, counted, groupUnsized, noLocation, detailed };
}
