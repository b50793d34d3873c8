// A plan as the review page and the CLI see it: one string, cut into paragraphs that know whether they are headings.
// `text` is the paragraphs joined by '\n', so analyzeText(text) yields offsets that fall inside paragraphs.

import { analyzeText, type BlockKind, type Options } from '../analysis/index';

export type DocumentKind = 'pdf' | 'docx' | 'txt' | 'md' | 'paste';

export interface Paragraph {
  start: number;
  end: number;
  heading: boolean;
  /** What the file's markup says the paragraph is (a heading element, a table row), where it says so. */
  kind?: BlockKind;
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
}

/** Tidies whitespace the way every reader needs (non-breaking spaces, tabs, runs of spaces) and drops empty paragraphs. */
export function toPlanDocument(name: string, kind: DocumentKind, parts: ParagraphText[]): PlanDocument {
  const paragraphs: Paragraph[] = [];
  const texts: string[] = [];
  let pos = 0;
  for (const part of parts) {
    // A tab between words is a table cell boundary (a table copied from a browser or Word): the row reads as the
    // page reads a table row, cells joined by " | ".
    const text = part.text.trim().replace(/[ ]*\t[\t ]*/g, ' | ').replace(/[\u00a0\u2007\u202f]/g, ' ').replace(/ {2,}/g, ' ').trim();
    if (!text) continue;
    paragraphs.push(part.kind ? { start: pos, end: pos + text.length, heading: part.heading, kind: part.kind } : { start: pos, end: pos + text.length, heading: part.heading });
    texts.push(text);
    pos += text.length + 1;
  }
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

/** Checks a document with what its markup says about each paragraph (headings, table rows), line by line. */
export function checkDocument(doc: PlanDocument, options: Partial<Options> = {}): ReturnType<typeof analyzeText> {
  const kinds: (BlockKind | undefined)[] = [];
  let line = 0;
  let pos = 0;
  for (const p of doc.paragraphs) {
    for (; pos < p.start; pos++) if (doc.text[pos] === '\n') line++;
    kinds[line] = p.kind;
  }
  return analyzeText(doc.text, options, kinds);
}
