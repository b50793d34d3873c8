// The analyser's vocabulary: what goes in (blocks of plan text) and what comes out (findings).
// Offsets are JavaScript string indices (UTF-16 code units) into the analysed text.

export type Severity = 'error' | 'warning' | 'info';

/** Which family of rules a finding comes from; the page draws each with its own line style. */
export type Category = 'hedge' | 'provision' | 'target' | 'structure';

/** The parts a provision, target or need can lack (DESIGN.md, corpus README). */
export type Part =
  | 'what'
  | 'frequency'
  | 'duration'
  | 'who'
  | 'group_size'
  | 'training'
  | 'monitoring'
  | 'measure'
  | 'context'
  | 'timescale';

export interface Finding {
  /** Stable rule id from domain/rules.md, e.g. HEDGE-ACCESS, PROV-FREQ, GOAL-MEASURE. */
  rule: string;
  category: Category;
  severity: Severity;
  start: number;
  end: number;
  /** Plain English, for a parent. */
  message: string;
  /** The rule and its source (Code of Practice paragraph, case law, statute). */
  why: string;
  /** The user's own sentence rewritten with visible [slots] for what is missing: one rewrite that fixes everything
   *  the finding names. */
  suggestion?: string;
  missing?: Part[];
  /** The hedge words inside the sentence, each with what it leaves open (one finding per sentence). */
  spans?: HedgeSpan[];
  /** Other sentence-level rules this sentence fails, folded into this finding (a label-only need with no provision). */
  also?: string[];
}

/** A hedge phrase inside a finding's sentence. */
export interface HedgeSpan {
  /** The hedge rule, e.g. HEDGE-DISCRETION. */
  rule: string;
  start: number;
  end: number;
  /** The lexicon phrase that matched ("as required"), in lower case: what "ignore this phrase" stores, never the page's words. */
  phrase: string;
  /** What the phrase does, for the card: "\"as required\" leaves it to someone to decide later whether the help is given." */
  message: string;
}

export type Jurisdiction = 'england' | 'wales' | 'scotland' | 'ni' | 'us';
export type PlanType = 'ehcp' | 'sen-support' | 'iep' | 'idp' | 'csp' | 'statement' | 'plp' | 'us-iep' | '504' | 'unknown';
export type Role = 'need' | 'outcome' | 'target' | 'provision' | 'view' | 'other';

/**
 * What a block is on the page, where the page knows it: a heading element (structure, never content to judge), a
 * table row (cells joined by " | "; a short first cell names what the row is for), a table's header row (column
 * titles), or a list item (content, never a section heading). Pasted text has no kinds: its shape is read instead.
 */
export type BlockKind = 'heading' | 'row' | 'header-row' | 'item';

export interface Block {
  id: string;
  text: string;
  kind?: BlockKind;
}

/** A house phrase to flag, with the message the school or LA wants shown for it. */
export interface HousePhrase {
  phrase: string;
  message?: string;
}

export interface Options {
  jurisdiction: Jurisdiction | 'auto';
  /** 'statutory': errors only (what fails the legal test); 'good-practice': every finding. */
  strictness: 'statutory' | 'good-practice';
  disabledRules: string[];
  /**
   * A school's or LA's own phrases to flag (house phrases), matched case-insensitively on whole words; each may
   * carry its own message for the card ("is not how we write provision here: say who and how often").
   */
  customPhrases: (string | HousePhrase)[];
  /** A school's or LA's own phrases to allow: a hedge inside one of these is not flagged ("as part of the IEP review"). */
  allowedPhrases: string[];
  /**
   * The caller knows the text is plan wording (a selection the user asked to check, the review page): judge it
   * even when it has no plan headings. Otherwise text that does not read as a plan only gets info findings.
   */
  assumePlan: boolean;
}

export const DEFAULT_OPTIONS: Options = {
  jurisdiction: 'auto',
  strictness: 'good-practice',
  disabledRules: [],
  customPhrases: [],
  allowedPhrases: [],
  assumePlan: false,
};
