// Page text as the analyser sees it: blocks (paragraphs, list items, cells) of whitespace-collapsed
// text, each with a map from every character back to the DOM text node and offset it came from, so a
// finding's [start, end) becomes a DOM Range over exactly the words it names.
import type { BlockKind } from '../analysis';

/** A run of characters that is contiguous both in the block's text and in one DOM text node. */
export interface TextSegment {
  node: Text;
  /** Index in the block's text of the run's first character. */
  start: number;
  /** Offset in `node` of the run's first character. */
  offset: number;
  length: number;
}

export interface TextBlock {
  element: Element;
  text: string;
  segments: TextSegment[];
  /** What the element is, for the analyser (a heading is structure, a list item content); absent for paragraphs. */
  kind?: BlockKind;
}

// Headings, and the titles of form fields and tables, head what follows; they are never plan wording to judge.
const HEADING_ELEMENTS = 'h1, h2, h3, h4, h5, h6, [role="heading"], label, legend, caption';

function kindOf(element: Element, root: Element, row: boolean): BlockKind | undefined {
  if (row) return [...element.children].every((c) => c.tagName === 'TH') ? 'header-row' : 'row';
  const within = (el: Element | null) => el !== null && root.contains(el);
  if (within(element.closest(HEADING_ELEMENTS))) return 'heading';
  if (within(element.closest('li'))) return 'item';
  return undefined;
}

// Not plan text: code, form controls (textareas are read separately), navigation and toolbars.
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'NAV', 'svg', 'CANVAS', 'IFRAME', 'HEAD']);
const SKIPPED_ROLES = new Set(['button', 'navigation', 'menu', 'menubar', 'toolbar', 'tablist', 'banner']);
const PRESERVED_WHITESPACE = new Set(['pre', 'pre-wrap', 'break-spaces']);

/** The page's styles, read once per read: one getComputedStyle per element. */
class StyleCache {
  private readonly styles = new Map<Element, CSSStyleDeclaration>();
  constructor(private readonly view: Window) {}

  of(el: Element): CSSStyleDeclaration {
    let s = this.styles.get(el);
    if (!s) {
      s = this.view.getComputedStyle(el);
      this.styles.set(el, s);
    }
    return s;
  }

  /** Whether `el` starts a block. An empty display (a DOM without a full style engine) counts as inline, like unknown elements. */
  isBlock(el: Element): boolean {
    const display = this.of(el).display;
    return display !== '' && !display.startsWith('inline') && display !== 'contents';
  }

  /** Whether `el`'s whole subtree is not plan text (skipped, hidden). */
  rejects(el: Element, skip: (el: Element) => boolean): boolean {
    if (SKIPPED_TAGS.has(el.tagName) || SKIPPED_ROLES.has(el.getAttribute('role') ?? '') || skip(el)) return true;
    return el.getAttribute('aria-hidden') === 'true' || this.of(el).display === 'none' || this.of(el).visibility === 'hidden';
  }
}

/** How many nodes a read visits between chances to pause. */
const NODES_PER_STEP = 200;

/**
 * Collects the text blocks under `root` in reading order. `skip` rejects a whole subtree (opted-out
 * editors, Plan Lens's own hosts).
 */
export function collectTextBlocks(root: Element, skip: (el: Element) => boolean): TextBlock[] {
  const steps = textBlockSteps(root, skip);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value!;
  }
}

/**
 * collectTextBlocks in steps: the generator yields every few hundred nodes so a long read can be
 * spread over several tasks, each time with a function giving the blocks read completely so far.
 * It returns null if, between steps, the node it was at left `container` (the caller starts again).
 * `container` is walked; `root` (the text root, which holds it) is the context that decides rows
 * and block kinds, so a container read again gives the blocks a read of the whole root gives.
 */
export function* textBlockSteps(container: Element, skip: (el: Element) => boolean, root = container): Generator<() => TextBlock[], TextBlock[] | null> {
  const styles = new StyleCache(container.ownerDocument.defaultView!);
  const blockOf = (el: Element): Element => {
    for (let e: Element | null = el; e && e !== container; e = e.parentElement) if (styles.isBlock(e)) return e;
    return container;
  };

  // A table row of two or more plain cells is one block, its cells joined by " | ": the row is one unit (the
  // first cell often names the need the provision beside it is for). Rows holding lists, headings or tables
  // (layout tables) keep a block per paragraph. src/cli/html-text.ts reads saved pages the same way.
  const simpleRows = new Map<Element, boolean>();
  const rowOf = (el: Element): Element | null => {
    const row = el.closest('td, th')?.parentElement;
    if (!row || row.tagName !== 'TR' || !root.contains(row) || row === root) return null;
    let simple = simpleRows.get(row);
    if (simple === undefined) {
      simple = isSimpleRow(row);
      simpleRows.set(row, simple);
    }
    return simple ? row : null;
  };

  /** `block`: the finished block, made once so every caller gets the same object. */
  const builders = new Map<Element, { text: string; segments: TextSegment[]; pre: boolean; space: boolean; cell?: Element; inner?: Element; block?: TextBlock }>();
  const builder = (block: Element) => {
    let b = builders.get(block);
    if (!b) {
      const whiteSpace = styles.of(block).whiteSpace || (block.tagName === 'PRE' ? 'pre' : 'normal');
      b = { text: '', segments: [], pre: PRESERVED_WHITESPACE.has(whiteSpace), space: true };
      builders.set(block, b);
    }
    return b;
  };
  const finish = (element: Element, b: { text: string; segments: TextSegment[]; block?: TextBlock }): TextBlock => {
    if (!b.block) {
      const kind = kindOf(element, root, simpleRows.get(element) === true);
      b.block = kind ? { element, text: b.text, segments: b.segments, kind } : { element, text: b.text, segments: b.segments };
    }
    return b.block;
  };

  const addText = (text: Text, parent: Element, row: Element | null) => {
    const b = builder(row ?? blockOf(parent));
    if (row) {
      // Separators belong to no text node: a finding never starts or ends on one.
      const cell = parent.closest('td, th')!;
      const inner = blockOf(parent);
      if (b.cell && b.cell !== cell) b.text += b.space ? '| ' : ' | ';
      else if (b.inner && b.inner !== inner && !b.space) b.text += ' ';
      if (b.cell !== cell || b.inner !== inner) b.space = true;
      b.cell = cell;
      b.inner = inner;
    }
    const data = text.data;
    /** Appends `chars` for data[from, from + chars.length), extending the previous run when contiguous. */
    const emit = (from: number, chars: string) => {
      const last = b.segments.at(-1);
      if (last && last.node === text && last.offset + last.length === from && last.start + last.length === b.text.length) last.length += chars.length;
      else b.segments.push({ node: text, start: b.text.length, offset: from, length: chars.length });
      b.text += chars;
    };
    if (b.pre) {
      if (data.length > 0) emit(0, data);
      b.space = false;
      return;
    }
    // Whitespace collapses as the page renders it: a run becomes one space (none at a block's start).
    const runs = /[ \n\t\r\f]+/g;
    let at = 0;
    for (let m = runs.exec(data); m; m = runs.exec(data)) {
      if (m.index > at) {
        emit(at, data.slice(at, m.index));
        b.space = false;
      }
      if (!b.space) {
        emit(m.index, ' ');
        b.space = true;
      }
      at = m.index + m[0].length;
    }
    if (at < data.length) {
      emit(at, data.slice(at));
      b.space = false;
    }
  };

  let node: Node | null = container.firstChild;
  /** The blocks before the first one the walk is still inside (a block holding only spaces so far does not count). */
  const finished = (): TextBlock[] => {
    const out: TextBlock[] = [];
    for (const [element, b] of builders) {
      const empty = b.text.trim() === '';
      if (node && element.contains(node)) {
        if (empty) continue;
        break;
      }
      if (!empty) out.push(finish(element, b));
    }
    return out;
  };
  // Depth first by hand (no TreeWalker filter: a call into script per node is what a long page pays for).
  for (let visited = 1; node; visited++) {
    let enter = false;
    const parent = node.parentElement;
    if (node.nodeType === 1) {
      const el = node as Element;
      if (el.tagName === 'BR') {
        if (parent) {
          const row = rowOf(parent);
          const b = builder(row ?? blockOf(parent));
          // Inside a row a line break only separates words: the row stays one line, as the CLI reads it.
          if (!row) b.text += '\n';
          else if (!b.space) b.text += ' ';
          b.space = true;
        }
      } else enter = !styles.rejects(el, skip);
    } else if (node.nodeType === 3 && parent) addText(node as Text, parent, rowOf(parent));
    if (enter && node.firstChild) node = node.firstChild;
    else {
      while (node !== container && !node.nextSibling) node = node.parentNode!;
      node = node === container ? null : node.nextSibling;
    }
    if (node && visited % NODES_PER_STEP === 0) {
      yield finished;
      if (!container.contains(node)) return null;
    }
  }

  const blocks: TextBlock[] = [];
  for (const [element, b] of builders) if (b.text.trim() !== '') blocks.push(finish(element, b));
  // Blocks were created in the order their first text appeared; an outer block whose text resumes
  // after a nested one still sits before it, which is reading order.
  return blocks;
}

function isSimpleRow(row: Element): boolean {
  const cells = [...row.children];
  return cells.length >= 2 && cells.every((c) => c.tagName === 'TD' || c.tagName === 'TH') && !row.querySelector('table, li, h1, h2, h3, h4, h5, h6');
}

/**
 * The element to read again after a change at `node`: its nearest block (or `root`), whose subtree
 * holds every block the change can touch; inside a table row, the row (a row can be one block).
 * Null when the change is in text that is not read (a skipped or hidden subtree) or outside `root`.
 */
export function blockContaining(node: Node, root: Element, skip: (el: Element) => boolean): Element | null {
  if (!root.contains(node)) return null;
  const styles = new StyleCache(root.ownerDocument.defaultView!);
  let block: Element | null = null;
  let row: Element | null = null;
  for (let e = node.nodeType === 1 ? (node as Element) : node.parentElement; e && e !== root; e = e.parentElement) {
    if (styles.rejects(e, skip)) return null;
    if (!block && styles.isBlock(e)) block = e;
    if (!row && e.tagName === 'TR') row = e;
  }
  return row ?? block ?? root;
}

function locate(block: TextBlock, index: number, edge: 'start' | 'end'): { node: Text; offset: number } | null {
  for (const seg of block.segments) {
    const i = index - seg.start;
    if (edge === 'start' ? i >= 0 && i < seg.length : i > 0 && i <= seg.length) return { node: seg.node, offset: seg.offset + i };
  }
  return null;
}

/** The DOM Range over block text [start, end), or null if the span does not map (e.g. only a <br>). */
export function rangeForSpan(block: TextBlock, start: number, end: number): Range | null {
  const from = locate(block, start, 'start');
  const to = locate(block, end, 'end');
  if (!from || !to) return null;
  const range = block.element.ownerDocument.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
