// Page text as the analyser sees it: the one block reader (src/documents/blocks.ts) over the live DOM, laid out by
// the page's own computed styles. Form fields are read separately (src/page/sources.ts), through their own map.
import { blockContaining as containing, collectTextBlocks as collect, renderedLayout, textBlockSteps as steps, type TextBlock } from '../documents/blocks';

export { rangeForSpan, type TextBlock, type TextSegment } from '../documents/blocks';

const layoutOf = (el: Element, skip: (el: Element) => boolean) => renderedLayout(el.ownerDocument.defaultView!, skip);

/** The text blocks under `root` in reading order; `skip` rejects a whole subtree (opted-out editors, Plan Lens's own hosts). */
export function collectTextBlocks(root: Element, skip: (el: Element) => boolean): TextBlock[] {
  return collect(root, layoutOf(root, skip));
}

/** The page's read of `container` in steps (see src/documents/blocks.ts), with a fresh look at its styles. */
export function textBlockSteps(container: Element, skip: (el: Element) => boolean, root = container): Generator<() => TextBlock[], TextBlock[] | null> {
  return steps(container, layoutOf(container, skip), root);
}

/** The element to read again after a change at `node` (see src/documents/blocks.ts). */
export function blockContaining(node: Node, root: Element, skip: (el: Element) => boolean): Element | null {
  return containing(node, root, layoutOf(root, skip));
}
