// `plan-lens check FILE|-` (or `npm run check -- FILE|-`): the analyser from the command line. Readable findings,
// --json for a report a script or spreadsheet can use, --text for the plan's text as read, --jsonl for the scoring
// protocol ({"id","text"} per line in, {"id","findings"} per line out). src/cli/bin.ts runs it.
import { createInterface } from 'node:readline';
import { analyzeText, createAnalyzer, loadReader, type Analyzer, type Finding } from '../analysis/index';
import { problemsOf, rewritesSentence } from '../analysis/problems';
import { DocumentError, readPastedText } from '../documents/index';
import { readPlanFileFromPath } from '../documents/node';
import { checkDocument, type PlanDocument } from '../documents/plan-document';
import { placesIn, type Place } from '../documents/report';

const USAGE = [
  'usage: plan-lens check [--json | --text] FILE|-   (FILE: .pdf .docx .html .txt .md; - reads stdin)',
  '       plan-lens check --jsonl [--no-reader]      (JSON Lines {"id","text"} on stdin; --no-reader: lexicons only)',
  '  --json  one JSON report: each finding with its quoted words, line, column, section (and page, for a PDF)',
  '  --text  the plan\'s text as Plan Lens reads it, a paragraph per line: the lines that line:column count',
  '(npm run check -- … does the same from a clone.)',
].join('\n');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Every way a plan reaches the CLI; new file types belong in src/documents. */
export async function readPlan(file: string): Promise<PlanDocument> {
  if (file === '-') return readPastedText(await readStdin(), 'stdin');
  return readPlanFileFromPath(file);
}

/** Undecodable bytes (U+FFFD) or NULs early on: a binary file given a text name. */
function looksBinary(text: string): boolean {
  let bad = 0;
  for (const ch of text.slice(0, 4096)) if (ch === '\uFFFD' || ch.charCodeAt(0) === 0) bad++;
  return bad > 8;
}

/** One sentence's finding: the sentence, its weak words, its problems one a line, the rule, the one rewrite. */
export function formatFinding(text: string, f: Finding, at: Place): string {
  const lines = [`${at.line}:${at.column}  ${f.severity}  ${f.rule}  "${text.slice(f.start, f.end)}"`];
  if (f.spans?.length) lines.push(`  weak words: ${f.spans.map((s) => `"${text.slice(s.start, s.end)}"`).join(', ')}`);
  lines.push(...problemsOf(f).map((p) => `  - ${p}`), `  why: ${f.why}`);
  if (f.suggestion) lines.push(`  ${rewritesSentence(f) ? 'try' : 'add'}: ${f.suggestion}`);
  if (f.missing?.length) lines.push(`  missing: ${f.missing.join(', ')}`);
  return lines.join('\n');
}

/** One JSONL request answered; a bad line gets an error, never stops the stream. */
export function answerLine(line: string, analyzer?: Analyzer): string {
  let id: unknown = null;
  try {
    const req = JSON.parse(line) as { id?: unknown; text?: unknown };
    id = req.id ?? null;
    if (typeof req.text !== 'string') throw new Error('"text" must be a string');
    return JSON.stringify({ id, findings: analyzeText(req.text, {}, [], analyzer).findings });
  } catch (err) {
    return JSON.stringify({ id, findings: [], error: err instanceof Error ? err.message : String(err) });
  }
}

async function serveJsonl(analyzer: Analyzer | undefined): Promise<void> {
  const out: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) out.push(answerLine(line, analyzer));
    if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

export async function main(args: string[]): Promise<number> {
  await loadReader();
  if (args.includes('--jsonl')) {
    // --no-reader: the lexicons alone, without the compromise reader (npm run eval shows what the reader earns).
    await serveJsonl(args.includes('--no-reader') ? createAnalyzer({ reader: false }) : undefined);
    return 0;
  }
  const json = args.includes('--json');
  // `plan-lens check FILE`: the command's verb, so more can follow; `npm run check -- FILE` has none.
  const files = args.filter((a) => a === '-' || !a.startsWith('--')).filter((a, i) => !(i === 0 && a === 'check'));
  if (files.length !== 1 || args.includes('--help') || (json && args.includes('--text'))) {
    console.error(USAGE);
    return args.includes('--help') ? 0 : 2;
  }
  const file = files[0] ?? '-';
  let doc: PlanDocument;
  try {
    doc = await readPlan(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : err instanceof DocumentError || err instanceof Error ? err.message : String(err);
    console.error(`plan-lens: cannot read ${file}: ${why}`);
    return 1;
  }
  if (!doc.text.trim()) {
    console.error(`plan-lens: ${file} has no text to check`);
    return 1;
  }
  if (looksBinary(doc.text)) {
    console.error(`plan-lens: ${file} does not look like text (binary data?)`);
    return 1;
  }
  if (args.includes('--text')) {
    console.log(doc.text);
    return 0;
  }
  const { report, findings } = checkDocument(doc);
  const placeOf = placesIn(doc, report);
  if (json) {
    const located = findings.map((f) => ({ ...f, quote: doc.text.slice(f.start, f.end), ...placeOf(f.start) }));
    console.log(JSON.stringify({ file: doc.name, kind: doc.kind, planType: report.planType, jurisdiction: report.jurisdiction, findings: located }, null, 2));
    return 0;
  }
  console.log(`${doc.name}: ${report.planType} (${report.jurisdiction}), ${findings.length} sentence${findings.length === 1 ? '' : 's'} flagged\n`);
  for (const f of findings) console.log(formatFinding(doc.text, f, placeOf(f.start)) + '\n');
  return 0;
}
