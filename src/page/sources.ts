// Reads a document's checkable text as analyser blocks, in reading order: page and contenteditable
// text through the DOM map, textareas line by line. Ids are stable per element, so an unchanged
// paragraph keeps its id (and its findings) while the text around it changes.
import type { Block } from '../analysis';
import { isCheckableTextarea, isSkippedSubtree } from './opt-outs';
import { collectTextBlocks, type TextBlock } from './text-blocks';

export type Source =
  | { kind: 'dom'; id: string; text: string; block: TextBlock }
  /** A textarea line: `start` is its offset in the field's value. */
  | { kind: 'field'; id: string; text: string; field: HTMLTextAreaElement; start: number };

export class SourceReader {
  private readonly ids = new WeakMap<Element, string>();
  private next = 0;

  /** `textRoots`: where on this site the plan text is (the whole body on most pages). */
  constructor(
    private readonly doc: Document,
    private readonly textRoots: (doc: Document) => Element[],
  ) {}

  private idOf(el: Element, prefix: string): string {
    let id = this.ids.get(el);
    if (!id) {
      id = `${prefix}${this.next++}`;
      this.ids.set(el, id);
    }
    return id;
  }

  read(): Source[] {
    const all = this.textRoots(this.doc);
    // A root inside another root is read with it, not twice.
    const roots = all.filter((r) => !all.some((o) => o !== r && o.contains(r)));
    const sources: { node: Element; items: Source[] }[] = [];
    for (const root of roots) {
      for (const block of collectTextBlocks(root, isSkippedSubtree)) {
        sources.push({ node: block.element, items: [{ kind: 'dom', id: this.idOf(block.element, 'd'), text: block.text, block }] });
      }
    }
    const fields = roots.flatMap((r) => (r instanceof r.ownerDocument.defaultView!.HTMLTextAreaElement ? [r] : [...r.querySelectorAll('textarea')]));
    for (const field of fields) {
      if (!isCheckableTextarea(field)) continue;
      const fid = this.idOf(field, 't');
      const items: Source[] = [];
      let start = 0;
      field.value.split('\n').forEach((line, i) => {
        if (line.trim() !== '') items.push({ kind: 'field', id: `${fid}:${i}`, text: line, field, start });
        start += line.length + 1;
      });
      sources.push({ node: field, items });
    }
    // Textareas and several roots were read separately: put everything back in reading order.
    if (roots.length > 1 || sources.some((s) => s.items[0]?.kind === 'field')) sources.sort((a, b) => (a.node === b.node ? 0 : a.node.compareDocumentPosition(b.node) & 4 /* FOLLOWING */ ? -1 : 1));
    return sources.flatMap((s) => s.items);
  }
}

export const toBlock = (s: Source): Block => (s.kind === 'dom' && s.block.kind ? { id: s.id, text: s.text, kind: s.block.kind } : { id: s.id, text: s.text });
