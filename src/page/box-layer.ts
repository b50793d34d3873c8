// Marks drawn as positioned boxes in a shadow root that sits beside the field (inside the field's
// stacking context, never inside its content). Used for textareas, and for ranges where the CSS
// Custom Highlight API is missing.
import type { Category } from '../analysis';
import { boxCss } from './mark-styles';
import type { ViewportRect } from './field-mirror';

export interface Box extends ViewportRect {
  /** A sentence's underline in its category's style, or the emphasis on hedge words inside it. */
  kind: Category | 'emphasis';
  active: boolean;
}

export class BoxLayer {
  readonly host: HTMLElement;
  readonly root: ShadowRoot;
  private readonly originProbe: HTMLElement;
  private readonly boxes: HTMLElement;
  /** What each box was last drawn as. */
  private readonly written = new WeakMap<HTMLElement, string>();

  /** `place` puts the host into the page, e.g. right after the textarea it marks. */
  constructor(doc: Document, place: (host: HTMLElement) => void) {
    this.host = doc.createElement('plan-lens-marks');
    this.root = this.host.attachShadow({ mode: 'open' });
    const style = doc.createElement('style');
    style.textContent = boxCss();
    this.originProbe = doc.createElement('div');
    this.originProbe.className = 'origin';
    this.boxes = doc.createElement('div');
    this.root.append(style, this.originProbe, this.boxes);
    place(this.host);
  }

  /**
   * Where viewport (0, 0) is for position:fixed children: not the viewport itself when an ancestor
   * is transformed, filtered or contained (it then becomes the containing block).
   */
  origin(): { x: number; y: number } {
    const r = this.originProbe.getBoundingClientRect();
    return { x: r.left, y: r.top };
  }

  draw(boxes: Box[], origin: { x: number; y: number }): void {
    const doc = this.host.ownerDocument;
    const existing = [...this.boxes.children] as HTMLElement[];
    boxes.forEach((box, i) => {
      const el = existing[i] ?? this.boxes.appendChild(doc.createElement('div'));
      const className = `mark ${box.kind}${box.active ? ' active' : ''}`;
      const style = `left:${box.left - origin.x}px;top:${box.top - origin.y}px;width:${box.width}px;height:${box.height}px`;
      // Only a box that moved or changed is written: a keystroke redraws its field's boxes, most of them where they were.
      const drawn = `${className};${style}`;
      if (this.written.get(el) === drawn) return;
      this.written.set(el, drawn);
      el.className = className;
      el.style.cssText = style;
    });
    for (const el of existing.slice(boxes.length)) el.remove();
  }

  remove(): void {
    this.host.remove();
  }
}
