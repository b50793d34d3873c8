// Writing a suggestion into the user's field through the field's own input pipeline, so the editor
// keeps its model and undo stack: select, then `insertText` (textarea, text input, plain contenteditable, Quill,
// TinyMCE) or a `beforeinput` the editor handles itself (CKEditor 5, Slate, Lexical). The result is
// read back (after a frame: React-based editors apply their model to the DOM on their next render):
// if the text is not exactly the old text with the span replaced (no duplicated or lost words), the
// edit is undone and reported as failed.

import type { TextField } from './opt-outs';

export type FixTarget =
  | { kind: 'field'; field: TextField; start: number; end: number }
  | { kind: 'range'; root: HTMLElement; range: Range };

export type FixResult = 'replaced' | 'changed-meanwhile' | 'rejected';

const normalise = (s: string) => s.replace(/\u00a0/g, ' ');

export function applyFix(target: FixTarget, expected: string, replacement: string): Promise<FixResult> {
  return target.kind === 'field' ? fixField(target.field, target.start, target.end, expected, replacement) : fixRange(target.root, target.range, expected, replacement);
}

const nextFrame = (view: Window) => new Promise<void>((resolve) => view.requestAnimationFrame(() => resolve()));

async function fixField(field: TextField, start: number, end: number, expected: string, replacement: string): Promise<FixResult> {
  const before = field.value;
  if (before.slice(start, end) !== expected) return 'changed-meanwhile';
  const doc = field.ownerDocument;
  field.focus({ preventScroll: true });
  field.setSelectionRange(start, end);
  if (!doc.execCommand('insertText', false, replacement)) {
    // No execCommand (some browsers): setRangeText keeps the caret right but not the undo stack.
    field.setRangeText(replacement, start, end, 'end');
    field.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: replacement }));
  }
  const wanted = before.slice(0, start) + replacement + before.slice(end);
  await nextFrame(doc.defaultView!);
  if (field.value === wanted) return 'replaced';
  if (field.value !== before) doc.execCommand('undo');
  return 'rejected';
}

function offsetIn(root: HTMLElement, node: Node, offset: number): number {
  const r = root.ownerDocument.createRange();
  r.setStart(root, 0);
  r.setEnd(node, offset);
  return r.toString().length;
}

async function fixRange(root: HTMLElement, range: Range, expected: string, replacement: string): Promise<FixResult> {
  if (normalise(range.toString()) !== normalise(expected)) return 'changed-meanwhile';
  const doc = root.ownerDocument;
  const view = doc.defaultView!;
  const before = normalise(root.textContent ?? '');
  const start = offsetIn(root, range.startContainer, range.startOffset);
  const end = start + range.toString().length;
  root.focus({ preventScroll: true });
  const selection = doc.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range.cloneRange());
  // Model-based editors take the edit as an intent and apply it to their model themselves.
  const intent = new view.InputEvent('beforeinput', {
    bubbles: true,
    cancelable: true,
    composed: true,
    inputType: 'insertReplacementText',
    data: replacement,
    targetRanges: [new view.StaticRange({ startContainer: range.startContainer, startOffset: range.startOffset, endContainer: range.endContainer, endOffset: range.endOffset })],
  });
  const handled = !root.dispatchEvent(intent);
  if (!handled) {
    // execCommand reports plain typing; editors that keep their own undo history (TinyMCE) record a
    // step of their own only for a replacement. Said before the edit too: the user's run of typing
    // up to now closes as its own step, so undo brings back exactly what they typed.
    const replaced = () => root.dispatchEvent(new view.InputEvent('input', { bubbles: true, composed: true, inputType: 'insertReplacementText', data: replacement }));
    replaced();
    if (doc.execCommand('insertText', false, replacement)) replaced();
  }
  const wanted = before.slice(0, start) + replacement + before.slice(end);
  await nextFrame(view);
  if (normalise(root.textContent ?? '') === wanted) return 'replaced';
  if (normalise(root.textContent ?? '') !== before) doc.execCommand('undo');
  return 'rejected';
}
