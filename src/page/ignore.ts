// What "Ignore … on this site" keeps, so that no word of the page is stored: a hedge by its lexicon phrase (the
// analyser's own wording, "as required"), a sentence by a hash of its words. SHA-256 runs synchronously
// (@noble/hashes): marks are filtered in one pass, and crypto.subtle is missing on http:// portals.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** Lower case, one space between words: how the lexicon writes a phrase. */
const normalise = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** The hash an ignored sentence is kept as: hex SHA-256 of its words, normalised (a reflowed line is the same sentence). */
export function sentenceHash(sentence: string): string {
  return bytesToHex(sha256(utf8ToBytes(normalise(sentence))));
}
