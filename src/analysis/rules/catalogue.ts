// The rules as data: one JSON file per rule (rules/<family>/<ID>.json) says where it applies, its severity by
// jurisdiction and plan, its legal anchor, its phrases and the example sentences it must flag and allow (its tests).
// Code only does what data cannot say (rules/*.ts). Adding a rule file here is the one code change a new rule needs.
import anchors from '../anchors.json';
import type { RuleFamilyId } from '../families';
import type { Category, Jurisdiction, Options, Part, PlanType, Role, Severity } from '../types';
import HEDGE_ACCESS from './hedge/HEDGE-ACCESS.json';
import HEDGE_CUSTOM from './hedge/HEDGE-CUSTOM.json';
import HEDGE_DEFERRAL from './hedge/HEDGE-DEFERRAL.json';
import HEDGE_DISCRETION from './hedge/HEDGE-DISCRETION.json';
import HEDGE_EXAMPLES from './hedge/HEDGE-EXAMPLES.json';
import HEDGE_MODAL from './hedge/HEDGE-MODAL.json';
import HEDGE_OPPORTUNITY from './hedge/HEDGE-OPPORTUNITY.json';
import HEDGE_SMALL_GROUP from './hedge/HEDGE-SMALL-GROUP.json';
import HEDGE_UP_TO from './hedge/HEDGE-UP-TO.json';
import HEDGE_VAGUE_ACTOR from './hedge/HEDGE-VAGUE-ACTOR.json';
import HEDGE_VAGUE_FREQUENCY from './hedge/HEDGE-VAGUE-FREQUENCY.json';
import HEDGE_VAGUE_QUANTITY from './hedge/HEDGE-VAGUE-QUANTITY.json';
import PROV_SPECIFY from './provision/PROV-SPECIFY.json';
import PROV_US_LOCATION from './provision/PROV-US-LOCATION.json';
import PROV_GROUP_SIZE from './provision/PROV-GROUP-SIZE.json';
import PROV_GOOD_PRACTICE from './provision/PROV-GOOD-PRACTICE.json';
import GOAL_VAGUE_VERB from './target/GOAL-VAGUE-VERB.json';
import GOAL_MEASURE from './target/GOAL-MEASURE.json';
import GOAL_TIMESCALE from './target/GOAL-TIMESCALE.json';
import STRUCT_OUTCOME_NOT_PROVISION from './target/STRUCT-OUTCOME-NOT-PROVISION.json';
import STRUCT_NEED_IMPACT from './need/STRUCT-NEED-IMPACT.json';
import STRUCT_B_F_MATCH from './structure/STRUCT-B-F-MATCH.json';
import STRUCT_SCO_CSP from './structure/STRUCT-SCO-CSP.json';
import IEP_REVIEW_DATE from './structure/IEP-REVIEW-DATE.json';
import IEP_TARGET_COUNT from './structure/IEP-TARGET-COUNT.json';
import TEMPLATE_BLANK from './structure/TEMPLATE-BLANK.json';
import CHECK_LIMIT from './structure/CHECK-LIMIT.json';

/** Where a case of a rule applies; a missing key means any. */
export interface When {
  jurisdictions?: (Jurisdiction | 'unknown')[];
  plans?: PlanType[];
  roles?: Role[];
}

export interface SeverityCase extends When {
  level: Severity;
}

/** The parts whose absence fails the legal test where the case applies. */
export interface LegalCase extends When {
  parts: Part[];
}

/** A phrase, or a pattern with the name it is shown and stored by ("initially … thereafter"). */
export type PhraseEntry = string | { pattern: string; name: string };

export interface HedgeGroupData {
  /** The question the phrase leaves open; its slot replaces the phrase in a rewrite. */
  part?: Part;
  /** An otherwise fully specified item makes the phrase harmless (FP-QUANTIFIED-ACCESS, FP-FREQUENT-PLUS-NUMBER). */
  soft: boolean;
  problem: string;
  /** The problem in a jurisdiction's own words, where they differ (a US plan's "service", not "provision"). */
  problemIn?: Partial<Record<Jurisdiction, string>>;
  phrases: PhraseEntry[];
  /** Roles the group applies to, when narrower than the rule's. */
  roles?: Role[];
}

/** A false-positive guard: where the phrase is there but, read in place, it is not a hedge. */
export interface Guard {
  why: string;
  /** The guard's phrases (lower case); all the rule's phrases when absent. */
  phrases?: string[];
  /** A pattern the text right after the phrase matches (anchored with ^). */
  followedBy?: string;
  /** A pattern the item's text before the phrase matches (anchored with $). */
  precededBy?: string;
  /** Jurisdictions where the phrase is not a hedge. */
  in?: Jurisdiction[];
  /** A term tag: when the item has such a term, the phrase is harmless ("small group of 4"). */
  unlessItemHas?: string;
}

export interface Example {
  text: string;
  /** The heading the sentence sits under (the examples' own heading when absent). */
  under?: string;
  options?: Partial<Options>;
}

export interface RuleData {
  id: string;
  family: RuleFamilyId;
  category: Category;
  title: string;
  /** The roles of wording the rule judges. */
  applies: Role[];
  /** First case that matches the plan wins. */
  severity: SeverityCase[];
  /** The anchor in anchors.json the rule cites. */
  why: keyof typeof anchors;
  /** Message templates: {missing} is the missing parts in words, {phrase} the words, {area} an area of need. */
  messages?: Record<string, string>;
  /** Messages in a jurisdiction's own words, where they differ: the rule is one, its wording follows the plan. */
  messagesIn?: Partial<Record<Jurisdiction, Record<string, string>>>;
  groups?: HedgeGroupData[];
  guards?: Guard[];
  /** The legal test: first case that matches wins. */
  legal?: LegalCase[];
  examples: { under: string; flags: (string | Example)[]; allows: (string | Example)[] };
}

export const RULES: readonly RuleData[] = [
  HEDGE_ACCESS, HEDGE_OPPORTUNITY, HEDGE_DISCRETION, HEDGE_VAGUE_FREQUENCY, HEDGE_MODAL, HEDGE_VAGUE_QUANTITY, HEDGE_UP_TO, HEDGE_SMALL_GROUP,
  HEDGE_EXAMPLES, HEDGE_VAGUE_ACTOR, HEDGE_DEFERRAL, HEDGE_CUSTOM,
  PROV_SPECIFY, PROV_GROUP_SIZE, PROV_GOOD_PRACTICE, PROV_US_LOCATION, GOAL_VAGUE_VERB, GOAL_MEASURE, GOAL_TIMESCALE,
  STRUCT_OUTCOME_NOT_PROVISION, STRUCT_NEED_IMPACT,
  STRUCT_B_F_MATCH, STRUCT_SCO_CSP, IEP_REVIEW_DATE, IEP_TARGET_COUNT, TEMPLATE_BLANK, CHECK_LIMIT,
] as RuleData[];

const byId = new Map(RULES.map((r) => [r.id, r]));

export function rule(id: string): RuleData {
  const r = byId.get(id);
  if (!r) throw new Error(`no rule ${id}`);
  return r;
}

/** Where the wording sits: what a rule's cases are matched against. */
export interface Place {
  jurisdiction: Jurisdiction | 'unknown';
  planType: PlanType;
  role: Role;
}

export function matches(when: When, place: Place): boolean {
  return (
    (!when.jurisdictions || when.jurisdictions.includes(place.jurisdiction)) &&
    (!when.plans || when.plans.includes(place.planType)) &&
    (!when.roles || when.roles.includes(place.role))
  );
}

export function severityOf(r: RuleData, place: Place): Severity {
  return r.severity.find((c) => matches(c, place))?.level ?? 'warning';
}

/** The parts whose absence fails the rule's legal test here (none when the rule has no legal test). */
export function legalParts(r: RuleData, place: Place): readonly Part[] {
  return r.legal?.find((c) => matches(c, place))?.parts ?? [];
}

type AnchorTable = Record<string, Partial<Record<string, string>>>;

/**
 * The rule's legal anchor in the plan's own jurisdiction, else one that cites no law (`any`); a UK plan's falls back
 * to England's, but a US plan never cites UK law.
 */
export function whyOf(r: RuleData, place: Pick<Place, 'jurisdiction' | 'planType'>): string {
  const table = (anchors as unknown as AnchorTable)[r.why] ?? {};
  const fallback = place.jurisdiction === 'us' ? undefined : (table.england ?? Object.values(table)[0]);
  return table[place.planType] ?? table[place.jurisdiction] ?? table.any ?? fallback ?? '';
}

/** A message template in the plan's jurisdiction's words, filled in: {name} → value. */
export function message(r: RuleData, key: string, jurisdiction: Jurisdiction | 'unknown', values: Record<string, string> = {}): string {
  const own = jurisdiction === 'unknown' ? undefined : r.messagesIn?.[jurisdiction]?.[key];
  const template = own ?? r.messages?.[key] ?? '';
  return template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');
}
