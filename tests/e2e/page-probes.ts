// What a test can see of Plan Lens in a page without reaching into the content script: the CSS
// highlight registry (per document, shared by the page and content-script worlds), the boxes in
// Plan Lens's open shadow roots, the card, and the browser's own caret hit test as an independent
// measure of where the glyphs are.
import type { Frame, Page } from 'playwright-core';

export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface HighlightMark {
  name: string;
  text: string;
  rects: Rect[];
}

type Target = Page | Frame;

/** Every range in Plan Lens's CSS highlights, with its text and client rects. */
export function highlightMarks(target: Target): Promise<HighlightMark[]> {
  return target.evaluate(() =>
    [...CSS.highlights.entries()]
      .filter(([name]) => name.startsWith('plan-lens-') && name !== 'plan-lens-active')
      .flatMap(([name, h]) =>
        [...(h as unknown as Set<Range>)].map((r) => ({
          name,
          text: r.toString(),
          rects: [...r.getClientRects()].map((c) => ({ left: c.left, top: c.top, width: c.width, height: c.height })),
        })),
      ),
  );
}

/** The boxes drawn for textarea marks (and range marks without the Highlight API). */
export function markBoxes(target: Target): Promise<(Rect & { category: string })[]> {
  return target.evaluate(() =>
    [...document.querySelectorAll('plan-lens-marks')].flatMap((host) =>
      [...host.shadowRoot!.querySelectorAll<HTMLElement>('.mark')].map((m) => {
        const r = m.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height, category: [...m.classList].find((c) => c !== 'mark' && c !== 'active') ?? '' };
      }),
    ),
  );
}

/** Rects of the first occurrence of `phrase` in one text node under `root`, found without Plan Lens. */
export function phraseRects(target: Target, rootSelector: string, phrase: string): Promise<Rect[]> {
  return target.evaluate(
    ([sel, p]) => {
      const root = document.querySelector(sel)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const i = n.data.indexOf(p);
        if (i < 0) continue;
        const r = document.createRange();
        r.setStart(n, i);
        r.setEnd(n, i + p.length);
        return [...r.getClientRects()].map((c) => ({ left: c.left, top: c.top, width: c.width, height: c.height }));
      }
      return [];
    },
    [rootSelector, phrase] as const,
  );
}

/** Where the browser puts the caret for a point: the element or text node and the offset into it. */
export function caretAt(target: Target, x: number, y: number): Promise<{ node: string; offset: number } | null> {
  return target.evaluate(
    ([px, py]) => {
      const p = document.caretPositionFromPoint(px, py);
      return p ? { node: p.offsetNode.nodeName, offset: p.offset } : null;
    },
    [x, y] as const,
  );
}

/** The open card's text, or null when no card is shown. */
export function cardText(target: Target): Promise<string | null> {
  return target.evaluate(() => {
    const card = document.querySelector('plan-lens-card')?.shadowRoot?.querySelector<HTMLElement>('.card');
    return card && card.matches(':popover-open') ? card.innerText : null;
  });
}

/** Whether keyboard focus is inside the card. */
export function focusInCard(target: Target): Promise<boolean> {
  return target.evaluate(() => {
    const host = document.querySelector('plan-lens-card');
    return !!host && document.activeElement === host && host.shadowRoot!.activeElement !== null;
  });
}

export const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/** The markup a page was served with, for comparing against the live DOM after annotation. */
export function servedInnerHTML(target: Target, selector: string): Promise<string> {
  return target.evaluate(async (sel) => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector(sel)!.innerHTML;
  }, selector);
}
