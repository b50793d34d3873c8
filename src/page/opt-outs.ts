// Where Plan Lens must not read or mark: the opt-outs writing checkers agree on, read-only and
// disabled fields, combobox-style inputs, and Plan Lens's own UI.

/** Custom-element names of Plan Lens's own hosts: never read, never observed. */
export const OWN_HOST_TAGS = new Set(['PLAN-LENS-MARKS', 'PLAN-LENS-CARD']);

const OPT_OUT_SELECTOR = '[data-gramm="false"], [data-gramm_editor="false"], [data-enable-grammarly="false"], [data-plan-lens="off"]';

/** True when the element or an ancestor asks checkers to keep out. */
export function isOptedOut(el: Element): boolean {
  return el.closest(OPT_OUT_SELECTOR) !== null;
}

/** Subtrees the static-text reader skips: own hosts, opted-out regions, read-only editors' chrome. */
export function isSkippedSubtree(el: Element): boolean {
  if (OWN_HOST_TAGS.has(el.tagName)) return true;
  if (el.matches(OPT_OUT_SELECTOR)) return true;
  // An editor that is switched off for writing but still editable-looking: leave it to the page.
  return el.getAttribute('contenteditable') !== null && el.getAttribute('role') === 'combobox';
}

/** Textareas Plan Lens reads: visible, writable, not opted out. */
export function isCheckableTextarea(field: HTMLTextAreaElement): boolean {
  return !field.readOnly && !field.disabled && !isOptedOut(field) && field.getClientRects().length > 0;
}

/** The editable root (contenteditable host or design-mode body) containing `node`, if any. */
export function editableRootOf(node: Node): HTMLElement | null {
  const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
  if (!el || !(el as HTMLElement).isContentEditable) {
    return el?.ownerDocument.designMode === 'on' ? el.ownerDocument.body : null;
  }
  let root = el as HTMLElement;
  while (root.parentElement?.isContentEditable) root = root.parentElement;
  return root;
}
