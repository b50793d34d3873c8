// A suggestion rewrites the user's sentence (with [slots] for what is missing), so Replace swaps the
// whole sentence that holds the finding, not just the flagged words.

const END = /[.!?;](?=\s|$)|\n/g;

/** [start, end) of the sentence around [from, to) in `text`, without surrounding whitespace. */
export function sentenceAround(text: string, from: number, to: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(END)) {
    const stop = m.index + (m[0] === '\n' ? 0 : 1);
    if (stop <= from) start = m.index + 1;
    else if (m.index >= to - 1 || stop >= to) {
      end = stop;
      break;
    }
  }
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
