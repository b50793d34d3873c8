// Flesch–Kincaid grade of plain English, for tests of what Plan Lens tells a parent. Syllables are counted the
// usual way for English (vowel groups, a silent final "e", "-le" and "-ed" endings); numbers count as one word.

/** Syllables in one word: its vowel groups, less a silent final "e" (not "-le" after a consonant) and a silent "-es"/"-ed". */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (w.length <= 3) return 1;
  let n = w.match(/[aeiouy]+/g)?.length ?? 0;
  if (/e$/.test(w) && !/[^aeiouy]le$/.test(w)) n--;
  else if (/[^aeiouytdl](?:es|ed)$/.test(w)) n--;
  return Math.max(1, n);
}

const wordsOf = (text: string) => text.match(/[A-Za-z0-9’'-]+/g) ?? [];

/** Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59. */
export function gradeLevel(text: string): number {
  const sentences = Math.max(1, text.split(/[.!?]+(?:\s|$)/).filter((s) => wordsOf(s).length).length);
  const words = wordsOf(text);
  const syll = words.reduce((n, w) => n + syllables(w), 0);
  return 0.39 * (words.length / sentences) + 11.8 * (syll / Math.max(1, words.length)) - 15.59;
}
