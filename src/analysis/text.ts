// Small text helpers shared by the rules: phrase lexicons compiled to regexes, match lists, quoted spans.
// Everything here is linear in the text and never throws on odd input (lone surrogates, empty strings).

export interface Span {
  start: number;
  end: number;
  text: string;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Compiles a phrase lexicon to one case-insensitive regex on whole words. Spaces in a phrase also accept
 * hyphens ("small group" matches "small-group"); the longest phrase wins because alternatives are sorted.
 * A phrase may carry regex syntax when wrapped in slashes: "/up to \\d+/".
 */
export function phraseRegex(phrases: readonly string[], flags = 'gi'): RegExp {
  const parts = [...phrases]
    .sort((a, b) => b.length - a.length)
    .map((p) => (p.length > 2 && p.startsWith('/') && p.endsWith('/') ? p.slice(1, -1) : escapeRegex(p).replace(/ /g, '[\\s-]+')));
  return new RegExp(`(?<![\\w'’-])(?:${parts.join('|')})(?![\\w-])`, flags);
}

export function findAll(re: RegExp, text: string, offset = 0): Span[] {
  const out: Span[] = [];
  const g = re.global ? re : new RegExp(re.source, re.flags + 'g');
  g.lastIndex = 0;
  for (let m = g.exec(text); m; m = g.exec(text)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    out.push({ start: m.index + offset, end: m.index + m[0].length + offset, text: m[0] });
  }
  return out;
}

export function test(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  const hit = re.test(text);
  re.lastIndex = 0;
  return hit;
}

/**
 * Spans of quoted speech ('…', "…", ‘…’, “…”): a pupil's or parent's own words are never judged as
 * plan wording. An apostrophe inside a word (Tom's, I'm) neither opens nor closes a quote.
 */
// Bounded so that text full of stray quote marks stays linear.
const QUOTED = /(?<![\w])['‘"“]((?:[^'’"”]|(?<=\w)['’](?=\w)){0,600}?)['’"”](?![\w])/g;
export function quotedSpans(text: string): Span[] {
  return findAll(QUOTED, text);
}

export function inside(spans: readonly Span[], start: number, end: number): boolean {
  return spans.some((s) => start >= s.start && end <= s.end);
}

export function wordCount(text: string): number {
  let n = 0;
  const re = /[A-Za-z0-9\u00C0-\u024F]+/g;
  while (re.exec(text)) n++;
  return n;
}
