// A plan that arrives as HTML — a saved page, or mammoth's HTML of a Word file — read by the one block reader
// (blocks.ts) over a parsed DOM, so its headings, list items, table rows and paragraphs are the blocks the page gives.
import { collectTextBlocks, markupLayout } from './blocks';
import { looksLikeHeading, toPlanDocument, type DocumentKind, type ParagraphText, type PlanDocument } from './plan-document';

/** Parses HTML into an inert document (no scripts run, nothing is fetched): DOMParser in the browser, linkedom in Node. */
export type ParseHtml = (html: string) => Document;

// Word footnotes end with a link back to their reference ("↑"): navigation, not plan text.
const isBackLink = (el: Element) => el.tagName === 'A' && /^#(footnote|endnote)-ref-/.test(el.getAttribute('href') ?? '');

/** The paragraphs of a parsed document's body, one per block; `heading` also marks a plan's section label in a paragraph. */
export function paragraphsOfDom(doc: Document): ParagraphText[] {
  const root = doc.body ?? doc.documentElement;
  if (!root) return [];
  return collectTextBlocks(root, markupLayout(isBackLink)).map(({ text, kind }) =>
    kind ? { text, heading: kind === 'heading', kind } : { text, heading: looksLikeHeading(text) },
  );
}

export function readHtml(name: string, html: string, parse: ParseHtml, kind: DocumentKind = 'html'): PlanDocument {
  return toPlanDocument(name, kind, paragraphsOfDom(parse(html)));
}
