// Browser side (extension pages): pdf.js with its worker shipped inside the extension; no CDN, no eval.
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { readPlanFile, type PlanDocument, type Readers } from './index';

export const browserReaders: Readers = {
  pdfjs: async () => {
    const pdfjs = await import('pdfjs-dist');
    pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
    return pdfjs;
  },
  // The page's own parser: its documents are inert (no scripts, no loads).
  parseHtml: () => Promise.resolve((html: string) => new DOMParser().parseFromString(html, 'text/html')),
};

export function readDroppedFile(file: File): Promise<PlanDocument> {
  return readPlanFile({ name: file.name, size: file.size, read: async () => new Uint8Array(await file.arrayBuffer()) }, browserReaders);
}
