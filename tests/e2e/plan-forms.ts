// The bundled sample plans in the forms a plan reaches people in, made by tools that are not ours: PDFs printed by
// Chromium's own print (page.pdf) at several page sizes and margins, with and without running headers and footers,
// in two columns, and with the provision table cut by page breaks; Word files converted by LibreOffice (where it is
// installed: .ci/run installs it, so under CI it always is). Built once per content (cached under
// node_modules/.cache), so a test run and its repeats convert once.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, findProgram, launchWithoutExtension } from './harness';

export const SAMPLES = ['ehcp-draft', 'iep'] as const;
export type Sample = (typeof SAMPLES)[number];

type PdfOptions = Parameters<Page['pdf']>[0];

/** Print settings: each a way plans are printed or saved as PDF. */
const PRINTS: Record<string, { pdf: PdfOptions; css?: string }> = {
  'a4-no-margins': { pdf: { format: 'A4' } },
  'letter-browser-header-footer': { pdf: { format: 'Letter', displayHeaderFooter: true, margin: { top: '2cm', bottom: '2cm', left: '1cm', right: '1cm' } } },
  'a5-la-header-footer': {
    pdf: {
      format: 'A5',
      displayHeaderFooter: true,
      headerTemplate: '<div style="font-size:8px;width:100%;text-align:center">OFFICIAL – SENSITIVE</div>',
      footerTemplate: '<div style="font-size:8px;width:100%;text-align:right;padding-right:1cm">Page <span class="pageNumber"></span> of <span class="totalPages"></span></div>',
      margin: { top: '1.5cm', bottom: '1.5cm', left: '1.5cm', right: '1.5cm' },
    },
  },
  // Small pages: the provision table runs over several page breaks, rows cut in two, its header repeated.
  'a6-table-over-pages': { pdf: { format: 'A6', margin: { top: '0.6cm', bottom: '0.6cm', left: '0.6cm', right: '0.6cm' } } },
  'a4-two-columns': { pdf: { format: 'A4', margin: { top: '1.5cm', bottom: '1.5cm', left: '1.5cm', right: '1.5cm' } }, css: 'body { max-width: none; margin: 0; column-count: 2; column-gap: 2.5em; }' },
};
export const PRINT_NAMES = Object.keys(PRINTS);

export interface PlanForms {
  /** The sample as served, and as a portal prints it (each field's text as text). */
  html: Record<Sample, string>;
  printView: Record<Sample, string>;
  pdf: Record<Sample, Record<string, string>>;
  /** Absent without LibreOffice. */
  docx?: Record<Sample, string>;
}

/**
 * The page as a portal's Print or Download renders a record: a text field's value as text (a textarea's lines as
 * paragraphs, as the page reads them), other controls (a date picker) left out, as the page does not read them.
 */
function toPrintView(): void {
  for (const field of document.querySelectorAll<HTMLTextAreaElement | HTMLInputElement>('textarea, input')) {
    const text = field instanceof HTMLTextAreaElement || field.type === 'text' ? field.value : '';
    const lines = text.split('\n').filter((l) => l.trim());
    field.replaceWith(...lines.map((line) => Object.assign(document.createElement('p'), { textContent: line })));
  }
}

export const findSoffice = () => findProgram([process.env.SOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'], ['soffice', 'libreoffice']);

/**
 * Converts `files` with LibreOffice (`to`: "docx:MS Word 2007 XML", "txt:Text", "html") into `outDir`, in a profile
 * of its own there: a LibreOffice already running (a user's, another run's) would take the job and its files.
 */
export function convertWithLibreOffice(files: string[], to: string, outDir: string): void {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui');
  const profile = `file://${path.join(outDir, 'soffice-profile')}`;
  execFileSync(soffice, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', outDir, ...files], { stdio: 'pipe', timeout: 120_000 });
}

function cacheDir(): string {
  const hash = createHash('sha256');
  for (const s of SAMPLES) hash.update(fs.readFileSync(path.join(REPO_ROOT, 'assets/samples', `${s}.html`)));
  hash.update(fs.readFileSync(new URL(import.meta.url)));
  return path.join(REPO_ROOT, 'node_modules/.cache/plan-lens-forms', hash.digest('hex').slice(0, 16));
}

/** Every form of every sample, built now or found built by an earlier run. Throws when Chromium is missing. */
export async function planForms(): Promise<PlanForms> {
  const dir = cacheDir();
  const at = (name: string) => path.join(dir, name);
  const soffice = findSoffice();
  const docx = {} as Record<Sample, string>;
  const forms: PlanForms = { html: {} as PlanForms['html'], printView: {} as PlanForms['printView'], pdf: {} as PlanForms['pdf'], ...(soffice ? { docx } : {}) };
  for (const s of SAMPLES) {
    forms.html[s] = path.join(REPO_ROOT, 'assets/samples', `${s}.html`);
    forms.printView[s] = at(`${s}.print.html`);
    forms.pdf[s] = Object.fromEntries(PRINT_NAMES.map((p) => [p, at(`${s}.${p}.pdf`)]));
    docx[s] = at(`${s}.print.docx`);
  }
  const all = SAMPLES.flatMap((s) => [forms.printView[s], ...Object.values(forms.pdf[s]), ...(forms.docx ? [forms.docx[s]] : [])]);
  if (all.every((f) => fs.existsSync(f))) return forms;

  // Forms of older samples or builders are of no more use.
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const browser = await launchWithoutExtension();
  try {
    const page = await browser.context.newPage();
    for (const s of SAMPLES) {
      await page.setContent(fs.readFileSync(forms.html[s], 'utf8'));
      await page.evaluate(toPrintView);
      fs.writeFileSync(forms.printView[s], await page.content());
      for (const [name, { pdf, css }] of Object.entries(PRINTS)) {
        await page.setContent(fs.readFileSync(forms.printView[s], 'utf8'));
        if (css) await page.addStyleTag({ content: css });
        await page.pdf({ ...pdf, path: forms.pdf[s][name] });
      }
    }
  } finally {
    await browser.close();
  }
  if (!soffice) return forms;
  convertWithLibreOffice(SAMPLES.map((s) => forms.printView[s]), 'docx:MS Word 2007 XML', dir);
  return forms;
}
