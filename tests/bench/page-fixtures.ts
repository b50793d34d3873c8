// The page bench's documents, generated from the bundled draft EHCP: a ~30-page read view (static
// text) and a ~5,000-word plan in a contenteditable editor. Every paragraph, item and cell carries a
// salt, so each run's text is new to the analyser's per-block cache.
import { readFileSync } from 'node:fs';

const SAMPLE = readFileSync('assets/samples/ehcp-draft.html', 'utf8');
const NAMES = ['Oliver', 'Amira', 'Jacob', 'Freya', 'Kwame', 'Zofia', 'Ravi', 'Megan'];

const head = SAMPLE.slice(0, SAMPLE.indexOf('<main>'));
const section = SAMPLE.slice(SAMPLE.indexOf('<main>') + '<main>'.length, SAMPLE.indexOf('</main>'));
const wordsIn = (html: string) => html.replace(/<[^>]+>/g, ' ').split(/\s+/).filter(Boolean).length;

/** The sample's plan body repeated to ~`words` words, each copy with its own pupil name and salts. */
function planBody(words: number, salt: number): string {
  const copies: string[] = [];
  for (let copy = 0, total = 0; total < words; copy++) {
    const name = NAMES[copy % NAMES.length]!;
    let i = 0;
    const html = section.replace(/\bOliver\b/g, name).replace(/<\/(p|li|td)>/g, (close) => ` (${salt}.${copy}.${i++})${close}`);
    copies.push(html);
    total += wordsIn(html);
  }
  return copies.join('\n');
}

/** A static read view of about 15,000 words (30 pages). */
export function longPlanPage(salt: number): string {
  return `${head}<main>\n${planBody(15_000, salt)}\n</main>\n</body>\n</html>\n`;
}

/** About 5,000 words of plan in a plain contenteditable editor, `#editor`. */
export function editorPage(salt: number): string {
  return `${head}<main>\n<div id="editor" contenteditable="true">\n${planBody(5_000, salt)}\n</div>\n</main>\n</body>\n</html>\n`;
}

export const pageWords = (html: string) => wordsIn(html.slice(html.indexOf('<main>')));
