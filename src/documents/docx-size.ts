// A .docx is a zip, and a small one can inflate to hundreds of megabytes of XML (a "zip bomb"), which runs the
// CLI and the review page out of memory inside mammoth. The zip's central directory says how large each part
// inflates to, before anything is inflated: how much the parts grow is checked against a cap first (images barely
// grow, XML shrinks ten-fold in a zip, a bomb a thousand-fold), then each part is inflated once with a counter, in
// case the directory lies.
import { corrupt, unpacksTooLarge } from './errors';

/**
 * Far beyond any real plan (a 300-page Word document's XML is a few MB) and within what mammoth parses: 32 MB of
 * document XML took mammoth 10 s and 1.5 GB in Node, 64 MB 44 s and 2.8 GB.
 */
export const MAX_DOCX_GROWTH_BYTES = 24 * 1024 * 1024;

interface ZipPart {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const ZIP64_EXTRA = 0x0001;
const UNKNOWN_32 = 0xffffffff;
const FEED_BYTES = 4096;

/** The parts listed in the zip's central directory, or null when it cannot be found or read. */
function zipParts(data: Uint8Array): ZipPart[] | null {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows it.
  let end = -1;
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const parts: ZipPart[] = [];
  const names = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || view.getUint32(at, true) !== DIRECTORY_ENTRY) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const part: ZipPart = {
      name: names.decode(data.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      uncompressedSize: view.getUint32(at + 24, true),
      localHeaderOffset: view.getUint32(at + 42, true),
    };
    // Sizes over 4 GB live in a ZIP64 extra field, in this order, only for the fields marked unknown.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength; x += 4 + view.getUint16(x + 2, true)) {
      if (view.getUint16(x, true) !== ZIP64_EXTRA) continue;
      let field = x + 4;
      const next = () => {
        const value = field + 8 <= data.length ? Number(view.getBigUint64(field, true)) : Infinity;
        field += 8;
        return value;
      };
      if (part.uncompressedSize === UNKNOWN_32) part.uncompressedSize = next();
      if (part.compressedSize === UNKNOWN_32) part.compressedSize = next();
      if (part.localHeaderOffset === UNKNOWN_32) part.localHeaderOffset = next();
    }
    parts.push(part);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

/** Inflates a part only to count its bytes: false as soon as it passes `limit`. */
async function inflatesWithin(data: Uint8Array, part: ZipPart, limit: number): Promise<boolean> {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const local = part.localHeaderOffset;
  if (local + 30 > data.length || view.getUint32(local, true) !== LOCAL_HEADER) return false;
  const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
  const compressed = data.subarray(start, start + part.compressedSize);
  if (part.method === 0) return compressed.length <= limit;
  // Another method is not Word's: mammoth will say it cannot read it.
  if (part.method !== 8) return true;
  // Fed a few KB at a time: one deflate chunk can inflate a thousand-fold, all at once.
  let fed = 0;
  const source = new ReadableStream<BufferSource>({
    pull(controller) {
      if (fed >= compressed.length) controller.close();
      else controller.enqueue(compressed.slice(fed, (fed += FEED_BYTES)));
    },
  });
  const reader = source.pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  try {
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
      total += chunk.value.length;
      if (total > limit) {
        await reader.cancel();
        return false;
      }
    }
  } catch {
    // A damaged stream: mammoth will say the file is damaged.
  }
  return true;
}

const megabytes = (bytes: number) => Math.ceil(bytes / 1024 / 1024);

/** Throws a DocumentError when the Word document would unpack to more than MAX_DOCX_GROWTH_BYTES beyond its size. */
export async function checkDocxSize(name: string, data: Uint8Array): Promise<void> {
  // A directory this cannot read (cut short, or ZIP64, which no real plan needs) could hide a part's size.
  const parts = zipParts(data);
  if (!parts) throw corrupt(name, 'kindDocx');
  const growth = parts.reduce((sum, p) => sum + Math.max(0, p.uncompressedSize - p.compressedSize), 0);
  if (growth > MAX_DOCX_GROWTH_BYTES) {
    throw unpacksTooLarge(name, megabytes(data.length + growth), megabytes(MAX_DOCX_GROWTH_BYTES));
  }
  // The directory can lie about sizes: each part is inflated once, counted, and a part that grows past what it
  // claims makes the file damaged.
  for (const part of parts) if (!(await inflatesWithin(data, part, part.uncompressedSize))) throw corrupt(name, 'kindDocx');
}
