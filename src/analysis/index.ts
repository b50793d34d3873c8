// The analyser's public surface. Pure: no DOM, no browser API; runs in Node and in the service worker.
import { DEFAULT_OPTIONS, type Block, type Finding, type Jurisdiction, type Options, type PlanType } from './types';

export * from './types';

export interface BlockReport {
  id: string;
  /** The exact text the findings were computed on: callers drop results whose text has since changed. */
  text: string;
  findings: Finding[];
}

export interface Report {
  planType: PlanType;
  jurisdiction: Jurisdiction | 'unknown';
  /** True when the text reads as an SEN plan; pages that are not plans are left alone. */
  isPlan: boolean;
  blocks: BlockReport[];
}

// Interim first slice (issue 2): the hedge lexicon only. Replaced by the full analyser (issue 3).
const HEDGES = ['access to', 'opportunities to', 'opportunities for', 'as required', 'where possible', 'as appropriate', 'regular', 'would benefit from'];

export function analyze(blocks: Block[], options: Partial<Options> = {}): Report {
  void { ...DEFAULT_OPTIONS, ...options };
  const out: BlockReport[] = blocks.map((b) => {
    const findings: Finding[] = [];
    const lower = b.text.toLowerCase();
    for (const h of HEDGES) {
      for (let i = lower.indexOf(h); i >= 0; i = lower.indexOf(h, i + 1)) {
        findings.push({
          rule: 'HEDGE',
          category: 'hedge',
          severity: 'warning',
          start: i,
          end: i + h.length,
          message: `"${b.text.slice(i, i + h.length)}" is non-committal.`,
          why: 'SEND Code of Practice 9.69',
        });
      }
    }
    return { id: b.id, text: b.text, findings };
  });
  return { planType: 'unknown', jurisdiction: 'unknown', isPlan: true, blocks: out };
}

/** Convenience for callers with one string (CLI, review page): blocks are paragraphs; offsets are into `text`. */
export function analyzeText(text: string, options: Partial<Options> = {}): { report: Report; findings: Finding[] } {
  const blocks: Block[] = [];
  const starts: number[] = [];
  let pos = 0;
  for (const para of text.split('\n')) {
    blocks.push({ id: String(blocks.length), text: para });
    starts.push(pos);
    pos += para.length + 1;
  }
  const report = analyze(blocks, options);
  const findings = report.blocks.flatMap((b, i) => b.findings.map((f) => ({ ...f, start: f.start + starts[i]!, end: f.end + starts[i]! })));
  return { report, findings };
}
