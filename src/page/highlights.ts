// Marks over page and contenteditable text through the CSS Custom Highlight API: the browser paints
// the underline on the text itself, so nothing is added near (let alone inside) the page's content.
// The registry is per document, so each frame has its own.
import type { Category } from '../analysis';
import { ACTIVE_HIGHLIGHT, CATEGORIES, EMPHASIS_HIGHLIGHT, highlightName } from './categories';
import { highlightCss, highlightRulesApply } from './mark-styles';

const STYLE_ID = 'plan-lens-highlight-styles';

export function supportsHighlights(doc: Document): boolean {
  // Each frame has its own globals: ask this document's window, not the content script's.
  const view = doc.defaultView as (typeof globalThis & { Highlight?: unknown }) | null;
  return typeof view?.CSS?.highlights !== 'undefined' && typeof view.Highlight === 'function';
}

export class HighlightLayer {
  /** Whether the extension's own sheet gave the document the rules (asked once, at the first mark). */
  private fromExtension: boolean | undefined;

  /**
   * `inherit`: the browser's highlights inherit from the root's (see highlightCss). Such a browser (Chromium) gets
   * the rules with the content script, from the document's start (wxt.config.ts), so marks never restyle the page.
   */
  constructor(
    private readonly doc: Document,
    private readonly inherit: boolean,
  ) {}

  /**
   * Where the document lacks the rules (Firefox; a page Plan Lens was brought into later, by "Check this page"),
   * puts them in when there is a first mark to paint: a new style sheet restyles the whole document (~150 ms in a
   * 5,000-field form), which a page with nothing to mark, most webmail, never pays.
   */
  private styled(): void {
    this.fromExtension ??= this.inherit && highlightRulesApply(this.doc);
    // `::highlight()` rules work only from the document's own stylesheets.
    if (this.fromExtension || this.doc.getElementById(STYLE_ID)) return;
    const style = this.doc.createElement('style');
    style.id = STYLE_ID;
    style.textContent = highlightCss(this.inherit ? ':root' : '');
    (this.doc.head ?? this.doc.documentElement).append(style);
  }

  /** `marks`: the sentences' underlines; `emphasis`: the hedge words inside them, painted over their sentence's line. */
  draw(marks: { category: Category; range: Range }[], emphasis: Range[], active: Range | null): void {
    if (marks.length > 0 || emphasis.length > 0 || active) this.styled();
    const view = this.doc.defaultView as typeof globalThis;
    const set = (name: string, ranges: Range[], priority: number) => {
      if (ranges.length === 0) return view.CSS.highlights.delete(name);
      const highlight = new view.Highlight(...ranges);
      highlight.priority = priority;
      view.CSS.highlights.set(name, highlight);
    };
    for (const category of CATEGORIES) set(highlightName(category), marks.filter((m) => m.category === category).map((m) => m.range), 0);
    set(EMPHASIS_HIGHLIGHT, emphasis, 1);
    set(ACTIVE_HIGHLIGHT, active ? [active] : [], 2);
  }

  remove(): void {
    const view = this.doc.defaultView as typeof globalThis | null;
    for (const name of [...CATEGORIES.map(highlightName), EMPHASIS_HIGHLIGHT, ACTIVE_HIGHLIGHT]) view?.CSS.highlights.delete(name);
    this.doc.getElementById(STYLE_ID)?.remove();
  }
}
