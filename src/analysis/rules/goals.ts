// GOAL-*: targets and outcomes need a skill you could see, a measure, a timescale and (good practice) a context:
// SMART. How serious each gap is depends on the plan (rules/target/): an EHCP outcome, an IDP outcome or a US annual
// goal that cannot be judged met or not fails the law; an IEP target is good practice.
import { DETAILED_WORDS, type Item } from '../item';
import type { Syntax } from '../reader/syntax';
import { findTerms, hasTerm, isTerm } from '../terms';
import type { Part } from '../types';
import { wordCount, type Span } from '../text';
import type { HedgeHit } from './hedges';

const re = {
  // "so that she can make friends" says why, not what will be measured.
  purpose: /\bso that\b[^.;]*/gi,
  vagueContext: /\bin a (?:range|variety) of (?:settings|contexts|situations)\b/gi,
  numberWord: /\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|zero|half|all|every|each)\b/i,
  // "decrease the number of times she blurts out" names the behaviour to count; only the criterion is missing.
  countedBehaviour: /\b(?:number|frequency) of (?:times|instances|occasions|incidents|episodes)\b/i,
  // A postsecondary or event goal is anchored to the event that starts it ("after graduating", "upon completion of high school").
  afterEvent: /\b(?:after|upon|on|following|once|when|within \w+ (?:months?|years?) of)\s+(?:\w+\s+){0,3}(?:graduat\w*|complet\w*|leav\w*|left|exit\w*|finish\w*)\b|\bafter (?:high school|school|college|year 1[1-4])\b/i,
};

/** A measured target this short with no conditions or date names a number, not a skill. */
const BARE_WORDS = 12;

function blanked(text: string, pattern: RegExp): string {
  return text.replace(pattern, (m) => ' '.repeat(m.length));
}

export interface GoalReading {
  missing: Part[];
  /** An "outcome" that is really a service (STRUCT-OUTCOME-NOT-PROVISION). */
  provision: boolean;
  /** The vague goal words ("improve"), offsets into the block. */
  vague: Span[];
  /** Whether the gaps are enough for a flag, or only a note on a long, detailed target. */
  weak: boolean;
  /** Why the goal names no behaviour when no vague word says so: it ends one, or its verb or subject names none. */
  unobservable?: 'absence' | 'verb' | 'subject';
}

/**
 * The dead man's test: with nothing to measure, a goal whose child only stops doing something, whose verb names no
 * behaviour of its own ("learn", "do") or whose subject is a thing ("for her health to be optimum") says nothing
 * anyone could see the child do.
 */
function unobservable(syntax: Syntax | undefined): GoalReading['unobservable'] {
  if (!syntax) return undefined;
  if (syntax.subject === 'thing') return 'subject';
  if (syntax.subject !== 'child' && syntax.subject !== 'none') return undefined;
  if ((syntax.negated && syntax.commitment === 'will') || isTerm('absence-verb', syntax.verb)) return 'absence';
  return isTerm('unobservable-verb', syntax.verb) ? 'verb' : undefined;
}

export function readGoal(item: Item, hedges: readonly HedgeHit[], syntax?: Syntax): GoalReading {
  const content = blanked(blanked(item.scanText, re.purpose), re.vagueContext);
  // The label can carry the date ("Educational objective (by June 2026): …").
  const whole = `${item.label} ${content}`;
  if (hasTerm('service-outcome', content)) return { missing: ['what', 'measure', 'context', 'timescale'], provision: true, vague: [], weak: true };
  const vague = findTerms('vague-goal', content, item.start);
  let hasMeasure = hasTerm('measure', content);
  let hasTime = hasTerm('timescale', whole);
  // An event is done or not done: "After graduating, Alex will work for…" is measurable by its nature.
  const event = syntax !== undefined && syntax.subject === 'child' && syntax.commitment === 'will' && !syntax.negated && isTerm('event-verb', syntax.verb) && re.afterEvent.test(content);
  if (event) {
    hasMeasure = true;
    hasTime = true;
  }
  const hasContext = hasTerm('condition', content) || event;
  const missing = new Set<Part>();
  // A vague verb matters when nothing measures it (GOAL-VAGUE-VERB); a bare number with no conditions or date
  // ("Lucas will read 20 words") still leaves the skill undefined.
  const counted = vague.length > 0 && re.countedBehaviour.test(content);
  const unseen = hasMeasure ? undefined : unobservable(syntax);
  if ((vague.length && !hasMeasure && !counted) || unseen || (hasMeasure && !event && !hasContext && !hasTime && wordCount(content) <= BARE_WORDS)) missing.add('what');
  // A goal the child "plans to" reach is an intention: nothing says whether it was met.
  if (!hasMeasure || (vague.length > 0 && !/\d/.test(content) && !re.numberWord.test(content)) || syntax?.commitment === 'plans-to') missing.add('measure');
  if (!hasContext) missing.add('context');
  if (!hasTime) missing.add('timescale');
  const list = (['what', 'measure', 'context', 'timescale'] as const).filter((p) => missing.has(p));
  // Flag when the skill, the measure or the date is missing; context alone is a good-practice point. A long,
  // detailed target lacking only one of them is more likely phrased unusually than vague: a note, not a flag.
  // US annual goals run for the IEP year by default, so a missing date alone does not make one weak.
  const open = list.filter((p) => p === 'what' || p === 'measure' || (p === 'timescale' && item.jurisdiction !== 'us'));
  const weak = open.length > 1 || (open.length === 1 && (hedges.length > 0 || wordCount(item.text) < DETAILED_WORDS));
  return { missing: list, provision: false, vague, weak, ...(unseen && !vague.length ? { unobservable: unseen } : {}) };
}
