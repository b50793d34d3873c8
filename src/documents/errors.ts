// Why a file could not be read as a plan, in words a parent can act on.

export type DocumentErrorCode = 'too-large' | 'empty' | 'unsupported' | 'corrupt' | 'encrypted' | 'no-text';

/** Plans are rarely over a few MB; the cap keeps a mistaken drop (a video, a disk image) from hanging the tab. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export const SUPPORTED_FILES = 'PDF, Word (.docx), web page (.html), text (.txt) or Markdown (.md)';

export class DocumentError extends Error {
  override readonly name = 'DocumentError';
  constructor(
    readonly code: DocumentErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function tooLarge(name: string, bytes: number): DocumentError {
  const mb = (bytes / 1024 / 1024).toFixed(1);
  return new DocumentError('too-large', `${name} is ${mb} MB; Plan Lens reads files up to ${MAX_FILE_BYTES / 1024 / 1024} MB. Try saving the plan without images, or paste its text.`);
}

export function unsupported(name: string, hint = ''): DocumentError {
  return new DocumentError('unsupported', `${name} is not a file type Plan Lens can read. Use a ${SUPPORTED_FILES} file${hint ? ` (${hint})` : ''}, or paste the text.`);
}

export function corrupt(name: string, kind: string): DocumentError {
  return new DocumentError('corrupt', `${name} could not be opened as a ${kind}: the file looks damaged or incomplete. Try downloading it again.`);
}

export function encrypted(name: string): DocumentError {
  return new DocumentError('encrypted', `${name} is password-protected. Open it with its password, save an unprotected copy (or print to PDF), then check that copy.`);
}

export function noText(name: string): DocumentError {
  return new DocumentError('no-text', `${name} has no text layer: it looks like a scanned image of the plan. Plan Lens cannot read pictures of text (no OCR). Ask for the plan as a Word or text-based PDF file.`);
}

export function empty(name: string): DocumentError {
  return new DocumentError('empty', `${name} contains no text to check.`);
}
