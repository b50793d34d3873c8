// What a reader is told about one sentence's finding: its problems one plain sentence each (each hedge phrase's,
// then the sentence's own), and whether its suggestion is the sentence rewritten or wording to add elsewhere.
import type { Finding } from './types';

/** Document-level rules whose suggestion is new wording for another place (Section F, the CSP's persons). */
const ADDS_ELSEWHERE = new Set(['STRUCT-B-F-MATCH', 'STRUCT-SCO-CSP', 'IEP-TARGET-COUNT']);

/** The sentences of a message: split after a full stop that ends a sentence, never after "e.g." or inside quotes. */
function sentencesOf(message: string): string[] {
  return message
    .split(/(?<=[a-z0-9)”"'][.!?])\s+(?=[A-Z“"])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The finding's problems in plain words, one sentence each and each once: the hedge phrases' messages in reading
 * order, then what the sentence as a whole leaves out (its own message, and those of rules folded into it).
 */
export function problemsOf(finding: Pick<Finding, 'message' | 'spans'>): string[] {
  const spans = [...(finding.spans ?? [])].sort((a, b) => a.start - b.start).map((s) => s.message);
  let rest = finding.message;
  for (const m of spans) rest = rest.replace(m, ' ');
  return [...new Set([...spans, ...sentencesOf(rest.replace(/\s+/g, ' '))])];
}

/**
 * Whether the suggestion is the finding's own sentence rewritten (Replace applies it there), rather than wording
 * to add elsewhere: a need with no provision asks for provision in Section F. A document-level finding folded
 * into a sentence's finding keeps that sentence's rewrite.
 */
export function rewritesSentence(finding: Pick<Finding, 'rule' | 'also' | 'suggestion'>): boolean {
  return finding.suggestion !== undefined && (!ADDS_ELSEWHERE.has(finding.rule) || Boolean(finding.also?.length));
}
