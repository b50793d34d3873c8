// Plain text and Markdown: one paragraph per line, as the CLI reads text, so both give the same findings. The file's
// line structure is kept (empty and markup-only lines stay as empty lines), so a finding's line is the file's line.
import { looksLikeHeading, toPlanDocument, type ParagraphText, type PlanDocument } from './plan-document';

function lines(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n?|\n/);
}

export function readText(name: string, text: string, kind: 'txt' | 'paste' = 'txt'): PlanDocument {
  return toPlanDocument(name, kind, lines(text).map((line) => ({ text: line, heading: looksLikeHeading(line) })), true);
}

// Markdown keeps its words and loses its markup: headings (# and underlined), list markers, emphasis, links, code.
export function readMarkdown(name: string, text: string): PlanDocument {
  const parts: ParagraphText[] = [];
  let fenced = false;
  for (const raw of lines(text)) {
    if (/^\s*(```|~~~)/.test(raw)) {
      fenced = !fenced;
      parts.push({ text: '', heading: false });
      continue;
    }
    if (fenced) {
      parts.push({ text: raw, heading: false });
      continue;
    }
    const prev = parts.at(-1);
    if (/^\s*(=+|-+)\s*$/.test(raw) && prev && prev.text.trim()) {
      prev.heading = true; // setext heading: the underline belongs to the line above
      parts.push({ text: '', heading: false });
      continue;
    }
    if (/^\s*([-*_]\s*){3,}$/.test(raw)) {
      parts.push({ text: '', heading: false }); // thematic break
      continue;
    }
    const heading = /^\s{0,3}#{1,6}\s/.test(raw);
    const line = raw
      .replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '')
      .replace(/^\s*>\s?/, '')
      .replace(/^\s*([-*+]|\d+[.)])\s+(\[[ xX]\]\s+)?/, '')
      .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
      .replace(/(\*\*|__)(.+?)\1/g, '$2')
      .replace(/(^|[^\w*])[*_](?!\s)(.+?)(?<!\s)[*_](?![\w*])/g, '$1$2')
      .replace(/`([^`]+)`/g, '$1')
      .replace(/^\s*\|(.*)\|\s*$/, (_m, cells: string) => (/^[\s|:-]+$/.test(cells) ? '' : cells.split('|').map((c) => c.trim()).join(' | ')))
      .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1');
    parts.push({ text: line, heading: heading || looksLikeHeading(line) });
  }
  return toPlanDocument(name, 'md', parts, true);
}
