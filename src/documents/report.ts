// What a reader sees of a checked plan: its sections, the marked stretches of each paragraph, the sentence a
// finding sits in, and plain words for the analyser's vocabulary. Shared by the review page and the side panel.
import type { Report } from '../analysis/index';
import type { Finding, Jurisdiction, PlanType } from '../analysis/types';
import type { MessageName, Words } from '../analysis/words';
import type { Paragraph, PlanDocument } from './plan-document';

const PLAN_TYPE_NAMES: Record<PlanType, MessageName> = {
  ehcp: 'planTypeEhcp',
  'sen-support': 'planTypeSenSupport',
  iep: 'planTypeIep',
  idp: 'planTypeIdp',
  csp: 'planTypeCsp',
  statement: 'planTypeStatement',
  plp: 'planTypePlp',
  'us-iep': 'planTypeUsIep',
  '504': 'planType504',
  unknown: 'planTypeUnknown',
};

const JURISDICTION_NAMES: Record<Jurisdiction | 'unknown', MessageName> = {
  england: 'jurisdictionNameEngland',
  wales: 'jurisdictionNameWales',
  scotland: 'jurisdictionNameScotland',
  ni: 'jurisdictionNameNi',
  us: 'jurisdictionNameUs',
  unknown: 'jurisdictionNameUnknown',
};

/** "Education, Health and Care plan (EHCP)", in the reader's words. */
export const planTypeLabel = (words: Words, type: PlanType): string => words(PLAN_TYPE_NAMES[type]);

/** "England", in the reader's words. */
export const jurisdictionLabel = (words: Words, jurisdiction: Jurisdiction | 'unknown'): string => words(JURISDICTION_NAMES[jurisdiction]);

export interface Section {
  /** The heading's text, or a neutral name for text before the first heading. */
  title: string;
  /** Index of the heading paragraph, -1 for the opening text. */
  heading: number;
  paragraphs: number[];
}

export function sectionsOf(doc: PlanDocument): Section[] {
  const sections: Section[] = [];
  doc.paragraphs.forEach((p, i) => {
    if (p.heading) sections.push({ title: doc.text.slice(p.start, p.end), heading: i, paragraphs: [] });
    else {
      if (!sections.length) sections.push({ title: 'Start of the plan', heading: -1, paragraphs: [] });
      sections.at(-1)!.paragraphs.push(i);
    }
  });
  return sections;
}

/** The title of the section an offset falls in. */
export function sectionTitleAt(doc: PlanDocument, offset: number): string {
  let title = 'Start of the plan';
  for (const p of doc.paragraphs) {
    if (p.start > offset) break;
    if (p.heading) title = doc.text.slice(p.start, p.end);
  }
  return title;
}

export interface Segment {
  start: number;
  end: number;
  /** Indexes into the findings list of those covering this stretch; empty for unmarked text. */
  findings: number[];
}

/** Cuts a paragraph at every finding boundary, so overlapping findings each keep their whole stretch. */
export function segmentsOf(paragraph: Paragraph, findings: readonly Finding[]): Segment[] {
  const cuts = new Set([paragraph.start, paragraph.end]);
  const inside: number[] = [];
  findings.forEach((f, i) => {
    if (f.end <= paragraph.start || f.start >= paragraph.end || f.end <= f.start) return;
    inside.push(i);
    cuts.add(Math.max(f.start, paragraph.start));
    cuts.add(Math.min(f.end, paragraph.end));
  });
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(1).map((end, k) => {
    const start = points[k]!;
    return { start, end, findings: inside.filter((i) => findings[i]!.start <= start && findings[i]!.end >= end) };
  });
}

/** A finding's sentence, in the plan's own words (one finding per sentence: its range is the sentence). */
export function quoteOf(text: string, finding: Pick<Finding, 'start' | 'end'>): string {
  return text.slice(finding.start, finding.end).trim();
}

export interface OutlineSection {
  title: string;
  start: number;
  end: number;
  /** Non-empty lines of the section other than its heading, as offsets into the text. */
  statements: { start: number; end: number }[];
}

/** The sections the analyser recognised, as offsets into the text it analysed (one block per line, as analyzeText
 *  cuts it); text before the first section, or a text with none, is one section of its own. */
export function outlineOf(text: string, report: Pick<Report, 'sections'>): OutlineSection[] {
  const lines: { start: number; end: number; text: string }[] = [];
  let pos = 0;
  for (const line of text.split('\n')) {
    lines.push({ start: pos, end: pos + line.length, text: line });
    pos += line.length + 1;
  }
  const heads = report.sections.map((s) => ({ title: s.name, line: Number(s.blockId) })).filter((h) => lines[h.line]);
  if (!heads.length || heads[0]!.line > 0) heads.unshift({ title: heads.length ? 'Start of the plan' : 'The plan', line: -1 });
  return heads.map((h, i) => {
    const last = (heads[i + 1]?.line ?? lines.length) - 1;
    const statements = lines.slice(h.line + 1, last + 1).filter((l) => l.text.trim());
    // A label with the text on its own line is a heading; "Section F: Sam will have…" is both.
    const own = lines[h.line];
    if (own && own.text.trim() !== h.title.trim()) statements.unshift(own);
    return { title: h.title, start: own?.start ?? 0, end: lines[last] ? Math.min(text.length, lines[last].end + 1) : text.length, statements: statements.map(({ start, end }) => ({ start, end })) };
  }).filter((s, i) => i > 0 || s.statements.length || s.title !== 'Start of the plan');
}

export interface SectionToFix {
  title: string;
  statements: number;
  /** Statements an error or warning is on (a good-practice note asks for nothing). */
  toFix: number;
}

/** Per section with something to fix, how many of its statements need work, out of how many. */
export function toFixBySection(text: string, report: Pick<Report, 'sections'>, findings: readonly Finding[]): SectionToFix[] {
  const serious = findings.filter((f) => f.severity !== 'info');
  return outlineOf(text, report)
    .map((s) => ({
      title: s.title,
      statements: s.statements.length,
      toFix: s.statements.filter((st) => serious.some((f) => f.start < st.end && f.end > st.start)).length,
    }))
    .filter((s) => s.toFix > 0);
}

const LETTERED = /^\s*(section|part)\s+([a-z0-9]{1,3})\b/i;

/** "Section F" for "Section F: The special educational provision…"; other headings as they are. */
export function shortSectionName(title: string): string {
  const m = LETTERED.exec(title);
  return m ? `${m[1]![0]!.toUpperCase()}${m[1]!.slice(1).toLowerCase()} ${m[2]!.toUpperCase()}` : title.trim();
}

export interface Place {
  /** 1-based line and column in the plan's text as read (a text file's own lines; otherwise a paragraph per line). */
  line: number;
  column: number;
  /** The section the analyser placed the finding in, as the plan names it; null before the first section. */
  section: string | null;
  /** The PDF page the paragraph starts on. */
  page?: number;
}

/** Index of the last of the sorted `starts` at or before `at`. */
function lastAtOrBefore(starts: readonly number[], at: number): number {
  let [lo, hi] = [0, starts.length - 1];
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where each finding is: line and column, section, page. Line starts and each paragraph's section are worked out once,
 * so a long plan with many findings costs a search per finding, not a scan of the text.
 */
export function placesIn(doc: PlanDocument, report: Pick<Report, 'sections'>): (offset: number) => Place {
  const lineStarts = [0];
  for (let i = doc.text.indexOf('\n'); i >= 0; i = doc.text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const paragraphStarts = doc.paragraphs.map((p) => p.start);
  // Section ids are paragraph indexes (checkDocument's block ids).
  const sectionOf: (string | null)[] = [];
  let s = 0;
  let current: string | null = null;
  doc.paragraphs.forEach((_, i) => {
    while (s < report.sections.length && Number(report.sections[s]!.blockId) <= i) current = report.sections[s++]!.name;
    sectionOf.push(current);
  });
  return (offset) => {
    const line = lastAtOrBefore(lineStarts, offset);
    const index = lastAtOrBefore(paragraphStarts, offset);
    const paragraph = doc.paragraphs[index];
    const place: Place = { line: line + 1, column: offset - lineStarts[line]! + 1, section: sectionOf[index] ?? null };
    if (paragraph?.page !== undefined) place.page = paragraph.page;
    return place;
  };
}
