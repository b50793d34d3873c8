// EHCP Section B (needs) against Section F (provision), area of need by area of need: every need the plan
// describes should have provision that meets it (SEND Code of Practice 9.69, Children and Families Act 2014 s.37).
// A display aid for the side panel: a keyword reading of the two sections, not a legal judgement.
import { outlineOf } from './report';

export type Area = 'communication' | 'cognition' | 'semh' | 'sensory';

export const AREA_LABELS: Record<Area, string> = {
  communication: 'Communication and interaction',
  cognition: 'Cognition and learning',
  semh: 'Social, emotional and mental health',
  sensory: 'Sensory and/or physical',
};

const AREA_WORDS: Record<Area, RegExp> = {
  communication: /\b(speech|language|communicat\w*|interaction|autis\w*|asd|salt|slt|expressive|receptive|instructions?|vocabulary|social communication)\b/i,
  cognition: /\b(learning|literacy|numeracy|reading|writing|spelling|maths?|memory|processing|dyslexi\w*|dyscalculi\w*|phonics|comprehension)\b/i,
  semh: /\b(anxi\w*|emotion\w*|behaviou?r\w*|mental health|self-esteem|regulat\w*|wellbeing|social skills|unstructured|attachment|adhd|friendships?)\b/i,
  sensory: /\b(hearing|deaf\w*|vision|visual(ly)? impair\w*|sight|motor|physical|sensory|mobility|handwriting|occupational therap\w*|physiotherap\w*|medical)\b/i,
};

export interface CoverageRow {
  area: Area;
  need: boolean;
  provision: boolean;
}

export interface Coverage {
  /** False when the text has no Section B or no Section F heading: there is nothing to compare. */
  found: boolean;
  rows: CoverageRow[];
}

export function coverageOf(text: string): Coverage {
  const sections = outlineOf(text);
  const body = (letter: string) =>
    sections
      .filter((s) => new RegExp(`^section\\s+${letter}\\b`, 'i').test(s.title))
      .flatMap((s) => s.statements.map((st) => text.slice(st.start, st.end)))
      .join('\n');
  const hasHeading = (letter: string) => sections.some((s) => new RegExp(`^section\\s+${letter}\\b`, 'i').test(s.title));
  const needs = body('b');
  const provision = body('f');
  return {
    found: hasHeading('b') && hasHeading('f'),
    rows: (Object.keys(AREA_WORDS) as Area[]).map((area) => ({ area, need: AREA_WORDS[area].test(needs), provision: AREA_WORDS[area].test(provision) })),
  };
}
