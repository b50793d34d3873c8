// Reads a document's checkable text as analyser blocks, in reading order: page and contenteditable
// text through the DOM map, form fields (textareas, text inputs) line by line. Ids are stable per element, so an unchanged
// paragraph keeps its id (and its findings) while the text around it changes.
import type { Block } from '../analysis';
import { FIELD_SELECTOR, isCheckableField, isSkippedSubtree, isTextField, type TextField } from './opt-outs';
import { blockContaining, textBlockSteps, type TextBlock } from './text-blocks';

export type Source =
  | { kind: 'dom'; id: string; text: string; block: TextBlock }
  /** A form field's line: `start` is its offset in the field's value. */
  | { kind: 'field'; id: string; text: string; field: TextField; start: number };

/** A read of the page takes at most this long before letting the page run (a frame, input). */
const SLICE_MS = 8;
/**
 * A page's script can set a field's value without an input event: while the DOM stays as it was, every field's
 * value is looked at again at most this often, the fields typed in at every read (looking at each of a long form's
 * fields cost every pause in typing milliseconds).
 */
const SWEEP_MS = 5_000;

/** Lets the page run between slices of a long read: scheduler.yield where there is one. */
function pause(view: Window): Promise<void> {
  const scheduler = (view as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Runs steps in slices of SLICE_MS; `onStep` sees what each step yields. */
export async function sliced<Y, T>(view: Window, steps: Generator<Y, T>, onStep?: (value: Y) => void): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    onStep?.(step.value);
    if (performance.now() - sliceStart > SLICE_MS) {
      await pause(view);
      sliceStart = performance.now();
    }
  }
}

const randoms = new Uint32Array(512);
let randomAt = randoms.length;

/**
 * A block id no one can guess: ids travel to the worker and (as the block before a child frame) are all another
 * frame could learn of this document, so they say nothing about its length or order.
 */
function randomId(prefix: string): string {
  // Drawn 512 at a time: one getRandomValues call per id cost a 5,000-field form ~70 ms of its first read.
  if (randomAt >= randoms.length) {
    crypto.getRandomValues(randoms);
    randomAt = 0;
  }
  const a = randoms[randomAt++]!;
  const b = randoms[randomAt++]!;
  return `${prefix}${a.toString(36)}${b.toString(36)}`;
}

/** An element of the page and its sources: a block's one, or a field's lines. */
interface Entry {
  node: Element;
  items: Source[];
}

export class SourceReader {
  private readonly ids = new WeakMap<Element, string>();
  /** Each text root's blocks in reading order, as last read. */
  private blocks = new Map<Element, TextBlock[]>();
  /** Nodes changed since the last read: only their blocks are read again. */
  private readonly dirty = new Set<Node>();
  private readonly sources = new WeakMap<TextBlock, Source>();
  /** How many blocks the last read took from the DOM (the rest were kept). */
  lastReadCount = 0;
  /** Every form field in the text roots at the last read: one not checked now may be once it is made editable. */
  fields: TextField[] = [];
  /** The last read's roots, its elements with their sources in reading order, where each field is in that order, and what it returned. */
  private last: { roots: Element[]; ordered: Entry[]; fieldAt: Map<TextField, number>; read: Source[] } | null = null;
  /** When every field's value was last looked at. */
  private sweptAt = -Infinity;
  /** Per field, its lines as last read: unchanged, the same source objects (so their marks are kept). */
  private readonly fieldLines = new WeakMap<TextField, { value: string; checkable: boolean; items: Source[] }>();
  /** Fields typed in since the last read. */
  private readonly typed = new Set<TextField>();

  /** `textRoots`: where on this site the plan text is (the whole body on most pages). */
  constructor(
    private readonly doc: Document,
    private readonly textRoots: (doc: Document) => Element[],
  ) {}

  private idOf(el: Element, prefix: string): string {
    let id = this.ids.get(el);
    if (!id) {
      id = randomId(prefix);
      this.ids.set(el, id);
    }
    return id;
  }

  /** The DOM changed at `node` (a mutation's target): the next read re-reads its block. */
  changed(node: Node): void {
    this.dirty.add(node);
  }

  /** The user typed in `field` (an input event; a field's value is no DOM mutation): the next read re-reads it. */
  typedIn(field: TextField): void {
    this.typed.add(field);
  }

  /**
   * A field's sources: its non-empty lines, if Plan Lens reads it. `recheck`: whether it is still one to read
   * (visible, writable, not opted out) is asked again; that asks the page for layout, for every field of a long form.
   */
  private fieldSources(field: TextField, recheck: boolean): Source[] {
    const cached = this.fieldLines.get(field);
    if (cached && !recheck && cached.value === field.value) return cached.items;
    const checkable = recheck || !cached ? isCheckableField(field) : cached.checkable;
    if (cached && cached.checkable === checkable && cached.value === field.value) return cached.items;
    const items: Source[] = [];
    if (checkable) {
      const fid = this.idOf(field, 't');
      let start = 0;
      field.value.split('\n').forEach((line, i) => {
        if (line.trim() !== '') items.push({ kind: 'field', id: `${fid}:${i}`, text: line, field, start });
        start += line.length + 1;
      });
    }
    this.fieldLines.set(field, { value: field.value, checkable, items });
    return items;
  }

  /**
   * The checkable text in reading order. A root read before keeps its blocks except those under a
   * changed node; a long read runs in slices so the page stays responsive. One read at a time.
   * `firstPart` sees the blocks read so far during a first read of a single root until it takes them
   * (returns true), so the start of a long page can be analysed while the rest is read.
   */
  async read(firstPart?: (sources: Source[]) => boolean): Promise<Source[]> {
    const view = this.doc.defaultView!;
    const all = this.textRoots(this.doc);
    // A root inside another root is read with it, not twice.
    const roots = all.filter((r) => !all.some((o) => o !== r && o.contains(r)));
    const dirty = [...this.dirty];
    this.dirty.clear();
    const blocks = new Map<Element, TextBlock[]>();
    let count = 0;
    for (const root of roots) {
      let list = this.blocks.get(root);
      if (list) {
        const containers = dirty.map((n) => blockContaining(n, root, isSkippedSubtree)).filter((c): c is Element => c !== null);
        // A change inside another changed block is read with it.
        for (const c of new Set(containers.filter((c) => !containers.some((o) => o !== c && o.contains(c))))) {
          const fresh = await sliced(view, textBlockSteps(c, isSkippedSubtree, root));
          if (!fresh) {
            list = undefined;
            break;
          }
          list = replaceUnder(list, c, fresh);
          count += fresh.length;
        }
      }
      let offer = roots.length === 1 ? firstPart : undefined;
      const onStep = (finished: () => TextBlock[]) => {
        if (offer?.(finished().map((b) => this.sourceOf(b)))) offer = undefined;
      };
      while (!list) {
        list = (await sliced(view, textBlockSteps(root, isSkippedSubtree), onStep)) ?? undefined;
        count += list?.length ?? 0;
      }
      blocks.set(root, list);
    }
    this.blocks = blocks;
    this.lastReadCount = count;

    const typed = new Set(this.typed);
    this.typed.clear();
    const now = view.performance.now();
    // Nothing in the DOM changed, only fields' values: the same elements in the same order, fields typed in
    // read again (a long form is not asked for the layout of every field on every pause in typing). Unchanged,
    // the read is the same array as before: its reader knows there is nothing new.
    const last = this.last;
    if (last && dirty.length === 0 && last.roots.length === roots.length && last.roots.every((r, i) => r === roots[i])) {
      const sweep = now - this.sweptAt >= SWEEP_MS;
      if (sweep) this.sweptAt = now;
      let changed = false;
      for (const field of sweep ? last.fieldAt.keys() : [...typed].filter((f) => last.fieldAt.has(f))) {
        const at = last.fieldAt.get(field)!;
        const items = this.fieldSources(field, typed.has(field));
        if (items === last.ordered[at]!.items) continue;
        last.ordered[at] = { node: field, items };
        changed = true;
      }
      if (changed) last.read = last.ordered.flatMap((e) => e.items);
      return last.read;
    }

    const ordered: Entry[] = [];
    for (const list of blocks.values()) for (const block of list) ordered.push({ node: block.element, items: [this.sourceOf(block)] });
    const fields = roots.flatMap((r) => [r, ...r.querySelectorAll(FIELD_SELECTOR)]).filter(isTextField);
    this.fields = fields;
    for (const field of fields) ordered.push({ node: field, items: this.fieldSources(field, true) });
    this.sweptAt = now;
    // Fields and several roots were read separately: put everything back in reading order.
    if (roots.length > 1 || fields.length > 0) inDocumentOrder(roots, ordered);
    // Where the fields are is found once here, not at every pause in typing (isTextField is an instanceof across worlds).
    const isField = new Set<Element>(fields);
    const fieldAt = new Map<TextField, number>();
    if (fields.length > 0) ordered.forEach((e, i) => isField.has(e.node) && fieldAt.set(e.node as TextField, i));
    const read = ordered.flatMap((e) => e.items);
    this.last = { roots, ordered, fieldAt, read };
    return read;
  }

  /** One source per block read: an unchanged block keeps its source object. */
  private sourceOf(block: TextBlock): Source {
    let source = this.sources.get(block);
    if (!source) {
      source = { kind: 'dom', id: this.idOf(block.element, 'd'), text: block.text, block };
      this.sources.set(block, source);
    }
    return source;
  }
}

/**
 * Sorts `items` by their nodes' place in the document, from one walk over the roots' elements. Comparing pairs
 * with compareDocumentPosition walks siblings each time: on a form of 5,000 fields side by side, the sort took
 * seconds of every read.
 */
function inDocumentOrder(roots: Element[], items: { node: Element }[]): void {
  const wanted = new Set(items.map((i) => i.node));
  const rank = new Map<Element, number>();
  const ordered = [...roots].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
  for (const root of ordered) {
    const walker = root.ownerDocument.createTreeWalker(root, 1 /* NodeFilter.SHOW_ELEMENT */);
    for (let node: Node | null = root; node; node = walker.nextNode()) if (wanted.has(node as Element)) rank.set(node as Element, rank.size);
  }
  // Stable: the blocks of one element keep their order.
  items.sort((a, b) => rank.get(a.node)! - rank.get(b.node)!);
}

/**
 * `list` with the blocks under `container` (and any no longer in the page) replaced by `fresh`,
 * which goes where the old ones were, or by document order if there were none.
 */
function replaceUnder(list: TextBlock[], container: Element, fresh: TextBlock[]): TextBlock[] {
  const gone = (b: TextBlock) => container.contains(b.element) || !b.element.isConnected;
  // Every block before the first gone one is kept: the new ones go at its index.
  let at = list.findIndex(gone);
  const kept = list.filter((b) => !gone(b));
  if (at < 0) {
    // Blocks are in the order of their first text node: find where the new ones' first node falls.
    const node = fresh[0]?.segments[0]?.node;
    let [lo, hi] = [0, kept.length];
    while (node && lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.segments[0]!.node.compareDocumentPosition(node) & 4 /* FOLLOWING */) lo = mid + 1;
      else hi = mid;
    }
    at = lo;
  }
  return [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
}

const blocks = new WeakMap<Source, Block>();
/** A source as the analyser's block: one object per source, so a long form's every pause makes none anew. */
export function toBlock(s: Source): Block {
  let block = blocks.get(s);
  if (!block) blocks.set(s, (block = s.kind === 'dom' && s.block.kind ? { id: s.id, text: s.text, kind: s.block.kind } : { id: s.id, text: s.text }));
  return block;
}
