// The requested amendments as a Word document the local authority can edit: the summary on the first page (each rule
// in full, once), then the table, its header row repeated on every page. Built with the `docx` package, which
// runs the same in the review page (a Blob to download) and in Node (tests read it back with LibreOffice).
import { BorderStyle, Document, HeadingLevel, PageBreak, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Words } from '../analysis/words';
import { sentenceCount, type AmendmentRow, type Amendments } from './amendments';

/** Body text in half-points: 11 pt. */
const BODY = 22;
const FONT = 'Arial';

/** Text with its [slots] marked as blanks to fill (bold, highlighted), never as facts. */
function withSlots(text: string): TextRun[] {
  return text
    .split(/(\[[^\]]+\])/)
    .filter(Boolean)
    .map((part) => (/^\[[^\]]+\]$/.test(part) ? new TextRun({ text: part, bold: true, highlight: 'yellow' }) : new TextRun(part)));
}

/** The plan's words with its weak words in bold. */
function withWeakWords(row: AmendmentRow): TextRun[] {
  const runs: TextRun[] = [];
  let at = 0;
  for (const w of [...row.weak].sort((a, b) => a.start - b.start)) {
    if (w.start < at) continue;
    if (w.start > at) runs.push(new TextRun(row.words.slice(at, w.start)));
    runs.push(new TextRun({ text: row.words.slice(w.start, w.end), bold: true }));
    at = w.end;
  }
  if (at < row.words.length) runs.push(new TextRun(row.words.slice(at)));
  return runs;
}

const cell = (children: Paragraph[], width: number, header = false) =>
  new TableCell({ children, width: { size: width, type: WidthType.PERCENTAGE }, ...(header ? { shading: { fill: 'E5E7EB' } } : {}) });
const para = (runs: TextRun[] | string) => new Paragraph({ children: typeof runs === 'string' ? [new TextRun(runs)] : runs });

/** Column widths, in per cent of the table: the plan's words (under their section), what to ask for, why. */
const WIDTHS = [26, 46, 28];

function table(a: Amendments, words: Words): Table {
  const header = new TableRow({
    tableHeader: true,
    children: [words('amendColumnPlanSays'), words('amendColumnInstead'), words('amendColumnWhy')].map((title, i) => cell([para([new TextRun({ text: title, bold: true })])], WIDTHS[i]!, true)),
  });
  const rows = a.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [
          cell([para([new TextRun({ text: r.section, bold: true })]), para(withWeakWords(r))], WIDTHS[0]!),
          cell([para(r.askFor ? withSlots(r.askFor) : words('amendNoWording'))], WIDTHS[1]!),
          cell([para([new TextRun(`${r.why} `), new TextRun({ text: words('amendRuleRef', String(r.ruleNumber)), italics: true })])], WIDTHS[2]!),
        ],
      }),
  );
  const line = { style: BorderStyle.SINGLE, size: 4, color: '9CA3AF' };
  return new Table({
    rows: [header, ...rows],
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
  });
}

/** The document, its own headings in the same words as the amendments (`words`). */
export function amendmentsDocument(a: Amendments, words: Words): Document {
  const { summary } = a;
  const bullet = (text: string) => new Paragraph({ text, bullet: { level: 0 } });
  const first = [
    new Paragraph({ text: a.title, heading: HeadingLevel.TITLE }),
    para([new TextRun({ text: `${a.about} · ${a.date}`, color: '4B5563' })]),
    ...a.intro.map((t) => para(t)),
    new Paragraph({ text: words('amendSummary'), heading: HeadingLevel.HEADING_1 }),
    para([new TextRun({ text: summary.headline, bold: true })]),
    ...summary.bySection.map((s) => bullet(`${s.section}: ${sentenceCount(words, s.sentences)}`)),
    ...(summary.missing.length
      ? [new Paragraph({ text: words('amendLeftOut'), heading: HeadingLevel.HEADING_2 }), ...summary.missing.slice(0, 6).map((m) => bullet(`${m.what}: ${sentenceCount(words, m.sentences)}`))]
      : []),
    new Paragraph({ text: words('amendNeedsNoProvision'), heading: HeadingLevel.HEADING_2 }),
    ...(summary.needsWithoutProvision.length ? summary.needsWithoutProvision.map((n) => bullet(`${n.area}${n.words ? `: “${n.words}”` : ''}`)) : [para(words('amendEveryNeedProvided'))]),
    new Paragraph({ text: words('amendRules'), heading: HeadingLevel.HEADING_2 }),
    ...a.rules.map((r) => new Paragraph({ children: [new TextRun({ text: `${words('amendRuleNumber', String(r.number))} `, bold: true }), new TextRun(r.text)] })),
  ];
  return new Document({
    creator: 'Plan Lens',
    title: a.title,
    styles: { default: { document: { run: { size: BODY, font: FONT } } } },
    sections: [
      {
        properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1020, bottom: 1020, left: 1020, right: 1020 } } },
        children: [
          ...first,
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ text: words('amendChanges'), heading: HeadingLevel.HEADING_1 }),
          table(a, words),
        ],
      },
    ],
  });
}
