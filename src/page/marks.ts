// A mark is one finding placed on the page: the finding, the source it was computed on, and (for
// page and contenteditable text) the live DOM Range over its words.
import type { BlockReport, Finding } from '../analysis';
import type { TextField } from './opt-outs';
import type { Source } from './sources';
import { rangeForSpan } from './text-blocks';

export interface Mark {
  key: string;
  source: Source;
  finding: Finding;
  /** The flagged words, as they were when analysed. */
  flagged: string;
  range: Range | null;
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
  for (const [i, finding] of findings.entries()) {
    const range = source.kind === 'dom' ? rangeForSpan(source.block, finding.start, finding.end) : null;
    if (source.kind === 'dom' && !range) continue;
    marks.push({
      // Two findings can share a span and a rule (two needs without provision): the index tells them apart.
      key: `${source.id}:${i}:${finding.start}:${finding.end}:${finding.rule}`,
      source,
      finding,
      flagged: source.text.slice(finding.start, finding.end),
      range,
    });
  }
  return marks;
}

/** Offsets of a form field mark in its field's value, or null once the field's text there has changed. */
export function fieldSpan(mark: Mark): { field: TextField; start: number; end: number } | null {
  const s = mark.source;
  if (s.kind !== 'field') return null;
  if (s.field.value.slice(s.start, s.start + s.text.length) !== s.text) return null;
  return { field: s.field, start: s.start + mark.finding.start, end: s.start + mark.finding.end };
}
