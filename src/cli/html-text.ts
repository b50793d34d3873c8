// Plain text from a saved HTML page, for the CLI and the bench: each block element (heading, paragraph, list item,
// table cell, textarea line) becomes one paragraph, so the analyser sees the same units the page layer would.
import type { BlockKind } from '../analysis/index';
import { toPlanDocument, type ParagraphText, type PlanDocument } from '../documents/plan-document';

const BLOCK = /<\/?(?:h[1-6]|p|li|td|th|tr|div|section|header|footer|main|article|ul|ol|table|form|label|br|hr|textarea|blockquote|dt|dd|title)\b[^>]*>/gi;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) => {
    if (code[0] === '#') {
      const n = code[1] === 'x' || code[1] === 'X' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
      return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : whole;
    }
    return ENTITIES[code.toLowerCase()] ?? whole;
  });
}

const MARK: Record<BlockKind, string> = { heading: '\u0001', row: '\u0002', 'header-row': '\u0003', item: '\u0004' };
const KIND_OF_MARK = new Map(Object.entries(MARK).map(([kind, mark]) => [mark, kind as BlockKind]));

// A table row of two or more plain cells is one line, its cells joined by " | ", as the page reads it
// (src/page/text-blocks.ts); rows holding lists, headings or tables keep a line per block.
const ROW = /<tr\b[^>]*>([\s\S]*?)<\/tr>/gi;
const CELL = /<t([dh])\b[^>]*>([\s\S]*?)<\/t[dh]>/gi;
function rowLine(whole: string, inner: string): string {
  const cells = [...inner.matchAll(CELL)];
  if (cells.length < 2 || /<(?:table|li|h[1-6])\b/i.test(inner)) return whole;
  const texts = cells.map((c) => (c[2] ?? '').replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim()).filter((t) => t !== '');
  const header = cells.every((c) => c[1]!.toLowerCase() === 'h');
  return `\n${header ? MARK['header-row'] : MARK.row}${texts.join(' | ')}\n`;
}

export function htmlToPlanDocument(name: string, html: string): PlanDocument {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
    // An input's value is text the user reads and edits, like a textarea's.
    .replace(/<input\b[^>]*\bvalue="([^"]*)"[^>]*>/gi, '\n$1\n');
  const parts: ParagraphText[] = [];
  // Mark block kinds with a sentinel before tags are stripped, so the paragraph knows what it is.
  const marked = body
    .replace(ROW, rowLine)
    .replace(/<(?:h[1-6]|label|legend|caption)\b[^>]*>/gi, `\n${MARK.heading}`)
    .replace(/<li\b[^>]*>/gi, `\n${MARK.item}`)
    .replace(BLOCK, '\n')
    .replace(/<[^>]*>/g, '');
  for (const line of marked.split('\n')) {
    const kind = KIND_OF_MARK.get(line[0] ?? '');
    const text = decodeEntities(kind ? line.slice(1) : line);
    parts.push(kind ? { text, heading: kind === 'heading', kind } : { text, heading: false });
  }
  return toPlanDocument(name, 'txt', parts);
}
