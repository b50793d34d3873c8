// One judged piece of plan wording with everything the rules need to know about where it sits.
import type { Blank } from './blanks';
import type { Jurisdiction, Options, PlanType, Role } from './types';
import type { Span } from './text';

/**
 * An item this long that lacks only one answer and has no hedge is more likely phrased in a way the lexicons
 * do not know than vague: it gets a good-practice note rather than a flag.
 */
export const DETAILED_WORDS = 24;

export interface Item extends Span {
  /** The whole block the item is in; offsets are into it. */
  block: string;
  role: Role;
  jurisdiction: Jurisdiction | 'unknown';
  planType: PlanType;
  /** A CSP "persons by whom" line (ASL Act s.9(2)). */
  personsByWhom: boolean;
  /** The section label in front of the item ("Educational objective (by June 2026)"), which can carry a date. */
  label: string;
  quotes: Span[];
  options: Options;
  /** The item's text with its blanks' words blanked out (same length): what the lexicons and the reader see. */
  scanText: string;
  /** Template blanks in the item ("[how often: …]", "By (date)"), offsets into the item's text. */
  blanks: Blank[];
}

