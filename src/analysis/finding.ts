// One finding per sentence: the rules' problems with one item (its hedges, its missing parts, a need named only
// as a label) become one finding with the hedge words as spans inside it, one message that names them all and one
// rewrite that fixes them all. Its severity is the most serious problem's; its rule is that problem's rule.
import type { HedgeHit } from './rules/hedges';
import { hedgeMessage } from './rules/hedges';
import { whyOf, type Place, type RuleData } from './rules/catalogue';
import type { Finding, HedgeSpan, Part, Severity } from './types';

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export function moreSevere(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

/** One problem a rule found with a sentence. */
export interface Problem {
  rule: RuleData;
  severity: Severity;
  message: string;
  missing?: readonly Part[];
}

/** A hedge that counts against the sentence, with the severity its rule gives it here. */
export interface CountedHedge {
  hit: HedgeHit;
  severity: Severity;
}

/**
 * Composes a sentence's problems and hedges into its one finding, or none when there is nothing to say. Problems
 * are in order of precedence: on a tie in severity the first leads.
 */
export function compose(span: { start: number; end: number }, place: Place, problems: readonly Problem[], hedges: readonly CountedHedge[], suggestion: string | undefined): Finding | undefined {
  if (!problems.length && !hedges.length) return undefined;
  let lead: { rule: RuleData; severity: Severity } | undefined;
  for (const p of problems) if (!lead || RANK[p.severity] > RANK[lead.severity]) lead = p;
  for (const h of hedges) if (!lead || RANK[h.severity] > RANK[lead.severity]) lead = { rule: h.hit.rule, severity: h.severity };
  const spans: HedgeSpan[] = hedges.map(({ hit }) => ({ rule: hit.rule.id, start: hit.start, end: hit.end, phrase: hit.phrase, message: hedgeMessage(hit, place.jurisdiction) }));
  // The parts in the order the rules give them (a need's register differs from a provision's).
  const missing = [...new Set(problems.flatMap((p) => p.missing ?? []))];
  const also = [...new Set(problems.map((p) => p.rule.id))].filter((id) => id !== lead!.rule.id && !spans.some((s) => s.rule === id));
  const sentenceRule = problems.find((p) => p.rule.category !== 'hedge');
  return {
    rule: lead!.rule.id,
    category: sentenceRule?.rule.category ?? 'hedge',
    severity: lead!.severity,
    start: span.start,
    end: span.end,
    message: [...spans.map((s) => s.message), ...problems.map((p) => p.message)].join(' '),
    why: whyOf(lead!.rule, place),
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(missing.length ? { missing } : {}),
    ...(spans.length ? { spans } : {}),
    ...(also.length ? { also } : {}),
  };
}

/**
 * Folds a document-level finding (a need with no provision) into the finding already on that sentence, or returns
 * it as the sentence's finding. The result is a new object: cached findings stay as judged.
 */
export function foldInto(existing: Finding | undefined, extra: Finding): Finding {
  if (!existing) return extra;
  const lead = RANK[extra.severity] > RANK[existing.severity] ? extra : existing;
  return {
    ...existing,
    rule: lead.rule,
    category: lead.category,
    severity: moreSevere(existing.severity, extra.severity),
    also: [...new Set([...(existing.also ?? []), lead === existing ? extra.rule : existing.rule])],
    message: `${existing.message} ${extra.message}`,
    why: lead.why,
  };
}
