// `npm run check -- FILE|-`: the analyser from the command line. Readable findings, --json for a report,
// --jsonl for the scoring protocol ({"id","text"} per line in, {"id","findings"} per line out).
import { createInterface } from 'node:readline';
import { analyzeText, type Finding } from '../analysis/index';
import { DocumentError, readPastedText } from '../documents/index';
import { readPlanFileFromPath } from '../documents/node';
import { checkDocument, type PlanDocument } from '../documents/plan-document';

const USAGE = 'usage: npm run check -- [--json] FILE|-   (FILE: .txt .md .html .docx .pdf; - reads stdin)\n       npm run check -- --jsonl   (JSON Lines {"id","text"} on stdin)';

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

/** line:col (1-based) of a string index. */
export function lineCol(text: string, index: number): string {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return `${line}:${index - before.lastIndexOf('\n')}`;
}

export function formatFinding(text: string, f: Finding): string {
  const lines = [`${lineCol(text, f.start)}  ${f.severity}  ${f.rule}  "${text.slice(f.start, f.end)}"`, `  ${f.message}`, `  why: ${f.why}`];
  if (f.suggestion) lines.push(`  try: ${f.suggestion}`);
  if (f.missing?.length) lines.push(`  missing: ${f.missing.join(', ')}`);
  return lines.join('\n');
}

/** One JSONL request answered; a bad line gets an error, never stops the stream. */
export function answerLine(line: string): string {
  let id: unknown = null;
  try {
    const req = JSON.parse(line) as { id?: unknown; text?: unknown };
    id = req.id ?? null;
    if (typeof req.text !== 'string') throw new Error('"text" must be a string');
    return JSON.stringify({ id, findings: analyzeText(req.text).findings });
  } catch (err) {
    return JSON.stringify({ id, findings: [], error: err instanceof Error ? err.message : String(err) });
  }
}

async function serveJsonl(): Promise<void> {
  const out: string[] = [];
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (line.trim()) out.push(answerLine(line));
    if (out.length >= 256) process.stdout.write(out.splice(0).join('\n') + '\n');
  }
  if (out.length) process.stdout.write(out.join('\n') + '\n');
}

export async function main(args: string[]): Promise<number> {
  if (args.includes('--jsonl')) {
    await serveJsonl();
    return 0;
  }
  const json = args.includes('--json');
  const files = args.filter((a) => a === '-' || !a.startsWith('--'));
  if (files.length !== 1 || args.includes('--help')) {
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
  const { report, findings } = checkDocument(doc);
  if (json) {
    console.log(JSON.stringify({ planType: report.planType, jurisdiction: report.jurisdiction, findings }, null, 2));
    return 0;
  }
  console.log(`${doc.name}: ${report.planType} (${report.jurisdiction}), ${findings.length} finding${findings.length === 1 ? '' : 's'}\n`);
  for (const f of findings) console.log(formatFinding(doc.text, f) + '\n');
  return 0;
}

if (process.argv[1] && /check\.ts$/.test(process.argv[1])) {
  // `check … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  main(process.argv.slice(2)).then((code) => (process.exitCode = code));
}
