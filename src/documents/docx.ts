// Word (.docx) via mammoth: its HTML keeps headings, list items and table cells as separate blocks, which raw text loses.
import mammoth from 'mammoth';
import { corrupt } from './errors';
import { toPlanDocument, looksLikeHeading, type ParagraphText, type PlanDocument } from './plan-document';

const BLOCK = /^(p|h[1-6]|li|td|th|tr|table|ul|ol|blockquote|caption)$/;
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: ' ' };

function decode(text: string): string {
  return text.replace(/&(#\d+|#x[\da-f]+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? m;
  });
}

/** mammoth's HTML is regular (escaped text, no attributes on block tags that matter): walk its tags, never render it. */
export function paragraphsFromMammothHtml(html: string): ParagraphText[] {
  const parts: ParagraphText[] = [];
  let buffer = '';
  let heading = false;
  const flush = () => {
    if (buffer.trim()) parts.push({ text: decode(buffer), heading: heading || looksLikeHeading(decode(buffer)) });
    buffer = '';
    heading = false;
  };
  // Footnotes end with a link back to their reference ("↑"): navigation, not plan text.
  let inBackLink = false;
  for (const token of html.split(/(<[^>]+>)/)) {
    const tag = /^<\/?([a-z0-9]+)/i.exec(token);
    if (!tag) {
      if (!inBackLink) buffer += token;
      continue;
    }
    if (/^<a\s[^>]*href="#(footnote|endnote)-ref-/i.test(token)) inBackLink = true;
    else if (token === '</a>') inBackLink = false;
    const name = tag[1]!.toLowerCase();
    if (BLOCK.test(name)) {
      flush();
      heading = !token.startsWith('</') && /^h[1-6]$/.test(name);
    } else if (name === 'br') buffer += ' ';
  }
  flush();
  return parts;
}

// Images would arrive as base64 data: drop them, they carry no plan text.
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function readDocx(name: string, data: Uint8Array): Promise<PlanDocument> {
  let html: string;
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; both accept the same bytes.
    const input = { buffer: data, arrayBuffer: data } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input, { convertImage: dropImages, externalFileAccess: false })).value;
  } catch {
    throw corrupt(name, 'Word document');
  }
  return toPlanDocument(name, 'docx', paragraphsFromMammothHtml(html));
}
