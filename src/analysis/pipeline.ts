// One judged item → its one finding: the cheap lexical pass first; the compromise reader only for an item the
// lexical pass cannot settle (a hedge, or a gap in the legal test); then the rules' problems composed into one
// finding with one rewrite.
import { compose, type CountedHedge, type Problem } from './finding';
import type { Item } from './item';
import { listParts } from './parts';
import type { Syntax } from './reader/syntax';
import { legalParts, message, rule, severityOf, type Place } from './rules/catalogue';
import { readGoal } from './rules/goals';
import { findHedges, type HedgeHit } from './rules/hedges';
import { needProblem } from './rules/needs';
import { readProvision } from './rules/provision';
import { hedgeReplacements, slotFor, suggestRewrite, type Replacement, type RewriteContext } from './suggest';
import { areasOf } from './rules/plan-structure';
import type { Finding, Options, Part } from './types';

/** Reads an item's text into its sentence parts (the compromise reader), cached by the caller. */
export type Read = (text: string) => Syntax;

const PROV_SPECIFY = rule('PROV-SPECIFY');
const PROV_GROUP_SIZE = rule('PROV-GROUP-SIZE');
const PROV_GOOD_PRACTICE = rule('PROV-GOOD-PRACTICE');
const PROV_US_LOCATION = rule('PROV-US-LOCATION');
const GOAL_RULES: ReadonlyArray<[Part, ReturnType<typeof rule>]> = [
  ['what', rule('GOAL-VAGUE-VERB')],
  ['measure', rule('GOAL-MEASURE')],
  ['timescale', rule('GOAL-TIMESCALE')],
];
const UNOBSERVABLE = {
  absence: '; it names a behaviour to stop, not what the child will do instead',
  verb: '; its verb names nothing you could see the child do',
  subject: '; it is about a state, not something the child does',
} as const;
const OUTCOME_NOT_PROVISION = rule('STRUCT-OUTCOME-NOT-PROVISION');
const NEED_IMPACT = rule('STRUCT-NEED-IMPACT');
const BLANK = rule('TEMPLATE-BLANK');
const NEED_MISSING: Part[] = ['what', 'context', 'measure'];
// Soft hedges are harmless only in an item that answers these concretely, whatever the jurisdiction asks by law.
const CORE: readonly Part[] = ['what', 'frequency', 'duration', 'who', 'timescale'];
const CORE_US: readonly Part[] = ['what', 'frequency', 'duration', 'timescale'];
const WHERE_SLOT = '[where: e.g. general education classroom]';

function disabled(id: string, options: Options): boolean {
  return options.disabledRules.some((d) => id === d || id.startsWith(`${d}-`));
}

/** The text the reader sees: the item with name blanks read as a name and other blanks as nothing. */
function readerText(item: Item): string {
  return item.scanText;
}

function counted(item: Item, place: Place, hedges: readonly HedgeHit[]): CountedHedge[] {
  return hedges.filter((h) => !disabled(h.rule.id, item.options)).map((hit) => ({ hit, severity: severityOf(hit.rule, place) }));
}

function blankProblem(item: Item, place: Place): Problem | undefined {
  const parts = [...new Set(item.blanks.flatMap((b) => (b.part === 'name' ? [] : [b.label])))];
  if (!parts.length) return undefined;
  const list = parts.length <= 1 ? (parts[0] ?? '') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]!}`;
  return { rule: BLANK, severity: severityOf(BLANK, place), message: message(BLANK, 'blank', place.jurisdiction, { blanks: list }) };
}

function blankParts(item: Item): Set<Part> {
  return new Set(item.blanks.flatMap((b) => (b.part === 'name' ? [] : [b.part])));
}

const PRONOUN = /\b(?:(he|him|his)|(she|her|hers)|(they|them|their))\b/i;

/** Who the rewrite is about and what kind of work it is, for its slots. */
function contextOf(item: Item, syntax: Syntax | undefined): RewriteContext {
  const p = PRONOUN.exec(item.scanText);
  const pronoun = syntax?.pronoun ?? (p ? (p[1] ? 'he' : p[2] ? 'she' : 'they') : undefined);
  const name = syntax?.subject === 'child' ? syntax.subjectText.replace(/^(?:the|a)\s+/i, (m) => m.toLowerCase()) : undefined;
  return { jurisdiction: item.jurisdiction, ...(pronoun ? { pronoun } : {}), ...(name ? { name } : {}), areas: areasOf(item.scanText) };
}

// Where a goal's vague words end: the object they act on runs to a preposition, a clause or the sentence's end.
const OBJECT_ENDS = /^(?:in|on|at|with|when|during|by|for|so|to|and|or|from|across|within|without|using|given|before|after|as|while|because|if|until|through)$/i;

/** The vague words of a goal with the object they act on ("improve his concentration"), offsets into the item. */
function vaguePhrase(item: Item, start: number, end: number): { start: number; end: number } {
  const words = /[\w'’-]+/g;
  words.lastIndex = end;
  let stop = end;
  for (let n = 0, m = words.exec(item.text); m && n < 4; n++, m = words.exec(item.text)) {
    // Only across spaces: punctuation ends the phrase.
    if (/[^\s]/.test(item.text.slice(stop, m.index)) || OBJECT_ENDS.test(m[0])) break;
    stop = m.index + m[0].length;
  }
  return { start, end: stop };
}

/** A rewrite, unless it would leave the sentence as it is. */
function changed(item: Item, rewrite: string): string | undefined {
  return rewrite.trim() === item.text.trim() ? undefined : rewrite;
}

function judgeProvision(item: Item, place: Place, read: Read | undefined): Finding | undefined {
  const hedges = findHedges(item);
  let reading = readProvision(item, hedges);
  const legal = legalParts(PROV_SPECIFY, place);
  const blanks = blankParts(item);
  const failsLegal = (missing: readonly Part[]) => missing.some((p) => legal.includes(p) && !blanks.has(p));
  // Settled by the lexical pass only when every part of the legal test is there and nothing hedges it.
  const syntax = read && (hedges.length > 0 || failsLegal(reading.missing) || reading.noLocation) ? read(readerText(item)) : undefined;
  if (syntax) reading = readProvision(item, hedges, syntax);
  const missing = reading.missing.filter((p) => !blanks.has(p));
  // A "[where: …]" blank is the location to fill in.
  if (item.blanks.some((b) => b.label === 'where')) reading.noLocation = false;
  const core = item.jurisdiction === 'us' && item.planType !== '504' ? CORE_US : CORE;
  const specified = !missing.some((p) => core.includes(p)) || reading.detailed;
  // In a fully specified item the soft hedges are harmless.
  const kept = reading.counted.filter((h) => !(specified && h.group.soft));
  const problems: Problem[] = [];
  const words = listParts(missing, 'provision');
  if (failsLegal(missing) && !reading.detailed) {
    problems.push({ rule: PROV_SPECIFY, severity: severityOf(PROV_SPECIFY, place), message: message(PROV_SPECIFY, 'missing', place.jurisdiction, { missing: words }), missing });
  } else if (missing.length) {
    if (reading.groupUnsized && !reading.detailed) problems.push({ rule: PROV_GROUP_SIZE, severity: severityOf(PROV_GROUP_SIZE, place), message: message(PROV_GROUP_SIZE, 'missing', place.jurisdiction), missing: ['group_size'] });
    const rest = missing.filter((p) => p !== 'group_size' || reading.detailed || !reading.groupUnsized);
    if (rest.length) problems.push({ rule: PROV_GOOD_PRACTICE, severity: severityOf(PROV_GOOD_PRACTICE, place), message: message(PROV_GOOD_PRACTICE, 'missing', place.jurisdiction, { missing: listParts(rest, 'provision') }), missing: rest });
  }
  if (reading.noLocation) problems.push({ rule: PROV_US_LOCATION, severity: severityOf(PROV_US_LOCATION, place), message: message(PROV_US_LOCATION, 'missing', place.jurisdiction) });
  const blank = blankProblem(item, place);
  if (blank) problems.push(blank);
  const active = problems.filter((p) => !disabled(p.rule.id, item.options));
  const hedgesKept = counted(item, place, kept);
  if (!active.length && !hedgesKept.length) return undefined;
  let rewrite = suggestRewrite(item.text, hedgeReplacements(item, kept), active.some((p) => p.missing) ? missing : [], 'provision', contextOf(item, syntax));
  if (reading.noLocation && active.some((p) => p.rule === PROV_US_LOCATION)) rewrite = `${rewrite.replace(/[\s.]*$/, '')} ${WHERE_SLOT}.`;
  return compose(item, place, active, hedgesKept, changed(item, rewrite));
}

function judgeGoal(item: Item, place: Place, read: Read | undefined): Finding | undefined {
  const hedges = findHedges(item);
  const blanks = blankParts(item);
  const gaps = (missing: readonly Part[]) => missing.filter((p) => p !== 'context' && !blanks.has(p));
  let reading = readGoal(item, hedges);
  const syntax = read && (hedges.length > 0 || reading.provision || gaps(reading.missing).length > 0) ? read(readerText(item)) : undefined;
  if (syntax) reading = readGoal(item, hedges, syntax);
  const missing = reading.missing.filter((p) => !blanks.has(p));
  const problems: Problem[] = [];
  // A US IEP's are annual goals (34 CFR 300.320(a)(2)); a UK plan's, outcomes and targets.
  const subject = item.role === 'outcome' ? 'This outcome' : item.jurisdiction === 'us' ? 'This goal' : 'This target';
  if (reading.provision) {
    problems.push({
      rule: OUTCOME_NOT_PROVISION,
      severity: severityOf(OUTCOME_NOT_PROVISION, place),
      message: message(OUTCOME_NOT_PROVISION, 'found', place.jurisdiction),
      missing,
    });
  } else if (gaps(missing).length) {
    // The most serious gap leads; all of them are named in one message.
    let lead: Problem | undefined;
    for (const [part, r] of GOAL_RULES) {
      if (!missing.includes(part) || disabled(r.id, item.options)) continue;
      const severity = reading.weak ? severityOf(r, place) : 'info';
      if (!lead || (severity === 'error' && lead.severity !== 'error') || (severity === 'warning' && lead.severity === 'info')) lead = { rule: r, severity, message: '', missing };
    }
    if (lead) {
      const first = reading.vague[0];
      const vague = first ? `; "${item.block.slice(first.start, first.end)}" cannot be observed or counted` : reading.unobservable ? UNOBSERVABLE[reading.unobservable] : '';
      lead.message = message(lead.rule, 'missing', place.jurisdiction, { subject, missing: listParts(missing, 'goal'), vague });
      problems.push(lead);
    }
  }
  const blank = blankProblem(item, place);
  if (blank) problems.push(blank);
  const active = problems.filter((p) => !disabled(p.rule.id, item.options));
  const hedgesKept = counted(item, place, hedges);
  if (!active.length && !hedgesKept.length) return undefined;
  const replacements: Replacement[] = [
    ...hedgeReplacements(item, hedges),
    ...reading.vague.map((v) => {
      const phrase = vaguePhrase(item, v.start - item.start, v.end - item.start);
      return { ...phrase, part: 'what' as const, instead: item.text.slice(phrase.start, phrase.end) };
    }),
  ];
  const rewrite = reading.provision
    ? `By ${slotFor('timescale', 'goal', contextOf(item, syntax))}, ${contextOf(item, syntax).name ?? '[name]'} will ${slotFor('what', 'goal', contextOf(item, syntax))} ${slotFor('context', 'goal')} ${slotFor('measure', 'goal', contextOf(item, syntax))}.`
    : suggestRewrite(item.text, replacements, active.some((p) => p.missing) ? missing : [], 'goal', contextOf(item, syntax));
  return compose(item, place, active, hedgesKept, changed(item, rewrite));
}

function judgeNeed(item: Item, place: Place, read: Read | undefined): Finding | undefined {
  const blanks = blankParts(item);
  // A need whose description is left as blanks to fill in asks for nothing more than the filling in.
  let problem = blanks.has('what') ? undefined : needProblem(item);
  // "Difficulty naming actions" is a description the lexicons cannot tell from a label: the reader can.
  if (problem === 'label' && read) problem = needProblem(item, read(readerText(item)));
  const problems: Problem[] = [];
  if (problem && !disabled(NEED_IMPACT.id, item.options)) problems.push({ rule: NEED_IMPACT, severity: severityOf(NEED_IMPACT, place), message: message(NEED_IMPACT, problem, place.jurisdiction), missing: NEED_MISSING });
  const blank = blankProblem(item, place);
  if (blank && !disabled(BLANK.id, item.options)) problems.push(blank);
  if (!problems.length) return undefined;
  return compose(item, place, problems, [], problem ? changed(item, suggestRewrite(item.text, [], NEED_MISSING, 'need', { jurisdiction: item.jurisdiction })) : undefined);
}

/** The one finding on a judged item, or none. */
export function judgeItem(item: Item, read: Read | undefined): Finding | undefined {
  const place: Place = { jurisdiction: item.jurisdiction, planType: item.planType, role: item.role };
  if (item.role === 'provision') return judgeProvision(item, place, read);
  if (item.role === 'target' || item.role === 'outcome') return judgeGoal(item, place, read);
  if (item.role === 'need') return judgeNeed(item, place, read);
  return undefined;
}
