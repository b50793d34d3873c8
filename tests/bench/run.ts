// npm run bench: Plan Lens's analyser against write-good on the same 20,000-word plan, measured in one process;
// then the page run in Chromium (tests/bench/page.ts).
// Reports medians, ratios, peak memory and PASS/FAIL against the targets; always exits 0 (not part of npm test).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import writeGood from 'write-good';
import { htmlToPlanDocument } from '../../src/cli/html-text';
import { createAnalyzer, type Block } from '../../src/analysis/index';
import { pageBench } from './page';

const RUNS = 7;
const TARGET_WORDS = 20_000;

const sample = htmlToPlanDocument('ehcp-draft.html', readFileSync('assets/samples/ehcp-draft.html', 'utf8'));
const paragraphs = sample.text.split('\n');
const NAMES = ['Oliver', 'Amira', 'Jacob', 'Freya', 'Kwame', 'Zofia', 'Ravi', 'Megan'];

/**
 * The sample scaled to ~20,000 words. Every paragraph differs (copy number, pupil name, salt) so a cache keyed by
 * block text cannot answer from an earlier copy.
 */
function buildPlan(salt: number): Block[] {
  const blocks: Block[] = [];
  let words = 0;
  for (let copy = 0; words < TARGET_WORDS; copy++) {
    const name = NAMES[copy % NAMES.length] ?? 'Oliver';
    for (const [i, p] of paragraphs.entries()) {
      const text = `${p.replace(/\bOliver\b/g, name)} (${salt}.${copy}.${i})`;
      blocks.push({ id: `c${copy}p${i}`, text });
      words += text.split(/\s+/).length;
    }
  }
  return blocks;
}

function time(fn: () => void): number {
  const t0 = performance.now();
  fn();
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
let peakHeap = 0;
let peakRss = 0;
const sampleMemory = () => {
  const m = process.memoryUsage();
  peakHeap = Math.max(peakHeap, m.heapUsed);
  peakRss = Math.max(peakRss, m.rss);
};

const plans = Array.from({ length: RUNS + 1 }, (_, salt) => buildPlan(salt));
const words = (plans[0] ?? []).reduce((n, b) => n + b.text.split(/\s+/).length, 0);

// Cold: a fresh analyser (empty caches) on text this process has not analysed yet (a fresh salt, so nothing
// V8 keeps per string, such as a hash, is warm either). Regexes are compiled once per process, as in the extension.
const cold = plans.slice(1).map((plan) => {
  const analyzer = createAnalyzer();
  const ms = time(() => analyzer.analyze(plan));
  sampleMemory();
  return ms;
});
const plan = plans[1] ?? [];
const { analyze } = createAnalyzer();
analyze(plan);
const warm = Array.from({ length: RUNS }, () => time(() => analyze(plan)));
sampleMemory();

// One paragraph edited, the rest as before: the editor's case while typing. Short, so more runs for a steady median.
const edit = Array.from({ length: RUNS * 3 }, (_, run) => {
  const edited = plan.map((b, i) => (i === 40 ? { ...b, text: `${b.text} Edited ${run}.` } : b));
  return time(() => analyze(edited));
});
sampleMemory();

const planText = (salt: number) => (plans[salt] ?? []).map((b) => b.text).join('\n');
const anchor = Array.from({ length: RUNS }, (_, run) => {
  const text = planText(run + 1);
  const ms = time(() => writeGood(text));
  sampleMemory();
  return ms;
});

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const f = (ms: number) => `${ms.toFixed(1)} ms`;
const coldRatio = median(cold) / median(anchor);
console.log(`plan: ${words} words in ${plan.length} blocks (ehcp-draft sample scaled, every paragraph distinct); medians of ${RUNS} runs (edits: ${RUNS * 3})`);
console.log(`plan-lens cold (fresh analyser, text not seen before):               ${f(median(cold))}`);
console.log(`plan-lens warm whole-plan re-run:                                    ${f(median(warm))}`);
console.log(`plan-lens one paragraph edited, rest cached:                         ${f(median(edit))}`);
console.log(`write-good (anchor) on the same text:                                ${f(median(anchor))}`);
console.log(`ratio plan-lens cold / write-good: ${coldRatio.toFixed(2)}`);
console.log(`peak memory: heap ${mb(peakHeap)}, rss ${mb(peakRss)}`);
console.log(`${coldRatio <= 0.5 ? 'PASS' : 'FAIL'} whole-plan cold <= 0.5 x write-good (${coldRatio.toFixed(2)})`);
console.log(`${median(edit) < 5 ? 'PASS' : 'FAIL'} one-paragraph re-analysis < 5 ms (${f(median(edit))})`);

await pageBench();
