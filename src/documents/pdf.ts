// PDF via pdf.js text content: lines rebuilt from positioned text runs, then paragraphs from the gaps between lines.
// The caller supplies pdf.js (the browser build with its packaged worker, or the legacy build in Node).
import type { getDocument, TextItem } from 'pdfjs-dist/types/src/display/api';
import { corrupt, encrypted, noText } from './errors';
import { looksLikeHeading, toPlanDocument, type ParagraphText, type PlanDocument } from './plan-document';

export interface PdfJs {
  getDocument: typeof getDocument;
}

interface Line {
  text: string;
  y: number;
  size: number;
  page: number;
  startX: number;
  endX: number;
}

const PAGE_NUMBER = /^(page\s+)?\d{1,3}(\s*(of|\/)\s*\d{1,3})?$/i;
const LIST_ITEM = /^([•·▪◦●‣∙\-–*]|\(?\d{1,2}[.)]|\(?[a-z][.)])\s/;

function linesOf(items: TextItem[], page: number): Line[] {
  const lines: Line[] = [];
  let current: Line | undefined;
  for (const item of items) {
    const y = Number(item.transform[5]);
    const size = Math.abs(Number(item.transform[3])) || item.height;
    // A run on another baseline starts a new line even when pdf.js did not mark the end of the last one.
    if (current && item.str && Math.abs(current.y - y) > Math.max(current.size, size) / 2) {
      lines.push(current);
      current = undefined;
    }
    if (item.str) {
      const x = Number(item.transform[4]);
      if (!current) current = { text: '', y, size, page, startX: x, endX: x };
      current.text += item.str;
      current.size = Math.max(current.size, size);
      current.endX = Math.max(current.endX, x + item.width);
    }
    if (item.hasEOL && current) {
      lines.push(current);
      current = undefined;
    }
  }
  if (current) lines.push(current);
  return lines.map((l) => ({ ...l, text: l.text.replace(/\s+/g, ' ').trim() })).filter((l) => l.text && !PAGE_NUMBER.test(l.text));
}

/** Running headers and footers ("OFFICIAL – SENSITIVE", the child's name, "Draft EHCP"): the same words at the top or
 *  bottom of most pages. They are page furniture, and would otherwise split paragraphs that run across pages. */
// Same words (page numbers aside) at the same height.
const headKey = (l: Line) => `${l.text.replace(/\d+/g, '#')}@${Math.round(l.y / 4)}`;

function withoutRunningHeads(lines: Line[], pages: number): Line[] {
  if (pages < 2) return lines;
  const edges = new Map<string, Set<number>>();
  for (let n = 1; n <= pages; n++) {
    const onPage = lines.filter((l) => l.page === n);
    for (const l of [...onPage.slice(0, 2), ...onPage.slice(-2)]) {
      if (l.text.length <= 100) edges.set(headKey(l), (edges.get(headKey(l)) ?? new Set()).add(n));
    }
  }
  const running = new Set([...edges].filter(([, on]) => on.size >= Math.max(2, pages * 0.6)).map(([key]) => key));
  return lines.filter((l) => !running.has(headKey(l)));
}

/** The body text size: the size carrying the most characters. Larger lines are headings. */
function bodySize(lines: Line[]): number {
  const chars = new Map<number, number>();
  for (const l of lines) chars.set(Math.round(l.size), (chars.get(Math.round(l.size)) ?? 0) + l.text.length);
  return [...chars].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** A line that ends a sentence well short of the right margin, where the next line's first word would have fitted:
 *  the writer ended the paragraph there (plans often have no space between paragraphs). */
function endsParagraphEarly(prev: Line, next: Line, rightEdge: number): boolean {
  if (!/[.!?]["'”’)]?$/.test(prev.text)) return false;
  const charWidth = (next.endX - next.startX) / Math.max(1, next.text.length);
  const firstWord = next.text.split(' ')[0]!.length;
  return prev.endX + charWidth * (firstWord + 1) < rightEdge;
}

function paragraphsFromLines(lines: Line[]): ParagraphText[] {
  const body = bodySize(lines);
  const rightEdge = new Map<number, number>();
  for (const l of lines) rightEdge.set(l.page, Math.max(rightEdge.get(l.page) ?? 0, l.endX));
  const parts: ParagraphText[] = [];
  let prev: Line | undefined;
  for (const line of lines) {
    const heading = line.size > body * 1.15 || looksLikeHeading(line.text);
    const last = parts.at(-1);
    let continues = false;
    if (prev && last && !last.heading && !heading && !LIST_ITEM.test(line.text)) {
      if (prev.page === line.page) {
        // Lines of one paragraph sit about 1.2 sizes apart; a paragraph break leaves a visibly larger gap.
        continues = prev.y - line.y > 0 && prev.y - line.y < Math.max(prev.size, line.size) * 1.5 && !endsParagraphEarly(prev, line, rightEdge.get(line.page)!);
      } else {
        continues = !/[.:;!?]$/.test(last.text) && /^[a-z]/.test(line.text);
      }
    }
    if (continues && last) last.text += /[-/]$/.test(last.text) ? line.text : ` ${line.text}`;
    else parts.push({ text: line.text, heading });
    prev = line;
  }
  return parts;
}

export async function readPdf(name: string, data: Uint8Array, pdfjs: PdfJs): Promise<PlanDocument> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const lines: Line[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items.filter((i): i is TextItem => 'str' in i), n));
      page.cleanup();
    }
    if (lines.reduce((sum, l) => sum + l.text.replace(/\s/g, '').length, 0) < 20) throw noText(name);
    return toPlanDocument(name, 'pdf', paragraphsFromLines(withoutRunningHeads(lines, pdf.numPages)));
  } catch (e) {
    const kind = (e as { name?: string }).name;
    if (kind === 'PasswordException') throw encrypted(name);
    if (kind === 'InvalidPDFException' || kind === 'FormatError') throw corrupt(name, 'PDF');
    throw e;
  } finally {
    void task.destroy();
  }
}
