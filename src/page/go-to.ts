// Putting the user's selection on a passage the way they would have made it: a form field's own selection, or a
// DOM Range (static text, contenteditable editors). Used by the keyboard walk through findings and by the side
// panel's "Go to".
import type { TextField } from './opt-outs';
import type { Source } from './sources';
import { rangeForSpan } from './text-blocks';

export type Passage = { field: TextField; start: number; end: number } | { range: Range };

/** [start, end) of a source's text as a passage in the page; null once the page's text there has changed. */
export function passageOf(source: Source, start: number, end: number): Passage | null {
  if (source.kind === 'field') {
    const value = source.field.value;
    return value.slice(source.start, source.start + source.text.length) === source.text ? { field: source.field, start: source.start + start, end: source.start + end } : null;
  }
  const range = rangeForSpan(source.block, start, end);
  return range ? { range } : null;
}

/** Selects the passage; focus goes where the selection is, so typing or Ctrl+C acts on it. */
export function selectPassage(doc: Document, passage: Passage): void {
  if ('field' in passage) {
    passage.field.focus({ preventScroll: true });
    passage.field.setSelectionRange(passage.start, passage.end);
    return;
  }
  const editable = passage.range.startContainer.parentElement?.closest<HTMLElement>('[contenteditable]:not([contenteditable="false"])');
  // Into an editor, or out of whatever field had focus: the selection below is where focus is.
  if (editable) editable.focus({ preventScroll: true });
  else (doc.activeElement as HTMLElement | null)?.blur?.();
  const selection = doc.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(passage.range.cloneRange());
}

/** Scrolls a passage that has no mark (its finding is not shown in the page) to the middle of the view. */
export function revealPassage(passage: Passage): void {
  const element = 'field' in passage ? passage.field : passage.range.startContainer.parentElement;
  element?.scrollIntoView({ block: 'center', inline: 'nearest' });
}
