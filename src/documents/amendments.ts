// "Requested amendments": the response a parent sends the local authority on a draft plan. A one-page summary (how
// many sentences need changing and where, what the plan leaves out most often, the needs with no provision), then a
// table: each flagged sentence with its section, the plan's words, what to ask for instead, why in one plain
// sentence, and the rule (named in the row, quoted once at the end). The same model prints (review page) and
// becomes a Word document (amendments-docx.ts). The explanations are ours, written short for a parent to read
// (tests/unit/amendments.test.ts measures their reading grade).
import type { Report } from '../analysis/index';
import type { Finding, HedgeSpan, Part, Severity } from '../analysis/types';
import { JURISDICTION_LABELS, PLAN_TYPE_LABELS, quoteOf, sectionTitleAt, shortSectionName } from './report';
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
const HEDGE_EFFECTS: Record<string, string> = {
  'HEDGE-ACCESS': 'offers access, not help',
  'HEDGE-OPPORTUNITY': 'offers a chance, not help',
  'HEDGE-DISCRETION': 'lets someone decide later not to give it',
  'HEDGE-VAGUE-FREQUENCY': 'does not say how often',
  'HEDGE-MODAL': 'is advice, not a promise',
  'HEDGE-VAGUE-QUANTITY': 'does not say which ones or how much',
  'HEDGE-UP-TO': 'sets a top limit, so it could mean none',
  'HEDGE-SMALL-GROUP': 'does not say how many children',
  'HEDGE-EXAMPLES': 'gives only examples, so the list could shrink',
  'HEDGE-VAGUE-ACTOR': 'does not say who will do it',
  'HEDGE-DEFERRAL': 'points to another paper instead of saying what is given',
  'HEDGE-CUSTOM': 'is not clear enough',
};

/** The parts a sentence leaves out, in short words, by what was judged, the most telling first. */
const SHORT_PARTS: Record<'provision' | 'goal' | 'need', Partial<Record<Part, string>>> = {
  provision: {
    what: 'what is done',
    frequency: 'how often',
    who: 'who gives it',
    duration: 'for how long',
    group_size: 'how big the group is',
    monitoring: 'how it is checked',
    training: 'what training staff have',
    timescale: 'by when',
    context: 'where',
    measure: 'how it is measured',
  },
  goal: {
    what: 'what the child will do',
    measure: 'how success is measured',
    timescale: 'by when',
    context: 'when or where',
  },
  need: {
    what: 'what the child finds hard',
    context: 'where it shows',
    measure: 'how we know',
  },
};

/** Why each sentence-level rule matters, when it has nothing missing to list. */
const RULE_REASONS: Record<string, string> = {
  'STRUCT-B-F-MATCH': 'The plan has no help for this need in the provision section.',
  'STRUCT-OUTCOME-NOT-PROVISION': 'This is a service, not something the child will learn to do.',
  'STRUCT-SCO-CSP': 'The plan does not say who will give the support.',
  'IEP-REVIEW-DATE': 'There is no date for the review.',
  'IEP-TARGET-COUNT': 'There are too many targets: two to four work best.',
  'PROV-US-LOCATION': 'It does not say where the service is given.',
  'STRUCT-NEED-IMPACT': 'It names a condition but not what the child finds hard, where, or how we know.',
};

const MAX_PARTS = 3;

function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}`;
}

function subjectOf(f: Finding): 'provision' | 'goal' | 'need' {
  if (f.rule === 'STRUCT-NEED-IMPACT' || f.also?.includes('STRUCT-NEED-IMPACT')) return 'need';
  if (f.category === 'target' || f.rule === 'STRUCT-OUTCOME-NOT-PROVISION') return 'goal';
  return 'provision';
}

function missingWords(f: Finding): string[] {
  const table = SHORT_PARTS[subjectOf(f)];
  const order = Object.keys(table) as Part[];
  return order.filter((p) => f.missing?.includes(p)).map((p) => table[p]!);
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** A hedge, as the plan writes it, and what it does. */
const hedgeClause = (text: string, s: HedgeSpan) => `“${text.slice(s.start, s.end)}” ${HEDGE_EFFECTS[s.rule] ?? 'is not clear enough'}`;

/**
 * Why the sentence needs changing, in one short sentence: its worst hedge (a second one when nothing is missing),
 * then the first few parts it leaves out. A rule with nothing missing gives its own reason.
 */
export function plainWhy(text: string, f: Finding): string {
  const spans = [...(f.spans ?? [])].sort((a, b) => a.start - b.start);
  const parts = missingWords(f);
  const rules = [f.rule, ...(f.also ?? [])];
  if (subjectOf(f) === 'need' && !spans.length) {
    const noProvision = rules.includes('STRUCT-B-F-MATCH');
    return noProvision && rules.includes('STRUCT-NEED-IMPACT') ? 'It names a condition but not what the child finds hard, and no help for it is planned.' : RULE_REASONS[f.rule]!;
  }
  const hedges = spans.slice(0, parts.length ? 1 : 2).map((s) => hedgeClause(text, s));
  const shown = parts.slice(0, spans.length ? 2 : MAX_PARTS);
  const gap = shown.length ? `${hedges.length ? 'it' : 'the plan'} leaves out ${listWords(shown)}` : '';
  const clauses = [...hedges, gap].filter(Boolean);
  if (!clauses.length) return RULE_REASONS[rules.find((r) => RULE_REASONS[r]) ?? ''] ?? 'The wording is not clear enough to check.';
  const tail = !hedges.length && subjectOf(f) === 'provision' ? ', so no one can check it is given' : '';
  return `${capitalise(clauses.join(', and '))}${tail}.`;
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

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The response to a checked plan: only the sentences that need changing (errors, then warnings are counted). */
export function requestedAmendments(doc: PlanDocument, report: Pick<Report, 'planType' | 'jurisdiction' | 'coverage'>, findings: readonly Finding[], date: Date): Amendments {
  const flagged = findings.filter((f): f is Finding & { severity: 'error' | 'warning' } => f.severity !== 'info');
  const rules: Amendments['rules'] = [];
  const numberOf = (why: string) => {
    const known = rules.find((r) => r.text === why);
    if (known) return known.number;
    rules.push({ number: rules.length + 1, name: ruleName(why), text: why });
    return rules.length;
  };
  const rows = flagged.map((f): AmendmentRow => {
    const words = quoteOf(doc.text, f);
    const from = f.start + (doc.text.slice(f.start, f.end).length - doc.text.slice(f.start, f.end).trimStart().length);
    return {
      section: placeOf(doc, f.start).short,
      words,
      weak: (f.spans ?? []).map((s) => ({ start: s.start - from, end: s.end - from })).filter((s) => s.start >= 0 && s.end <= words.length),
      askFor: f.suggestion,
      why: plainWhy(doc.text, f),
      rule: ruleName(f.why),
      ruleNumber: numberOf(f.why),
      severity: f.severity,
    };
  });

  const errors = flagged.filter((f) => f.severity === 'error').length;
  const warnings = flagged.length - errors;
  const headline = !flagged.length
    ? 'No sentence needs changing: nothing in this plan matched Plan Lens’s checks.'
    : `${plural(flagged.length, 'sentence')} ${flagged.length === 1 ? 'needs' : 'need'} changing: ${[errors && `${errors} ${errors === 1 ? 'fails' : 'fail'} the legal test`, warnings && `${warnings} would be questioned`].filter(Boolean).join(' and ')}.`;
  const bySection = new Map<string, number>();
  for (const f of flagged) {
    const { section } = placeOf(doc, f.start);
    bySection.set(section, (bySection.get(section) ?? 0) + 1);
  }
  const missingCount = new Map<string, number>();
  for (const f of flagged) for (const w of missingWords(f)) missingCount.set(w, (missingCount.get(w) ?? 0) + 1);
  const gaps = report.coverage.filter((c) => !c.provided);
  const needsWithoutProvision = gaps.map((g) => {
    const f = flagged.find((x) => (x.rule === 'STRUCT-B-F-MATCH' || x.also?.includes('STRUCT-B-F-MATCH')) && x.message.includes(`(${g.area})`));
    return { area: g.area, words: f ? quoteOf(doc.text, f) : '' };
  });

  const england = report.planType === 'ehcp' && report.jurisdiction === 'england';
  const intro = [
    'I have read the draft plan. Please make the changes below before the plan is made final.',
    'Words in [brackets] are details to agree with the people who know the child.',
    ...(england ? ['The law gives me 15 days to reply to a draft plan (SEND Regulations 2014, regulation 13).'] : []),
  ];
  return {
    title: 'Requested amendments to the draft plan',
    about: [doc.name, PLAN_TYPE_LABELS[report.planType], JURISDICTION_LABELS[report.jurisdiction]].join(' · '),
    date: date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }),
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
