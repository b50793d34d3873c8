// Document-level structure: every need in Section B (2A, Part 2, factors, present levels) has matching provision
// (STRUCT-B-F-MATCH); an IEP has 2–4 targets (IEP-TARGET-COUNT) and a dated review (IEP-REVIEW-DATE).
import { areaName, needAreas } from '../terms';
import type { Finding, Jurisdiction, PlanType, Role } from '../types';
import { findTagged, taggedRegex } from '../text';
import { message, rule, severityOf, whyOf, type Place } from './catalogue';

const AREAS = taggedRegex(needAreas().flatMap(([area, words]) => words.map((w) => [w, area] as const)));
const B_F_MATCH = rule('STRUCT-B-F-MATCH');
const REVIEW_DATE = rule('IEP-REVIEW-DATE');
const TARGET_COUNT = rule('IEP-TARGET-COUNT');
const CSP_PERSONS = rule('STRUCT-SCO-CSP');

/** The plan a document-level finding is judged in. */
export interface PlanPlace {
  jurisdiction: Jurisdiction | 'unknown';
  planType: PlanType;
}

const at = (plan: PlanPlace, role: Role): Place => ({ ...plan, role });

/** The areas of need a piece of wording is about (speech and language, literacy, anxiety…). */
export function areasOf(text: string): string[] {
  return [...new Set(findTagged(AREAS, text).map((m) => m.tag))];
}

/** An item of a block as judged: where it is, its role, and the areas of need it mentions. */
export interface UnitSummary {
  start: number;
  end: number;
  role: Role;
  areas: string[];
}

/** The items of each block, in document order (index = block): cached per block, so nothing is copied per call. */
export type UnitsByBlock = readonly (readonly UnitSummary[])[];

export interface CoverageEntry {
  /** Area of need named in the needs section. */
  area: string;
  /** Ids of the blocks whose needs mention it. */
  needBlocks: string[];
  /** Whether any provision mentions the same area. */
  provided: boolean;
}

export interface PlacedFinding {
  block: number;
  finding: Finding;
}

// An EHCP's health (G) and social care (H1/H2) provision does not meet an educational need: provision that
// educates or trains belongs in Section F (Children and Families Act 2014 s.21(5)), so it is no match for B.
const NOT_EDUCATIONAL = /^section (?:g|h[12]?)\b|\b(?:health|social care) provision\b/i;

/** Whether provision under this section can meet a need in the needs section. */
export function meetsEducationalNeeds(sectionName: string): boolean {
  return !NOT_EDUCATIONAL.test(sectionName);
}

/** B↔F: only judged when the document has both a needs section and a provision section. `educational[i]` says
 *  whether block i's provision can meet an educational need. */
export function checkCoverage(units: UnitsByBlock, blockIds: readonly string[], educational: readonly boolean[], plan: PlanPlace): { coverage: CoverageEntry[]; findings: PlacedFinding[] } {
  const provided = new Set<string>();
  let anyProvision = false;
  // Each area in the order first named, with its first need (where a finding goes) and the blocks naming it.
  const byArea = new Map<string, { block: number; first: UnitSummary; blocks: Set<string> }>();
  units.forEach((list, block) => {
    for (const u of list) {
      if (u.role === 'provision') {
        anyProvision = true;
        if (educational[block]) for (const a of u.areas) provided.add(a);
      } else if (u.role === 'need') {
        for (const a of u.areas) {
          const entry = byArea.get(a);
          if (entry) entry.blocks.add(blockIds[block]!);
          else byArea.set(a, { block, first: u, blocks: new Set([blockIds[block]!]) });
        }
      }
    }
  });
  const anyNeed = units.some((list) => list.some((u) => u.role === 'need'));
  if (!anyNeed || !anyProvision) return { coverage: [], findings: [] };
  const coverage: CoverageEntry[] = [];
  const findings: PlacedFinding[] = [];
  for (const [key, { block, first, blocks }] of byArea) {
    const ok = provided.has(key);
    // Shown as the plan names it: the panel's grid, the message and the amendments all read this name.
    const area = areaName(key, plan.jurisdiction);
    coverage.push({ area, needBlocks: [...blocks], provided: ok });
    if (ok) continue;
    findings.push({
      block,
      finding: {
        rule: B_F_MATCH.id,
        category: B_F_MATCH.category,
        severity: severityOf(B_F_MATCH, at(plan, 'need')),
        start: first.start,
        end: first.end,
        message: message(B_F_MATCH, 'missing', plan.jurisdiction, { area }),
        why: whyOf(B_F_MATCH, plan),
        suggestion: message(B_F_MATCH, 'suggestion', plan.jurisdiction, { area }),
      },
    });
  }
  return { coverage, findings };
}

const REVIEW_LABEL = /^\s*(?:(?:next|date of|plan)\s+)?review(?:\s+date)?\s*[:–-]\s*(.*)$/i;
const BAD_REVIEW = /^(?:|ongoing|tbc|tba|to be confirmed|to be arranged|as needed|as required|regularly|termly|annually|n\/?a|-+|\.+)\.?$/i;

/** IEP-REVIEW-DATE: a review field with no date (ongoing, TBC, termly…). Returns the offsets of the value. */
export function checkReviewDate(block: string, plan: PlanPlace): Finding | undefined {
  const m = REVIEW_LABEL.exec(block);
  if (!m) return undefined;
  const value = (m[1] ?? '').trim();
  if (!BAD_REVIEW.test(value)) return undefined;
  return {
    rule: REVIEW_DATE.id,
    category: REVIEW_DATE.category,
    severity: severityOf(REVIEW_DATE, at(plan, 'other')),
    start: block.length - block.trimStart().length,
    end: block.trimEnd().length,
    message: value ? message(REVIEW_DATE, 'bad', plan.jurisdiction, { value }) : message(REVIEW_DATE, 'empty', plan.jurisdiction),
    why: whyOf(REVIEW_DATE, plan),
    suggestion: `${block.trim().replace(/[:–-]\s*.*$/, ':')} [review date: e.g. 12 February 2027]`,
  };
}

const IEP_LIKE: ReadonlySet<PlanType> = new Set(['sen-support', 'iep', 'plp']);

/** IEP-TARGET-COUNT: an IEP should focus on three or four key targets. */
export function checkTargetCount(units: UnitsByBlock, plan: PlanPlace): PlacedFinding | undefined {
  if (!IEP_LIKE.has(plan.planType)) return undefined;
  let targets = 0;
  let fifth: { block: number; unit: UnitSummary } | undefined;
  units.forEach((list, block) => {
    for (const unit of list) if (unit.role === 'target' && ++targets === 5) fifth = { block, unit };
  });
  if (!fifth) return undefined;
  return {
    block: fifth.block,
    finding: {
      rule: TARGET_COUNT.id,
      category: TARGET_COUNT.category,
      severity: severityOf(TARGET_COUNT, at(plan, 'target')),
      start: fifth.unit.start,
      end: fifth.unit.end,
      message: message(TARGET_COUNT, 'many', plan.jurisdiction, { count: String(targets) }),
      why: whyOf(TARGET_COUNT, plan),
    },
  };
}

export interface SectionAt {
  block: number;
  /** The block's text, to place a finding on the heading itself. */
  text: string;
  role: Role;
  personsByWhom: boolean;
}

/** STRUCT-SCO-CSP: a CSP must state the persons by whom the additional support is provided (ASL Act s.9(2)). */
export function checkCspPersons(sections: readonly SectionAt[], plan: PlanPlace): PlacedFinding | undefined {
  if (plan.planType !== 'csp') return undefined;
  const provision = sections.find((s) => s.role === 'provision');
  const others = sections.some((s) => s.role === 'need' || s.role === 'target');
  if (!provision || !others || sections.some((s) => s.personsByWhom)) return undefined;
  const start = provision.text.length - provision.text.trimStart().length;
  return {
    block: provision.block,
    finding: {
      rule: CSP_PERSONS.id,
      category: CSP_PERSONS.category,
      severity: severityOf(CSP_PERSONS, at(plan, 'provision')),
      start,
      end: Math.max(start, provision.text.trimEnd().length),
      message: message(CSP_PERSONS, 'missing', plan.jurisdiction),
      why: whyOf(CSP_PERSONS, plan),
      suggestion: 'Persons by whom the additional support is to be provided: [role and service for each kind of support, e.g. NHS speech and language therapist].',
    },
  };
}
