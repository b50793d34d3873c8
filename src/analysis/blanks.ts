// Blanks in a template or a rewrite: "[how often: e.g. 3 × 20 minutes a week]", "By (date)", "[First Name]", "xxx".
// A blank is something to fill in, not the plan's wording: its own words ("e.g.") are never judged, a part it
// stands for is "to fill in" rather than missing, and a name blank is just the child's name.
import type { Part } from './types';

export interface Blank {
  start: number;
  end: number;
  /** The part the blank stands for, or 'name' for the child's name. */
  part: Part | 'name';
  /** How the card names it: "how often". */
  label: string;
}

// The question a blank asks, by its label (our own slots say it before a colon).
const LABELS: ReadonlyArray<[RegExp, Part | 'name']> = [
  [/^(?:first |full |child'?s? |pupil'?s? |student'?s? |young person'?s? )?name$|^(?:child|pupil|student|young person|learner|yp|name)$/i, 'name'],
  [/^how often$|^frequency$/i, 'frequency'],
  [/^(?:for )?how long$|^duration$/i, 'duration'],
  [/^delivered by$|^who$|^by whom$|^role$/i, 'who'],
  [/^what exactly$|^what$|^skill or behaviour|^the specific difficulty|^what .{1,60} will do that you could see/i, 'what'],
  [/^group size$/i, 'group_size'],
  [/^staff training$|^training$/i, 'training'],
  [/^monitored by$|^monitoring$/i, 'monitoring'],
  [/^measure$|^evidence$/i, 'measure'],
  [/^context$|^where or when/i, 'context'],
  [/^by when$|^(?:insert )?date$|^review date$|^dd\/mm\/yy(?:yy)?$|^month$|^term$/i, 'timescale'],
  [/^where$/i, 'context'],
];

const BRACKETS = /\[([^\][]{1,200})\]|\(((?:insert )?(?:date|name|child'?s? name|first name|dd\/mm\/yy(?:yy)?))\)|(?<![\w])(?:x{2,4}|X{2,4})(?![\w])/g;

function partOf(label: string): Part | 'name' | undefined {
  const l = label.trim();
  for (const [pattern, part] of LABELS) if (pattern.test(l)) return part;
  return undefined;
}

/** The blanks in a text (an item's own text): offsets into it. */
export function findBlanks(text: string): Blank[] {
  const out: Blank[] = [];
  BRACKETS.lastIndex = 0;
  for (let m = BRACKETS.exec(text); m; m = BRACKETS.exec(text)) {
    const inner = m[1] ?? m[2];
    if (inner === undefined) {
      out.push({ start: m.index, end: m.index + m[0].length, part: 'name', label: 'name' });
      continue;
    }
    // Our own slots say their question before a colon: "[how often: e.g. 3 × 20 minutes a week]".
    const label = inner.includes(':') ? inner.slice(0, inner.indexOf(':')) : inner;
    const part = partOf(label);
    if (part) out.push({ start: m.index, end: m.index + m[0].length, part, label: label.trim() });
  }
  BRACKETS.lastIndex = 0;
  return out;
}

/** The text with each blank's words blanked out (same length, so offsets hold): what the lexicons scan. */
export function maskBlanks(text: string, blanks: readonly Blank[]): string {
  if (!blanks.length) return text;
  let out = '';
  let at = 0;
  for (const b of blanks) {
    out += text.slice(at, b.start) + (b.part === 'name' ? 'Sam'.padEnd(b.end - b.start, ' ').slice(0, b.end - b.start) : ' '.repeat(b.end - b.start));
    at = b.end;
  }
  return out + text.slice(at);
}
