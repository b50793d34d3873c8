// A plan as the review page and the CLI see it: one string, cut into paragraphs that know whether they are headings.
// `text` is the paragraphs joined by '\n'; a paragraph is one block for the analyser (a line break inside it, from a
// <br>, stays inside it, as the page reads it).

import { analyze, shifted, type Block, type BlockKind, type Finding, type Options, type Report } from '../analysis/index';

export type DocumentKind = 'pdf' | 'docx' | 'html' | 'txt' | 'md' | 'paste';

export interface Paragraph {
  start: number;
  end: number;
  heading: boolean;
  /** What the file's markup says the paragraph is (a heading element, a table row), where it says so. */
  kind?: BlockKind;
  /** The PDF page it starts on. */
  page?: number;
}

export interface PlanDocument {
  name: string;
  kind: DocumentKind;
  text: string;
  paragraphs: Paragraph[];
}

export interface ParagraphText {
  text: string;
  heading: boolean;
  kind?: BlockKind;
  page?: number;
}

/**
 * Tidies whitespace the way every reader needs (non-breaking spaces, tabs, runs of spaces) and drops empty paragraphs.
 * `keepLines` (a text file): an empty line stays in `text` as an empty line, so a finding's line is the file's line.
 */
export function toPlanDocument(name: string, kind: DocumentKind, parts: ParagraphText[], keepLines = false): PlanDocument {
  const paragraphs: Paragraph[] = [];
  const texts: string[] = [];
  let pos = 0;
  for (const part of parts) {
    // A tab between words is a table cell boundary (a table copied from a browser or Word): the row reads as the
    // page reads a table row, cells joined by " | ".
    const text = part.text.trim().replace(/[ ]*\t[\t ]*/g, ' | ').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/ {2,}/g, ' ').trim();
    if (!text) {
      if (keepLines && texts.length) {
        texts.push('');
        pos += 1;
      }
      continue;
    }
    const paragraph: Paragraph = { start: pos, end: pos + text.length, heading: part.heading };
    if (part.kind) paragraph.kind = part.kind;
    if (part.page !== undefined) paragraph.page = part.page;
    paragraphs.push(paragraph);
    texts.push(text);
    pos += text.length + 1;
  }
  while (texts.at(-1) === '') texts.pop();
  return { name, kind, text: texts.join('\n'), paragraphs };
}

// Plan headings that text files and PDFs do not mark up: "Section F: Special educational provision", "PART 2", "B.".
const SECTION_HEADING = /^(section|part)\s+([a-k]|\d{1,2}[ab]?)\b|^[A-K][.:)]\s+\S/i;

/** A short line that reads as a heading: a named plan section, or a short line in capitals. */
export function looksLikeHeading(line: string): boolean {
  const t = line.trim();
  if (!t || t.length > 90 || /[.;,]$/.test(t)) return false;
  if (SECTION_HEADING.test(t)) return true;
  return t.length >= 4 && /[A-Z]/.test(t) && t === t.toUpperCase() && t.split(/\s+/).length <= 10;
}

/** Checks a document paragraph by paragraph, each one block with what its markup says it is (heading, table row). */
export function checkDocument(doc: PlanDocument, options: Partial<Options> = {}): { report: Report; findings: Finding[] } {
  const blocks = doc.paragraphs.map((p, i): Block => {
    const text = doc.text.slice(p.start, p.end);
    return p.kind ? { id: String(i), text, kind: p.kind } : { id: String(i), text };
  });
  const report = analyze(blocks, options);
  // Offsets into the document's text, the hedge words' with them.
  const findings = report.blocks.flatMap((b, i) => b.findings.map((f) => shifted(f, doc.paragraphs[i]!.start)));
  return { report, findings };
}
