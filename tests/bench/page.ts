// The page half of `npm run bench`: Plan Lens in Chromium on a 30-page plan, in a 5,000-word editor and a
// 5,000-field form, against the same pages in the same browser on an origin Plan Lens is not given, in the same
// run. Prints medians, differences and PASS/FAIL lines; asserts nothing (timing lives here, never in npm test).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';
import { findChromium, launchWithExtension, startServer } from '../e2e/harness';
import { HOSTILE_RUN, hostileGmailPage } from '../fixtures/hostile-mail';
import { manyFieldsPage } from '../fixtures/many-fields';
import { editorPage, longPlanPage, pageWords } from './page-fixtures';

const RUNS = 5;
/** How long a load is traced: Plan Lens's whole first pass fits well inside. */
const LOAD_WINDOW_MS = 4_000;
const VIEWPORT = { width: 1100, height: 800 };
/** Frames as soon as work allows, not on a 60 Hz beat: the time to the next frame is then the work's, not vsync's phase. */
const FRAME_ARGS = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];
const FIRST_MARKS = 'plan-lens:first-marks';
const ANSWERED = 'plan-lens:answered';
/** The long form's size (issue 15: 1,000 fields took 8.7 s to the first mark, 20,000 hung the page), and the field typed in. */
const FORM_FIELDS = 5_000;
const FORM_FIELD = 'f120';
/** Runs beside the hostile Gmail message: until the analyser is linear on its run, each costs it tens of seconds. */
const HOSTILE_RUNS = 3;
const GMAIL = 'mail.google.com';
/** Typed into the editor in bursts, as a person types: weak wording, so marks come and go. */
const TYPED = 'Sam will have access to support when needed and will be encouraged to join in. ';
const WORDS_PER_BURST = 6;
const KEY_GAP_MS = 50;
const BURST_PAUSE_MS = 400;
/** Runs of the method against itself (both origins without Plan Lens): what "added" reads when nothing is added. */
const AA_RUNS = 3;
/** The same page from the same server on an origin Plan Lens is not given (its grant is 127.0.0.1's). */
const anchored = (url: string) => url.replace('://127.0.0.1', '://localhost');

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs): what the work cost, however busy the shared machine was. */
  tdur?: number;
  args?: { name?: string; data?: { url?: string; type?: string; message?: string }; beginData?: { url?: string } };
}

/** Events that mean JavaScript ran in the task. The bench's plan page has no script of its own. */
const SCRIPT_EVENTS = new Set(['FunctionCall', 'EvaluateScript', 'RunMicrotasks', 'v8.compile', 'TimerFire', 'FireAnimationFrame']);

async function trace(cdp: CDPSession, during: () => Promise<void>): Promise<TraceEvent[]> {
  const events: TraceEvent[] = [];
  const collect = (e: { value: unknown[] }) => events.push(...(e.value as TraceEvent[]));
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: ['toplevel', 'devtools.timeline', 'v8.execute'] } });
  await during();
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}

/**
 * The page's main-thread tasks (ThreadControllerImpl::RunTask on the renderer main thread that parsed `url`), each with
 * whether JavaScript ran in it. On a page without scripts, that JavaScript is Plan Lens's.
 */
function mainThreadTasks(events: TraceEvent[], url: string): { ms: number; cpu: number; script: boolean }[] {
  const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url === url);
  if (!parse) throw new Error(`page bench: no ParseHTML for ${url} in the trace`);
  const thread = events.filter((e) => e.pid === parse.pid && e.tid === parse.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const scripts = thread.filter((e) => SCRIPT_EVENTS.has(e.name));
  return tasks.map((t) => {
    const end = t.ts + (t.dur ?? 0);
    return { ms: (t.dur ?? 0) / 1000, cpu: (t.tdur ?? t.dur ?? 0) / 1000, script: scripts.some((s) => s.ts >= t.ts && s.ts < end) };
  });
}

interface LoadRun {
  /** Load event → Plan Lens's first marks; null when none came in the window. */
  firstMarks: number | null;
  longestScriptTask: number;
  /** The same task's main-thread CPU time: its cost, not what other jobs on the machine added to its wall time. */
  longestScriptTaskCpu: number;
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
  const scriptTasks = tasks.filter((t) => t.script);
  return { firstMarks: marks, longestScriptTask: longest(scriptTasks), longestScriptTaskCpu: Math.max(0, ...scriptTasks.map((t) => t.cpu)), longestTask: longest(tasks) };
}

/**
 * In the page's main world: times each keystroke, then puts the caret where the typing goes (`caret`, a script),
 * in view. A string, as the bench's TypeScript transform would add helpers the page lacks.
 */
const keystrokeProbe = (caret: string) => `(() => {
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
  ${caret}
})()`;

/** The end of a paragraph mid-editor (focus first: focusing an editor scrolls to its caret). */
const EDITOR_CARET = `
  const editor = document.querySelector('#editor');
  const paragraphs = editor.querySelectorAll('p');
  const target = paragraphs[Math.floor(paragraphs.length / 2)];
  editor.focus();
  const range = document.createRange();
  range.selectNodeContents(target);
  range.collapse(false);
  getSelection().removeAllRanges();
  getSelection().addRange(range);
  target.scrollIntoView({ block: 'center' });`;

/** The end of a field a few screens into a long form. */
const FIELD_CARET = `
  const field = document.getElementById('${FORM_FIELD}');
  field.scrollIntoView({ block: 'center' });
  field.focus({ preventScroll: true });
  field.setSelectionRange(field.value.length, field.value.length);`;

/**
 * Waits for Plan Lens's first marks by asking the page now and then from here. Not with waitForFunction:
 * its in-page polling left the page's every later frame costlier to composite (+0.6 ms a keystroke in
 * Chromium's Layerize, with or without Plan Lens), which the run without Plan Lens, waiting for nothing, did not pay.
 */
async function untilMarked(page: Page): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await page.evaluate((name) => performance.getEntriesByName(name, 'mark').length > 0, FIRST_MARKS))) {
    if (Date.now() > deadline) throw new Error('page bench: no Plan Lens marks in the editor within 20 s');
    await page.waitForTimeout(50);
  }
}

/** Per keystroke: latencies measured in the page, and main-thread CPU time of all its tasks and of the script in them. */
type Keystrokes = { handled: number[]; frame: number[]; cpu: number[]; script: number[] };
type KeystrokeCpu = Pick<Keystrokes, 'cpu' | 'script'>;

/** How long after a burst's last key its trace runs on: that key's frame, not Plan Lens's pass after the pause. */
const BURST_TAIL_MS = 100;

/**
 * Main-thread CPU time per keystroke: the renderer main thread's task CPU time (tdur) from each keydown's task to
 * the next keydown's (the last, to the trace's end), and of that the time script ran (outermost script events:
 * listeners, timers, frame callbacks, with the style and layout they force). The thread is the one that logged
 * `stamp` (console.timeStamp): both pages are in one trace, each in a renderer of its own. The pages have no script
 * but the bench's probe, so the script time added is Plan Lens's own.
 */
function keystrokeCpu(events: TraceEvent[], stamp: string): KeystrokeCpu {
  const main = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === stamp);
  if (!main) throw new Error(`page bench: no ${stamp} stamp in the trace`);
  const own = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
  const keydowns = own.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').sort((a, b) => a.ts - b.ts);
  if (!keydowns[0]) return { cpu: [], script: [] };
  const thread = own.filter((e) => e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const tasks = thread.filter((e) => e.name === 'ThreadControllerImpl::RunTask');
  const scripts: TraceEvent[] = [];
  for (const e of thread) if (SCRIPT_EVENTS.has(e.name) && e.ts >= (scripts.at(-1)?.ts ?? 0) + (scripts.at(-1)?.dur ?? 0)) scripts.push(e);
  // The task each keydown was dispatched in: the last one starting at or before it.
  const starts = keydowns.map((k) => tasks.filter((t) => t.ts <= k.ts).at(-1)?.ts ?? k.ts);
  const cpuOf = (list: TraceEvent[], start: number, end: number) => list.filter((e) => e.ts >= start && e.ts < end).reduce((ms, e) => ms + (e.tdur ?? e.dur ?? 0) / 1000, 0);
  const ends = starts.map((_, i) => starts[i + 1] ?? Infinity);
  return { cpu: starts.map((start, i) => cpuOf(tasks, start, ends[i]!)), script: starts.map((start, i) => cpuOf(scripts, start, ends[i]!)) };
}

/** Opens the editor and readies the probe; with Plan Lens, once its first marks are drawn. */
async function editorReady(context: BrowserContext, url: string, waitForMarks: boolean, caret: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  if (waitForMarks) await untilMarked(page);
  await page.evaluate(keystrokeProbe(caret));
  return page;
}

/**
 * Types `words` key by key into both pages in turn (one key here, the same key there), in one trace (a browser traces
 * once at a time); returns each page's keystrokes' main-thread CPU time. Key for key, whatever else the shared machine
 * does falls on both alike (typing a burst in each in turn left their medians apart by up to 10 ms either way in a
 * 70 ms keystroke).
 */
async function typeBurst(pages: [Page, Page], cdp: CDPSession, words: string[]): Promise<[KeystrokeCpu, KeystrokeCpu]> {
  const stamps = ['plan-lens-bench:page', 'plan-lens-bench:anchor'] as const;
  const events = await trace(cdp, async () => {
    for (const [i, page] of pages.entries()) await page.evaluate((stamp) => console.timeStamp(stamp), stamps[i]!);
    for (const word of words) {
      for (const key of word) {
        for (const page of pages) {
          await page.keyboard.press(key === ' ' ? 'Space' : key);
          await page.waitForTimeout(KEY_GAP_MS / pages.length);
        }
      }
    }
    // On past the last key for its frame, not for Plan Lens's pass after the pause.
    await pages[0].waitForTimeout(BURST_TAIL_MS);
  });
  // The pause in which Plan Lens's pass runs: typing goes on once it has settled.
  await pages[0].waitForTimeout(BURST_PAUSE_MS - BURST_TAIL_MS);
  return [keystrokeCpu(events, stamps[0]), keystrokeCpu(events, stamps[1])];
}

/**
 * Types the same text in bursts into a page at `url` and into the same page at `anchored(url)`, key for key in turn
 * (typeBurst), both tabs of one browser: `url` on the origin Plan Lens was given (its marks awaited when `marks`),
 * the anchor on one it was not, so each page has a renderer of its own and they differ in Plan Lens alone. (Two
 * browsers, one with the extension and one without, read +4 to +7 ms "added" per keystroke with Plan Lens in
 * neither.) Every keystroke is timed in the page itself: keydown (window, capture: before any other listener) to
 * the end of the input's task (listeners and mutation observers run), and to the task after the next frame (style,
 * layout and paint included); and its main-thread CPU time is read from a trace of each burst.
 */
async function typingRun(context: BrowserContext, url: string, caret: string, marks = true): Promise<{ ext: Keystrokes; plain: Keystrokes }> {
  const ext = await editorReady(context, url, marks, caret);
  const plain = await editorReady(context, anchored(url), false, caret);
  const cdp = await context.newCDPSession(ext);
  const cpu = { ext: { cpu: [], script: [] } as KeystrokeCpu, plain: { cpu: [], script: [] } as KeystrokeCpu };
  const words = TYPED.match(/\S+\s*/g)!;
  for (let i = 0; i < words.length; i += WORDS_PER_BURST) {
    const [extCpu, plainCpu] = await typeBurst([ext, plain], cdp, words.slice(i, i + WORDS_PER_BURST));
    for (const [all, burst] of [[cpu.ext, extCpu], [cpu.plain, plainCpu]] as const) {
      all.cpu.push(...burst.cpu);
      all.script.push(...burst.script);
    }
  }
  await cdp.detach();
  const read = async (page: Page, cpu: KeystrokeCpu): Promise<Keystrokes> => {
    const keystrokes = await page.evaluate<[number, number][]>('window.keystrokes');
    await page.close();
    return { handled: keystrokes.map((k) => k[0]), frame: keystrokes.map((k) => k[1]), ...cpu };
  };
  return { ext: await read(ext, cpu.ext), plain: await read(plain, cpu.plain) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? NaN;
const f = (ms: number) => `${ms.toFixed(1)} ms`;

/** When `name` was first marked in the page, in ms after its navigation started; null if not within `ms`. */
async function markedWithin(page: Page, name: string, ms: number): Promise<number | null> {
  const deadline = Date.now() + ms;
  for (;;) {
    const at = await page.evaluate((n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null, name).catch(() => null);
    if (at !== null || Date.now() > deadline) return at;
    await page.waitForTimeout(50);
  }
}

const epochOf = (page: Page, name: string) =>
  page.evaluate((n) => {
    const mark = performance.getEntriesByName(n, 'mark').at(-1);
    return mark ? performance.timeOrigin + mark.startTime : null;
  }, name);

/**
 * A plan page's navigation → first marks alone, then with a Gmail tab of 100,000 "!" opened first (its request
 * made), and whether that message's answer came after the plan's. The run's length changes per run, so the
 * analyser's cache never answers the message from an earlier run.
 */
async function besideHostile(context: BrowserContext, planUrl: string, hostileUrl: string): Promise<{ alone: number | null; beside: number | null; planFirst: boolean }> {
  const alone = await context.newPage();
  await alone.goto(planUrl);
  const aloneAt = await markedWithin(alone, FIRST_MARKS, 20_000);
  await alone.close();
  const hostile = await context.newPage();
  await hostile.goto(hostileUrl);
  await markedWithin(hostile, 'plan-lens:read', 20_000);
  const plan = await context.newPage();
  await plan.goto(planUrl);
  const besideAt = await markedWithin(plan, FIRST_MARKS, 300_000);
  const planAnswered = await epochOf(plan, ANSWERED);
  // The message's one answer, whenever it comes (tests/fixtures/hostile-mail.ts: one request).
  await markedWithin(hostile, ANSWERED, 300_000);
  const messageAnswered = await epochOf(hostile, ANSWERED);
  await plan.close();
  await hostile.close();
  return { alone: aloneAt, beside: besideAt, planFirst: planAnswered !== null && messageAnswered !== null && messageAnswered > planAnswered };
}

type Typing = { ext: Keystrokes; plain: Keystrokes }[];

/** The median over runs of each run's median difference, page minus anchor. */
const added = (typing: Typing, key: keyof Keystrokes) => median(typing.map((t) => median(t.ext[key]) - median(t.plain[key])));

/** Prints one typing comparison's keystroke figures; returns the median added main-thread CPU per keystroke. */
function reportTyping(typing: Typing): { addedCpu: number; addedFrame: number } {
  const pooled = (side: 'ext' | 'plain', key: keyof Keystrokes) => typing.flatMap((t) => t[side][key]);
  const ext = { handled: pooled('ext', 'handled'), frame: pooled('ext', 'frame'), cpu: pooled('ext', 'cpu') };
  const anchor = { handled: pooled('plain', 'handled'), frame: pooled('plain', 'frame'), cpu: pooled('plain', 'cpu') };
  const [addedFrame, addedHandled, addedCpu] = [added(typing, 'frame'), added(typing, 'handled'), added(typing, 'cpu')];
  console.log(`  ${ext.frame.length / typing.length} keystrokes per run in bursts of ${WORDS_PER_BURST} words`);
  console.log(`  keydown -> next frame:   with ${f(median(ext.frame))} (p95 ${f(percentile(ext.frame, 0.95))}), without ${f(median(anchor.frame))} (p95 ${f(percentile(anchor.frame, 0.95))}), added ${f(addedFrame)}`);
  console.log(`  keydown -> input handled: with ${f(median(ext.handled))}, without ${f(median(anchor.handled))}, added ${f(addedHandled)}`);
  console.log(`  main-thread CPU per keystroke (trace tdur, keydown's task to the next keydown's): with ${f(median(ext.cpu))}, without ${f(median(anchor.cpu))}, added ${f(addedCpu)}`);
  // Script runs in some keystrokes' tasks only (a frame callback, a timer): its mean is what it adds to each.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const addedScript = median(typing.map((t) => mean(t.ext.script) - mean(t.plain.script)));
  console.log(`    of it script, mean (the bench's probe in both pages; Plan Lens's besides): with ${f(mean(pooled('ext', 'script')))}, without ${f(mean(pooled('plain', 'script')))}, added ${f(addedScript)}`);
  return { addedCpu, addedFrame };
}

/**
 * The typing comparison run against itself: the same pages and origins in a browser where Plan Lens is installed
 * but given neither origin, so whatever "added" reads is the method's own error, printed beside the real figures.
 */
async function methodFloor(origin: string): Promise<Record<'editor' | 'form', { addedCpu: number; addedFrame: number }>> {
  const browser = await launchWithExtension({ args: FRAME_ARGS, viewport: VIEWPORT, grantSites: [] });
  try {
    const editor: Typing = [];
    const form: Typing = [];
    // Run 0 warms up, as in the main runs; the pages are those the main runs typed into.
    for (let run = 0; run <= AA_RUNS; run++) {
      const page = (name: string) => `${origin}/${name}-${1 + (run % RUNS)}.html`;
      const typed = [await typingRun(browser.context, page('editor'), EDITOR_CARET, false), await typingRun(browser.context, page('form'), FIELD_CARET, false)];
      if (run === 0) continue;
      editor.push(typed[0]!);
      form.push(typed[1]!);
    }
    const figures = (typing: Typing) => ({ addedCpu: added(typing, 'cpu'), addedFrame: added(typing, 'frame') });
    return { editor: figures(editor), form: figures(form) };
  } finally {
    await browser.close();
  }
}

export async function pageBench(): Promise<void> {
  if (!findChromium()) {
    console.log('page bench skipped: no Chromium (install it or set CHROME_PATH)');
    return;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-lens-page-bench-'));
  // Run 0 warms the service worker up and is not counted; every run gets text never seen before.
  for (let run = 0; run <= RUNS; run++) {
    fs.writeFileSync(path.join(dir, `plan-${run}.html`), longPlanPage(run));
    fs.writeFileSync(path.join(dir, `editor-${run}.html`), editorPage(run));
    fs.writeFileSync(path.join(dir, `form-${run}.html`), manyFieldsPage(FORM_FIELDS, run));
  }
  const server = await startServer({ '/': dir });
  const webmail = await startServer({ '/': dir }, { tlsHosts: [GMAIL] });
  for (let run = 0; run < HOSTILE_RUNS; run++) fs.writeFileSync(path.join(dir, `hostile-${run}.html`), hostileGmailPage(HOSTILE_RUN + run));
  fs.writeFileSync(path.join(dir, 'small-plan.html'), fs.readFileSync('tests/fixtures/plan-static.html'));
  const withExtension = await launchWithExtension({ args: FRAME_ARGS, viewport: VIEWPORT, mapHosts: { hosts: [GMAIL], port: webmail.port } });
  try {
    const loads: { ext: LoadRun; plain: LoadRun }[] = [];
    const typing: { ext: Keystrokes; plain: Keystrokes }[] = [];
    const formLoads: LoadRun[] = [];
    const formTyping: { ext: Keystrokes; plain: Keystrokes }[] = [];
    for (let run = 0; run <= RUNS; run++) {
      const plan = `${server.origin}/plan-${run}.html`;
      const editor = `${server.origin}/editor-${run}.html`;
      const form = `${server.origin}/form-${run}.html`;
      const load = { ext: await loadRun(withExtension.context, plan), plain: await loadRun(withExtension.context, anchored(plan)) };
      const typed = await typingRun(withExtension.context, editor, EDITOR_CARET);
      const formLoad = await loadRun(withExtension.context, form);
      const formTyped = await typingRun(withExtension.context, form, FIELD_CARET);
      if (run === 0) continue;
      loads.push(load);
      typing.push(typed);
      formLoads.push(formLoad);
      formTyping.push(formTyped);
    }

    const floor = await methodFloor(server.origin);

    const beside: Awaited<ReturnType<typeof besideHostile>>[] = [];
    for (let run = 0; run < HOSTILE_RUNS; run++) beside.push(await besideHostile(withExtension.context, `${server.origin}/small-plan.html`, `https://${GMAIL}/hostile-${run}.html`));

    const planWords = pageWords(longPlanPage(1));
    const editorWords = pageWords(editorPage(1));
    const firsts = loads.map((l) => l.ext.firstMarks);
    const shown = firsts.filter((x): x is number => x !== null);
    const own = loads.map((l) => l.ext.longestScriptTask);
    const ownCpu = loads.map((l) => l.ext.longestScriptTaskCpu);
    const anchorScript = loads.map((l) => l.plain.longestScriptTask);

    console.log('');
    console.log(`page: Chromium with Plan Lens vs the same pages in the same browser on an origin Plan Lens is not given, same run; ${RUNS} runs (+1 warm-up), medians`);
    console.log(`plan page: ${planWords} words (ehcp-draft scaled, static text, every block salted per run)`);
    console.log(`  load event -> first underline: ${shown.length === RUNS ? f(median(shown)) : `marks in ${shown.length}/${RUNS} runs`} (runs: ${firsts.map((x) => (x === null ? '-' : x.toFixed(0))).join(', ')})`);
    console.log('  longest main-thread task running script (the page has none: with the extension it is Plan Lens\'s content script, its');
    console.log('  callbacks and the style/layout they force; trace RunTask events containing FunctionCall/EvaluateScript/RunMicrotasks/...)');
    console.log(`    with Plan Lens: median ${f(median(own))}, worst ${f(Math.max(...own))}; without: ${f(Math.max(...anchorScript))}`);
    console.log(`    its main-thread CPU time: median ${f(median(ownCpu))}, worst ${f(Math.max(...ownCpu))}`);
    console.log(`  longest main-thread task of any kind in the ${LOAD_WINDOW_MS / 1000} s after navigation (page layout included):`);
    console.log(`    with Plan Lens ${f(median(loads.map((l) => l.ext.longestTask)))}, without ${f(median(loads.map((l) => l.plain.longestTask)))}`);
    console.log(`editor: ${editorWords} words in a contenteditable`);
    const { addedCpu, addedFrame } = reportTyping(typing);
    const formFirsts = formLoads.map((l) => l.firstMarks).filter((x): x is number => x !== null);
    console.log(`form: ${FORM_FIELDS} fields (textareas and inputs, tests/fixtures/many-fields.ts), typed into field ${FORM_FIELD}`);
    console.log(`  load event -> first marks: ${formFirsts.length === RUNS ? f(median(formFirsts)) : `marks in ${formFirsts.length}/${RUNS} runs`}; longest Plan Lens task: CPU median ${f(median(formLoads.map((l) => l.longestScriptTaskCpu)))}, worst ${f(Math.max(...formLoads.map((l) => l.longestScriptTaskCpu)))}`);
    const form = reportTyping(formTyping);
    console.log(`the method against itself (${AA_RUNS} runs, a browser with Plan Lens given neither origin; "added" should read 0):`);
    console.log(`  editor: main-thread CPU ${f(floor.editor.addedCpu)}, wall to the next frame ${f(floor.editor.addedFrame)}; form: CPU ${f(floor.form.addedCpu)}, wall ${f(floor.form.addedFrame)}`);
    const besideAt = beside.map((b) => b.beside).filter((x): x is number => x !== null);
    const aloneAt = beside.map((b) => b.alone).filter((x): x is number => x !== null);
    const delay = median(besideAt) - median(aloneAt);
    console.log(`beside a Gmail tab holding ${HOSTILE_RUN.toLocaleString('en')} "!" (opened first, its request made), ${HOSTILE_RUNS} runs:`);
    console.log(`  a small plan tab's navigation -> first marks: alone ${f(median(aloneAt))}, beside it ${besideAt.length === HOSTILE_RUNS ? f(median(besideAt)) : `marks in ${besideAt.length}/${HOSTILE_RUNS} runs`}; delay ${f(delay)}`);
    console.log(`  the plan's answer came before the message's in ${beside.filter((b) => b.planFirst).length}/${HOSTILE_RUNS} runs (the delay is the message's turn in progress when the plan asked)`);
    console.log('Judged on CPU time: on this shared 2-core machine wall latency swung from +0.1 to +5.3 ms between runs of the same code,');
    console.log('  and a 25 ms task has measured 136 ms of wall time while other jobs ran.');
    const firstOk = shown.length === RUNS && median(shown) <= 300;
    console.log(`${firstOk ? 'PASS' : 'FAIL'} first underlines within 300 ms of load (${shown.length === RUNS ? f(median(shown)) : 'missing'})`);
    console.log(`${Math.max(...ownCpu) <= 50 ? 'PASS' : 'FAIL'} no Plan Lens task over 50 ms (worst: CPU ${f(Math.max(...ownCpu))}, wall ${f(Math.max(...own))})`);
    console.log(`${addedCpu < 2 ? 'PASS' : 'FAIL'} added keystroke cost < 2 ms, median (main-thread CPU ${f(addedCpu)}; wall latency to the next frame ${f(addedFrame)})`);
    console.log(`${form.addedCpu < 2 ? 'PASS' : 'FAIL'} added keystroke cost in a ${FORM_FIELDS}-field form < 2 ms, median (main-thread CPU ${f(form.addedCpu)}; wall latency ${f(form.addedFrame)})`);
  } finally {
    await withExtension.close();
    await server.close();
    await webmail.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
