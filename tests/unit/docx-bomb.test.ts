// A 0.7 MB .docx whose document.xml inflates to 200 MB ran the CLI out of memory inside mammoth (issue 15): the
// reader now reads the zip's directory first, and inflates nothing past what it claims.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/documents/index';
import { nodeReaders } from '../../src/documents/node';
import { docxOf } from '../fixtures/files/build';

const PARAGRAPH = '<w:p><w:r><w:t>Sam will have access to support as required.</w:t></w:r></w:p>';
const DOCUMENT_XML = 'word/document.xml';
const BOMB_BYTES = 200 * 1024 * 1024;

interface Part {
  name: string;
  /** The bytes as stored in the zip (deflated). */
  stored: Uint8Array;
  /** What the zip's headers say the part inflates to. */
  claimed: number;
}

/** A zip of deflated parts, with sizes as claimed (CRCs are left 0: nothing here gets as far as checking them). */
function zipOf(parts: Part[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const directory: Uint8Array[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = new TextEncoder().encode(part.name);
    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, 0x04034b50, true);
    local.setUint16(4, 20, true);
    local.setUint16(8, 8, true);
    local.setUint32(18, part.stored.length, true);
    local.setUint32(22, part.claimed, true);
    local.setUint16(26, name.length, true);
    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, 0x02014b50, true);
    entry.setUint16(4, 20, true);
    entry.setUint16(6, 20, true);
    entry.setUint16(10, 8, true);
    entry.setUint32(20, part.stored.length, true);
    entry.setUint32(24, part.claimed, true);
    entry.setUint16(28, name.length, true);
    entry.setUint32(42, offset, true);
    chunks.push(new Uint8Array(local.buffer), name, part.stored);
    directory.push(new Uint8Array(entry.buffer), name);
    offset += 30 + name.length + part.stored.length;
  }
  const size = directory.reduce((n, c) => n + c.length, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, 0x06054b50, true);
  end.setUint16(8, parts.length, true);
  end.setUint16(10, parts.length, true);
  end.setUint32(12, size, true);
  end.setUint32(16, offset, true);
  return Buffer.concat([...chunks, ...directory, new Uint8Array(end.buffer)]);
}

const deflated = (name: string, text: Buffer, claimed = text.length): Part => ({ name, stored: deflateRawSync(text, { level: 9 }), claimed });

/** A Word document's other parts, and a document.xml of `bytes` bytes of paragraphs. */
function bombParts(bytes: number, claimed?: number): Part[] {
  const head = '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>';
  const body = Buffer.alloc(bytes, PARAGRAPH);
  body.write(head);
  return [
    deflated('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>')),
    deflated('_rels/.rels', Buffer.from('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')),
    deflated(DOCUMENT_XML, body, claimed),
  ];
}

const read = (name: string, data: Uint8Array) => readPlanFile({ name, size: data.length, read: async () => data }, nodeReaders);

describe('a Word document that unpacks to far more than its size', () => {
  const bomb = zipOf(bombParts(BOMB_BYTES));

  it('is refused from its zip directory, with the size it would unpack to, before mammoth inflates it', async () => {
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().heapUsed;
    await expect(read('bomb.docx', bomb)).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/^bomb\.docx unpacks to 201 MB; .*at most 24 MB more/) });
    // Nothing near the 200 MB was inflated into memory.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it('is refused as damaged when its directory understates what a part inflates to', async () => {
    const liar = zipOf(bombParts(BOMB_BYTES, 1024 * 1024));
    await expect(read('liar.docx', liar)).rejects.toMatchObject({ code: 'corrupt' });
  });

  it('leaves an ordinary Word document to mammoth', async () => {
    const doc = await read('plan.docx', await docxOf([{ text: 'Section F: Special educational provision', heading: true }, { text: 'Sam will have access to support.' }]));
    expect(doc.text).toBe('Section F: Special educational provision\nSam will have access to support.');
  });
});
