// Word (.docx) via mammoth's HTML, read by the one block reader: headings, list items and table rows come out as
// the same blocks a page with that markup gives (raw text would lose them).
import mammoth from 'mammoth';
import { checkDocxSize } from './docx-size';
import { corrupt } from './errors';
import { readHtml, type ParseHtml } from './html';
import type { PlanDocument } from './plan-document';

// Images would arrive as base64 data: drop them, they carry no plan text.
const dropImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function readDocx(name: string, data: Uint8Array, parse: ParseHtml): Promise<PlanDocument> {
  await checkDocxSize(name, data);
  let html: string;
  try {
    // Node's mammoth reads `buffer`, the browser build `arrayBuffer`; both accept the same bytes.
    const input = { buffer: data, arrayBuffer: data } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
    html = (await mammoth.convertToHtml(input, { convertImage: dropImages, externalFileAccess: false })).value;
  } catch {
    throw corrupt(name, 'kindDocx');
  }
  return readHtml(name, html, parse, 'docx');
}
