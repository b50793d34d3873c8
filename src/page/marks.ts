// A mark is one finding placed on the page: the finding (one per sentence), the source it was computed on, and
// (for page and contenteditable text) the live DOM Range over its sentence and over each hedge phrase in it, the
// phrases being emphasised inside the sentence's underline.
import type { BlockReport, Finding, HedgeSpan } from '../analysis';
import type { TextField } from './opt-outs';
import type { Source } from './sources';
import { rangeForSpan } from './text-blocks';

export interface Emphasis {
  span: HedgeSpan;
  range: Range | null;
}

export interface Mark {
  key: string;
  source: Source;
  finding: Finding;
  /** The flagged sentence, as it was when analysed. */
  flagged: string;
  range: Range | null;
  /** The hedge phrases inside the sentence, in reading order. */
  emphasis: Emphasis[];
}

/**
 * A source's marks, if its text is still what the analyser saw. A report on text that has changed
 * since is dropped, not shifted: the next answer will place it again.
 */
export function marksOf(source: Source, report: BlockReport | undefined): Mark[] {
  if (!report || report.text !== source.text) return [];
  const marks: Mark[] = [];
  // Reading order within the block, whatever order the rules reported in.
  const findings = [...report.findings].sort((a, b) => a.start - b.start || a.end - b.end);
  const rangeOf = (start: number, end: number) => (source.kind === 'dom' ? rangeForSpan(source.block, start, end) : null);
  for (const [i, finding] of findings.entries()) {
    const range = rangeOf(finding.start, finding.end);
    if (source.kind === 'dom' && !range) continue;
    const spans = [...(finding.spans ?? [])].sort((a, b) => a.start - b.start);
    marks.push({
      // Two findings can share a span and a rule (two needs without provision): the index tells them apart.
      key: `${source.id}:${i}:${finding.start}:${finding.end}:${finding.rule}`,
      source,
      finding,
      flagged: source.text.slice(finding.start, finding.end),
      range,
      emphasis: spans.map((span) => ({ span, range: rangeOf(span.start, span.end) })),
    });
  }
  return marks;
}

/** Offsets of [start, end) of a form field mark's source in its field's value, or null once the field's text there has changed. */
export function fieldOffsets(mark: Mark, start: number, end: number): { field: TextField; start: number; end: number } | null {
  const s = mark.source;
  if (s.kind !== 'field') return null;
  if (s.field.value.slice(s.start, s.start + s.text.length) !== s.text) return null;
  return { field: s.field, start: s.start + start, end: s.start + end };
}

/** Offsets of a form field mark's sentence in its field's value, or null once the field's text there has changed. */
export const fieldSpan = (mark: Mark) => fieldOffsets(mark, mark.finding.start, mark.finding.end);
