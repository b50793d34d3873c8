// Node side (CLI, tests): read a plan file from disk with pdf.js's legacy build, which runs without a browser.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readPlanFile, type PdfJs, type PlanDocument, type Readers } from './index';

export const nodeReaders: Readers = {
  pdfjs: async () => (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs,
};

export async function readPlanFileFromPath(file: string): Promise<PlanDocument> {
  const { size } = await stat(file);
  return readPlanFile({ name: path.basename(file), size, read: async () => new Uint8Array(await readFile(file)) }, nodeReaders);
}
