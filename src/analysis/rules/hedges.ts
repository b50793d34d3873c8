// HEDGE-*: non-committal wording (rules.md §4, Appendix A) with the false-positive guards of §6.
import { HEDGE_GROUPS, GROUP_SIZE_EVIDENCE, type HedgeGroup } from '../lexicon';
import type { Item } from '../item';
import type { Finding, HousePhrase, Options } from '../types';
import { findAll, findTagged, inside, phraseRegex, taggedRegex, test, type Span, type TaggedPhrases } from '../text';
import { firmAfter, firmWording, slotFor, tidy } from '../suggest';

export interface HedgeHit extends Span {
  group: HedgeGroup;
}

const GROUP_SIZE = phraseRegex(GROUP_SIZE_EVIDENCE);

/** Hedges "with care" on targets and outcomes: only wording that turns a commitment into a wish. */
const TARGET_HEDGES = new Set(['HEDGE-MODAL', 'HEDGE-CUSTOM']);

/** Longer than any real phrase: a pasted paragraph is not a house phrase. */
const MAX_PHRASE = 200;

function housePhrases(options: Options): HousePhrase[] {
  return options.customPhrases
    .map((p) => (typeof p === 'string' ? { phrase: p } : p))
    .map((p) => ({ ...p, phrase: p.phrase.trim() }))
    // A phrase in slashes would be read as a regex by the lexicon compiler: house phrases are words only.
    .filter((p) => p.phrase.length > 0 && p.phrase.length < MAX_PHRASE && !(p.phrase.startsWith('/') && p.phrase.endsWith('/')));
}

function customGroups(options: Options): HedgeGroup[] {
  const phrases = housePhrases(options);
  const plain = phrases.filter((p) => !p.message?.trim()).map((p) => p.phrase);
  const groups: HedgeGroup[] = plain.length ? [{ rule: 'HEDGE-CUSTOM', problem: 'is on your list of phrases to avoid', softWhenSpecified: false, phrases: plain }] : [];
  // A phrase with its own message is its own group, so the card shows that message.
  for (const p of phrases) if (p.message?.trim()) groups.push({ rule: 'HEDGE-CUSTOM', problem: p.message.trim().replace(/[.\s]+$/, ''), softWhenSpecified: false, phrases: [p.phrase] });
  return groups;
}

interface Lexicons {
  provision: TaggedPhrases<HedgeGroup>;
  goal: TaggedPhrases<HedgeGroup>;
  /** The house's allowed phrases: a hedge inside one is not flagged. */
  allowed: RegExp | undefined;
}

function compile(groups: readonly HedgeGroup[]): TaggedPhrases<HedgeGroup> {
  return taggedRegex(groups.flatMap((g) => g.phrases.map((p) => [p, g] as const)));
}

// All hedge groups in one regex (one scan per item), per set of house phrases.
const lexicons = new Map<string, Lexicons>();
function lexiconsFor(item: Item): Lexicons {
  const key = JSON.stringify([item.options.customPhrases, item.options.allowedPhrases]);
  let l = lexicons.get(key);
  if (!l) {
    const groups = [...HEDGE_GROUPS, ...customGroups(item.options)];
    const allowed = item.options.allowedPhrases.map((p) => p.trim()).filter((p) => p.length > 0 && p.length < MAX_PHRASE).map((p) => p.replace(/^\/(.*)\/$/, '$1'));
    l = { provision: compile(groups), goal: compile(groups.filter((g) => TARGET_HEDGES.has(g.rule))), allowed: allowed.length ? phraseRegex(allowed) : undefined };
    if (lexicons.size > 20) lexicons.clear();
    lexicons.set(key, l);
  }
  return l;
}

/** FP guards: the word is there but, read in place, it is not a hedge. */
function guarded(hit: HedgeHit, item: Item): boolean {
  const { block } = item;
  const after = block.slice(hit.end, hit.end + 60);
  const before = block.slice(Math.max(item.start, hit.start - 40), hit.start);
  const word = hit.text.toLowerCase().replace(/[\s-]+/g, ' ');
  if (inside(item.quotes, hit.start, hit.end)) return true; // a pupil's or parent's own words
  switch (word) {
    case 'may':
      // May the month: "From May 2025", "By 22 May", "the May annual review".
      if ((hit.text === 'May' && hit.start > item.start) || /^\s*\d/.test(after) || /(?:\d|\b(?:in|from|by|since|of|the|until|before|after))\s*$/i.test(before)) return true;
      break;
    case 'up to':
      // FP-UPTO-GROUP: caps group size, not provision; and a limit on what the pupil may choose to use
      // ("may leave any lesson for up to 10 minutes") is a rule for the pupil, not a cap on provision.
      return (
        /^\s*\d+\s*(?:pupils|students|learners|children|peers|others)\b/i.test(after) ||
        /\bgroups? of\s*$/i.test(before) ||
        /\b(?:may|can|is allowed to|will be allowed to)\s+(?:leave|go|take|use|have|access|choose)\b[^.;]*$/i.test(before)
      );
    case 'regular':
      // FP-LOCATION-NAME: a US place or role name.
      return /^\s*(?:classroom|class|education|ed\b|teacher|school|setting|program)/i.test(after);
    case 'additional support':
      // Scotland's statutory term (ASL Act), and headings that use it.
      return item.jurisdiction === 'scotland' || /^\s*(?:needs|required|for learning|is to be provided|plan)/i.test(after);
    case 'some':
      return /^\s*(?:of|other|days|weeks|lessons)\b/i.test(after);
    default:
      break;
  }
  // "(e.g. 'evaporation', 'tectonic')" illustrates the content; it does not open a list of provision.
  if (hit.group.rule === 'HEDGE-EXAMPLES' && /\(\s*$/.test(before)) return true;
  // "the adult leading it" names the role by what the person is doing.
  if (hit.group.rule === 'HEDGE-VAGUE-ACTOR' && /^\s*(?:who is |who are )?(?:leading|running|teaching|supervising|in charge)\b/i.test(after)) return true;
  if (hit.group.rule === 'HEDGE-SMALL-GROUP') return test(GROUP_SIZE, block.slice(item.start, item.end));
  if (hit.group.rule === 'HEDGE-VAGUE-QUANTITY' && /\d\s*[-–]\s*\d/.test(hit.text)) {
    // A narrow range ("10-12 minutes") still fixes the amount; only a wide one is unenforceable.
    const [lo, hi] = hit.text.match(/\d+/g)?.map(Number) ?? [0, 0];
    return lo !== undefined && hi !== undefined && lo > 0 && hi / lo <= 1.5;
  }
  if (hit.group.rule === 'HEDGE-MODAL' && /\bso that\b[^.;]*$/i.test(block.slice(Math.max(item.start, hit.start - 200), hit.start))) return true; // pupil-focused purpose clause
  return false;
}

/** All hedge phrases in the item that survive the guards, longest match first, no overlaps. */
export function findHedges(item: Item): HedgeHit[] {
  if (item.role === 'need' || item.role === 'view' || item.role === 'other') return [];
  const goal = item.role === 'target' || item.role === 'outcome';
  const l = lexiconsFor(item);
  const kept: HedgeHit[] = [];
  const allowed = l.allowed ? findAll(l.allowed, item.text, item.start) : [];
  for (const { tag, ...h } of findTagged(goal ? l.goal : l.provision, item.text, item.start)) {
    // The house allows this wording ("as part of the annual review"): a hedge inside it is not a problem here.
    if (tag.rule !== 'HEDGE-CUSTOM' && inside(allowed, h.start, h.end)) continue;
    const hit: HedgeHit = { ...h, group: tag };
    if (goal && tag.rule === 'HEDGE-MODAL' && /^(?:would|could|might)$/i.test(h.text)) continue; // conditional prose in goals
    if (guarded(hit, item)) continue;
    kept.push(hit);
  }
  return kept;
}

/** One finding per hedge. In a fully specified provision item the soft hedges are harmless and dropped. */
export function hedgeFindings(item: Item, hits: readonly HedgeHit[], specified: boolean): Finding[] {
  const out: Finding[] = [];
  for (const h of hits) {
    if (specified && h.group.softWhenSpecified) continue;
    const provision = item.role === 'provision';
    const severity = provision ? (item.statutory ? 'error' : 'warning') : 'warning';
    const phrase = h.text;
    // "Up to 10 hours" → "10 hours"; a vague word → the slot for what it leaves open; a wish → a commitment.
    const slot = h.group.rule === 'HEDGE-UP-TO' ? '' : h.group.part ? slotFor(h.group.part) : firmWording(phrase);
    const local = item.text;
    const at = h.start - item.start;
    out.push({
      rule: h.group.rule,
      category: 'hedge',
      severity,
      start: h.start,
      end: h.end,
      message: `"${phrase}" ${h.group.problem}.`,
      why: provision ? provisionWhy(item) : goalWhy(item),
      ...(slot !== undefined ? { suggestion: tidy(local.slice(0, at) + firmAfter(local.slice(0, at), slot) + local.slice(at + phrase.length)) } : {}),
    });
  }
  return out;
}

export function provisionWhy(item: Pick<Item, 'jurisdiction' | 'planType'>): string {
  switch (item.jurisdiction) {
    case 'wales':
      return 'ALN Code for Wales 2021, 23.37: additional learning provision "needs to be detailed, specific and quantifiable".';
    case 'scotland':
      return 'ASL (Scotland) Act 2004 s.9(2): a CSP must state the additional support required and the persons by whom it is provided.';
    case 'ni':
      return 'Education (SEN) Regulations (NI) 2005 Sch 2: Part 3 must specify the provision, including staffing arrangements.';
    case 'us':
      return item.planType === '504'
        ? 'Section 504 (34 CFR 104.33): a 504 plan should say how, where and by whom each accommodation is provided.'
        : '34 CFR 300.320(a)(7): an IEP states the anticipated frequency, location and duration of each service.';
    default:
      return 'SEND Code of Practice 9.69: provision "must be detailed and specific and should normally be quantified"; L v Clarke and Somerset [1998]: "no room for doubt".';
  }
}

export function goalWhy(item: Pick<Item, 'jurisdiction'>): string {
  switch (item.jurisdiction) {
    case 'wales':
      return 'ALN Code for Wales 2021, 23.31: intended outcomes in 2B.1 must be SMART.';
    case 'scotland':
      return 'ASL (Scotland) Act 2004 s.9: educational objectives must be clear and specific enough to monitor and review over the year.';
    case 'ni':
      return 'Education (SEN) Regulations (NI) 2005 Sch 2: Part 3 objectives; PLP targets should be short-term and measurable.';
    case 'us':
      return '34 CFR 300.320(a)(2)-(3): measurable annual goals and how progress toward them will be measured.';
    default:
      return 'SEND Code of Practice 9.66: outcomes should be specific, measurable, achievable, realistic and time bound (SMART).';
  }
}
