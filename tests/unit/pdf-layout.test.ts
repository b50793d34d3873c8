// PDF layout from text runs alone: the cases the printed samples (tests/e2e/plan-forms.e2e.ts) meet, each on its own.
import { describe, expect, it } from 'vitest';
import { pdfParagraphs, type PdfPage, type Run } from '../../src/documents/pdf-layout';

// Runs of a monospaced 10 pt font (6 pt a character), 12 pt between lines: positions are easy to reason about.
const SIZE = 10;
const run = (text: string, x: number, y: number, font = 'regular', size = SIZE): Run => ({ text, x, y, width: text.length * size * 0.6, size, font });

/** Words laid out from `top` down in lines of at most `width` points starting at `x`; the runs and the next free y. */
function flow(text: string, x: number, top: number, width: number, font = 'regular'): { runs: Run[]; y: number } {
  const runs: Run[] = [];
  let line = '';
  let y = top;
  for (const word of text.split(' ')) {
    if (line && (line.length + 1 + word.length) * SIZE * 0.6 > width) {
      runs.push(run(line, x, y, font));
      y -= 12;
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  runs.push(run(line, x, y, font));
  return { runs, y: y - 12 };
}

const texts = (pages: PdfPage[]) => pdfParagraphs(pages).map((p) => (p.kind ? `${p.kind}: ${p.text}` : p.text));
const provision = (n: number) => `Provision ${n}: a teaching assistant will deliver phonics for 3 × 20 minutes a week, in a group of no more than 4, reviewed by the SENCo every half term.`;

describe('pdfParagraphs', () => {
  it('reads two columns in column order, a paragraph running on from the foot of one column to the top of the next', () => {
    const left = flow(`${provision(1)} ${provision(2)}`, 50, 780, 220);
    const runOn = flow(provision(3), 50, left.y - 12, 220);
    // The third provision is cut by the column break: its last words start the right column.
    const cut = runOn.runs.length - 1;
    const right = flow(provision(4), 320, 768, 220);
    const page: PdfPage = { runs: [...left.runs, ...runOn.runs.slice(0, cut), { ...runOn.runs[cut]!, x: 320, y: 780 }, ...right.runs] };
    expect(texts([page])).toEqual([`${provision(1)} ${provision(2)}`, provision(3), provision(4)]);
  });

  it('keeps each table row one block with its cells, a wrapped cell in its cell, across a page break with its header repeated', () => {
    const header = (y: number) => [run('Need', 50, y, 'bold'), run('Provision', 160, y, 'bold')];
    const row = (need: string, text: string, top: number) => {
      const cell = flow(text, 160, top, 300);
      return { runs: [...flow(need, 50, top, 90).runs, ...cell.runs], y: cell.y - 10 };
    };
    const first = row('Reading', provision(1), 750);
    const second = row('Speech and language', provision(2), first.y);
    // The third row starts at the foot of page 1; its last line is on page 2, under the repeated header.
    const third = flow(provision(3), 160, 60, 300);
    const page1: PdfPage = { runs: [...header(770), ...first.runs, ...second.runs, run('Anxiety', 50, 60), ...third.runs.slice(0, -1).map((r, i) => ({ ...r, y: 60 - 12 * i }))] };
    const page2: PdfPage = { runs: [...header(800), { ...third.runs.at(-1)!, y: 778 }, ...row('Anxiety', provision(4), 756).runs] };
    expect(texts([page1, page2])).toEqual([
      'header-row: Need | Provision',
      `row: Reading | ${provision(1)}`,
      `row: Speech and language | ${provision(2)}`,
      `row: Anxiety | ${provision(3)}`,
      `row: Anxiety | ${provision(4)}`,
    ]);
  });

  it('drops running headers, footers and page numbers, and reads headings by size and bold section labels', () => {
    const needs = ['Oliver has difficulties with working memory.', 'Oliver finds it hard to start a conversation.', 'Oliver is sensitive to noise in the hall.'];
    const page = (n: number): PdfPage => ({
      runs: [
        run('OFFICIAL – SENSITIVE', 50, 820, 'regular', 8),
        run(`Page ${n} of 3`, 480, 20, 'regular', 8),
        run(`Section ${'BCD'[n - 1]}: Needs`, 50, 780, 'bold', 14),
        run('Communication and interaction', 50, 750, 'bold'),
        ...flow(needs[n - 1]!, 50, 730, 400).runs,
      ],
    });
    expect(texts([page(1), page(2), page(3)])).toEqual(
      [1, 2, 3].flatMap((n) => [`heading: Section ${'BCD'[n - 1]}: Needs`, 'heading: Communication and interaction', needs[n - 1]]),
    );
  });

  it('reads a bullet as a list item without its marker, and a short line that ends its sentence as the end of its item', () => {
    const runs = [run('•', 50, 780), run('Oliver will improve his reading.', 62, 780), run('•', 50, 768), ...flow(provision(1), 62, 768, 300).runs];
    expect(texts([{ runs }])).toEqual(['item: Oliver will improve his reading.', `item: ${provision(1)}`]);
  });
});
