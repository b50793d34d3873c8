// Test helpers: judge one line under a heading, the way a plan presents it.
import { analyzeText, type Analyzer, type Finding, type Options, type Part } from './index';

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
