// HEDGE-*: non-committal wording (rules.md §4, Appendix A). The phrases, what each leaves open and the
// false-positive guards of §6 are data (rules/hedge/*.json); here is what the data cannot say: quoted speech,
// "May" the month, and a range narrow enough to fix the amount.
import type { Item } from '../item';
import type { HousePhrase, Jurisdiction, Options } from '../types';
import { findAll, findTagged, inside, phraseRegex, taggedRegex, type Span, type TaggedPhrases } from '../text';
import { hasTerm } from '../terms';
import { RULES, type Guard, type HedgeGroupData, type RuleData } from './catalogue';

export interface HedgeHit extends Span {
  rule: RuleData;
  group: HedgeGroupData;
  /** The lexicon phrase that matched, in lower case (a pattern's name): what "ignore" stores, never the page's words. */
  phrase: string;
}

interface Entry {
  rule: RuleData;
  group: HedgeGroupData;
  /** The phrase as the lexicon has it; for a pattern, its name. */
  phrase: string;
}

/** Longer than any real phrase: a pasted paragraph is not a house phrase. */
const MAX_PHRASE = 200;

function housePhrases(options: Options): HousePhrase[] {
  return options.customPhrases
    .map((p) => (typeof p === 'string' ? { phrase: p } : p))
    .map((p) => ({ ...p, phrase: p.phrase.trim() }))
    // A phrase in slashes would be read as a regex by the lexicon compiler: house phrases are words only.
    .filter((p) => p.phrase.length > 0 && p.phrase.length < MAX_PHRASE && !(p.phrase.startsWith('/') && p.phrase.endsWith('/')));
}

const CUSTOM = RULES.find((r) => r.id === 'HEDGE-CUSTOM')!;

function customGroups(options: Options): HedgeGroupData[] {
  const phrases = housePhrases(options);
  const base = CUSTOM.groups![0]!;
  const plain = phrases.filter((p) => !p.message?.trim()).map((p) => p.phrase);
  const groups: HedgeGroupData[] = plain.length ? [{ ...base, phrases: plain }] : [];
  // A phrase with its own message is its own group, so the card shows that message.
  for (const p of phrases) if (p.message?.trim()) groups.push({ ...base, problem: p.message.trim().replace(/[.\s]+$/, ''), phrases: [p.phrase] });
  return groups;
}

const normal = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();

interface Lexicon {
  /** Every hedge phrase for one role, in one regex: one scan per item. */
  byRole: Map<string, TaggedPhrases<Entry>>;
  /** The house's allowed phrases: a hedge inside one is not flagged. */
  allowed: RegExp | undefined;
}

function compile(options: Options): Lexicon {
  const entries: { role: string; source: string; entry: Entry }[] = [];
  for (const rule of RULES) {
    const groups = rule.id === 'HEDGE-CUSTOM' ? customGroups(options) : (rule.groups ?? []);
    for (const group of groups) {
      for (const role of group.roles ?? rule.applies) {
        for (const p of group.phrases) {
          if (typeof p === 'string') entries.push({ role, source: p, entry: { rule, group, phrase: normal(p) } });
          else entries.push({ role, source: `/${p.pattern}/`, entry: { rule, group, phrase: p.name } });
        }
      }
    }
  }
  const byRole = new Map<string, TaggedPhrases<Entry>>();
  for (const role of new Set(entries.map((e) => e.role))) byRole.set(role, taggedRegex(entries.filter((e) => e.role === role).map((e) => [e.source, e.entry] as const)));
  const allowed = options.allowedPhrases.map((p) => p.trim()).filter((p) => p.length > 0 && p.length < MAX_PHRASE).map((p) => p.replace(/^\/(.*)\/$/, '$1'));
  return { byRole, allowed: allowed.length ? phraseRegex(allowed) : undefined };
}

// Compiled once per set of house phrases.
const lexicons = new Map<string, Lexicon>();
function lexiconFor(options: Options): Lexicon {
  const key = JSON.stringify([options.customPhrases, options.allowedPhrases]);
  let l = lexicons.get(key);
  if (!l) {
    l = compile(options);
    if (lexicons.size > 20) lexicons.clear();
    lexicons.set(key, l);
  }
  return l;
}

const guardPatterns = new Map<string, RegExp>();
function pattern(source: string): RegExp {
  let re = guardPatterns.get(source);
  if (!re) {
    re = new RegExp(source, 'i');
    guardPatterns.set(source, re);
  }
  return re;
}

function guardHolds(g: Guard, hit: HedgeHit, item: Item, before: string, after: string): boolean {
  if (g.phrases && !g.phrases.includes(hit.phrase)) return false;
  if (g.in && !g.in.includes(item.jurisdiction as never)) return false;
  if (g.followedBy && !pattern(g.followedBy).test(after)) return false;
  if (g.precededBy && !pattern(g.precededBy).test(before)) return false;
  if (g.unlessItemHas && !hasTerm(g.unlessItemHas, item.text)) return false;
  return true;
}

/** FP guards: the word is there but, read in place, it is not a hedge. */
function guarded(hit: HedgeHit, item: Item): boolean {
  const { block } = item;
  if (inside(item.quotes, hit.start, hit.end)) return true; // a pupil's or parent's own words
  const after = block.slice(hit.end, hit.end + 60);
  const before = block.slice(Math.max(item.start, hit.start - 200), hit.start);
  // May the month: "From May 2025", "By 22 May", "the May annual review".
  if (hit.phrase === 'may' && ((hit.text === 'May' && hit.start > item.start) || /^\s*\d/.test(after) || /(?:\d|\b(?:in|from|by|since|of|the|until|before|after))\s*$/i.test(before))) return true;
  // A narrow range ("10-12 minutes") still fixes the amount; only a wide one is unenforceable.
  if (hit.rule.id === 'HEDGE-VAGUE-QUANTITY' && /\d\s*[-–]\s*\d/.test(hit.text)) {
    const [lo, hi] = hit.text.match(/\d+/g)?.map(Number) ?? [0, 0];
    if (lo !== undefined && hi !== undefined && lo > 0 && hi / lo <= 1.5) return true;
  }
  return (hit.rule.guards ?? []).some((g) => guardHolds(g, hit, item, before, after));
}

/** All hedge phrases in the item that survive the guards, longest match first, no overlaps. */
export function findHedges(item: Item): HedgeHit[] {
  if (item.role === 'need' || item.role === 'view' || item.role === 'other') return [];
  const l = lexiconFor(item.options);
  const phrases = l.byRole.get(item.role);
  if (!phrases) return [];
  const allowed = l.allowed ? findAll(l.allowed, item.text, item.start) : [];
  const kept: HedgeHit[] = [];
  for (const { tag, ...h } of findTagged(phrases, item.scanText, item.start)) {
    const hit: HedgeHit = { ...h, text: item.block.slice(h.start, h.end), rule: tag.rule, group: tag.group, phrase: tag.phrase };
    // The house allows this wording ("as part of the annual review"): a hedge inside it is not a problem here.
    if (hit.rule.id !== 'HEDGE-CUSTOM' && inside(allowed, hit.start, hit.end)) continue;
    if (guarded(hit, item)) continue;
    kept.push(hit);
  }
  return kept;
}

/** "\"as required\" leaves it to someone to decide later whether the help is given.", in the plan's words. */
export function hedgeMessage(hit: HedgeHit, jurisdiction: Jurisdiction | 'unknown'): string {
  const problem = (jurisdiction !== 'unknown' && hit.group.problemIn?.[jurisdiction]) || hit.group.problem;
  return `"${hit.text}" ${problem}.`;
}
