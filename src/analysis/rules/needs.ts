// STRUCT-NEED-IMPACT: a need written as a diagnosis or category label says nothing about what the child finds
// hard, where, or how we know (Section B, IDP 2A, CSP factors, NI Part 2, US present levels); nor does a line that
// only reports progress or a wish ("has made great progress", "needs to work on improving grammar").
import type { Item } from '../item';
import type { Syntax } from '../reader/syntax';
import { hasTerm } from '../terms';
import { wordCount } from '../text';

const re = {
  // Digits that are only a year or a date of diagnosis are not evidence of impact.
  evidence: /\d+(?:\.\d+)?\s*(?:%|percentile|words|minutes|times|occasions|out of|of \d)|\b(?!(?:19|20)\d\d\b)\d+\b/i,
  someDifficulties: /\bsome (?:\w+ )?(?:and \w+ )?difficult(?:y|ies)\b/i,
  // "Can present with challenging behaviour", "can struggle": a tendency with nothing observed or counted.
  vagueTendency: /\bcan (?:present with|be|struggle|find)\b|\bchallenging behaviou?r\b/i,
  progress: /^(?:[\w'’-]+\s+){1,3}(?:has|have|is|are)\s+(?:made|making|shown|showing)\s+(?:\w+\s+){0,2}(?:progress|improvement|gains)\b/i,
  wish: /^(?:[\w'’-]+\s+){1,3}(?:needs|need|has) to (?:work on|continue|keep|improve|develop|try|focus on|practi[cs]e)\b/i,
};

export type NeedProblem = 'label' | 'progress';

/** Why a need line says nothing about the need, or undefined when it describes one. */
export function needProblem(item: Item, syntax?: Syntax): NeedProblem | undefined {
  // An area-of-need prefix ("Cognition and learning: …") is a heading, not a description.
  const text = item.scanText.replace(/^[^:;.]{1,40}:\s*/, '');
  if (re.progress.test(text.trim()) || re.wish.test(text.trim())) return re.evidence.test(text) ? undefined : 'progress';
  if (wordCount(text) > 16 || /[;:]/.test(text)) return undefined;
  if (re.evidence.test(text)) return undefined;
  // "Some difficulties" is vague whatever setting it names (rules.md STRUCT-NEED-IMPACT).
  if (re.someDifficulties.test(text) || re.vagueTendency.test(text)) return 'label';
  // "Difficulty naming actions" says what is hard: an activity with its object.
  if (syntax?.difficultyActivity) return undefined;
  return !hasTerm('need-impact', text) && hasTerm('need-label', text) ? 'label' : undefined;
}
