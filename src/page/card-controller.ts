// Which mark's card is open, and how the user gets there. Highlights are not elements, so hovering
// is a hit test of the pointer against the marks' client rects. Keyboard: Alt+Shift+J selects the
// next finding (or moves into a card the pointer opened), Enter opens its card (focus moves in), Escape
// closes it and puts focus and caret back. Each is said through a live region.
import { announcementFor, type CardAction, type CardProps } from './card';
import { selectPassage } from './go-to';
import { fieldSpan, type Mark } from './marks';
import { isTextField, OWN_HOST_TAGS } from './opt-outs';
import type { ViewportRect } from './field-mirror';

export interface CardHost {
  rectsOf(mark: Mark): ViewportRect[];
  /** The active mark changed: repaint its emphasis. */
  redraw(): void;
  renderCard(props: Omit<CardProps, 'words'> | null): Promise<void>;
  /** Says `text` through the page's live region (screen readers). */
  announce(text: string): void;
  /** Scrolls the mark into view (a form field's own scroll included). */
  reveal(mark: Mark): void;
  /** No marks in this document: let the walk continue in another frame of the tab. */
  findElsewhere(): void;
  actionsFor(mark: Mark, close: () => void): CardAction[];
}

/** Moving from a mark to its card crosses a small gap; the card waits this long before closing. */
const HOVER_GRACE_MS = 300;
const UNDERLINE_SLACK_PX = 3;

const isNextFindingShortcut = (e: KeyboardEvent) => e.altKey && e.shiftKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyJ';

export class CardController {
  active: Mark | null = null;
  private marks: Mark[] = [];
  /**
   * `focused`: a keyboard-opened card has taken focus (it may first wait a frame for its mark's rects).
   * `clicked`: the user pressed the pointer since the card opened (to put the caret in the text).
   */
  private open: { mark: Mark; keyboard: boolean; restore: (() => void) | null; focused: boolean; clicked: boolean } | null = null;
  private overCard = false;
  private closeTimer: ReturnType<typeof setTimeout> | undefined;
  private pointer: { x: number; y: number } | null = null;
  private pointerFrame = 0;

  constructor(
    private readonly doc: Document,
    private readonly host: CardHost,
  ) {}

  /** New marks after a rebuild: keep the active mark and the open card if their finding survived. */
  marksChanged(marks: Mark[]): void {
    this.marks = marks;
    const same = (m: Mark | null | undefined) => (m ? marks.find((x) => x.key === m.key) ?? null : null);
    this.active = same(this.active);
    if (this.open) {
      const mark = same(this.open.mark);
      if (mark) this.open.mark = mark;
      else this.close(false);
    }
  }

  /** Called after every layout: the card follows its mark through scrolling and reflow. */
  reposition(): void {
    if (!this.open) return;
    // Scrolled out of sight (or out of its field's view): a card pointing at nothing closes.
    if (this.host.rectsOf(this.open.mark).length === 0) this.close(false);
    else void this.show(this.open.mark, this.open.keyboard && !this.open.focused);
  }

  pointerAt(x: number, y: number): void {
    this.pointer = { x, y };
    if (this.pointerFrame) return;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      if (this.pointer) this.hitTest(this.pointer.x, this.pointer.y);
    });
  }

  /** The most specific mark under a point (a sentence's marks do not nest, but a block-level finding may hold others). */
  private markAt(x: number, y: number): Mark | undefined {
    const inside = (r: ViewportRect) => x >= r.left && x <= r.left + r.width && y >= r.top && y <= r.top + r.height + UNDERLINE_SLACK_PX;
    return this.marks
      .filter((m) => this.host.rectsOf(m).some(inside))
      .sort((a, b) => a.finding.end - a.finding.start - (b.finding.end - b.finding.start))[0];
  }

  /**
   * A tap or click (touch screens and pens have no hover): opens the card of the mark under it, or
   * closes an open card when it lands elsewhere. A drag that selected text is not a tap.
   */
  tap(x: number, y: number): void {
    if (this.doc.getSelection()?.isCollapsed === false && !this.active) return;
    const hit = this.markAt(x, y);
    if (hit && this.open?.mark.key !== hit.key) {
      void this.openCard(hit, false);
      // openCard has set `open` before it awaits the card's drawing: this one was opened by a press.
      if (this.open) this.open.clicked = true;
    } else if (!hit && this.open && !this.overCard) this.close(false);
  }

  private hitTest(x: number, y: number): void {
    const hit = this.markAt(x, y);
    if (hit) {
      clearTimeout(this.closeTimer);
      if (this.open?.mark.key !== hit.key && !this.open?.keyboard) void this.openCard(hit, false);
    } else if (this.open && !this.open.keyboard && !this.overCard) {
      clearTimeout(this.closeTimer);
      this.closeTimer = setTimeout(() => {
        if (!this.overCard && this.open && !this.open.keyboard) this.close(false);
      }, HOVER_GRACE_MS);
    }
  }

  keydown(e: KeyboardEvent): void {
    if (isNextFindingShortcut(e)) {
      e.preventDefault();
      e.stopPropagation();
      // A card the pointer opened is the one the user is looking at: the shortcut moves into it first. After a
      // click (the caret put in the text) the shortcut walks on from the caret, as it does everywhere else.
      if (this.open && !this.open.keyboard && !this.open.clicked) void this.openCard(this.open.mark, true);
      else if (!this.jump()) this.host.findElsewhere();
      return;
    }
    if (e.key === 'Escape' && this.open) {
      e.preventDefault();
      e.stopPropagation();
      this.close(true);
      return;
    }
    if (e.key === 'Enter' && this.active && !this.open && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && this.isSelected(this.active)) {
      // The finding is selected: Enter opens its card instead of replacing the selection.
      e.preventDefault();
      e.stopPropagation();
      void this.openCard(this.active, true);
      return;
    }
    if (this.active && !['Shift', 'Alt', 'Control', 'Meta'].includes(e.key)) {
      this.active = null;
      this.host.redraw();
    }
  }

  /**
   * A press anywhere but on the card (a click to put the caret elsewhere, a drag): the walk's finding is no
   * longer what the user is on, so Enter types again.
   */
  pointerDown(target: EventTarget | null): void {
    if (target instanceof Element && OWN_HOST_TAGS.has(target.tagName)) return;
    if (this.open) this.open.clicked = true;
    this.deactivate();
  }

  /**
   * The selection moved off the walk's finding (arrow keys, a click, the page's own script): it is no longer
   * active. Not while its card is open: focus is in the card then, and Escape puts the selection back.
   */
  selectionChanged(): void {
    if (this.active && !this.open && !this.isSelected(this.active)) this.deactivate();
  }

  private deactivate(): void {
    if (!this.active) return;
    this.active = null;
    this.host.redraw();
  }

  /** Whether the selection is exactly the mark's words: its field's selection, or a range over the same text. */
  private isSelected(mark: Mark): boolean {
    const span = fieldSpan(mark);
    if (span) return this.doc.activeElement === span.field && span.field.selectionStart === span.start && span.field.selectionEnd === span.end;
    const selection = this.doc.getSelection();
    if (!mark.range || !selection || selection.rangeCount !== 1) return false;
    const range = selection.getRangeAt(0);
    // An editor may move the selection's ends to equivalent places (into a text node, out of one): the same words,
    // both ends within the mark's range, is the same selection.
    if (range.startContainer.getRootNode() !== mark.range.startContainer.getRootNode()) return false;
    return range.toString() === mark.range.toString() && mark.range.comparePoint(range.startContainer, range.startOffset) === 0 && mark.range.comparePoint(range.endContainer, range.endOffset) === 0;
  }

  /**
   * Selects the next finding after the caret (wrapping), scrolls it into view and marks it active.
   * Returns false when this document has none (the walk may continue in another frame).
   */
  jump(): boolean {
    if (this.marks.length === 0) return false;
    const from = this.active ? this.marks.findIndex((m) => m.key === this.active!.key) + 1 : this.firstAfterCaret();
    this.select(this.marks[from % this.marks.length]!);
    return true;
  }

  /** The side panel's "Go to": the mark's words selected and in view, its card open beside them. */
  goTo(mark: Mark): void {
    this.select(mark);
    void this.openCard(mark, false);
  }

  private select(mark: Mark): void {
    if (this.open) this.close(false);
    this.active = mark;
    this.host.announce(announcementFor(mark.finding, { walk: { at: this.marks.indexOf(mark) + 1, of: this.marks.length } }));
    const passage = fieldSpan(mark) ?? (mark.range ? { range: mark.range } : null);
    if (passage) selectPassage(this.doc, passage);
    this.host.reveal(mark);
    this.host.redraw();
  }

  private firstAfterCaret(): number {
    const focused = this.doc.activeElement;
    const selection = this.doc.getSelection();
    const index = this.marks.findIndex((m) => {
      const span = fieldSpan(m);
      if (span && focused === span.field) return span.end > (span.field.selectionStart ?? 0);
      const node = span ? span.field : m.range!.startContainer;
      if (isTextField(focused)) return (focused.compareDocumentPosition(node) & 4) !== 0;
      if (!selection || selection.rangeCount === 0 || !selection.focusNode) return true;
      // comparePoint throws for a point in another tree (a shadow root): then start from the top.
      if (m.range) return selection.focusNode.getRootNode() !== this.doc || m.range.comparePoint(selection.focusNode, selection.focusOffset) <= 0;
      return (selection.focusNode.compareDocumentPosition(node) & 4) !== 0;
    });
    return Math.max(index, 0);
  }

  async openCard(mark: Mark, keyboard: boolean): Promise<void> {
    clearTimeout(this.closeTimer);
    // Moving into a card the pointer opened keeps the focus it would go back to.
    const restore = keyboard ? this.saveFocus() : null;
    if (!keyboard) this.host.announce(announcementFor(mark.finding, { hover: true }));
    this.open = { mark, keyboard, restore, focused: false, clicked: false };
    this.overCard = false;
    await this.show(mark, keyboard);
  }

  private async show(mark: Mark, focus: boolean): Promise<void> {
    const anchor = this.host.rectsOf(mark)[0];
    if (!anchor) return;
    if (focus && this.open) this.open.focused = true;
    await this.host.renderCard({
      finding: mark.finding,
      flagged: mark.flagged,
      anchor,
      focus,
      actions: this.host.actionsFor(mark, () => this.close(true)),
      onClose: () => this.close(true),
      onPointerEnter: () => {
        this.overCard = true;
        clearTimeout(this.closeTimer);
      },
      onPointerLeave: () => {
        this.overCard = false;
        if (this.pointer) this.hitTest(this.pointer.x, this.pointer.y);
      },
    });
  }

  close(restoreFocus: boolean): void {
    clearTimeout(this.closeTimer);
    const open = this.open;
    if (!open) return;
    this.open = null;
    this.overCard = false;
    void this.host.renderCard(null);
    if (restoreFocus) open.restore?.();
  }

  /** Where focus and caret are now, as a function that puts them back. */
  private saveFocus(): () => void {
    const focused = this.doc.activeElement as HTMLElement | null;
    if (isTextField(focused)) {
      const { selectionStart, selectionEnd } = focused;
      return () => {
        focused.focus();
        focused.setSelectionRange(selectionStart, selectionEnd);
      };
    }
    const selection = this.doc.getSelection();
    const ranges = selection ? Array.from({ length: selection.rangeCount }, (_, i) => selection.getRangeAt(i).cloneRange()) : [];
    return () => {
      focused?.focus({ preventScroll: true });
      selection?.removeAllRanges();
      for (const r of ranges) selection?.addRange(r);
    };
  }
}
