// Splits a block into units (sentences, bullets, lines) with exact offsets into the block.
import type { Span } from './text';

// Words whose trailing full stop does not end a sentence.
const ABBREVIATIONS = new Set([
  'e.g', 'eg', 'i.e', 'ie', 'etc', 'dr', 'mr', 'mrs', 'ms', 'st', 'no', 'nos', 'vs', 'approx', 'prof', 'jr', 'sr', 'inc', 'ltd', 'fig', 'cf', 'a.m', 'p.m', 'wk', 'yr',
]);

// Each run of stops or spaces is tried from its first character only (the lookbehinds), so a run of 20,000 "!"
// costs its length, not its square.
const BOUNDARY = /(?<![.!?])[.!?]+['’"”)]*(?=\s+['‘"“(]?[A-Z0-9])|\n+|(?<=\S)\s+(?=[•▪◦●]\s)/g;

export function segment(text: string): Span[] {
  const units: Span[] = [];
  let from = 0;
  const push = (start: number, end: number): void => {
    let s = start;
    let e = end;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    // Bullet markers are layout, not wording.
    const bullet = /^(?:[-*•▪◦●]|\d{1,2}[.)]|[a-z][.)])\s+/.exec(text.slice(s, Math.min(e, s + 8)));
    if (bullet) s += bullet[0].length;
    if (e > s) units.push({ start: s, end: e, text: text.slice(s, e) });
  };
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(text); m; m = BOUNDARY.exec(text)) {
    const end = m.index + m[0].length;
    if (m[0].startsWith('.')) {
      const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(from, m.index - 12), m.index))?.[1]?.toLowerCase() ?? '';
      // An abbreviation or an initial ("A. Okafor") does not end the sentence, nor does a list number ("2. By…").
      if (ABBREVIATIONS.has(word.replace(/^\./, '')) || /^[a-z]$/.test(word) || /^\s*\d{1,2}$/.test(text.slice(from, m.index))) continue;
    }
    push(from, end);
    from = end;
  }
  push(from, text.length);
  return units;
}
