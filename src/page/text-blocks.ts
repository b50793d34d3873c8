// Page text as the analyser sees it: blocks (paragraphs, list items, cells) of whitespace-collapsed
// text, each with a map from every character back to the DOM text node and offset it came from, so a
// finding's [start, end) becomes a DOM Range over exactly the words it names.

export interface TextSegment {
  node: Text;
  /** Index in the block's text of this segment's first character. */
  start: number;
  /** For each character this segment contributed, its offset in `node`. */
  offsets: number[];
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
    const offsets: number[] = [];
    const start = b.text.length;
    let out = '';
    const data = text.data;
    for (let i = 0; i < data.length; i++) {
      const ch = data[i]!;
      if (!b.pre && (ch === ' ' || ch === '\n' || ch === '\t' || ch === '\r' || ch === '\f')) {
        if (b.space) continue;
        b.space = true;
        out += ' ';
      } else {
        b.space = false;
        out += ch;
      }
      offsets.push(i);
    }
    if (offsets.length === 0) continue;
    b.text += out;
    b.segments.push({ node: text, start, offsets });
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
    if (edge === 'start' ? i >= 0 && i < seg.offsets.length : i > 0 && i <= seg.offsets.length) {
      return edge === 'start' ? { node: seg.node, offset: seg.offsets[i]! } : { node: seg.node, offset: seg.offsets[i - 1]! + 1 };
    }
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
