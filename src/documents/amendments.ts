// "Requested amendments": the response a parent sends the local authority on a draft plan. A one-page summary (how
// many sentences need changing and where, what the plan leaves out most often, the needs with no provision), then a
// table: each flagged sentence with its section, the plan's words, what to ask for instead, why in one plain
// sentence, and the rule (named in the row, quoted once at the end). The same model prints (review page) and
// becomes a Word document (amendments-docx.ts). The explanations are ours, written short for a parent to read
// (tests/unit/amendments.test.ts measures their reading grade).
import type { Report } from '../analysis/index';
import type { Finding, HedgeSpan, Part, Severity } from '../analysis/types';
import type { MessageName, Words } from '../analysis/words';
import { jurisdictionLabel, planTypeLabel, quoteOf, sectionTitleAt, shortSectionName } from './report';
import type { PlanDocument } from './plan-document';

export interface AmendmentRow {
  /** "Section F", or "Section B (Cognition and learning)". */
  section: string;
  /** The plan's sentence, and its hedge words as offsets into it. */
  words: string;
  weak: { start: number; end: number }[];
  /** The wording to ask for: the sentence rewritten, or wording to add ("Add provision for …": a need with none). */
  askFor: string | undefined;
  /** Why, in one plain sentence. */
  why: string;
  /** The rule's short name ("SEND Code of Practice 9.69") and its number in the list of rules. */
  rule: string;
  ruleNumber: number;
  severity: Exclude<Severity, 'info'>;
}

export interface Amendments {
  title: string;
  /** "ehcp-draft.html · Education, Health and Care plan (EHCP) · England". */
  about: string;
  date: string;
  intro: string[];
  summary: {
    /** "13 sentences need changing: 10 fail the legal test and 3 would be questioned." */
    headline: string;
    bySection: { section: string; sentences: number }[];
    /** What the plan leaves out most often, in plain words, with how many sentences. */
    missing: { what: string; sentences: number }[];
    needsWithoutProvision: { area: string; words: string }[];
  };
  rows: AmendmentRow[];
  /** Each rule the rows name, once, in full. */
  rules: { number: number; name: string; text: string }[];
}

/** What each hedge does to a promise, in a parent's words (a clause after the phrase). */
const HEDGE_EFFECTS: Record<string, MessageName> = {
  'HEDGE-ACCESS': 'amendEffectAccess',
  'HEDGE-OPPORTUNITY': 'amendEffectOpportunity',
  'HEDGE-DISCRETION': 'amendEffectDiscretion',
  'HEDGE-VAGUE-FREQUENCY': 'amendEffectFrequency',
  'HEDGE-MODAL': 'amendEffectModal',
  'HEDGE-VAGUE-QUANTITY': 'amendEffectQuantity',
  'HEDGE-UP-TO': 'amendEffectUpTo',
  'HEDGE-SMALL-GROUP': 'amendEffectSmallGroup',
  'HEDGE-EXAMPLES': 'amendEffectExamples',
  'HEDGE-VAGUE-ACTOR': 'amendEffectActor',
  'HEDGE-DEFERRAL': 'amendEffectDeferral',
  'HEDGE-CUSTOM': 'amendEffectUnclear',
};

/** The parts a sentence leaves out, in short words, by what was judged, the most telling first. */
const SHORT_PARTS: Record<'provision' | 'goal' | 'need', Partial<Record<Part, MessageName>>> = {
  provision: {
    what: 'amendPartWhat',
    frequency: 'amendPartFrequency',
    who: 'amendPartWho',
    duration: 'amendPartDuration',
    group_size: 'amendPartGroupSize',
    monitoring: 'amendPartMonitoring',
    training: 'amendPartTraining',
    timescale: 'amendPartTimescale',
    context: 'amendPartContext',
    measure: 'amendPartMeasure',
  },
  goal: {
    what: 'amendGoalWhat',
    measure: 'amendGoalMeasure',
    timescale: 'amendPartTimescale',
    context: 'amendGoalContext',
  },
  need: {
    what: 'amendNeedWhat',
    context: 'amendNeedContext',
    measure: 'amendNeedMeasure',
  },
};

/** Why each sentence-level rule matters, when it has nothing missing to list. */
const RULE_REASONS: Record<string, MessageName> = {
  'STRUCT-B-F-MATCH': 'amendReasonNoProvision',
  'STRUCT-OUTCOME-NOT-PROVISION': 'amendReasonOutcome',
  'STRUCT-SCO-CSP': 'amendReasonPersons',
  'IEP-REVIEW-DATE': 'amendReasonReview',
  'IEP-TARGET-COUNT': 'amendReasonTargets',
  'PROV-US-LOCATION': 'amendReasonLocation',
  'STRUCT-NEED-IMPACT': 'amendReasonLabel',
};

const MAX_PARTS = 3;

function listWords(words: Words, list: readonly string[]): string {
  if (list.length <= 1) return list[0] ?? '';
  return words('amendListAnd', list.slice(0, -1).join(', '), list.at(-1)!);
}

function subjectOf(f: Finding): 'provision' | 'goal' | 'need' {
  if (f.rule === 'STRUCT-NEED-IMPACT' || f.also?.includes('STRUCT-NEED-IMPACT')) return 'need';
  if (f.category === 'target' || f.rule === 'STRUCT-OUTCOME-NOT-PROVISION') return 'goal';
  return 'provision';
}

function missingWords(words: Words, f: Finding): string[] {
  const table = SHORT_PARTS[subjectOf(f)];
  const order = Object.keys(table) as Part[];
  return order.filter((p) => f.missing?.includes(p)).map((p) => words(table[p]!));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A hedge, as the plan writes it, and what it does. */
const hedgeClause = (words: Words, text: string, s: HedgeSpan) => words('amendHedgeClause', text.slice(s.start, s.end), words(HEDGE_EFFECTS[s.rule] ?? 'amendEffectUnclear'));

/** "1 sentence", "3 sentences". */
export const sentenceCount = (words: Words, n: number): string => words(n === 1 ? 'amendSentenceOne' : 'amendSentenceMany', String(n));

/**
 * Why the sentence needs changing, in one short sentence: its worst hedge (a second one when nothing is missing),
 * then the first few parts it leaves out. A rule with nothing missing gives its own reason.
 */
export function plainWhy(words: Words, text: string, f: Finding): string {
  const spans = [...(f.spans ?? [])].sort((a, b) => a.start - b.start);
  const parts = missingWords(words, f);
  const rules = [f.rule, ...(f.also ?? [])];
  if (subjectOf(f) === 'need' && !spans.length) {
    const noProvision = rules.includes('STRUCT-B-F-MATCH');
    return words(noProvision && rules.includes('STRUCT-NEED-IMPACT') ? 'amendReasonLabelNoProvision' : RULE_REASONS[f.rule]!);
  }
  const hedges = spans.slice(0, parts.length ? 1 : 2).map((s) => hedgeClause(words, text, s));
  const shown = parts.slice(0, spans.length ? 2 : MAX_PARTS);
  const gap = shown.length ? words(hedges.length ? 'amendItLeavesOut' : 'amendPlanLeavesOut', listWords(words, shown)) : '';
  // At most two clauses: one hedge and the gap, or two hedges.
  const [first, second] = [...hedges, gap].filter(Boolean);
  if (!first) {
    const reason = RULE_REASONS[rules.find((r) => RULE_REASONS[r]) ?? ''];
    return words(reason ?? 'amendReasonUnclear');
  }
  const clauses = second ? words('amendTwoClauses', first, second) : first;
  const body = capitalise(clauses);
  return `${!hedges.length && subjectOf(f) === 'provision' ? words('amendUnchecked', body) : body}.`;
}

/**
 * Where a sentence is, as the local authority reads the plan: its lettered section ("Section F"), with the
 * sub-heading it sits under when there is one ("Section B (Cognition and learning)"); the full title of the
 * lettered section for the summary.
 */
function placeOf(doc: PlanDocument, offset: number): { short: string; section: string } {
  let main: string | undefined;
  let sub: string | undefined;
  for (const p of doc.paragraphs) {
    if (p.start > offset) break;
    if (!p.heading) continue;
    const title = doc.text.slice(p.start, p.end).trim();
    if (shortSectionName(title) !== title) [main, sub] = [title, undefined];
    else sub = title;
  }
  if (!main) return { short: sub ?? sectionTitleAt(doc, offset), section: sub ?? sectionTitleAt(doc, offset) };
  const short = shortSectionName(main);
  return { short: sub ? `${short} (${sub})` : short, section: main };
}

/** "SEND Code of Practice 9.69" from "SEND Code of Practice 9.69: provision …". */
const ruleName = (why: string) => why.split(/:\s/)[0]!.trim();

/**
 * The response to a checked plan: only the sentences that need changing (errors, then warnings are counted), in
 * the reader's words (`words`: the browser's language, or the bundled British words in Node).
 */
export function requestedAmendments(doc: PlanDocument, report: Pick<Report, 'planType' | 'jurisdiction' | 'coverage'>, findings: readonly Finding[], date: Date, words: Words): Amendments {
  const flagged = findings.filter((f): f is Finding & { severity: 'error' | 'warning' } => f.severity !== 'info');
  const rules: Amendments['rules'] = [];
  const numberOf = (why: string) => {
    const known = rules.find((r) => r.text === why);
    if (known) return known.number;
    rules.push({ number: rules.length + 1, name: ruleName(why), text: why });
    return rules.length;
  };
  const rows = flagged.map((f): AmendmentRow => {
    const quoted = quoteOf(doc.text, f);
    const from = f.start + (doc.text.slice(f.start, f.end).length - doc.text.slice(f.start, f.end).trimStart().length);
    return {
      section: placeOf(doc, f.start).short,
      words: quoted,
      weak: (f.spans ?? []).map((s) => ({ start: s.start - from, end: s.end - from })).filter((s) => s.start >= 0 && s.end <= quoted.length),
      askFor: f.suggestion,
      why: plainWhy(words, doc.text, f),
      rule: ruleName(f.why),
      ruleNumber: numberOf(f.why),
      severity: f.severity,
    };
  });

  const errors = flagged.filter((f) => f.severity === 'error').length;
  const warnings = flagged.length - errors;
  const verdicts = [errors && words(errors === 1 ? 'amendFailOne' : 'amendFailMany', String(errors)), warnings && words('amendQuestioned', String(warnings))].filter((v): v is string => Boolean(v));
  const headline = !flagged.length
    ? words('amendHeadlineNone')
    : words('amendHeadline', words(flagged.length === 1 ? 'amendNeedChangingOne' : 'amendNeedChangingMany', String(flagged.length)), listWords(words, verdicts));
  const bySection = new Map<string, number>();
  for (const f of flagged) {
    const { section } = placeOf(doc, f.start);
    bySection.set(section, (bySection.get(section) ?? 0) + 1);
  }
  const missingCount = new Map<string, number>();
  for (const f of flagged) for (const w of missingWords(words, f)) missingCount.set(w, (missingCount.get(w) ?? 0) + 1);
  const gaps = report.coverage.filter((c) => !c.provided);
  const needsWithoutProvision = gaps.map((g) => {
    const f = flagged.find((x) => (x.rule === 'STRUCT-B-F-MATCH' || x.also?.includes('STRUCT-B-F-MATCH')) && x.message.includes(`(${g.area})`));
    return { area: g.area, words: f ? quoteOf(doc.text, f) : '' };
  });

  const england = report.planType === 'ehcp' && report.jurisdiction === 'england';
  const intro = [words('amendIntroRead'), words('amendIntroBrackets'), ...(england ? [words('amendIntroDays')] : [])];
  return {
    title: words('amendTitle'),
    about: [doc.name, planTypeLabel(words, report.planType), jurisdictionLabel(words, report.jurisdiction)].join(' · '),
    date: date.toLocaleDateString(words('amendDateLocale'), { day: 'numeric', month: 'long', year: 'numeric' }),
    intro,
    summary: {
      headline,
      bySection: [...bySection].map(([section, sentences]) => ({ section, sentences })),
      missing: [...missingCount].sort((a, b) => b[1] - a[1]).map(([what, sentences]) => ({ what, sentences })),
      needsWithoutProvision,
    },
    rows,
    rules,
  };
}
