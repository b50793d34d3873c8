// Turn a dropped, picked or pasted plan into text with paragraphs, identically in the browser and in Node.
// Nothing here touches the network: files are parsed where they are.
import { MAX_FILE_BYTES, corrupt, empty, encrypted, tooLarge, unsupported } from './errors';
import { readDocx } from './docx';
import { readHtml, type ParseHtml } from './html';
import { readPdf, type PdfJs } from './pdf';
import type { DocumentKind, PlanDocument } from './plan-document';
import { readMarkdown, readText } from './text';

export { DocumentError, MAX_FILE_BYTES, type DocumentErrorCode } from './errors';
export type { DocumentKind, Paragraph, PlanDocument } from './plan-document';
export type { PdfJs } from './pdf';
export type { ParseHtml } from './html';

export interface PlanFile {
  name: string;
  /** Bytes on disk; checked before the file is read so a huge drop fails at once. */
  size: number;
  read(): Promise<Uint8Array>;
}

export interface Readers {
  /** Loaded only when a PDF arrives: pdf.js is the heaviest part of the page. */
  pdfjs(): Promise<PdfJs>;
  /** An inert HTML parser, for saved pages and Word files (mammoth gives HTML). */
  parseHtml(): Promise<ParseHtml>;
}

const startsWith = (data: Uint8Array, ascii: string, at = 0) => [...ascii].every((c, i) => data[at + i] === c.charCodeAt(0));

function includesUtf16(data: Uint8Array, ascii: string): boolean {
  const needle = [...ascii].flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= data.length; i++) {
    for (let j = 0; j < needle.length; j++) if (data[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/** What the bytes are, trusting content over the file name (attachments are often misnamed). */
export function detectKind(name: string, data: Uint8Array): Exclude<DocumentKind, 'paste'> {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const head = new TextDecoder('latin1').decode(data.subarray(0, 1024));
  if (head.includes('%PDF-')) return 'pdf';
  if (startsWith(data, 'PK\u0003\u0004')) {
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx') return 'docx';
    throw unsupported(name, ext === 'odt' ? 'docIsOpenDocument' : 'docIsZip');
  }
  if (startsWith(data, '\u00d0\u00cf\u0011\u00e0')) {
    // Word keeps a password-protected .docx in the old compound-file wrapper, as an "EncryptedPackage" stream.
    if (includesUtf16(data, 'EncryptedPackage')) throw encrypted(name);
    throw unsupported(name, 'docIsOldWord');
  }
  if (ext === 'pdf') throw corrupt(name, 'kindPdf');
  if (ext === 'docx') throw corrupt(name, 'kindDocx');
  if (data.subarray(0, 8192).includes(0)) throw unsupported(name, 'docIsBinary');
  if (ext === 'md' || ext === 'markdown') return 'md';
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html';
  if (ext === 'txt' || ext === 'text' || ext === '') return 'txt';
  throw unsupported(name);
}

export async function readPlanFile(file: PlanFile, readers: Readers): Promise<PlanDocument> {
  if (file.size > MAX_FILE_BYTES) throw tooLarge(file.name, file.size);
  if (file.size === 0) throw empty(file.name);
  const data = await file.read();
  const kind = detectKind(file.name, data);
  const doc =
    kind === 'pdf'
      ? await readPdf(file.name, data, await readers.pdfjs())
      : kind === 'docx'
        ? await readDocx(file.name, data, await readers.parseHtml())
        : kind === 'html'
          ? readHtml(file.name, new TextDecoder().decode(data), await readers.parseHtml())
          : kind === 'md'
            ? readMarkdown(file.name, new TextDecoder().decode(data))
            : readText(file.name, new TextDecoder().decode(data));
  if (!doc.text.trim()) throw empty(file.name);
  return doc;
}

/** Pasted or selected text: same paragraphs as a .txt file. */
export function readPastedText(text: string, name = 'Pasted text'): PlanDocument {
  return readText(name, text, 'paste');
}
