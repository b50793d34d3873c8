// Test helpers: judge one line under a heading, the way a plan presents it.
import { analyzeText, type Analyzer, type Finding, type Jurisdiction, type Options, type Part } from './index';

/** Every rule a finding names: its own, the rules folded into it and its hedge words'. */
export function rulesOf(f: Finding): string[] {
  return [f.rule, ...(f.also ?? []), ...(f.spans ?? []).map((s) => s.rule)];
}

export function judge(heading: string, line: string, options: Partial<Options> = {}, analyzer?: Analyzer): { flagged: boolean; missing: Part[]; rules: string[]; findings: Finding[] } {
  const text = heading ? `${heading}\n${line}` : line;
  const from = heading ? heading.length + 1 : 0;
  const findings = analyzeText(text, options, [], analyzer).findings.filter((f) => f.end > from);
  const serious = findings.filter((f) => f.severity !== 'info');
  return {
    flagged: serious.length > 0,
    missing: [...new Set(serious.flatMap((f) => f.missing ?? []))].sort(),
    rules: serious.flatMap(rulesOf),
    findings,
  };
}

/** A heading that fits each kind of plan wording in each jurisdiction, as the evaluation puts each line under one. */
export const HEADINGS: Record<'provision' | 'target' | 'outcome' | 'need', Record<Jurisdiction, string>> = {
  provision: {
    england: 'Section F: Special educational provision',
    wales: '2B.2 Additional learning provision',
    scotland: 'Additional support required to achieve the educational objectives',
    ni: 'Part 3: Special educational provision',
    us: 'Special education and related services',
  },
  target: { england: 'SEN Support plan: targets', wales: '2B.1 Intended outcomes', scotland: 'Educational objectives', ni: 'Personal Learning Plan: targets', us: 'Measurable annual goals' },
  outcome: { england: 'Section E: Outcomes', wales: '2B.1 Intended outcomes', scotland: 'Educational objectives', ni: 'Part 3: Objectives', us: 'Measurable annual goals' },
  need: {
    england: 'Section B: Special educational needs',
    wales: '2A Description of additional learning needs',
    scotland: 'Factors giving rise to additional support needs',
    ni: 'Part 2: Special educational needs',
    us: 'Present levels of academic achievement and functional performance',
  },
};
