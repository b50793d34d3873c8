// The term table (terms.json): every phrase of the analyser's vocabulary once, with its tags. Rules ask for a tag
// ("role", "frequency"); each tag's phrases are compiled to one regex, once.
import table from './terms.json';
import { findAll, phraseRegex, test, type Span } from './text';

const TERMS = table.terms as Record<string, string>;

const byTag = new Map<string, string[]>();
for (const [phrase, tags] of Object.entries(TERMS)) {
  for (const tag of tags.split(/\s+/)) {
    if (!tag) continue;
    const list = byTag.get(tag) ?? [];
    list.push(phrase);
    byTag.set(tag, list);
  }
}

/** The phrases with a tag, in the table's order. */
export function termsTagged(tag: string): readonly string[] {
  return byTag.get(tag) ?? [];
}

/** Every tag the table uses. */
export function termTags(): string[] {
  return [...byTag.keys()];
}

const sets = new Map<string, Set<string>>();

/** Whether a single word or phrase (a verb's root, an object noun) is one of a tag's terms. */
export function isTerm(tag: string, words: string): boolean {
  let set = sets.get(tag);
  if (!set) {
    set = new Set(termsTagged(tag).map((p) => p.toLowerCase()));
    sets.set(tag, set);
  }
  return set.has(words.toLowerCase());
}

const compiled = new Map<string, RegExp>();

/** One case-insensitive whole-word regex for a tag's phrases (longest first). */
export function termRegex(tag: string): RegExp {
  let re = compiled.get(tag);
  if (!re) {
    const phrases = termsTagged(tag);
    // A tag with no phrases matches nothing.
    re = phrases.length ? phraseRegex(phrases) : /(?!)/g;
    compiled.set(tag, re);
  }
  return re;
}

export function hasTerm(tag: string, text: string): boolean {
  return test(termRegex(tag), text);
}

export function findTerms(tag: string, text: string, offset = 0): Span[] {
  return findAll(termRegex(tag), text, offset);
}

/** The areas of need (tags "area:speech-and-language"), as [area name, phrases]. */
export function needAreas(): [string, readonly string[]][] {
  return termTags()
    .filter((t) => t.startsWith('area:'))
    .map((t) => [t.slice(5).replace(/-/g, ' '), termsTagged(t)]);
}

const AREA_NAMES = table.areaNamesIn as Partial<Record<string, Record<string, string>>>;

/** An area of need as the plan's jurisdiction names it (a US plan's "behavior"). */
export function areaName(area: string, jurisdiction: string): string {
  return AREA_NAMES[jurisdiction]?.[area] ?? area;
}

/**
 * The field's words for the compromise reader: roles are #Role (an #Actor), and words tagged "nlp:X" are #X,
 * frozen so compromise's own guesses do not overrule them. Patterns are not words.
 */
const NOUN_TAGS = ['concrete', 'accommodation', 'standing', 'therapy', 'staff-action'];

export function readerWords(): { words: Record<string, string>; frozen: Record<string, string> } {
  const words: Record<string, string> = {};
  const frozen: Record<string, string> = {};
  for (const [phrase, tags] of Object.entries(TERMS)) {
    if (phrase.startsWith('/')) continue;
    const list = tags.split(/\s+/);
    const nlp = list.find((t) => t.startsWith('nlp:'));
    if (nlp) frozen[phrase.toLowerCase()] = nlp.slice(4);
    else if (list.includes('role')) words[phrase.toLowerCase()] = 'Role';
    // "writing slope", "ear defenders": the field's compound nouns, which compromise would read as a verb.
    // ("educational psychologist" ends in a role: it is a role).
    else if (/\s/.test(phrase) && NOUN_TAGS.some((t) => list.includes(t))) words[phrase.toLowerCase()] = isTerm('role', phrase.split(/\s+/).pop()!) ? 'Role' : 'Noun';
  }
  return { words, frozen };
}
