// A form field's text (textarea, text input) has no DOM Range, so it is laid out again in a hidden
// mirror div that copies every property that affects line breaking (the textarea-caret-position list)
// and both scroll offsets, placed exactly over the field. Ranges over the mirror's text then give the
// rectangles the field's own glyphs occupy.
import type { TextField } from './opt-outs';

const COPIED_PROPERTIES = [
  'direction', 'box-sizing', 'width', 'height', 'overflow-x', 'overflow-y',
  'border-top-width', 'border-right-width', 'border-bottom-width', 'border-left-width', 'border-style',
  'padding-top', 'padding-right', 'padding-bottom', 'padding-left',
  'font-style', 'font-variant', 'font-weight', 'font-stretch', 'font-size', 'font-size-adjust', 'line-height', 'font-family',
  'font-kerning', 'font-feature-settings', 'font-variation-settings', 'font-optical-sizing',
  'text-align', 'text-transform', 'text-indent', 'text-rendering', 'letter-spacing', 'word-spacing', 'tab-size',
  'white-space', 'white-space-collapse', 'text-wrap-mode', 'word-break', 'overflow-wrap', 'hyphens', 'scrollbar-width', 'scrollbar-gutter',
];

/**
 * Written after the copied ones (the copied border-style needs a transparent colour). Its size is the field's, and
 * contained: laying out its text (a keystroke) cannot move anything else in the page.
 */
const STATIC_STYLES = [
  ['position', 'fixed'],
  ['margin', '0'],
  ['visibility', 'hidden'],
  ['pointer-events', 'none'],
  ['border-color', 'transparent'],
  ['contain', 'strict'],
] as const;

export interface ViewportRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface FieldGeometry {
  styles: (readonly [string, string])[];
  rect: DOMRect;
  value: string;
  scrollTop: number;
  scrollLeft: number;
}

export interface Clip {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The part of an element's padding box that is on screen. */
function paddingBox(el: Element): Clip {
  const r = el.getBoundingClientRect();
  const left = r.left + el.clientLeft;
  const top = r.top + el.clientTop;
  return { left, top, right: left + el.clientWidth, bottom: top + el.clientHeight };
}

/**
 * Where the field's text can be seen: its own padding box (a textarea scrolls its text under its
 * padding; an input clips it to its content box), cut by every ancestor that clips its overflow (a
 * scrolled panel), and by the viewport. Boxes are position:fixed, so nothing clips them for us.
 */
function visibleArea(field: TextField): Clip {
  const view = field.ownerDocument.defaultView!;
  const clip = paddingBox(field);
  if (field instanceof view.HTMLInputElement) {
    const style = view.getComputedStyle(field);
    clip.left += parseFloat(style.paddingLeft);
    clip.right -= parseFloat(style.paddingRight);
  }
  const cut = (c: Clip) => {
    clip.left = Math.max(clip.left, c.left);
    clip.top = Math.max(clip.top, c.top);
    clip.right = Math.min(clip.right, c.right);
    clip.bottom = Math.min(clip.bottom, c.bottom);
  };
  for (let el = field.parentElement; el && el !== field.ownerDocument.documentElement; el = el.parentElement) {
    const style = view.getComputedStyle(el);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') cut(paddingBox(el));
  }
  cut({ left: 0, top: 0, right: view.innerWidth, bottom: view.innerHeight });
  return clip;
}

export class FieldMirror {
  readonly element: HTMLDivElement;
  private readonly text: Text;
  /** The style properties as last written. */
  private readonly written = new Map<string, string>();

  constructor(
    readonly field: TextField,
    container: Element | ShadowRoot,
  ) {
    const doc = field.ownerDocument;
    this.element = doc.createElement('div');
    this.element.setAttribute('aria-hidden', 'true');
    this.text = doc.createTextNode('');
    this.element.append(this.text);
    // Out of the page's flow and contained before it is put in: laying it over its field later moves nothing else
    // (in a long form, anything that changes the flow lays the whole form out again).
    for (const [p, v] of STATIC_STYLES) this.set(p, v);
    container.append(this.element);
  }

  /** Writes a style property only when it changed: a keystroke changes the text alone, and the page restyles nothing else. */
  private set(p: string, v: string): void {
    if (this.written.get(p) === v) return;
    this.element.style.setProperty(p, v);
    this.written.set(p, v);
  }

  /** The read half of a render pass: everything the mirror needs from the field. */
  measure(): FieldGeometry {
    const field = this.field;
    const view = field.ownerDocument.defaultView!;
    const computed = view.getComputedStyle(field);
    const styles = new Map(COPIED_PROPERTIES.map((p) => [p, computed.getPropertyValue(p)] as const));
    if (field instanceof view.HTMLInputElement) {
      // An input's one line never wraps, scrolls sideways, and sits centred in its content box: a line
      // box as tall as that box centres the glyphs the same way (half-leading either side).
      const content = field.clientHeight - parseFloat(computed.paddingTop) - parseFloat(computed.paddingBottom);
      for (const [p, v] of [['white-space', 'pre'], ['overflow-x', 'hidden'], ['overflow-y', 'hidden'], ['line-height', `${Math.max(content, 0)}px`]] as const) {
        // Last, as the shorthand must come after the longhands copied above.
        styles.delete(p);
        styles.set(p, v);
      }
    }
    return {
      styles: [...styles],
      rect: field.getBoundingClientRect(),
      value: field.value,
      scrollTop: field.scrollTop,
      scrollLeft: field.scrollLeft,
    };
  }

  /**
   * The write half: lays the mirror exactly over the field. Its scroll offsets follow in `scrollAs`, after every
   * mirror's styles are written: setting a scroll offset needs layout, so one pass over many fields lays out once.
   */
  apply(geometry: FieldGeometry, origin: { x: number; y: number }): void {
    for (const [p, v] of geometry.styles) this.set(p, v);
    for (const [p, v] of STATIC_STYLES) this.set(p, v);
    this.set('left', `${geometry.rect.left - origin.x}px`);
    this.set('top', `${geometry.rect.top - origin.y}px`);
    // A trailing newline in a textarea still gets a line box; give the mirror the same.
    const value = geometry.value.endsWith('\n') ? `${geometry.value} ` : geometry.value;
    if (this.text.data !== value) this.text.data = value;
  }

  /**
   * Whether text typed after a glyph leaves that glyph where it is, as of the last layout: a textarea whose lines start
   * at their start edge. Centred or justified text, or an input (which scrolls sideways as it fills), moves.
   */
  anchoredAtStart(): boolean {
    const view = this.field.ownerDocument.defaultView!;
    if (!(this.field instanceof view.HTMLTextAreaElement)) return false;
    const align = this.written.get('text-align');
    const rtl = this.written.get('direction') === 'rtl';
    return align === 'start' || align === (rtl ? 'right' : 'left');
  }

  /** Scrolls the mirror as the field is scrolled. */
  scrollAs(geometry: FieldGeometry): void {
    this.element.scrollTop = geometry.scrollTop;
    this.element.scrollLeft = geometry.scrollLeft;
  }

  /** Where the field's text can be seen now: read once per pass, for all of the field's marks. */
  visibleArea(): Clip {
    return visibleArea(this.field);
  }

  /** Viewport rectangles of value[start, end), clipped to `clip`, the field's visible text area. */
  rects(start: number, end: number, clip: Clip = this.visibleArea()): ViewportRect[] {
    const length = this.text.data.length;
    if (start < 0 || end > length || start >= end) return [];
    const range = this.field.ownerDocument.createRange();
    range.setStart(this.text, start);
    range.setEnd(this.text, end);
    const out: ViewportRect[] = [];
    for (const r of range.getClientRects()) {
      // The underline sits on the rect's bottom edge: a line scrolled half out of view shows none.
      if (r.bottom > clip.bottom + 1 || r.bottom <= clip.top) continue;
      const left = Math.max(r.left, clip.left);
      const right = Math.min(r.right, clip.right);
      const top = Math.max(r.top, clip.top);
      const bottom = Math.min(r.bottom, clip.bottom);
      if (right - left > 0.5 && bottom - top > 0.5) out.push({ left, top, width: right - left, height: bottom - top });
    }
    return out;
  }

  /** Scrolls the field so value offset `index` sits mid-field (setSelectionRange alone does not scroll). */
  reveal(index: number): void {
    if (index < 0 || index >= this.text.data.length) return;
    const range = this.field.ownerDocument.createRange();
    range.setStart(this.text, index);
    range.setEnd(this.text, index + 1);
    const glyph = range.getBoundingClientRect();
    const mirror = this.element.getBoundingClientRect();
    const contentTop = glyph.top - mirror.top + this.element.scrollTop;
    const contentLeft = glyph.left - mirror.left + this.element.scrollLeft;
    this.field.scrollTop = Math.max(0, contentTop - (this.field.clientHeight - glyph.height) / 2);
    // Not clamped: a right-to-left field scrolls to negative offsets; the browser clamps to its range.
    this.field.scrollLeft = contentLeft - (this.field.clientWidth - glyph.width) / 2;
  }

  remove(): void {
    this.element.remove();
  }
}
