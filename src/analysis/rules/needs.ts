// STRUCT-NEED-IMPACT: a need written as a diagnosis or category label says nothing about what the child
// finds hard, where, or how we know (Section B, IDP 2A, CSP factors, NI Part 2, US present levels).
import { NEED_IMPACT, NEED_LABELS } from '../lexicon';
import type { Item } from '../item';
import type { Finding, Part } from '../types';
import { phraseRegex, test, wordCount } from '../text';
import { suggestRewrite } from '../suggest';

const re = {
  label: phraseRegex(NEED_LABELS),
  impact: phraseRegex(NEED_IMPACT),
  // Digits that are only a year or a date of diagnosis are not evidence of impact.
  evidence: /\d+(?:\.\d+)?\s*(?:%|percentile|words|minutes|times|occasions|out of|of \d)|\b(?!(?:19|20)\d\d\b)\d+\b/i,
  someDifficulties: /\bsome (?:\w+ )?(?:and \w+ )?difficult(?:y|ies)\b/i,
  // "Can present with challenging behaviour", "can struggle": a tendency with nothing observed or counted.
  vagueTendency: /\bcan (?:present with|be|struggle|find)\b|\bchallenging behaviou?r\b/i,
};

const MISSING: Part[] = ['what', 'context', 'measure'];

export function isLabelOnly(whole: string): boolean {
  // An area-of-need prefix ("Cognition and learning: …") is a heading, not a description.
  const text = whole.replace(/^[^:;.]{1,40}:\s*/, '');
  if (wordCount(text) > 16 || /[;:]/.test(text)) return false;
  if (re.evidence.test(text)) return false;
  // "Some difficulties" is vague whatever setting it names (rules.md STRUCT-NEED-IMPACT).
  if (re.someDifficulties.test(text) || re.vagueTendency.test(text)) return true;
  return !test(re.impact, text) && test(re.label, text);
}

export function needFindings(item: Item): Finding[] {
  if (!isLabelOnly(item.text)) return [];
  return [
    {
      rule: 'STRUCT-NEED-IMPACT',
      category: 'structure',
      severity: 'warning',
      start: item.start,
      end: item.end,
      message: 'This names a diagnosis or category but does not describe what the child finds difficult, where it shows, or the evidence for it.',
      why:
        item.jurisdiction === 'wales'
          ? 'ALN Code for Wales 2021, 23.27: the description of ALN should be "as clear and comprehensive as possible".'
          : 'R v SoS for Education ex p E [1992]: the needs section must set out every need, specifically enough for provision to be matched to it.',
      suggestion: suggestRewrite(item.text, [], MISSING, 'need'),
      missing: [...MISSING],
    },
  ];
}
