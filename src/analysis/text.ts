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
  const parts = [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(`(?<![\\w'’-])(?:${parts.join('|')})(?![\\w-])`, flags);
}

function phraseSource(p: string): string {
  return p.length > 2 && p.startsWith('/') && p.endsWith('/') ? p.slice(1, -1) : escapeRegex(p).replace(/ /g, '[\\s-]+');
}

export interface TaggedPhrases<T> {
  re: RegExp;
  tags: T[];
}

/**
 * Several lexicons in one regex, so the text is scanned once: each phrase gets its own capture group and a
 * match reports the tag (lexicon) of the phrase that matched. Longer phrases are tried first.
 */
export function taggedRegex<T>(entries: ReadonlyArray<readonly [string, T]>, flags = 'gi'): TaggedPhrases<T> {
  const sorted = [...entries].sort((a, b) => b[0].length - a[0].length);
  const source = sorted.map(([p]) => `(${phraseSource(p)})`).join('|');
  return { re: new RegExp(`(?<![\\w'’-])(?:${source})(?![\\w-])`, flags), tags: sorted.map(([, t]) => t) };
}

export function findTagged<T>({ re, tags }: TaggedPhrases<T>, text: string, offset = 0): (Span & { tag: T })[] {
  const out: (Span & { tag: T })[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    let i = 1;
    while (i < m.length && m[i] === undefined) i++;
    const tag = tags[i - 1];
    if (tag !== undefined) out.push({ start: m.index + offset, end: m.index + m[0].length + offset, text: m[0], tag });
  }
  re.lastIndex = 0;
  return out;
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

/** Runs of [A-Za-z0-9\u00C0-\u024F]. Counted without building the list of words: this runs on every block and item. */
export function wordCount(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || (c >= 0xc0 && c <= 0x24f);
    if (letter && !inWord) words++;
    inWord = letter;
  }
  return words;
}
