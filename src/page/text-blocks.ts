// Page text as the analyser sees it: blocks (paragraphs, list items, cells) of whitespace-collapsed
// text, each with a map from every character back to the DOM text node and offset it came from, so a
// finding's [start, end) becomes a DOM Range over exactly the words it names.

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
}

// Not plan text: code, form controls (textareas are read separately), navigation and toolbars.
const SKIPPED_TAGS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON', 'NAV', 'svg', 'CANVAS', 'IFRAME', 'HEAD']);
const SKIPPED_ROLES = new Set(['button', 'navigation', 'menu', 'menubar', 'toolbar', 'tablist', 'banner']);
const PRESERVED_WHITESPACE = new Set(['pre', 'pre-wrap', 'break-spaces']);

/**
 * Collects the text blocks under `root` in reading order. `skip` rejects a whole subtree (opted-out
 * editors, Plan Lens's own hosts).
 */
export function collectTextBlocks(root: Element, skip: (el: Element) => boolean): TextBlock[] {
  const view = root.ownerDocument.defaultView!;
  const styles = new Map<Element, CSSStyleDeclaration>();
  const style = (el: Element) => {
    let s = styles.get(el);
    if (!s) {
      s = view.getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  const blockOf = (el: Element): Element => {
    for (let e: Element | null = el; e && e !== root; e = e.parentElement) {
      // An empty display (a DOM without a full style engine) counts as inline, like unknown elements.
      const display = style(e).display;
      if (display !== '' && !display.startsWith('inline') && display !== 'contents') return e;
    }
    return root;
  };

  const builders = new Map<Element, { text: string; segments: TextSegment[]; pre: boolean; space: boolean }>();
  const builder = (block: Element) => {
    let b = builders.get(block);
    if (!b) {
      const whiteSpace = style(block).whiteSpace || (block.tagName === 'PRE' ? 'pre' : 'normal');
      b = { text: '', segments: [], pre: PRESERVED_WHITESPACE.has(whiteSpace), space: true };
      builders.set(block, b);
    }
    return b;
  };

  const walker = root.ownerDocument.createTreeWalker(root, 0x1 | 0x4 /* SHOW_ELEMENT | SHOW_TEXT */, {
    acceptNode(node) {
      if (node.nodeType !== 1) return 1; // FILTER_ACCEPT
      const el = node as Element;
      if (SKIPPED_TAGS.has(el.tagName) || SKIPPED_ROLES.has(el.getAttribute('role') ?? '') || skip(el)) return 2; // FILTER_REJECT: the whole subtree
      if (el.getAttribute('aria-hidden') === 'true' || style(el).display === 'none' || style(el).visibility === 'hidden') return 2;
      return 1; // FILTER_ACCEPT: look inside (and see <br>)
    },
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent) continue;
    if (node.nodeType === 1) {
      if ((node as Element).tagName === 'BR') {
        const b = builder(blockOf(parent));
        b.text += '\n';
        b.space = true;
      }
      continue;
    }
    const text = node as Text;
    const b = builder(blockOf(parent));
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
      continue;
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
  }

  const blocks: TextBlock[] = [];
  for (const [element, b] of builders) {
    if (b.text.trim() === '') continue;
    blocks.push({ element, text: b.text, segments: b.segments });
  }
  // Blocks were created in the order their first text appeared; an outer block whose text resumes
  // after a nested one still sits before it, which is reading order.
  return blocks;
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
