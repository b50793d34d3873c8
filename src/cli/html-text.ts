// Plain text from a saved HTML page, for the CLI and the bench: each block element (heading, paragraph, list item,
// table cell, textarea line) becomes one paragraph, so the analyser sees the same units the page layer would.
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

export function htmlToPlanDocument(name: string, html: string): PlanDocument {
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|head)\b[\s\S]*?<\/\1>/gi, '')
    // An input's value is text the user reads and edits, like a textarea's.
    .replace(/<input\b[^>]*\bvalue="([^"]*)"[^>]*>/gi, '\n$1\n');
  const parts: ParagraphText[] = [];
  // Mark headings with a sentinel before tags are stripped, so the paragraph knows it is one.
  const marked = body.replace(/<h[1-6]\b[^>]*>/gi, '\n\u0001').replace(BLOCK, '\n').replace(/<[^>]*>/g, '');
  for (const line of marked.split('\n')) {
    const heading = line.startsWith('\u0001');
    parts.push({ text: decodeEntities(heading ? line.slice(1) : line), heading });
  }
  return toPlanDocument(name, 'txt', parts);
}
