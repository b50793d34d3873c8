// A PDF's text as the blocks a page of the same plan gives, rebuilt from pdf.js text items and their geometry alone:
// wrapped lines joined into paragraphs, headings by size (and bold section labels), table rows with their cells (a
// wrapped cell stays in its cell, a row cut by a page break is made whole, a repeated header row is dropped), two
// columns read in column order, running headers, footers and page numbers dropped. Pure: no pdf.js, no DOM.
import type { BlockKind } from '../analysis/types';
import { looksLikeHeading, type ParagraphText } from './plan-document';

/** A text run as pdf.js places it: baseline `y` (up from the page's foot), left `x`, `width`, font size and font id. */
export interface Run {
  text: string;
  x: number;
  y: number;
  width: number;
  size: number;
  font: string;
}

export interface PdfPage {
  runs: Run[];
}

// Glyph box around the baseline, in font sizes (pdf.js's ascent and descent of common fonts).
const ASCENT = 0.9;
const DESCENT = 0.22;

/** Runs on one baseline with no more than a word space between them: a line's stretch of text. */
interface Frag {
  text: string;
  x0: number;
  x1: number;
  y: number;
  size: number;
  font: string;
}
const top = (f: Frag) => f.y + ASCENT * f.size;
const bottom = (f: Frag) => f.y - DESCENT * f.size;

/** A line of a region: its fragments left to right, measured as one (the font of most of its characters). */
interface Line extends Frag {
  frags: Frag[];
}

/** What a region reads as, in reading order, with what the next region needs to know to join it. */
interface Piece {
  text: string;
  kind?: BlockKind;
  page: number;
  size: number;
  font: string;
  /** First line's left edge (where a continuation must start), last line's right end, the region's right edge. */
  x0: number;
  lastX1: number;
  /** The region's left and right edges. */
  left: number;
  edge: number;
  /** How wide its first word is (with a space). */
  firstWord: number;
  lines: number;
  /** A row's cells by column, and each column's left edge. */
  cells?: string[];
  columns?: number[];
}

/** Typical facts of the document, measured once: body size and font, line pitch per size. */
interface Measures {
  bodySize: number;
  bodyFont: string;
  pitch: (size: number) => number;
}

// An initial ("Dr S.") or an abbreviation ("Inc.", "e.g.") does not end a sentence.
const ENDS_SENTENCE = /(?<!\b(?:[A-Z]|Dr|Mr|Mrs|Ms|St|Inc|Ltd|No|e\.g|i\.e|etc|approx))[.!?]["'”’)]?$/;
const STARTS_SENTENCE = /^["'“‘(]?[A-Z0-9]/;
const PAGE_NUMBER = /^(page\s+)?\d{1,4}(\s*(of|\/)\s*\d{1,4})?$/i;
const BULLET = /^[•·▪◦●‣∙■□➢►\uf0b7\uf0a7\uf076\uf0d8]\s*/;
const round = (n: number, step: number) => Math.round(n / step) * step;

function fragsOf(runs: Run[]): Frag[] {
  const sorted = runs.filter((r) => r.text.trim() !== '' && r.size > 0).sort((a, b) => b.y - a.y || a.x - b.x);
  const frags: Frag[] = [];
  for (const r of sorted) {
    const last = frags.at(-1);
    const gap = last ? r.x - last.x1 : Infinity;
    // The same baseline and at most a generous word space apart (pdf.js splits runs at font changes and ligatures).
    if (last && Math.abs(last.y - r.y) < 0.3 * Math.min(last.size, r.size) && gap > -0.5 * r.size && gap < 0.6 * Math.max(last.size, r.size)) {
      const space = gap > 0.12 * r.size && !/\s$/.test(last.text) && !/^\s/.test(r.text) ? ' ' : '';
      // The font of the longer stretch stands for the fragment.
      if (r.text.length > last.text.length) last.font = r.font;
      last.text += space + r.text;
      last.x1 = Math.max(last.x1, r.x + r.width);
      last.size = Math.max(last.size, r.size);
    } else frags.push({ text: r.text, x0: r.x, x1: r.x + r.width, y: r.y, size: r.size, font: r.font });
  }
  for (const f of frags) f.text = f.text.replace(/\s+/g, ' ').trim();
  return frags.filter((f) => f.text !== '');
}

function linesOf(frags: Frag[]): Line[] {
  const sorted = [...frags].sort((a, b) => b.y - a.y || a.x0 - b.x0);
  const lines: Line[] = [];
  for (const f of sorted) {
    const last = lines.at(-1);
    if (last && Math.abs(last.y - f.y) < 0.3 * Math.min(last.size, f.size)) last.frags.push(f);
    else lines.push({ frags: [f], text: '', x0: f.x0, x1: f.x1, y: f.y, size: f.size, font: f.font });
  }
  for (const l of lines) {
    l.frags.sort((a, b) => a.x0 - b.x0);
    l.text = l.frags.map((f) => f.text).join(' ');
    l.x0 = l.frags[0]!.x0;
    l.x1 = Math.max(...l.frags.map((f) => f.x1));
    l.size = Math.max(...l.frags.map((f) => f.size));
    l.font = dominant(l.frags.map((f) => [f.font, f.text.length]));
  }
  return lines;
}

function dominant<K>(weights: Iterable<[K, number]>): K {
  const total = new Map<K, number>();
  for (const [k, n] of weights) total.set(k, (total.get(k) ?? 0) + n);
  return [...total].sort((a, b) => b[1] - a[1])[0]![0];
}

function measure(pages: Frag[][]): Measures {
  const all = pages.flat();
  const bodySize = dominant(all.map((f) => [round(f.size, 0.5), f.text.length]));
  const bodyFont = dominant(all.filter((f) => round(f.size, 0.5) === bodySize).map((f) => [f.font, f.text.length]));
  // Line pitch: the commonest baseline step between lines of one size starting at one left edge.
  const steps = new Map<number, Map<number, number>>();
  for (const frags of pages) {
    const lines = linesOf(frags);
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      const step = a.y - b.y;
      if (round(a.size, 0.5) !== round(b.size, 0.5) || Math.abs(a.x0 - b.x0) > 1 || step < a.size || step > 3 * a.size) continue;
      const bySize = steps.get(round(a.size, 0.5)) ?? new Map<number, number>();
      bySize.set(round(step, 0.5), (bySize.get(round(step, 0.5)) ?? 0) + 1);
      steps.set(round(a.size, 0.5), bySize);
    }
  }
  return {
    bodySize,
    bodyFont,
    // The smallest step seen often enough: a plan of one-line paragraphs steps by paragraphs more often than by lines.
    pitch: (size) => {
      const seen = [...(steps.get(round(size, 0.5)) ?? [])].sort((a, b) => a[0] - b[0]);
      const count = seen.reduce((n, [, c]) => n + c, 0);
      return seen.find(([, c]) => c >= Math.max(2, count * 0.1))?.[0] ?? 1.2 * size;
    },
  };
}

/**
 * Running headers and footers ("OFFICIAL – SENSITIVE", the child's name, the date, "Page 3 of 9"): the same words,
 * page numbers aside, at the same height near the top or bottom of most pages.
 */
function withoutFurniture(pages: Frag[][]): Frag[][] {
  if (pages.length < 2) return pages;
  // Numbers change from page to page in a short line (a page number, a date); a long line must repeat exactly.
  const key = (f: Frag) => `${f.text.length <= 40 ? f.text.replace(/\d+/g, '#') : f.text}@${Math.round(f.y / 3)}`;
  const edges = pages.map((frags) => {
    const ys = [...new Set(frags.map((f) => Math.round(f.y)))].sort((a, b) => b - a);
    const near = new Set([...ys.slice(0, 2), ...ys.slice(-2)]);
    return frags.filter((f) => near.has(Math.round(f.y)));
  });
  const seen = new Map<string, number>();
  for (const frags of edges) for (const k of new Set(frags.map(key))) seen.set(k, (seen.get(k) ?? 0) + 1);
  const running = (f: Frag) => (seen.get(key(f)) ?? 0) >= Math.max(2, pages.length * 0.6);
  return pages.map((frags, n) => frags.filter((f) => !(edges[n]!.includes(f) && (running(f) || (PAGE_NUMBER.test(f.text) && seen.get(key(f))! >= 2)))));
}

/**
 * A browser's or a printer's header and footer on a page of its own (a one-page plan has nothing to repeat): a line
 * in small type at the very top or foot of the page, set well apart from the text.
 */
function withoutMarginLines(pages: Frag[][], bodySize: number): Frag[][] {
  return pages.map((frags) => {
    const lines = linesOf(frags);
    if (lines.length < 3) return frags;
    const drop = new Set<Frag>();
    const [first, second, beforeLast, last] = [lines[0]!, lines[1]!, lines.at(-2)!, lines.at(-1)!];
    const apart = (a: Line, b: Line) => Math.min(...a.frags.map(bottom)) - Math.max(...b.frags.map(top)) > 2 * bodySize;
    if (first.size < 0.85 * bodySize && apart(first, second)) first.frags.forEach((f) => drop.add(f));
    if (last.size < 0.85 * bodySize && apart(beforeLast, last)) last.frags.forEach((f) => drop.add(f));
    return frags.filter((f) => !drop.has(f));
  });
}

/** Horizontal bands of a region, cut where the space between lines is larger than its lines' own leading. */
function bandsOf(frags: Frag[], m: Measures): Frag[][] {
  const sorted = [...frags].sort((a, b) => top(b) - top(a));
  const bands: Frag[][] = [];
  let floor = Infinity;
  let floorSize = 0;
  for (const f of sorted) {
    const size = Math.max(f.size, floorSize);
    const leading = m.pitch(size) - (ASCENT + DESCENT) * size;
    if (bands.length && top(f) >= floor - (Math.max(leading, 0) + 0.4 * size)) {
      bands.at(-1)!.push(f);
      if (bottom(f) < floor) [floor, floorSize] = [bottom(f), f.size];
    } else {
      bands.push([f]);
      [floor, floorSize] = [bottom(f), f.size];
    }
  }
  return bands;
}

type Gutter = [number, number];

/** Vertical strips no text crosses in a band, wider than a word space: between table cells, or columns. */
function guttersOf(frags: Frag[]): Gutter[] {
  const spans = frags.map((f) => [f.x0, f.x1, f.size] as const).sort((a, b) => a[0] - b[0]);
  const gutters: Gutter[] = [];
  let right = spans[0]![1];
  for (const [x0, x1, size] of spans.slice(1)) {
    if (x0 - right >= 0.8 * size) gutters.push([right, x0]);
    right = Math.max(right, x1);
  }
  return gutters;
}

const crosses = (f: Frag, [a, b]: Gutter) => f.x0 < b && f.x1 > a;

/** The gutters `band` keeps of `gutters`: each narrowed to where the band leaves it open too, none lost. */
function sharedGutters(gutters: Gutter[], band: Frag[], own: Gutter[]): Gutter[] | null {
  const out: Gutter[] = [];
  for (const g of gutters) {
    if (band.some((f) => crosses(f, g))) {
      // The band's text runs into the strip: what is left open is the overlap with one of its own gutters.
      const narrowed = own.map(([a, b]): Gutter => [Math.max(a, g[0]), Math.min(b, g[1])]).find(([a, b]) => b - a > 2);
      if (!narrowed || band.some((f) => crosses(f, narrowed))) return null;
      out.push(narrowed);
    } else out.push(g);
  }
  return out;
}

function columnsOf(frags: Frag[], gutters: Gutter[]): Frag[][] {
  const columns: Frag[][] = gutters.map(() => []);
  columns.push([]);
  for (const f of frags) columns[gutters.filter(([a]) => f.x0 >= a).length]!.push(f);
  return columns;
}

/** How wide the first word of `line` is: it wrapped there only if it would not have fitted after the line before. */
function firstWordWidth(line: { text: string; x0: number; x1: number }): number {
  const charWidth = (line.x1 - line.x0) / Math.max(1, line.text.length);
  return charWidth * (line.text.split(' ')[0]!.length + 1);
}

/** Whether a line starting with a word `wordWidth` wide carries on a paragraph whose last line ends at `x1`, given its right `edge`. */
// The edge is the widest text's: a box's padding (a heading on a shaded band) keeps its lines short of it.
const runsOn = (x1: number, wordWidth: number, edge: number, size: number) => x1 + wordWidth > edge - 0.8 * size;

const sameType = (a: { size: number; font: string }, b: { size: number; font: string }) => Math.abs(a.size - b.size) <= 0.1 * a.size && a.font === b.font;

function joined(a: string, b: string): string {
  // A word broken at a hyphen or a slash at the line's end is one word.
  return /[-/]$/.test(a) && /^[a-z]/.test(b) ? a + b : `${a} ${b}`;
}

/** Paragraphs of a band with no columns: lines joined while they wrap. */
function paragraphsOf(frags: Frag[], page: number, [left, edge]: Gutter, m: Measures): Piece[] {
  const lines = linesOf(frags);
  // The band's width is its longest line's, where two lines reach it (a container's width); else the region's.
  const longest = Math.max(...lines.map((l) => l.x1));
  const right = lines.filter((l) => l.x1 >= longest - l.size).length >= 2 ? longest : Math.max(longest, edge);
  // A line ends its paragraph for sure when the next line's first word would have fitted after it. A band with such
  // ends is a run of tight paragraphs or list items: there a sentence ending at a line's end ends its item too.
  const room = (a: Line, b: Line) => !runsOn(a.x1, firstWordWidth(b), right, b.size);
  const tight = lines.some((l, i) => i + 1 < lines.length && sameType(l, lines[i + 1]!) && room(l, lines[i + 1]!));
  const pieces: Piece[] = [];
  let continuationX = 0;
  let previous: Line | undefined;
  for (const line of lines) {
    const last = pieces.at(-1);
    const wrapped =
      last !== undefined &&
      previous !== undefined &&
      sameType(last, line) &&
      !BULLET.test(line.text) &&
      line.x0 <= continuationX + 0.5 * line.size &&
      // It wrapped (the next word would not have fitted), or it plainly goes on: no sentence end, a small letter next.
      (!room(previous, line) || (!ENDS_SENTENCE.test(previous.text) && /^[a-z]/.test(line.text))) &&
      !(tight && ENDS_SENTENCE.test(previous.text) && STARTS_SENTENCE.test(line.text));
    previous = line;
    if (last && wrapped) {
      last.lines++;
      last.text = joined(last.text, line.text);
      last.lastX1 = line.x1;
      continuationX = line.x0;
      continue;
    }
    const bullet = BULLET.exec(line.text);
    const text = bullet ? line.text.slice(bullet[0].length) : line.text;
    const piece: Piece = { text, page, size: line.size, font: line.font, x0: line.x0, lastX1: line.x1, left, edge, firstWord: firstWordWidth(line), lines: 1 };
    // The text after a bullet is where its wrapped lines start.
    continuationX = bullet && line.frags.length > 1 ? line.frags[1]!.x0 : line.x0;
    if (bullet) piece.kind = 'item';
    pieces.push(piece);
  }
  for (const p of pieces) {
    if (p.size > m.bodySize * 1.15) p.kind = 'heading';
    // A bold label on its own (a form's "Targets", a plan's "Section F: Provision") heads what follows, as a label does.
    else if (!p.kind && p.lines === 1 && p.font !== m.bodyFont && (looksLikeHeading(p.text) || (p.text.split(' ').length <= 6 && !/[.,;:!?]$/.test(p.text)))) p.kind = 'heading';
  }
  return pieces;
}

/** A table's rows from bands that share its gutters; each band a row, each column a cell. */
function rowsOf(bands: Frag[][], gutters: Gutter[], page: number, [left, edge]: Gutter): Piece[] {
  const fontOfRows = dominant(bands.flat().map((f) => [f.font, f.text.length]));
  return bands.map((band, i) => {
    const cells = columnsOf(band, gutters).map((column) => (column.length ? linesOf(column).map((l) => l.text).reduce(joined) : ''));
    const fonts = new Set(band.map((f) => f.font));
    const header = i === 0 && bands.length > 1 && !fonts.has(fontOfRows);
    const lines = linesOf(band);
    const last = lines.at(-1)!;
    return {
      text: cells.filter((c) => c !== '').join(' | '),
      kind: header ? 'header-row' : 'row',
      page,
      size: Math.max(...band.map((f) => f.size)),
      font: last.font,
      x0: Math.min(...band.map((f) => f.x0)),
      lastX1: last.x1,
      left,
      edge,
      firstWord: 0,
      lines: lines.length,
      cells,
      columns: [Math.min(...band.map((f) => f.x0)), ...gutters.map(([, b]) => b)],
    };
  });
}

/**
 * A region in reading order. Bands that share gutters are one structure: a table when each of their cells holds one
 * paragraph (rows side by side), columns otherwise (each read top to bottom in turn).
 */
function readRegion(frags: Frag[], page: number, m: Measures): Piece[] {
  if (!frags.length) return [];
  const edges: Gutter = [Math.min(...frags.map((f) => f.x0)), Math.max(...frags.map((f) => f.x1))];
  const bands = bandsOf(frags, m);
  const pieces: Piece[] = [];
  let group: { bands: Frag[][]; gutters: Gutter[] } | null = null;
  const flush = () => {
    if (!group) return;
    const { bands: members, gutters } = group;
    group = null;
    const oneParagraphCells = members.every((band) => columnsOf(band, gutters).every((cell) => !cell.length || paragraphsOf(cell, page, edges, m).length === 1));
    if (oneParagraphCells) pieces.push(...rowsOf(members, gutters, page, edges));
    else {
      // Columns: cut at the widest gutter only; each side is read as a region of its own (a table in a column
      // keeps its own gutters).
      const widest = gutters.reduce((a, b) => (b[1] - b[0] > a[1] - a[0] ? b : a));
      for (const column of columnsOf(members.flat(), [widest])) pieces.push(...readRegion(column, page, m));
    }
  };
  for (const band of bands) {
    const own = guttersOf(band);
    const shared: Gutter[] | null = group ? sharedGutters(group.gutters, band, own) : null;
    if (group && shared) {
      group.bands.push(band);
      group.gutters = shared;
      continue;
    }
    flush();
    if (own.length) group = { bands: [band], gutters: own };
    else pieces.push(...paragraphsOf(band, page, edges, m));
  }
  flush();
  return pieces;
}

/** Joins what a page or column break cut: a paragraph running on, a table row split, a repeated header row. */
function acrossBreaks(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  let header = '';
  for (const p of pieces) {
    const prev = out.at(-1);
    if (p.kind === 'header-row') {
      if (p.text === header && prev?.cells) continue;
      header = p.text;
    }
    // A page break, or a column break (the next piece starts right of where the last one's region ended).
    const columnBreak = prev !== undefined && prev.page === p.page && p.x0 > prev.edge;
    if (prev && (prev.page !== p.page || columnBreak)) {
      // A row that runs on: the next page's row has nothing in the first column, its cells join the row's.
      if (prev.cells && p.cells && p.cells[0] === '' && p.cells.length === prev.cells.length) {
        prev.cells = prev.cells.map((c, i) => (p.cells![i] ? (c ? joined(c, p.cells![i]) : p.cells![i]) : c));
        prev.text = prev.cells.filter((c) => c !== '').join(' | ');
        continue;
      }
      // A cell's text that runs on alone, at the left edge of one of the row's later columns (in the next column of
      // the page, as far from that column's edge).
      if (prev.cells && prev.columns && !p.cells && !p.kind) {
        const shift = p.left - prev.left;
        const column = prev.columns.findIndex((x) => Math.abs(x + shift - p.x0) < 0.5 * p.size);
        if (column > 0 && prev.cells[column]) {
          prev.cells[column] = joined(prev.cells[column], p.text);
          prev.text = prev.cells.filter((c) => c !== '').join(' | ');
          continue;
        }
      }
    }
    // A paragraph cut by a page or column break: its last line ran to the edge, and the next goes on where it
    // would (the same left edge on a new page; the next column's edge).
    // A heading runs on as a heading; a paragraph or a list item, as a paragraph.
    const carries = p.kind === undefined ? prev?.kind === undefined || prev.kind === 'item' : p.kind === 'heading' && prev?.kind === 'heading';
    if (prev && !prev.cells && !p.cells && carries && (prev.page !== p.page || columnBreak) && sameType(prev, p)) {
      const sameEdge = columnBreak || p.x0 <= prev.x0 + 0.5 * p.size;
      if (sameEdge && (runsOn(prev.lastX1, p.firstWord, prev.edge, p.size) || /^[a-z]/.test(p.text)) && !ENDS_SENTENCE.test(prev.text)) {
        prev.text = joined(prev.text, p.text);
        prev.lastX1 = p.lastX1;
        prev.edge = p.edge;
        continue;
      }
    }
    out.push(p);
  }
  return out;
}

/** The blocks of a PDF's pages, in reading order, as the review page and the CLI take a file's paragraphs. */
export function pdfParagraphs(pages: PdfPage[]): ParagraphText[] {
  const m = measure(withoutFurniture(pages.map((p) => fragsOf(p.runs))));
  const frags = withoutMarginLines(withoutFurniture(pages.map((p) => fragsOf(p.runs))), m.bodySize);
  const pieces = acrossBreaks(frags.flatMap((page, n) => readRegion(page, n + 1, m)));
  return pieces.map((p) => {
    const heading = p.kind === 'heading' || (!p.kind && looksLikeHeading(p.text));
    return p.kind ? { text: p.text, heading, kind: p.kind, page: p.page } : { text: p.text, heading, page: p.page };
  });
}
