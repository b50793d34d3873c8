// What a test can see of Plan Lens in a page without reaching into the content script: the CSS
// highlight registry (per document, shared by the page and content-script worlds): one underline per flagged
// sentence, and the emphasis on the hedge words inside it; the boxes in
// Plan Lens's open shadow roots, the card, and the browser's own caret hit test as an independent
// measure of where the glyphs are.
import type { ElementHandle, Frame, Page } from 'playwright-core';

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
type Caret = { node: string; id: string; offset: number };

/**
 * Every sentence underlined in Plan Lens's CSS highlights (`emphasis`: the hedge words emphasised inside them
 * instead), with its text and client rects. The `read…` functions run inside the page, so a driver other than
 * Playwright (Firefox's, over WebDriver BiDi) can run them too.
 */
export function readHighlightMarks(emphasis = false): HighlightMark[] {
  return [...CSS.highlights.entries()]
    .filter(([name]) => (emphasis ? name === 'plan-lens-emphasis' : name.startsWith('plan-lens-') && name !== 'plan-lens-active' && name !== 'plan-lens-emphasis'))
    .flatMap(([name, h]) =>
      [...(h as unknown as Set<Range>)].map((r) => ({
        name,
        text: r.toString(),
        rects: [...r.getClientRects()].map((c) => ({ left: c.left, top: c.top, width: c.width, height: c.height })),
      })),
    );
}

export function highlightMarks(target: Target): Promise<HighlightMark[]> {
  return target.evaluate(readHighlightMarks, false);
}

/** The hedge words emphasised inside the underlined sentences. */
export function emphasisMarks(target: Target): Promise<HighlightMark[]> {
  return target.evaluate(readHighlightMarks, true);
}

/** The boxes drawn for textarea marks (and range marks without the Highlight API): `category` is the sentence's, or
 *  "emphasis" for the hedge words inside it. */
export function readMarkBoxes(): (Rect & { category: string })[] {
  return [...document.querySelectorAll('plan-lens-marks')].flatMap((host) =>
    [...host.shadowRoot!.querySelectorAll<HTMLElement>('.mark')].map((m) => {
      const r = m.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height, category: [...m.classList].find((c) => c !== 'mark' && c !== 'active') ?? '' };
    }),
  );
}

export function markBoxes(target: Target): Promise<(Rect & { category: string })[]> {
  return target.evaluate(readMarkBoxes);
}

/**
 * Rects of the first occurrence of `text` under `root`, found without Plan Lens: a search of the raw
 * text nodes (the words may cross inline markup), then an ordinary DOM Range.
 */
export function readPhraseRects([rootSelector, text]: readonly [string, string]): Rect[] {
  const root = document.querySelector(rootSelector)!;
  const nodes: { node: Text; start: number }[] = [];
  let all = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    nodes.push({ node: n, start: all.length });
    all += n.data;
  }
  const at = all.indexOf(text);
  if (at < 0) return [];
  const locate = (i: number, end: boolean) => {
    const hit = nodes.findLast((x) => (end ? x.start < i : x.start <= i))!;
    return [hit.node, i - hit.start] as const;
  };
  const r = document.createRange();
  r.setStart(...locate(at, false));
  r.setEnd(...locate(at + text.length, true));
  return [...r.getClientRects()].map((c) => ({ left: c.left, top: c.top, width: c.width, height: c.height }));
}

export function phraseRects(target: Target, rootSelector: string, text: string): Promise<Rect[]> {
  return target.evaluate(readPhraseRects, [rootSelector, text] as const);
}

/** The underlined sentence whose words include `phrase` (case-insensitive), if any. */
export async function markContaining(target: Target, phrase: string): Promise<HighlightMark | undefined> {
  const marks = (await highlightMarks(target)).filter((m) => m.text.toLowerCase().includes(phrase));
  return marks.sort((a, b) => a.text.length - b.text.length)[0];
}

/** The emphasis on hedge words that include `phrase` (case-insensitive), if any. */
export async function emphasisOn(target: Target, phrase: string): Promise<HighlightMark | undefined> {
  const marks = (await emphasisMarks(target)).filter((m) => m.text.toLowerCase().includes(phrase));
  return marks.sort((a, b) => a.text.length - b.text.length)[0];
}

/** Whether every rect of `inner` lies within one of `outer`'s (an emphasis inside its sentence's underline). */
export function within(inner: Rect[], outer: Rect[]): boolean {
  return inner.length > 0 && inner.every((r) => outer.some((o) => r.left >= o.left - 1 && r.top >= o.top - 1 && r.left + r.width <= o.left + o.width + 1 && r.top + r.height <= o.top + o.height + 1));
}

/** Where the browser puts the caret for a point: the element or text node and the offset into it. */
export function caretAt(target: Target, x: number, y: number): Promise<Caret | null> {
  return target.evaluate(
    ([px, py]) => {
      const p = document.caretPositionFromPoint(px, py);
      return p ? { node: p.offsetNode.nodeName, id: (p.offsetNode as Element).id ?? '', offset: p.offset } : null;
    },
    [x, y] as const,
  );
}

/**
 * The card lives in a closed shadow root: no page script (nor Playwright's selectors) can reach into it. A test
 * reaches it as DevTools does, through the protocol's DOM domain, which sees closed roots, and leaves the root on
 * the frame's main-world window as `__planLensCard` for the in-page readers below (Firefox: firefox-harness.ts).
 */
type CardWindow = Window & { __planLensCard?: ShadowRoot };

/** The open card's text, or null when no card is shown. */
export function readCardText(): string | null {
  const card = (window as CardWindow).__planLensCard?.querySelector<HTMLElement>('.card');
  return card && card.matches(':popover-open') ? card.innerText : null;
}

interface CdpNode {
  nodeName: string;
  backendNodeId: number;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
  contentDocument?: CdpNode;
}

/** Puts each card's closed shadow root in this page (and its same-process frames) on its window as `__planLensCard`. */
export async function exposeCard(target: Page | Frame): Promise<void> {
  if (await target.evaluate(() => (window as CardWindow).__planLensCard?.host.isConnected === true)) return;
  const page = 'page' in target ? target.page() : target;
  // A frame in a process of its own has a session of its own; a frame in its parent's process is in the page's.
  const cdp = await page.context().newCDPSession(target).catch(() => page.context().newCDPSession(page));
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const hosts: CdpNode[] = [];
    const walk = (node: CdpNode) => {
      if (node.nodeName === 'PLAN-LENS-CARD') hosts.push(node);
      for (const child of [...(node.children ?? []), ...(node.shadowRoots ?? []), ...(node.contentDocument ? [node.contentDocument] : [])]) walk(child);
    };
    walk(root);
    for (const host of hosts) {
      const shadow = host.shadowRoots?.[0];
      if (!shadow) continue;
      const { object } = (await cdp.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId })) as { object: { objectId: string } };
      await cdp.send('Runtime.callFunctionOn', { objectId: object.objectId, functionDeclaration: 'function () { this.ownerDocument.defaultView.__planLensCard = this; }' });
    }
  } finally {
    await cdp.detach();
  }
}

export async function cardText(target: Target): Promise<string | null> {
  await exposeCard(target);
  return target.evaluate(readCardText);
}

/** Whether keyboard focus is inside the card. */
export async function focusInCard(target: Target): Promise<boolean> {
  await exposeCard(target);
  return target.evaluate(() => {
    const root = (window as CardWindow).__planLensCard;
    return !!root && document.activeElement === root.host && root.activeElement !== null;
  });
}

/** The text of the element focused inside the card, or null. */
export async function focusedInCard(target: Target): Promise<string | null> {
  await exposeCard(target);
  return target.evaluate(() => (window as CardWindow).__planLensCard?.activeElement?.textContent ?? null);
}

/** The first element of the card matching `selector` whose text includes `text`, or null. */
export async function cardPart(target: Target, selector: string, text = ''): Promise<ElementHandle<HTMLElement> | null> {
  await exposeCard(target);
  const handle = await target.evaluateHandle(
    ([sel, words]) => [...((window as CardWindow).__planLensCard?.querySelectorAll<HTMLElement>(`.card ${sel}`) ?? [])].find((el) => el.textContent.includes(words)) ?? null,
    [selector, text] as const,
  );
  return handle.asElement();
}

/** Clicks the card's button labelled `label` with the mouse: a real, trusted click, with Playwright's own checks. */
export async function clickCardButton(target: Target, label: string): Promise<void> {
  const button = await cardPart(target, 'button', label);
  if (!button) throw new Error(`the card has no button "${label}"`);
  await button.click();
}

/** The labels of the card's buttons, in order. */
export async function cardButtonLabels(target: Target): Promise<string[]> {
  await exposeCard(target);
  return target.evaluate(() => [...((window as CardWindow).__planLensCard?.querySelectorAll('.card button') ?? [])].map((b) => b.textContent ?? ''));
}

/** The card's suggested wording (its "Try:" line). */
export async function cardSuggestion(target: Target): Promise<string> {
  const part = await cardPart(target, '.suggestion span');
  if (!part) throw new Error('the card has no suggestion');
  return part.innerText();
}

/** A form field's value; the caret hit test names the field itself (its tag and id) for a point over its text. */
const valueOf = (target: Target, id: string) => target.$eval(`#${id}`, (t) => (t as HTMLTextAreaElement | HTMLInputElement).value);
const inField = (id: string, c: Caret | null): c is Caret => (c?.node === 'TEXTAREA' || c?.node === 'INPUT') && c.id === id;

/**
 * A form field mark box whose glyphs, by the browser's own caret hit test, hold `phrase` of field `#id`: a sentence's
 * box, or with `kind` "emphasis" the box on hedge words inside it.
 */
export async function boxOverPhrase(target: Target, id: string, phrase: string, kind: 'sentence' | 'emphasis' = 'sentence'): Promise<Rect | null> {
  const value = (await valueOf(target, id)).toLowerCase();
  for (const box of (await markBoxes(target)).filter((b) => (b.category === 'emphasis') === (kind === 'emphasis'))) {
    const y = box.top + box.height / 2;
    const from = await caretAt(target, box.left + 1, y);
    const to = await caretAt(target, box.left + box.width - 1, y);
    if (inField(id, from) && inField(id, to) && value.slice(Math.min(from.offset, to.offset), Math.max(from.offset, to.offset)).includes(phrase)) return box;
  }
  return null;
}

/**
 * The field text under the marks (sentences' boxes, or with `kind` "emphasis" the hedge words' boxes), read back
 * through the browser's caret hit test at each box's edges: overlapping boxes read as one stretch and whitespace
 * is dropped, so how lines wrap (a width, a font) does not change it. Misplaced boxes read back other words.
 */
export async function textUnderBoxes(target: Target, id: string, kind: 'sentence' | 'emphasis' = 'sentence'): Promise<string[]> {
  const value = await valueOf(target, id);
  const spans: [number, number][] = [];
  for (const box of (await markBoxes(target)).filter((b) => (b.category === 'emphasis') === (kind === 'emphasis'))) {
    const y = box.top + box.height / 2;
    const from = await caretAt(target, box.left + 1, y);
    const to = await caretAt(target, box.left + box.width - 1, y);
    if (inField(id, from) && inField(id, to)) spans.push([Math.min(from.offset, to.offset), Math.max(from.offset, to.offset)]);
  }
  const stretches: [number, number][] = [];
  for (const [a, b] of spans.sort((x, y) => x[0] - y[0])) {
    const last = stretches.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else stretches.push([a, b]);
  }
  return stretches.map(([a, b]) => value.slice(a, b).replace(/\s+/g, '')).filter((t) => t !== '');
}

export const centre = (r: Rect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });

/** The markup a page was served with, for comparing against the live DOM after annotation. */
export function servedInnerHTML(target: Target, selector: string): Promise<string> {
  return target.evaluate(async (sel) => {
    const html = await (await fetch(location.href)).text();
    return new DOMParser().parseFromString(html, 'text/html').querySelector(sel)!.innerHTML;
  }, selector);
}

/**
 * Where the page's highlight rules come from: 'page', a sheet Plan Lens put in the page; 'extension', none in the
 * page though the root's provision highlight has the rules' dotted line (the extension's injected sheet); 'none'.
 */
export function highlightRulesFrom(target: Target): Promise<'page' | 'extension' | 'none'> {
  return target.evaluate(() => {
    if (document.getElementById('plan-lens-highlight-styles')) return 'page';
    return getComputedStyle(document.documentElement, '::highlight(plan-lens-provision)').textDecorationStyle === 'dotted' ? 'extension' : 'none';
  });
}
