// Node side (CLI, tests): read a plan file from disk with pdf.js's legacy build, which runs without a browser, and
// linkedom for HTML. linkedom, not happy-dom: the reader needs only a parsed tree (a file's layout comes from its
// markup), and linkedom parses without a browser environment — nothing is fetched or run, no timers — and loads in
// a fraction of the time.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { DOMParser } from 'linkedom';
import { readPlanFile, type ParseHtml, type PlanDocument, type Readers } from './index';

/** linkedom parses only whole documents: a fragment (mammoth's HTML, a page saved without <html>) is put in a body first, as a browser's parser would. */
export const parseHtml: ParseHtml = (html) => {
  const whole = /<html[\s>]/i.test(html) ? html : `<!doctype html><html><head></head><body>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</body></html>`;
  return new DOMParser().parseFromString(whole, 'text/html') as unknown as Document;
};

export const nodeReaders: Readers = {
  pdfjs: () => import('pdfjs-dist/legacy/build/pdf.mjs'),
  parseHtml: () => Promise.resolve(parseHtml),
};

export async function readPlanFileFromPath(file: string): Promise<PlanDocument> {
  const { size } = await stat(file);
  return readPlanFile({ name: path.basename(file), size, read: async () => new Uint8Array(await readFile(file)) }, nodeReaders);
}
