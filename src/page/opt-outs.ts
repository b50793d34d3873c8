// Where Plan Lens must not read or mark: the opt-outs writing checkers agree on, read-only and
// disabled fields, combobox-style inputs, and Plan Lens's own UI.

/** Custom-element names of Plan Lens's own hosts: never read, never observed. */
export const OWN_HOST_TAGS = new Set(['PLAN-LENS-MARKS', 'PLAN-LENS-CARD', 'PLAN-LENS-NOTICE']);

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

/**
 * A form field whose value Plan Lens reads and marks through a mirror: a textarea, or a one-line text
 * input (portals often take a single need or target in one).
 */
export type TextField = HTMLTextAreaElement | HTMLInputElement;

export const FIELD_SELECTOR = 'textarea, input';

export function isTextField(el: EventTarget | null): el is TextField {
  if ((el as Node | null)?.nodeType !== 1) return false;
  const view = (el as Element).ownerDocument.defaultView!;
  // `type` reads "text" for a missing or unknown type attribute; password, search, email, date… are not plan wording.
  return el instanceof view.HTMLTextAreaElement || (el instanceof view.HTMLInputElement && el.type === 'text');
}

/**
 * Fields Plan Lens reads: visible, writable, not opted out, not a picker. An input whose autocomplete
 * names what it holds (name, email, street-address…) or that suggests from a list is a personal detail
 * or a choice, never plan wording. `spellcheck="false"` is not an opt-out: editors and portals set it
 * to silence the browser's own checker (TinyMCE's body does), not other tools.
 */
export function isCheckableField(field: TextField): boolean {
  if (field.readOnly || field.disabled || isOptedOut(field) || field.getClientRects().length === 0) return false;
  if (field.closest('[aria-hidden="true"], [inert]') || ['hidden', 'collapse'].includes(field.ownerDocument.defaultView!.getComputedStyle(field).visibility)) return false;
  if (field.getAttribute('role') === 'combobox') return false;
  if (field instanceof field.ownerDocument.defaultView!.HTMLInputElement) {
    const autocomplete = field.getAttribute('autocomplete')?.trim().toLowerCase() ?? '';
    if (field.list || field.hasAttribute('aria-autocomplete') || !['', 'on', 'off'].includes(autocomplete)) return false;
  }
  return true;
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
