// What "Ignore … on this site" keeps, so that no word of the page is stored: a hedge by its lexicon phrase (the
// analyser's own wording, "as required"), anything else by a hash of its sentence. SHA-256 runs synchronously
// (@noble/hashes): marks are filtered in one pass, and crypto.subtle is missing on http:// portals.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import type { Finding } from '../analysis';
import { sentenceAround } from './sentence';

/** Lower case, one space between words: how the lexicon writes a phrase. */
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/**
 * The lexicon phrase a hedge finding flags, or null for findings on whole sentences (whose words are the page's).
 * A hedge finding's flagged text is the lexicon's phrase as the page writes it, so normalising it gives the phrase.
 */
export function hedgePhrase(finding: Finding, flagged: string): string | null {
  return finding.category === 'hedge' ? normalise(flagged) : null;
}

/** The sentence of `text` that holds [start, end). */
export function sentenceOf(text: string, start: number, end: number): string {
  const s = sentenceAround(text, start, end);
  return text.slice(s.start, s.end);
}

/** The hash an ignored sentence is kept as: hex SHA-256 of its words, normalised (a reflowed line is the same sentence). */
export function sentenceHash(sentence: string): string {
  return bytesToHex(sha256(utf8ToBytes(normalise(sentence))));
}
