// The one block reader: a DOM cut into the analyser's blocks (paragraphs, headings, list items, table rows with their
// cells), whatever the DOM is — the live page, a saved HTML file, mammoth's HTML of a Word file. Each block keeps a map
// from every character back to the DOM text node and offset it came from, so a finding's [start, end) becomes a DOM
// Range over exactly the words it names. DOM only: no extension API, no layout engine required.
import type { BlockKind } from '../analysis/types';

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
  /** Empty for a form field's line (its text is the field's value, not DOM text). */
  segments: TextSegment[];
  /** What the element is, for the analyser (a heading is structure, a list item content); absent for paragraphs. */
  kind?: BlockKind;
}

/**
 * How a DOM lays its elements out. The page asks its computed styles; a file has no renderer, so its markup decides
 * (the HTML default styles and inline `style`), which gives the same blocks for the markup plans are written in.
 */
export interface Layout {
  /** Whether `el` starts a block. */
  isBlock(el: Element): boolean;
  /** Whether `el`'s whole subtree is not plan text (code, controls, navigation, hidden). */
  rejects(el: Element): boolean;
  /** Whether `el` keeps its whitespace as written (pre). */
  preservesWhitespace(el: Element): boolean;
  /**
   * A form field's text, where the reader takes fields in the flow (a file: its textareas' and inputs' values, a line
   * per block). The page reads its fields separately, through their own offset map, and leaves this out.
   */
  fieldText?(el: Element): string | undefined;
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

// Not plan text: code, form controls (fields are read as fields), navigation and toolbars. Node DOMs spell SVG in capitals.
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'NAV', 'svg', 'SVG', 'CANVAS', 'IFRAME', 'HEAD', 'TITLE']);
const SKIPPED_ROLES = new Set(['button', 'navigation', 'menu', 'menubar', 'toolbar', 'tablist', 'banner']);
const PRESERVED_WHITESPACE = new Set(['pre', 'pre-wrap', 'break-spaces']);

const skipped = (el: Element, skip: (el: Element) => boolean) =>
  SKIPPED_TAGS.has(el.tagName) || SKIPPED_ROLES.has(el.getAttribute('role') ?? '') || el.getAttribute('aria-hidden') === 'true' || skip(el);

/** The rendered page's layout, from its computed styles: one getComputedStyle per element per read. */
export function renderedLayout(view: Window, skip: (el: Element) => boolean): Layout {
  const styles = new Map<Element, CSSStyleDeclaration>();
  const of = (el: Element) => {
    let s = styles.get(el);
    if (!s) {
      s = view.getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  return {
    // An empty display (a DOM without a full style engine) counts as inline, like unknown elements.
    isBlock: (el) => {
      const display = of(el).display;
      return display !== '' && !display.startsWith('inline') && display !== 'contents';
    },
    rejects: (el) => skipped(el, skip) || of(el).display === 'none' || of(el).visibility === 'hidden',
    preservesWhitespace: (el) => PRESERVED_WHITESPACE.has(of(el).whiteSpace || (el.tagName === 'PRE' ? 'pre' : 'normal')),
  };
}

// HTML's default block elements. A label is read as a block too: it titles the field after it, and portals lay it
// out on its own line (a file's stylesheet is not applied, so the markup's usual layout stands in for it).
const BLOCK_TAGS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BODY CAPTION CENTER DD DETAILS DIALOG DIR DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HGROUP HR HTML LABEL LEGEND LI LISTING MAIN MENU OL P PLAINTEXT PRE SEARCH SECTION SUMMARY TABLE TBODY TD TFOOT TH THEAD TR UL XMP'.split(' '),
);
const PRE_TAGS = new Set(['PRE', 'LISTING', 'PLAINTEXT', 'XMP']);
const INLINE_STYLE = /(?:^|;)\s*(display|visibility|white-space)\s*:\s*([a-z-]+)/gi;

function inlineStyle(el: Element): Record<string, string> {
  const style = el.getAttribute('style');
  const out: Record<string, string> = {};
  if (style) for (const m of style.matchAll(INLINE_STYLE)) out[m[1]!.toLowerCase()] = m[2]!.toLowerCase();
  return out;
}

/** A text field's value, as the page reads it: a textarea, or an input whose type is text (or unknown). */
function fieldValue(el: Element): string | undefined {
  if (el.tagName === 'TEXTAREA') return el.textContent ?? '';
  if (el.tagName === 'INPUT' && ['', 'text'].includes((el.getAttribute('type') ?? '').trim().toLowerCase())) return el.getAttribute('value') ?? '';
  return undefined;
}

/** A file's layout, from its markup alone: HTML's default display of each element, overridden by an inline style. */
export function markupLayout(skip: (el: Element) => boolean = () => false): Layout {
  return {
    isBlock: (el) => {
      const display = inlineStyle(el).display;
      return display ? !display.startsWith('inline') && display !== 'contents' : BLOCK_TAGS.has(el.tagName);
    },
    rejects: (el) => {
      if ((skipped(el, skip) && fieldValue(el) === undefined) || el.hasAttribute('hidden')) return true;
      const style = inlineStyle(el);
      return style.display === 'none' || style.visibility === 'hidden';
    },
    preservesWhitespace: (el) => {
      const ws = inlineStyle(el)['white-space'];
      return ws ? PRESERVED_WHITESPACE.has(ws) : PRE_TAGS.has(el.tagName);
    },
    fieldText: fieldValue,
  };
}

/** How many nodes a read visits between chances to pause. */
const NODES_PER_STEP = 200;

interface Builder {
  element: Element;
  text: string;
  segments: TextSegment[];
  pre: boolean;
  space: boolean;
  cell?: Element;
  inner?: Element;
  /** The finished block, made once so every caller gets the same object. */
  block?: TextBlock;
  /** A field's line: its kind is none, its place the field's. */
  line?: true;
}

/** The text blocks under `root` in reading order. */
export function collectTextBlocks(root: Element, layout: Layout): TextBlock[] {
  const steps = textBlockSteps(root, layout);
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
export function* textBlockSteps(container: Element, layout: Layout, root = container): Generator<() => TextBlock[], TextBlock[] | null> {
  const blockOf = (el: Element): Element => {
    for (let e: Element | null = el; e && e !== container; e = e.parentElement) if (layout.isBlock(e)) return e;
    return container;
  };

  // A table row of two or more plain cells is one block, its cells joined by " | ": the row is one unit (the
  // first cell often names the need the provision beside it is for). Rows holding lists, headings or tables
  // (layout tables) keep a block per paragraph.
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

  // Keyed by block element, or by a field's line.
  const builders = new Map<object, Builder>();
  const builder = (block: Element) => {
    let b = builders.get(block);
    if (!b) {
      b = { element: block, text: '', segments: [], pre: layout.preservesWhitespace(block), space: true };
      builders.set(block, b);
    }
    return b;
  };
  const finish = (b: Builder): TextBlock => {
    if (!b.block) {
      const kind = b.line ? undefined : kindOf(b.element, root, simpleRows.get(b.element) === true);
      b.block = kind ? { element: b.element, text: b.text, segments: b.segments, kind } : { element: b.element, text: b.text, segments: b.segments };
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

  // A field read in the flow: a block per line, as the page reads a field's value.
  const addField = (field: Element, value: string) => {
    for (const line of value.split(/\r\n?|\n/)) {
      if (line.trim() !== '') builders.set({}, { element: field, text: line, segments: [], pre: true, space: false, line: true });
    }
  };

  let node: Node | null = container.firstChild;
  /** The blocks before the first one the walk is still inside (a block holding only spaces so far does not count). */
  const finished = (): TextBlock[] => {
    const out: TextBlock[] = [];
    for (const b of builders.values()) {
      const empty = b.text.trim() === '';
      if (node && b.element.contains(node)) {
        if (empty) continue;
        break;
      }
      if (!empty) out.push(finish(b));
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
          // Inside a row a line break only separates words: the row stays one line.
          if (!row) b.text += '\n';
          else if (!b.space) b.text += ' ';
          b.space = true;
        }
      } else if (!layout.rejects(el)) {
        const value = layout.fieldText?.(el);
        if (value === undefined) enter = true;
        else addField(el, value);
      }
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
  for (const b of builders.values()) if (b.text.trim() !== '') blocks.push(finish(b));
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
export function blockContaining(node: Node, root: Element, layout: Layout): Element | null {
  if (!root.contains(node)) return null;
  let block: Element | null = null;
  let row: Element | null = null;
  for (let e = node.nodeType === 1 ? (node as Element) : node.parentElement; e && e !== root; e = e.parentElement) {
    if (layout.rejects(e)) return null;
    if (!block && layout.isBlock(e)) block = e;
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
