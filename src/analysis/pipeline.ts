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
import { hedgeReplacements, slotFor, suggestRewrite, type Replacement } from './suggest';
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
  return { rule: BLANK, severity: severityOf(BLANK, place), message: message(BLANK, 'blank', { blanks: list }) };
}

function blankParts(item: Item): Set<Part> {
  return new Set(item.blanks.flatMap((b) => (b.part === 'name' ? [] : [b.part])));
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
  if (read && (hedges.length > 0 || failsLegal(reading.missing) || reading.noLocation)) reading = readProvision(item, hedges, read(readerText(item)));
  const missing = reading.missing.filter((p) => !blanks.has(p));
  const core = item.jurisdiction === 'us' && item.planType !== '504' ? CORE_US : CORE;
  const specified = !missing.some((p) => core.includes(p)) || reading.detailed;
  // In a fully specified item the soft hedges are harmless.
  const kept = reading.counted.filter((h) => !(specified && h.group.soft));
  const problems: Problem[] = [];
  const words = listParts(missing, 'provision');
  if (failsLegal(missing) && !reading.detailed) {
    problems.push({ rule: PROV_SPECIFY, severity: severityOf(PROV_SPECIFY, place), message: message(PROV_SPECIFY, 'missing', { missing: words }), missing });
  } else if (missing.length) {
    if (reading.groupUnsized && !reading.detailed) problems.push({ rule: PROV_GROUP_SIZE, severity: severityOf(PROV_GROUP_SIZE, place), message: message(PROV_GROUP_SIZE, 'missing'), missing: ['group_size'] });
    const rest = missing.filter((p) => p !== 'group_size' || reading.detailed || !reading.groupUnsized);
    if (rest.length) problems.push({ rule: PROV_GOOD_PRACTICE, severity: severityOf(PROV_GOOD_PRACTICE, place), message: message(PROV_GOOD_PRACTICE, 'missing', { missing: listParts(rest, 'provision') }), missing: rest });
  }
  if (reading.noLocation) problems.push({ rule: PROV_US_LOCATION, severity: severityOf(PROV_US_LOCATION, place), message: message(PROV_US_LOCATION, 'missing') });
  const blank = blankProblem(item, place);
  if (blank) problems.push(blank);
  const active = problems.filter((p) => !disabled(p.rule.id, item.options));
  const hedgesKept = counted(item, place, kept);
  if (!active.length && !hedgesKept.length) return undefined;
  let rewrite = suggestRewrite(item.text, hedgeReplacements(item, kept), active.some((p) => p.missing) ? missing : []);
  if (reading.noLocation && active.some((p) => p.rule === PROV_US_LOCATION)) rewrite = `${rewrite.replace(/[\s.]*$/, '')} ${WHERE_SLOT}.`;
  return compose(item, place, active, hedgesKept, changed(item, rewrite));
}

function judgeGoal(item: Item, place: Place, read: Read | undefined): Finding | undefined {
  const hedges = findHedges(item);
  const blanks = blankParts(item);
  const gaps = (missing: readonly Part[]) => missing.filter((p) => p !== 'context' && !blanks.has(p));
  let reading = readGoal(item, hedges);
  if (read && (hedges.length > 0 || reading.provision || gaps(reading.missing).length > 0)) reading = readGoal(item, hedges, read(readerText(item)));
  const missing = reading.missing.filter((p) => !blanks.has(p));
  const problems: Problem[] = [];
  const subject = item.role === 'outcome' ? 'This outcome' : 'This target';
  if (reading.provision) {
    problems.push({
      rule: OUTCOME_NOT_PROVISION,
      severity: severityOf(OUTCOME_NOT_PROVISION, place),
      message: message(OUTCOME_NOT_PROVISION, 'found'),
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
      const vague = first ? `; "${item.block.slice(first.start, first.end)}" cannot be observed or counted` : '';
      lead.message = message(lead.rule, 'missing', { subject, missing: listParts(missing, 'goal'), vague });
      problems.push(lead);
    }
  }
  const blank = blankProblem(item, place);
  if (blank) problems.push(blank);
  const active = problems.filter((p) => !disabled(p.rule.id, item.options));
  const hedgesKept = counted(item, place, hedges);
  if (!active.length && !hedgesKept.length) return undefined;
  const replacements: Replacement[] = [...hedgeReplacements(item, hedges), ...reading.vague.map((v) => ({ start: v.start - item.start, end: v.end - item.start, part: 'what' as Part }))];
  const rewrite = reading.provision
    ? `By ${slotFor('timescale')}, [child] will [skill or behaviour] [context: when, where or given what] [measure: e.g. on 4 out of 5 occasions].`
    : suggestRewrite(item.text, replacements, active.some((p) => p.missing) ? missing : [], 'goal');
  return compose(item, place, active, hedgesKept, changed(item, rewrite));
}

function judgeNeed(item: Item, place: Place, read: Read | undefined): Finding | undefined {
  let problem = needProblem(item);
  // "Difficulty naming actions" is a description the lexicons cannot tell from a label: the reader can.
  if (problem === 'label' && read) problem = needProblem(item, read(readerText(item)));
  if (!problem || disabled(NEED_IMPACT.id, item.options)) return undefined;
  const p: Problem = { rule: NEED_IMPACT, severity: severityOf(NEED_IMPACT, place), message: message(NEED_IMPACT, problem), missing: NEED_MISSING };
  return compose(item, place, [p], [], suggestRewrite(item.text, [], NEED_MISSING, 'need'));
}

/** The one finding on a judged item, or none. */
export function judgeItem(item: Item, read: Read | undefined): Finding | undefined {
  const place: Place = { jurisdiction: item.jurisdiction, planType: item.planType, role: item.role };
  if (item.role === 'provision') return judgeProvision(item, place, read);
  if (item.role === 'target' || item.role === 'outcome') return judgeGoal(item, place, read);
  if (item.role === 'need') return judgeNeed(item, place, read);
  return undefined;
}
