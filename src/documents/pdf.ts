// PDF via pdf.js text content: each page's positioned text runs, laid out again as a page's blocks (pdf-layout.ts).
// The caller supplies pdf.js (the browser build with its packaged worker, or the legacy build in Node).
import type { getDocument, TextItem } from 'pdfjs-dist/types/src/display/api';
import { corrupt, encrypted, noText } from './errors';
import { pdfParagraphs, type PdfPage, type Run } from './pdf-layout';
import { toPlanDocument, type PlanDocument } from './plan-document';

export interface PdfJs {
  getDocument: typeof getDocument;
}

/** A page's upright text runs; turned or slanted text (a diagonal "DRAFT" watermark) is not the plan's wording. */
function runsOf(items: TextItem[]): Run[] {
  return items
    .filter((i) => i.str.trim() !== '' && Math.abs(Number(i.transform[1])) < 1e-3 && Math.abs(Number(i.transform[2])) < 1e-3)
    .map((i) => ({ text: i.str, x: Number(i.transform[4]), y: Number(i.transform[5]), width: i.width, size: Math.abs(Number(i.transform[3])) || i.height, font: i.fontName }));
}

export async function readPdf(name: string, data: Uint8Array, pdfjs: PdfJs): Promise<PlanDocument> {
  // pdf.js takes ownership of the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const task = pdfjs.getDocument({ data: data.slice(), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, verbosity: 0 });
  try {
    const pdf = await task.promise;
    const pages: PdfPage[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      pages.push({ runs: runsOf(content.items.filter((i): i is TextItem => 'str' in i)) });
      page.cleanup();
    }
    if (pages.reduce((sum, p) => sum + p.runs.reduce((n, r) => n + r.text.replace(/\s/g, '').length, 0), 0) < 20) throw noText(name);
    return toPlanDocument(name, 'pdf', pdfParagraphs(pages));
  } catch (e) {
    const kind = (e as { name?: string }).name;
    if (kind === 'PasswordException') throw encrypted(name);
    if (kind === 'InvalidPDFException' || kind === 'FormatError') throw corrupt(name, 'kindPdf');
    throw e;
  } finally {
    void task.destroy();
  }
}
