import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/analysis/index';
import type { Words } from '../../src/analysis/words';
import { DocumentError, MAX_FILE_BYTES, detectKind, readPastedText, readPlanFile, type DocumentErrorCode } from '../../src/documents/index';
import { BRITISH } from '../../src/documents/words';
import { paragraphsOfDom } from '../../src/documents/html';
import { nodeReaders, parseHtml, readPlanFileFromPath } from '../../src/documents/node';
import { readMarkdown } from '../../src/documents/text';
import { docxOf, paragraphsOf, pdfOf } from '../fixtures/files/build';

const plan = readFileSync(path.join(import.meta.dirname, '../fixtures/files/plan.txt'), 'utf8').trim();
const dir = mkdtempSync(path.join(os.tmpdir(), 'plan-lens-docs-'));
const write = (name: string, data: Uint8Array | string) => {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
};
const headings = (text: string, flags: boolean[]) => text.split('\n').filter((_, i) => flags[i]);

async function failure(file: string): Promise<DocumentErrorCode | undefined> {
  try {
    await readPlanFileFromPath(file);
    return undefined;
  } catch (e) {
    return (e as { code?: DocumentErrorCode }).code;
  }
}

describe('reading plan files', () => {
  it('reads a PDF back to the plan text, with its section headings', async () => {
    const doc = await readPlanFileFromPath(write('plan.pdf', pdfOf(paragraphsOf(plan))));
    expect(doc.kind).toBe('pdf');
    expect(doc.text).toBe(plan);
    expect(headings(doc.text, doc.paragraphs.map((p) => p.heading))).toEqual(['Section B: Special educational needs', 'Section E: Outcomes', 'Section F: Special educational provision']);
  });

  it('reads a DOCX back to the plan text, keeping Word headings', async () => {
    const doc = await readPlanFileFromPath(write('plan.docx', await docxOf(paragraphsOf(plan))));
    expect(doc.kind).toBe('docx');
    expect(doc.text).toBe(plan);
    expect(doc.paragraphs.filter((p) => p.heading)).toHaveLength(3);
  });

  it('reads the committed sample files (made by make.ts) back to plan.txt', async () => {
    for (const file of ['plan.pdf', 'plan.docx']) expect((await readPlanFileFromPath(path.join(import.meta.dirname, '../fixtures/files', file))).text).toBe(plan);
  });

  it('gives the same findings for a PDF, a DOCX and the text they were made from', async () => {
    const fromText = analyzeText(plan).findings;
    expect(fromText.length).toBeGreaterThan(0);
    for (const file of [write('same.pdf', pdfOf(paragraphsOf(plan))), write('same.docx', await docxOf(paragraphsOf(plan)))]) {
      expect(analyzeText((await readPlanFileFromPath(file)).text).findings).toEqual(fromText);
    }
  });

  it('joins wrapped PDF lines into paragraphs, across pages, and drops running headers', async () => {
    const who = ['a teaching assistant', 'the class teacher', 'a speech and language therapist', 'the SENCO', 'an occupational therapist'];
    const what = ['reading practice', 'social skills groups', 'a range of strategies', 'movement breaks', 'pre-teaching of vocabulary', 'sensory circuits', 'check-ins'];
    const long = Array.from({ length: 90 }, (_, i) => `Provision ${i + 1}: the pupil will have access to ${what[i % 7]} delivered by ${who[i % 5]} where possible, reviewed after ${i + 2} weeks and as appropriate to need.`);
    const doc = await readPlanFileFromPath(write('long.pdf', pdfOf(long.map((text) => ({ text })), { header: 'OFFICIAL – SENSITIVE' })));
    expect(doc.text.split('\n')).toEqual(long);
  });

  it('finds paragraph ends in a PDF with no space between paragraphs, from lines that stop short', async () => {
    const doc = await readPlanFileFromPath(write('tight.pdf', pdfOf(paragraphsOf(plan), { paragraphGap: 0 })));
    expect(doc.text).toBe(plan);
  });

  it('reads a table a PDF draws as separate runs, cell by cell, as the rows a page gives', async () => {
    const doc = await readPlanFileFromPath(write('table.pdf', pdfOf([{ text: 'Need | Provision | Who', row: true }, { text: 'Speech | Weekly therapy | SALT', row: true }])));
    expect(doc.text).toBe('Need | Provision | Who\nSpeech | Weekly therapy | SALT');
    expect(doc.paragraphs.map((p) => p.kind)).toEqual(['row', 'row']);
  });

  it('reads mammoth\'s HTML of a Word file as a page with that markup: headings, list items, table rows, never markup', () => {
    const read = (html: string) => paragraphsOfDom(parseHtml(html));
    expect(read('<p>Weekly<sup><a href="#footnote-1" id="footnote-ref-1">[1]</a></sup></p><ol><li id="footnote-1"><p> Agreed at review. <a href="#footnote-ref-1">↑</a></p></li></ol>')).toEqual([
      { text: 'Weekly[1]', heading: false },
      { text: 'Agreed at review. ', heading: false, kind: 'item' },
    ]);
    expect(read('<h2>Section F</h2><ul><li>Speech &amp; language <strong>therapy</strong></li><li>A &lt;b&gt; tag</li></ul><table><tr><td><p>Need</p></td><td><p>Provision</p></td></tr></table>')).toEqual([
      { text: 'Section F', heading: true, kind: 'heading' },
      { text: 'Speech & language therapy', heading: false, kind: 'item' },
      { text: 'A <b> tag', heading: false, kind: 'item' },
      { text: 'Need | Provision', heading: false, kind: 'row' },
    ]);
  });

  it('reads Markdown as its words: headings, lists and emphasis lose their markup', () => {
    const doc = readMarkdown('plan.md', '# Section F\n\n- Sam will have **access to** [SALT](https://x.invalid) as required\n\nOutcomes\n--------\n1. *Improve* reading');
    // The file's lines stay lines (an empty or underline-only line is an empty line), so findings keep their line numbers.
    expect(doc.text).toBe('Section F\n\nSam will have access to SALT as required\n\nOutcomes\n\nImprove reading');
    expect(doc.paragraphs.map((p) => p.heading)).toEqual([true, false, true, false]);
  });

  it('reads text files and pasted text line by line, so offsets match the CLI', () => {
    const doc = readPastedText('Section F\r\nSam will have access to SALT.\r\n\r\n');
    expect(doc.text).toBe('Section F\nSam will have access to SALT.');
    expect(doc.paragraphs).toEqual([
      { start: 0, end: 9, heading: true },
      { start: 10, end: 39, heading: false },
    ]);
  });
});

describe('files that are not readable plans', () => {
  it('says when a PDF is password-protected', async () => {
    expect(await failure(write('locked.pdf', pdfOf(paragraphsOf(plan), { passwordProtected: true })))).toBe('encrypted');
  });

  it('says when a PDF is a scan with no text layer', async () => {
    expect(await failure(write('scan.pdf', pdfOf(paragraphsOf(plan), { scanned: true })))).toBe('no-text');
  });

  it('says when a PDF or DOCX is damaged', async () => {
    expect(await failure(write('bad.pdf', '%PDF-1.4\nnot really a pdf\n'))).toBe('corrupt');
    const docx = await docxOf(paragraphsOf(plan));
    expect(await failure(write('cut.docx', docx.subarray(0, docx.length / 2)))).toBe('corrupt');
    expect(await failure(write('renamed.pdf', 'just some words'))).toBe('corrupt');
  });

  it('refuses files over the size limit before reading them', async () => {
    let read = false;
    const attempt = readPlanFile({ name: 'huge.pdf', size: MAX_FILE_BYTES + 1, read: async () => ((read = true), new Uint8Array()) }, nodeReaders);
    await expect(attempt).rejects.toMatchObject({ code: 'too-large', message: expect.stringContaining('50 MB') });
    expect(read).toBe(false);
  });

  it('names unsupported types: images, old .doc, encrypted Word, OpenDocument, empty files', async () => {
    expect(await failure(write('photo.png', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0])))).toBe('unsupported');
    expect(await failure(write('old.doc', Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])))).toBe('unsupported');
    const wrapped = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, ...Array.from('EncryptedPackage').flatMap((c) => [c.charCodeAt(0), 0])]);
    expect(await failure(write('locked.docx', wrapped))).toBe('encrypted');
    expect(() => detectKind('plan.odt', Uint8Array.from([0x50, 0x4b, 3, 4]))).toThrow(/OpenDocument/);
    expect(await failure(write('empty.txt', ''))).toBe('empty');
    expect(await failure(write('blank.md', '\n\n   \n'))).toBe('empty');
  });
});

describe('a file-reading error in the reader’s words', () => {
  /** A language that names each message and its substitutions, so what the error asks for shows. */
  const naming: Words = (name, ...substitutions) => `${name}(${substitutions.join('; ')})`;
  const errorOf = (run: () => unknown): DocumentError => {
    try {
      run();
    } catch (e) {
      if (e instanceof DocumentError) return e;
    }
    throw new Error('no DocumentError');
  };

  it('says itself in the words it is given, and in British English as its own message (the CLI’s)', () => {
    const odt = errorOf(() => detectKind('plan.odt', Uint8Array.from([0x50, 0x4b, 3, 4])));
    expect(odt.say(naming)).toBe('docUnsupportedBecause(plan.odt; docSupportedFiles(); docIsOpenDocument())');
    expect(odt.message).toBe(odt.say(BRITISH));
    expect(odt.message).toMatch(/^plan\.odt is not a file type Plan Lens can read\. Use a PDF, Word .* file \(an OpenDocument file: .*\), or paste the text\.$/);
    const damaged = errorOf(() => detectKind('bad.pdf', new TextEncoder().encode('just some words')));
    expect(damaged.say(naming)).toBe('docCorrupt(bad.pdf; kindPdf())');
  });
});
