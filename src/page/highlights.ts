// Marks over page and contenteditable text through the CSS Custom Highlight API: the browser paints
// the underline on the text itself, so nothing is added near (let alone inside) the page's content.
// The registry is per document, so each frame has its own.
import type { Category } from '../analysis';
import { ACTIVE_HIGHLIGHT, CATEGORIES, highlightName } from './categories';
import { highlightCss } from './mark-styles';

const STYLE_ID = 'plan-lens-highlight-styles';

export function supportsHighlights(doc: Document): boolean {
  // Each frame has its own globals: ask this document's window, not the content script's.
  const view = doc.defaultView as (typeof globalThis & { Highlight?: unknown }) | null;
  return typeof view?.CSS?.highlights !== 'undefined' && typeof view.Highlight === 'function';
}

export class HighlightLayer {
  constructor(private readonly doc: Document) {
    // `::highlight()` rules work only from the document's own stylesheets.
    if (!doc.getElementById(STYLE_ID)) {
      const style = doc.createElement('style');
      style.id = STYLE_ID;
      style.textContent = highlightCss();
      (doc.head ?? doc.documentElement).append(style);
    }
  }

  draw(marks: { category: Category; range: Range }[], active: Range | null): void {
    const view = this.doc.defaultView as typeof globalThis;
    for (const category of CATEGORIES) {
      const ranges = marks.filter((m) => m.category === category).map((m) => m.range);
      if (ranges.length === 0) view.CSS.highlights.delete(highlightName(category));
      else view.CSS.highlights.set(highlightName(category), new view.Highlight(...ranges));
    }
    if (active) view.CSS.highlights.set(ACTIVE_HIGHLIGHT, new view.Highlight(active));
    else view.CSS.highlights.delete(ACTIVE_HIGHLIGHT);
  }

  remove(): void {
    const view = this.doc.defaultView as typeof globalThis | null;
    for (const name of [...CATEGORIES.map(highlightName), ACTIVE_HIGHLIGHT]) view?.CSS.highlights.delete(name);
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
