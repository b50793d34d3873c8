// One finding per sentence: the rules' problems with one item (its hedges, its missing parts, a need named only
// as a label) become one finding with the hedge words as spans inside it, one message that names them all and one
// rewrite that fixes them all.
import type { HedgeHit } from './rules/hedges';
import type { Item } from './item';
import type { Finding, HedgeSpan, Severity } from './types';

const RANK: Record<Severity, number> = { error: 2, warning: 1, info: 0 };

export function moreSevere(a: Severity, b: Severity): Severity {
  return RANK[a] >= RANK[b] ? a : b;
}

const normal = (s: string) => s.toLowerCase().replace(/[\s-]+/g, ' ').trim();
const isPattern = (p: string) => p.length > 2 && p.startsWith('/') && p.endsWith('/');

/**
 * The lexicon phrase a hedge matched, in lower case: what "ignore this phrase" stores. A pattern's own match is
 * lexicon words and numbers ("20-45 minutes a week"), except a pattern that spans free text, which is named.
 */
export function lexiconPhrase(hit: HedgeHit): string {
  const text = normal(hit.text);
  const literal = hit.group.phrases.find((p) => !isPattern(p) && normal(p) === text);
  if (literal) return normal(literal);
  if (/^initially\b/.test(text)) return 'initially … thereafter';
  return text;
}

function spanOf(hit: HedgeHit, finding: Finding): HedgeSpan {
  return { rule: finding.rule, start: finding.start, end: finding.end, phrase: lexiconPhrase(hit), message: finding.message };
}

/**
 * Composes an item's findings into one. `found` holds what the rules raised on the item (hedge findings on their
 * words, sentence findings on the whole item); `hedges` the hedge hits behind the hedge findings; `rewrite` the
 * item rewritten with every hedge and missing part fixed, when the sentence findings have none of their own.
 */
export function oneFinding(item: Item, hedges: readonly HedgeHit[], found: readonly Finding[], rewrite: () => string | undefined): Finding | undefined {
  if (!found.length) return undefined;
  const hedgeFindings = found.filter((f) => f.category === 'hedge');
  const sentence = found.filter((f) => f.category !== 'hedge');
  let severity: Severity = 'info';
  for (const f of found) severity = moreSevere(severity, f.severity);
  // The sentence's own finding leads when it is as serious as anything in it; otherwise the worst hedge does.
  const main = [...sentence].sort((a, b) => RANK[b.severity] - RANK[a.severity])[0];
  const worstHedge = [...hedgeFindings].sort((a, b) => RANK[b.severity] - RANK[a.severity])[0];
  const lead = main && (!worstHedge || RANK[main.severity] >= RANK[worstHedge.severity]) ? main : (worstHedge ?? main)!;
  const also = sentence.filter((f) => f !== lead).map((f) => f.rule);
  const spans: HedgeSpan[] = [];
  for (const f of hedgeFindings) {
    const hit = hedges.find((h) => h.start === f.start && h.end === f.end);
    if (hit) spans.push(spanOf(hit, f));
  }
  const missing = [...new Set(sentence.flatMap((f) => f.missing ?? []))];
  const messages = [...hedgeFindings.map((f) => f.message), ...sentence.map((f) => f.message)];
  const suggestion = main?.suggestion ?? rewrite();
  return {
    rule: lead.rule,
    category: main?.category ?? 'hedge',
    severity,
    start: item.start,
    end: item.end,
    message: messages.join(' '),
    why: lead.why,
    ...(suggestion !== undefined ? { suggestion } : {}),
    ...(missing.length ? { missing } : {}),
    ...(spans.length ? { spans } : {}),
    ...(also.length ? { also } : {}),
  };
}

/**
 * Folds a document-level finding (a need with no provision, the fifth target) into the finding already on that
 * sentence, or returns it as the sentence's finding. The result is a new object: cached findings stay as judged.
 */
export function foldInto(existing: Finding | undefined, extra: Finding): Finding {
  if (!existing) return extra;
  const severity = moreSevere(existing.severity, extra.severity);
  const lead = RANK[extra.severity] >= RANK[existing.severity] ? extra : existing;
  return {
    ...existing,
    rule: lead.rule,
    category: lead.category,
    severity,
    also: [...new Set([...(existing.also ?? []), lead === existing ? extra.rule : existing.rule])],
    message: `${existing.message} ${extra.message}`,
    why: lead.why,
  };
}
