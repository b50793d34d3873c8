// The page half of `npm run bench`: Plan Lens in Chromium on a 30-page plan and in a 5,000-word
// editor, against the same pages in a Chromium without the extension, in the same run. Prints
// medians, differences and PASS/FAIL lines; asserts nothing (timing lives here, never in npm test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type CDPSession } from 'playwright-core';
import { findChromium, launchWithExtension, startServer } from '../e2e/harness';
import { editorPage, longPlanPage, pageWords } from './page-fixtures';

const RUNS = 5;
/** How long a load is traced: Plan Lens's whole first pass fits well inside. */
const LOAD_WINDOW_MS = 4_000;
const VIEWPORT = { width: 1100, height: 800 };
/** Frames as soon as work allows, not on a 60 Hz beat: the time to the next frame is then the work's, not vsync's phase. */
const FRAME_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];
const FIRST_MARKS = 'plan-lens:first-marks';
/** Typed into the editor in bursts, as a person types: weak wording, so marks come and go. */
const TYPED = 'Sam will have access to support when needed and will be encouraged to join in. ';
const WORDS_PER_BURST = 6;
const KEY_GAP_MS = 50;
const BURST_PAUSE_MS = 400;

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string; data?: { url?: string }; beginData?: { url?: string } };
}

/** Events that mean JavaScript ran in the task. The bench's plan page has no script of its own. */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'v8.compile', 'TimerFire', 'FireAnimationFrame']);

async function trace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute'] } });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  return events;
}

/**
 * The page's main-thread tasks (ThreadControllerImpl::RunTask on the renderer main thread that parsed `url`), each with
 * whether JavaScript ran in it. On a page without scripts, that JavaScript is Plan Lens's.
 */
function mainThreadTasks(events: TraceEvent[], url: string): { ms: number; script: boolean }[] {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`page bench: no ParseHTML for ${url} in the trace`);
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const scripts = thread.filter((e) => SCRIPT_EVENTS.has(e.name));
  return tasks.map((t) => {
    const end = t.ts + (t.dur ?? 0);
    return { ms: (t.dur ?? 0) / 1000, script: scripts.some((s) => s.ts >= t.ts && s.ts < end) };
  });
}

interface LoadRun {
  /** Load event → Plan Lens's first marks; null when none came in the window. */
  firstMarks: number | null;
  longestScriptTask: number;
  longestTask: number;
}

/** Loads `url`, traces the main thread for a fixed window (nothing of the bench runs in the page meanwhile). */
async function loadRun(context: BrowserContext, url: string): Promise<LoadRun> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const events = await trace(cdp, async () => {
    await page.goto(url);
    await page.waitForTimeout(LOAD_WINDOW_MS);
  });
  const marks = await page.evaluate((name) => {
    const load = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    const first = performance.getEntriesByName(name, 'mark')[0];
    return first ? first.startTime - load.loadEventEnd : null;
  }, FIRST_MARKS);
  await cdp.detach();
  await page.close();
  const tasks = mainThreadTasks(events, url);
  const longest = (list: { ms: number }[]) => Math.max(0, ...list.map((t) => t.ms));
  return { firstMarks: marks, longestScriptTask: longest(tasks.filter((t) => t.script)), longestTask: longest(tasks) };
}

/**
 * In the page's main world: times each keystroke, then puts the caret at the end of a paragraph
 * mid-editor, in view (focus first: focusing an editor scrolls to its caret). A string, as the bench's TypeScript transform would add helpers the page lacks.
 */
const KEYSTROKE_PROBE = `(() => {
  window.keystrokes = [];
  let keydownAt = 0;
  const afterTask = (then) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(0);
  };
  addEventListener('keydown', () => (keydownAt = performance.now()), true);
  addEventListener('input', () => {
    const start = keydownAt;
    afterTask(() => {
      const handled = performance.now() - start;
      requestAnimationFrame(() => afterTask(() => window.keystrokes.push([handled, performance.now() - start])));
    });
  });
  const editor = document.querySelector('#editor');
  const paragraphs = editor.querySelectorAll('p');
  const target = paragraphs[Math.floor(paragraphs.length / 2)];
  editor.focus();
  const range = document.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  target.scrollIntoView({ block: 'center' });
})()`;

/**
 * Types in the editor in bursts and times every keystroke in the page itself: keydown (window,
 * capture: before any other listener) to the end of the input's task (listeners and mutation
 * observers run), and to the task after the next frame (style, layout and paint included).
 */
async function typingRun(context: BrowserContext, url: string, waitForMarks: boolean): Promise<{ handled: number[]; frame: number[] }> {
  const page = await context.newPage();
  await page.goto(url);
  if (waitForMarks) await page.waitForFunction((name) => performance.getEntriesByName(name, 'mark').length > 0, FIRST_MARKS, { timeout: 20_000 });
  await page.evaluate(KEYSTROKE_PROBE);
  const words = TYPED.match(/\S+\s*/g)!;
  for (const [i, word] of words.entries()) {
    for (const key of word) {
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(KEY_GAP_MS);
    }
    if ((i + 1) % WORDS_PER_BURST === 0) await page.waitForTimeout(BURST_PAUSE_MS);
  }
  await page.waitForTimeout(BURST_PAUSE_MS);
  const keystrokes = (await page.evaluate('window.keystrokes')) as [number, number][];
  await page.close();
  return { handled: keystrokes.map((k) => k[0]), frame: keystrokes.map((k) => k[1]) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const f = (ms: number) => `${ms.toFixed(1)} ms`;

export async function pageBench(): Promise<void> {
  const executablePath = findChromium();
  if (!executablePath) {
    console.log('page bench skipped: no Chromium (install it or set CHROME_PATH)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-page-bench-'));
  // Run 0 warms the service worker up and is not counted; every run gets text never seen before.
  for (let run = 0; run <= RUNS; run++) {
    fs.writeFileSync(path.join(dir, `plan-${run}.html`), longPlanPage(run));
    fs.writeFileSync(path.join(dir, `editor-${run}.html`), editorPage(run));
  }
  const server = await startServer({ '/': dir });
  const withExtension = await launchWithExtension({ args: FRAME_ARGS, viewport: VIEWPORT });
  const plainBrowser = await chromium.launch({ executablePath, args: ['--no-sandbox', ...FRAME_ARGS] });
  const plain = await plainBrowser.newContext({ viewport: VIEWPORT });
  try {
    const loads: { ext: LoadRun; plain: LoadRun }[] = [];
    const typing: { ext: { handled: number[]; frame: number[] }; plain: { handled: number[]; frame: number[] } }[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const plan = `${server.origin}/plan-${run}.html`;
      const editor = `${server.origin}/editor-${run}.html`;
      const load = { ext: await loadRun(withExtension.context, plan), plain: await loadRun(plain, plan) };
      const typed = { ext: await typingRun(withExtension.context, editor, true), plain: await typingRun(plain, editor, false) };
      if (run === 0) continue;
      loads.push(load);
      typing.push(typed);
    }

    const planWords = pageWords(longPlanPage(1));
    const editorWords = pageWords(editorPage(1));
    const firsts = loads.map((l) => l.ext.firstMarks);
    const shown = firsts.filter((x): x is number => x !== null);
    const own = loads.map((l) => l.ext.longestScriptTask);
    const anchorScript = loads.map((l) => l.plain.longestScriptTask);
    const ext = { handled: typing.flatMap((t) => t.ext.handled), frame: typing.flatMap((t) => t.ext.frame) };
    const anchor = { handled: typing.flatMap((t) => t.plain.handled), frame: typing.flatMap((t) => t.plain.frame) };
    const addedFrame = median(typing.map((t) => median(t.ext.frame) - median(t.plain.frame)));
    const addedHandled = median(typing.map((t) => median(t.ext.handled) - median(t.plain.handled)));

    console.log('');
    console.log(`page: Chromium with Plan Lens vs the same Chromium build without it, same pages, same run; ${RUNS} runs (+1 warm-up), medians`);
    console.log(`plan page: ${planWords} words (ehcp-draft scaled, static text, every block salted per run)`);
    console.log(`  load event -> first underline: ${shown.length === RUNS ? f(median(shown)) : `marks in ${shown.length}/${RUNS} runs`} (runs: ${firsts.map((x) => (x === null ? '-' : x.toFixed(0))).join(', ')})`);
    console.log('  longest main-thread task running script (the page has none: with the extension it is Plan Lens\'s content script, its');
    console.log('  callbacks and the style/layout they force; trace RunTask events containing FunctionCall/EvaluateScript/RunMicrotasks/...)');
    console.log(`    with Plan Lens: median ${f(median(own))}, worst ${f(Math.max(...own))}; without: ${f(Math.max(...anchorScript))}`);
    console.log(`  longest main-thread task of any kind in the ${LOAD_WINDOW_MS / 1000} s after navigation (page layout included):`);
    console.log(`    with Plan Lens ${f(median(loads.map((l) => l.ext.longestTask)))}, without ${f(median(loads.map((l) => l.plain.longestTask)))}`);
    console.log(`editor: ${editorWords} words in a contenteditable; ${ext.frame.length / RUNS} keystrokes per run in bursts of ${WORDS_PER_BURST} words`);
    console.log(`  keydown -> next frame:   with ${f(median(ext.frame))} (p95 ${f(percentile(ext.frame, 0.95))}), without ${f(median(anchor.frame))} (p95 ${f(percentile(anchor.frame, 0.95))}), added ${f(addedFrame)}`);
    console.log(`  keydown -> input handled: with ${f(median(ext.handled))}, without ${f(median(anchor.handled))}, added ${f(addedHandled)}`);
    const firstOk = shown.length === RUNS && median(shown) <= 300;
    console.log(`${firstOk ? 'PASS' : 'FAIL'} first underlines within 300 ms of load (${shown.length === RUNS ? f(median(shown)) : 'missing'})`);
    console.log(`${Math.max(...own) <= 50 ? 'PASS' : 'FAIL'} no Plan Lens task over 50 ms (worst ${f(Math.max(...own))})`);
    console.log(`${addedFrame < 2 ? 'PASS' : 'FAIL'} added keystroke latency < 2 ms, median (${f(addedFrame)})`);
  } finally {
    await withExtension.close();
    await plainBrowser.close();
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
