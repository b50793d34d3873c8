// Why a file could not be read as a plan, in words a parent can act on: each error says itself in the reader's
// words (the review page's), and in British English as its own message (the CLI, logs).
import type { MessageName, Words } from '../analysis/words';
import { BRITISH } from './words';

export type DocumentErrorCode = 'too-large' | 'empty' | 'unsupported' | 'corrupt' | 'encrypted' | 'no-text';

/** Plans are rarely over a few MB; the cap keeps a mistaken drop (a video, a disk image) from hanging the tab. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

/** What a file is when it is not a plan Plan Lens reads. */
export type NotAPlan = 'docIsOpenDocument' | 'docIsZip' | 'docIsOldWord' | 'docIsBinary';

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  constructor(
    readonly code: DocumentErrorCode,
    /** The error in the reader's words. */
    readonly say: (words: Words) => string,
  ) {
    super(say(BRITISH));
  }
}

export function tooLarge(name: string, bytes: number): DocumentError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new DocumentError('too-large', (w) => w('docTooLarge', name, mb, String(MAX_FILE_BYTES / 1024 / 1024)));
}

/** A Word document that would unpack to far more than its size (a zip bomb, or a plan full of images). */
export function unpacksTooLarge(name: string, megabytes: number, limit: number): DocumentError {
  return new DocumentError('too-large', (w) => w('docUnpacksTooLarge', name, String(megabytes), String(limit)));
}

export function unsupported(name: string, is?: NotAPlan): DocumentError {
  return new DocumentError('unsupported', (w) => (is ? w('docUnsupportedBecause', name, w('docSupportedFiles'), w(is)) : w('docUnsupported', name, w('docSupportedFiles'))));
}

export function corrupt(name: string, kind: Extract<MessageName, 'kindPdf' | 'kindDocx'>): DocumentError {
  return new DocumentError('corrupt', (w) => w('docCorrupt', name, w(kind)));
}

export function encrypted(name: string): DocumentError {
  return new DocumentError('encrypted', (w) => w('docEncrypted', name));
}

export function noText(name: string): DocumentError {
  return new DocumentError('no-text', (w) => w('docNoText', name));
}

export function empty(name: string): DocumentError {
  return new DocumentError('empty', (w) => w('docEmpty', name));
}
