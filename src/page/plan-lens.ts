// Plan Lens in one document (page or frame): reads the checkable text, asks for analysis of the
// blocks that changed, and keeps the marks on the words through edits, scrolling and resizing. The
// browser's abilities (analysis, badge, the card's shadow root) are passed in: no extension API here.
import { h, render } from 'preact';
import type { Block, BlockReport, Finding } from '../analysis';
import { BoxLayer, type Box } from './box-layer';
import { applyFix, type FixTarget } from './apply-fix';
import { passageOf, revealPassage, selectPassage } from './go-to';
import { byUser } from './by-user';
import { CardLayer, keepCardReachable, type CardAction, type CardProps } from './card';
import { HighlightLayer, supportsHighlights } from './highlights';
import { CardController } from './card-controller';
import { fieldOffsets, fieldSpan, marksOf, type Mark } from './marks';
import { editableRootOf, OWN_HOST_TAGS, type TextField } from './opt-outs';
import { sentenceHash } from './ignore';
import { rewritesSentence } from '../analysis/problems';
import { sliced, SourceReader, toBlock, type Source } from './sources';
import { rangeForSpan } from './text-blocks';
import { FieldMirror, type ViewportRect } from './field-mirror';
import type { Words } from './words';

export interface PageAbilities {
  /** Analyses the document's blocks; `changed` names those whose text the analyser has not seen. */
  analyze(blocks: Block[], changed: ReadonlySet<string>): Promise<{ isPlan: boolean; blocks: BlockReport[] }>;
  /** How many sentences this document underlines, and how many of them are errors (the toolbar badge). */
  reportCount(count: number, errors: number): void;
  /** A container inside an isolated shadow root for the card. */
  mountCard(): Promise<HTMLElement>;
  /** Plan Lens's own words, in the browser's language. */
  words: Words;
  /** What the user chose to ignore on this site: hedge phrases (lower case) and sentence hashes (./ignore.ts). */
  ignored(): { phrases: ReadonlySet<string>; sentences: ReadonlySet<string> };
  /** Keeps a hedge phrase or a sentence hash as ignored on this site (never the page's words). */
  ignore(what: { phrases?: string[]; sentences?: string[] }): void;
  /** The next-finding shortcut found no marks here: continue in another frame of the tab. */
  findElsewhere(): void;
  /** The check the user asked for (checkPage) has its answer: whether the page reads as a plan, and how many marks it shows. */
  checked(result: { isPlan: boolean; marks: number }): void;
  /**
   * Whether every element's highlights inherit the root's (Chromium's highlight inheritance; Firefox 140 has none):
   * the highlight rules are then set on the root alone, which keeps the page's style recalculations as cheap as without.
   */
  highlightsInherit?: boolean;
}

export interface PlanLensPage {
  /** The user asked: annotate even if the text does not read as a plan. */
  checkPage(): void;
  /** Settings changed (ignored phrases): redraw the marks. */
  refresh(): void;
  /** Another frame of the tab reads as a plan: this frame's text (an editor's) is part of it. */
  partOfPlan(): void;
  /** The worker reads this document differently now (the settings changed, or it learnt where this frame sits
   *  in its page and reads its text under its section): ask again. */
  recheck(): void;
  /** The keyboard walk through findings arrives from another frame; false when this one has no marks. */
  nextFinding(): boolean;
  /** The side panel's "Go to": selects [start, end) of a block this document read, shows it and opens its card.
   *  False when the block no longer reads `words` there (the user has typed since). */
  showPassage(block: string, start: number, end: number, words: string): boolean;
  /** The id of the last block read before `el` (a child frame) in reading order, once the page has been read; null if none comes before it. */
  blockBefore(el: Element): Promise<string | null>;
}

/**
 * Typing settles before text is re-read: one analysis per pause, not per keystroke. A pause is a gap of at least
 * this long, and at least twice the typist's rhythm (a slow typist, or a long form that takes a while to take each
 * key, would otherwise be re-read mid-word, its marks coming and going), up to the longest wait.
 */
const EDIT_DEBOUNCE_MS = 250;
const LONGEST_PAUSE_MS = 750;
/** Gaps longer than this are pauses themselves, not the rhythm of typing. */
const RHYTHM_GAP_MS = 1_000;
/** The longest wait for the page's first frame (a page whose frames are held back, as a prerendered one). */
const FIRST_FRAME_WAIT_MS = 100;

/**
 * Resolves once the page has had a frame of its own since Plan Lens started (at once in a hidden tab, which draws
 * none). Plan Lens starts as the page finishes loading, often before its first frame; a read then, which asks each
 * element's computed style, would run the page's first style and layout of the whole document inside Plan Lens's
 * task (230 ms in a 5,000-field form) instead of in the frame the page has anyway.
 */
function afterOwnFrame(view: Window): Promise<void> {
  if (view.document.visibilityState === 'hidden') return Promise.resolve();
  return new Promise((resolve) => {
    const fallback = view.setTimeout(resolve, FIRST_FRAME_WAIT_MS);
    view.requestAnimationFrame(() =>
      view.setTimeout(() => {
        view.clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });
}

/** User-timing marks: when the first marks were drawn (npm run bench) and how many blocks each read took from the DOM (tests). */
const FIRST_MARKS = 'plan-lens:first-marks';
const READ_MARK = 'plan-lens:read';
/** When the latest answer from the worker arrived (tests and `npm run bench` order tabs' answers by it). */
const ANSWERED_MARK = 'plan-lens:answered';
/**
 * A long page's first answer comes in two steps: first the text down to the end of the screen, and
 * at least this many words (enough for the analyser to see the plan's sections and judge it a plan).
 */
const FIRST_ANSWER_WORDS = 1_000;
/** Blocks looked at past the first one well below the viewport, when finding the marks to register. */
const NEAR_VIEW_SLACK = 8;

interface FieldLayer {
  layer: BoxLayer;
  mirror: FieldMirror;
  /** How many boxes of its field's marks its last layout drew, all on marks standing on their words (standing()). */
  standing: number;
}

/** `textRoots`: where on this site the plan text is (src/sites); the whole body on most pages. */
export function startPlanLens(doc: Document, abilities: PageAbilities, signal: AbortSignal, textRoots: (doc: Document) => Element[]): PlanLensPage {
  const view = doc.defaultView!;
  const reader = new SourceReader(doc, textRoots);
  const highlights = supportsHighlights(doc) ? new HighlightLayer(doc, abilities.highlightsInherit ?? false) : null;
  /** Boxes for range marks where the Highlight API is missing. */
  let rangeBoxes: BoxLayer | null = null;
  /** Mirrors and boxes, for the marked fields near the viewport only: a form of thousands of fields gets a few. */
  const fields = new Map<TextField, FieldLayer>();
  const fieldRects = new Map<string, ViewportRect[]>();
  /** Each marked field's marks, and the marked fields in reading order (for the near-view search). */
  let marksByField = new Map<TextField, Mark[]>();
  let markedFields: TextField[] = [];

  let sources: Source[] = [];
  const reports = new Map<string, BlockReport>();
  /** What the analyser holds: block id → text, and the ids in the order it last saw them (null: ask again). */
  const known = new Map<string, string>();
  let knownIds: readonly string[] | null = [];
  const sameIds = (blocks: readonly Block[]) => knownIds !== null && knownIds.length === blocks.length && blocks.every((b, i) => b.id === knownIds![i]);
  let isPlan = false;
  /** Told once that another frame holds the plan; kept even if a restarted worker forgets the tab. */
  let inPlanTab = false;
  let forced = false;
  /** The user asked to check the page, and has not been told the outcome yet. */
  let checkAsked = false;
  let inFlight = false;
  let passAgain = false;
  let marks: Mark[] = [];
  let shownCount = -1;
  let shownErrors = 0;
  /** How many counts rebuild() has reported. */
  let countReports = 0;
  /** "Ignore here": this finding in this sentence, for as long as the page is open. */
  const ignoredHere = new Set<string>();
  const hereKey = (m: Mark) => `${m.source.text}\u0000${m.finding.rule}\u0000${m.finding.start}`;
  /** Each mark's sentence hash, computed only once the site has an ignored sentence. */
  const hashes = new WeakMap<Finding, string>();
  const hashOf = (m: Mark) => {
    let hash = hashes.get(m.finding);
    if (hash === undefined) hashes.set(m.finding, (hash = sentenceHash(m.flagged)));
    return hash;
  };
  /**
   * What is shown of a mark once the user's choices apply: nothing for "Ignore here" or an ignored sentence, nor
   * for a sentence whose only problems are hedge phrases the user ignores on this site; otherwise the mark without
   * the ignored phrases' emphasis. Good-practice notes (info) are never underlined alone in a plan: the panel lists them.
   */
  const shownOf = (m: Mark, { phrases, sentences }: ReturnType<PageAbilities['ignored']>): Mark | null => {
    if ((isPlan && m.finding.severity === 'info') || (ignoredHere.size > 0 && ignoredHere.has(hereKey(m)))) return null;
    if (sentences.size > 0 && sentences.has(hashOf(m))) return null;
    const emphasis = m.emphasis.filter((e) => !phrases.has(e.span.phrase));
    if (emphasis.length === m.emphasis.length) return m;
    // A hedge finding is its phrases and nothing else.
    if (m.finding.category === 'hedge' && emphasis.length === 0) return null;
    return { ...m, emphasis };
  };

  /**
   * One timer for a run of keystrokes: each edit only moves the due time later, and the timer re-arms
   * itself until typing pauses (clearing and setting a timer on every keystroke costs the keystroke).
   */
  let passTimer: ReturnType<typeof setTimeout> | undefined;
  let passDue = 0;
  const schedulePass = (delay: number) => {
    const due = view.performance.now() + delay;
    if (passTimer !== undefined && due >= passDue) {
      passDue = due;
      return;
    }
    clearTimeout(passTimer);
    passDue = due;
    passTimer = setTimeout(passWhenDue, delay);
  };
  /** The typist's rhythm: a running mean of the gaps between edits within a run of typing. */
  let rhythm = 0;
  let lastEdit = -Infinity;
  function edited(): void {
    const now = view.performance.now();
    const gap = now - lastEdit;
    lastEdit = now;
    if (gap < RHYTHM_GAP_MS) rhythm = rhythm === 0 ? gap : 0.7 * rhythm + 0.3 * gap;
    schedulePass(Math.min(LONGEST_PAUSE_MS, Math.max(EDIT_DEBOUNCE_MS, 2 * rhythm)));
  }
  function passWhenDue(): void {
    const left = passDue - view.performance.now();
    if (left > 1) {
      passTimer = setTimeout(passWhenDue, left);
      return;
    }
    passTimer = undefined;
    void pass();
  }

  /** Whether the first read has waited for the page's own first frame (afterOwnFrame). */
  let framed = false;
  async function pass(): Promise<void> {
    if (signal.aborted) return;
    if (inFlight) {
      passAgain = true;
      return;
    }
    inFlight = true;
    let answered = false;
    try {
      let early: Promise<boolean> | undefined;
      const first = known.size === 0;
      if (!framed) {
        framed = true;
        await afterOwnFrame(view);
        if (signal.aborted) return;
      }
      await read(first ? (part) => Boolean(firstPartEnough(part) && (early = answerEarly(part))) : undefined);
      // Form fields are read after the page's text, so that early part had none: a long form's first screen,
      // its fields included, is answered before the rest all the same.
      const firstScreen = first ? firstPartOf(sources) : null;
      if (firstScreen?.some((s) => s.kind === 'field')) {
        const textFirst = early;
        early = (async () => {
          await textFirst;
          return answerEarly(firstScreen);
        })();
      }
      rebuild();
      const reportsBefore = countReports;
      answered = (await early) ?? false;
      if (signal.aborted) return;
      const blocks = sources.map(toBlock);
      const changed = new Set<string>();
      for (const b of blocks) if (known.get(b.id) !== b.text) changed.add(b.id);
      if (changed.size > 0 || !sameIds(blocks)) {
        answered = (await ask(blocks, changed)) || answered;
        if (signal.aborted) return;
        await settle();
      }
      // Every answer is reported, changed or not: the badge (and a watching test) learn the page is settled.
      if (answered && countReports === reportsBefore) abilities.reportCount(shownCount, shownErrors);
      // A page already read needs no new answer to say what the check found.
      if (checkAsked && (answered || known.size > 0)) {
        checkAsked = false;
        abilities.checked({ isPlan: isPlan || inPlanTab, marks: marks.length });
      }
    } finally {
      inFlight = false;
      if (passAgain && !signal.aborted) {
        passAgain = false;
        schedulePass(0);
      }
    }
  }

  const elementOf = (s: Source): Element => (s.kind === 'field' ? s.field : s.block.element);

  /** Whether the start of a long page, read so far, reaches past the screen and holds FIRST_ANSWER_WORDS. */
  function firstPartEnough(part: Source[]): boolean {
    const last = part.at(-1);
    if (!last || elementOf(last).getBoundingClientRect().top < view.innerHeight) return false;
    return part.reduce((n, s) => n + s.text.split(' ').length, 0) >= FIRST_ANSWER_WORDS;
  }

  /** The shortest start of `list` that firstPartEnough takes, or null when that is all of it. */
  function firstPartOf(list: Source[]): Source[] | null {
    let words = 0;
    for (let i = 0; i < list.length - 1; i++) {
      words += list[i]!.text.split(' ').length;
      if (words >= FIRST_ANSWER_WORDS && elementOf(list[i]!).getBoundingClientRect().top >= view.innerHeight) return list.slice(0, i + 1);
    }
    return null;
  }

  /** The start of a long page analysed while the rest is still being read: its marks come first. */
  async function answerEarly(part: Source[]): Promise<boolean> {
    const blocks = part.map(toBlock);
    if (!(await ask(blocks, new Set(blocks.map((b) => b.id))))) return false;
    if (signal.aborted) return true;
    // While the read goes on, what it has read so far is the page.
    if (reading) sources = part;
    if (isPlan || inPlanTab || forced) await sliced(view, marksSteps());
    rebuild();
    return true;
  }

  /** Sends `blocks` (the analyser's whole view of the document) and keeps the answer; false if the worker stayed unreachable. */
  async function ask(blocks: Block[], changed: Set<string>): Promise<boolean> {
    try {
      const answer = await abilities.analyze(blocks, changed);
      view.performance.clearMarks(ANSWERED_MARK);
      view.performance.mark(ANSWERED_MARK);
      if (sameIds(blocks)) {
        for (const b of blocks) if (changed.has(b.id)) known.set(b.id, b.text);
      } else {
        known.clear();
        for (const b of blocks) known.set(b.id, b.text);
        knownIds = blocks.map((b) => b.id);
        const present = new Set(knownIds);
        for (const id of [...reports.keys()]) if (!present.has(id)) reports.delete(id);
      }
      if (isPlan !== answer.isPlan) choicesChanged();
      isPlan = answer.isPlan;
      for (const report of answer.blocks) reports.set(report.id, report);
      return true;
    } catch {
      // The worker stayed unreachable through every retry: keep what is shown; the next edit asks again.
      return false;
    }
  }

  /**
   * After an answer: the text may have changed while the analyser worked, so it is read again (only
   * the changed blocks) and reports on old text drop out; new marks are built in slices, then shown.
   */
  async function settle(): Promise<void> {
    await read();
    if (isPlan || inPlanTab || forced) await sliced(view, marksSteps());
    rebuild();
  }

  function* marksSteps(): Generator<void, void> {
    for (const [i, s] of sources.entries()) {
      marksFor(s);
      if (i % 50 === 49) yield;
    }
  }

  let reading = false;
  /** Settles when the whole page has been read once (a long page's first read takes several tasks). */
  let firstReadDone!: () => void;
  const firstRead = new Promise<void>((resolve) => (firstReadDone = resolve));
  async function read(firstPart?: (part: Source[]) => boolean): Promise<void> {
    reading = true;
    try {
      sources = await reader.read(firstPart);
    } finally {
      reading = false;
    }
    firstReadDone();
    // The reader's list of fields is a new one only when it looked for fields again.
    if (reader.fields !== heardList) for (const field of (heardList = reader.fields)) listenToField(field);
    view.performance.clearMarks(READ_MARK);
    view.performance.mark(READ_MARK, { detail: { blocks: reader.lastReadCount } });
  }

  /** Per source id, its marks as last built: an unchanged block with an unchanged report keeps them (and their ranges). */
  const builtMarks = new Map<string, { source: Source; report: BlockReport | undefined; marks: Mark[] }>();
  function marksFor(source: Source): Mark[] {
    const report = reports.get(source.id);
    const built = builtMarks.get(source.id);
    if (built?.source === source && built.report === report) return built.marks;
    // A field's line typed in keeps, until its answer, the marks whose sentences are still where they were (typing
    // after them): dropping them and drawing them again with the answer repainted a long form twice at every pause.
    const kept = source.kind === 'field' && built && report?.text !== source.text ? built.marks.filter((m) => fieldSpan(m) !== null) : null;
    const fresh = { source, report, marks: kept ?? marksOf(source, report) };
    builtMarks.set(source.id, fresh);
    return fresh.marks;
  }

  /**
   * What is shown of each source's built marks (shownOf), per source id, under the user's choices as of `choices`:
   * a long form rebuilds at every pause in typing, and all but the typed field's marks are as they were.
   */
  const shownMarks = new Map<string, { built: Mark[]; choices: number; shown: Mark[] }>();
  let choices = 0;
  /** What shownOf depends on changed (whether the page is a plan, the user's ignores): every mark is looked at again. */
  const choicesChanged = () => choices++;
  function shownFor(source: Source, ignored: ReturnType<PageAbilities['ignored']>): Mark[] {
    const built = marksFor(source);
    if (built.length === 0) return built;
    const cached = shownMarks.get(source.id);
    if (cached?.built === built && cached.choices === choices) return cached.shown;
    const shown = built.flatMap((m) => shownOf(m, ignored) ?? []);
    shownMarks.set(source.id, { built, choices, shown });
    return shown;
  }

  /** The DOM marks as last drawn: a rebuild that leaves them as they were draws no highlights. */
  let domMarks: Mark[] = [];
  /**
   * Recomputes the marks from the latest reports and sources; geometry follows in the next frame, for what changed
   * alone: a pause in typing whose answer changes no mark costs no frame, one that changes a field's marks lays out
   * that field (a long form's every field laid out at every pause cost each keystroke milliseconds). `everything`
   * (a change of the user's choices) looks at every mark again and lays out all.
   */
  function rebuild(everything = false): void {
    if (everything) choicesChanged();
    const shown = isPlan || inPlanTab || forced;
    const before = { dom: domMarks, byField: marksByField };
    // One walk over the page's sources, whatever its size (a form of thousands of fields rebuilds at every pause).
    marks = [];
    domMarks = [];
    marksByField = new Map();
    const blocks = new Set<Element>();
    let errors = 0;
    const ignored = abilities.ignored();
    for (const source of shown ? sources : []) {
      const list = shownFor(source, ignored);
      if (list.length === 0) continue;
      for (const m of list) {
        marks.push(m);
        if (m.finding.severity === 'error') errors++;
      }
      if (source.kind === 'dom') {
        domMarks.push(...list);
        blocks.add(source.block.element);
      } else {
        // A field's lines in turn; the cached lists themselves are never written to.
        const held = marksByField.get(source.field);
        marksByField.set(source.field, held ? [...held, ...list] : list);
      }
    }
    if (builtMarks.size > sources.length) {
      const present = new Set(sources.map((s) => s.id));
      for (const id of builtMarks.keys()) if (!present.has(id)) builtMarks.delete(id);
      for (const id of shownMarks.keys()) if (!present.has(id)) shownMarks.delete(id);
    }
    markedBlocks = [...blocks];
    cards.marksChanged(marks);
    // The card's host, with its live region, is in place before the first mark can be reached.
    if (marks.length > 0) void cardContainer();
    markedFields = [...marksByField.keys()];
    // A field's layer stays while the field is near the view, marked or not: its marks go while its text is being
    // typed and come back with the answer, and putting a layer into a long form lays the whole form out again.
    for (const [field, f] of fields) if (!field.isConnected) dropLayer(field, f);
    if (!highlights && !rangeBoxes && marks.some((m) => m.range)) rangeBoxes = new BoxLayer(doc, (host) => doc.documentElement.append(host));
    if (marks.length !== shownCount || errors !== shownErrors) {
      shownCount = marks.length;
      shownErrors = errors;
      abilities.reportCount(shownCount, shownErrors);
      countReports++;
    }
    // The first marks are not kept waiting for a frame: the page is laid out (no edit has been made yet).
    if (!firstDrawn && highlights && markedBlocks.length > 0) findNearView();
    if (everything || !sameMarks(before.dom, domMarks)) {
      drawHighlights();
      scheduleLayout();
      return;
    }
    const fieldChanged = (field: TextField) => {
      // A field newly marked may need a layer: only the whole pass puts layers in.
      if (fields.has(field)) scheduleLayout(field);
      else if (marksByField.has(field)) scheduleLayout();
    };
    for (const [field, list] of marksByField) if (!sameMarks(before.byField.get(field), list)) fieldChanged(field);
    for (const field of before.byField.keys()) if (!marksByField.has(field)) fieldChanged(field);
  }

  /**
   * Only marks in blocks within a quarter screen of the viewport are registered as highlights: the browser
   * revalidates every registered range on each DOM change, which on a long page in an editor would
   * cost every keystroke tens of milliseconds. (The earlier bench figures for a whole screen either side,
   * ~4 ms a keystroke, were inflated by the bench itself; see tests/bench/page.ts.) Scrolling re-runs the
   * layout pass before the next paint.
   * Found in the layout pass, from the marked blocks' rects (reading order is top-to-bottom order, near
   * enough for a binary search).
   */
  let markedBlocks: Element[] = [];
  let nearView = new Set<Element>();
  function findNearView(): boolean {
    const next = nearViewOf(markedBlocks);
    const changed = next.size !== nearView.size || [...next].some((el) => !nearView.has(el));
    nearView = next;
    return changed;
  }

  /** Of `list` (in reading order), the elements within a quarter screen of the viewport: a binary search on their rects. */
  function nearViewOf<E extends Element>(list: readonly E[]): Set<E> {
    const margin = nearMargin();
    const rect = (i: number) => list[i]!.getBoundingClientRect();
    let [lo, hi] = [0, list.length];
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (rect(mid).bottom < -margin) lo = mid + 1;
      else hi = mid;
    }
    const near = new Set<E>();
    // A few past the first one below the margin: a float or a column may sit out of order.
    for (let i = lo, past = 0; i < list.length && past < NEAR_VIEW_SLACK; i++) {
      const r = rect(i);
      if (r.top > view.innerHeight + margin) past++;
      else if (r.bottom >= -margin) near.add(list[i]!);
    }
    return near;
  }

  const nearMargin = () => view.innerHeight / 4;
  function isNearView(el: Element): boolean {
    const [r, margin] = [el.getBoundingClientRect(), nearMargin()];
    return r.bottom >= -margin && r.top <= view.innerHeight + margin;
  }

  /** A field's mirror and boxes, beside it in the page. */
  function addLayer(field: TextField): FieldLayer {
    const layer = new BoxLayer(doc, (host) => field.after(host));
    const f = { layer, mirror: new FieldMirror(field, layer.root), standing: 0 };
    fields.set(field, f);
    resizes.observe(field);
    return f;
  }

  function dropLayer(field: TextField, f: FieldLayer): void {
    f.layer.remove();
    fields.delete(field);
    resizes.unobserve(field);
  }

  let firstDrawn = false;
  function drawHighlights(): void {
    if (!highlights) return;
    const active = cards.active;
    const near = marks.filter((m) => m.range && m.source.kind === 'dom' && nearView.has(m.source.block.element));
    const drawn = near.map((m) => ({ category: m.finding.category, range: m.range! }));
    highlights.draw(drawn, near.flatMap((m) => m.emphasis.flatMap((e) => e.range ?? [])), active?.range ?? null);
    if (drawn.length > 0) firstMarksDrawn();
  }

  /** The first marks on the page: a user-timing mark, cheap, which `npm run bench` times load against. */
  function firstMarksDrawn(): void {
    if (firstDrawn) return;
    firstDrawn = true;
    view.performance.mark(FIRST_MARKS);
  }

  let layoutFrame = 0;
  /** The next pass redoes everything (scroll, resize, new marks), or only the fields typed in since the last one. */
  let layoutAll = false;
  const typedIn = new Set<TextField>();
  function scheduleLayout(only?: TextField): void {
    if (only) typedIn.add(only);
    else layoutAll = true;
    if (layoutFrame || signal.aborted) return;
    layoutFrame = requestAnimationFrame(() => {
      layoutFrame = 0;
      const all = layoutAll;
      layoutAll = false;
      const typed = [...typedIn];
      typedIn.clear();
      if (all) layout();
      else layoutFields(typed.flatMap((field) => fields.get(field) ?? []));
    });
  }

  /**
   * One pass, reads and writes in batches so the page is laid out a fixed number of times whatever the number of
   * fields: which marked fields are near the view (their layers follow it), then the near fields' mirrors and
   * boxes (layoutFields), the range boxes and the card.
   */
  function layout(): void {
    if (highlights && findNearView()) drawHighlights();
    const near = nearViewOf(markedFields);
    for (const [field, f] of fields) if (!near.has(field) && (marksByField.has(field) || !isNearView(field))) dropLayer(field, f);
    for (const field of near) if (!fields.has(field)) addLayer(field);
    const rangeBoxList = rangeBoxes ? boxesFor(marks.filter((m) => m.range)) : [];
    rangeBoxes?.draw(rangeBoxList, rangeBoxes.origin());
    if (rangeBoxList.length > 0) firstMarksDrawn();
    layoutFields([...fields.values()]);
  }

  /**
   * Lays `layers`' mirrors over their fields and draws their boxes: every field's geometry read, then the
   * mirrors' styles written, then their scroll offsets (one layout for all), then the marks' rects read, then the
   * boxes written. A keystroke in a field redoes that field alone: typing moves no other field.
   */
  function layoutFields(layers: FieldLayer[]): void {
    const frames = layers.map((f) => ({ f, origin: f.layer.origin(), geometry: f.mirror.measure() }));
    for (const { f, origin, geometry } of frames) f.mirror.apply(geometry, origin);
    for (const { f, geometry } of frames) f.mirror.scrollAs(geometry);
    if (layers.length === fields.size) fieldRects.clear();
    for (const { f } of frames) {
      const clip = f.mirror.visibleArea();
      for (const m of marksByField.get(f.mirror.field) ?? []) {
        const span = fieldSpan(m);
        fieldRects.set(m.key, span ? f.mirror.rects(span.start, span.end, clip) : []);
        for (const [i, e] of m.emphasis.entries()) {
          const at = fieldOffsets(m, e.span.start, e.span.end);
          fieldRects.set(emphasisKey(m, i), at ? f.mirror.rects(at.start, at.end, clip) : []);
        }
      }
    }
    let boxes = 0;
    for (const { f, origin } of frames) {
      const list = boxesFor(marksByField.get(f.mirror.field) ?? []);
      f.layer.draw(list, origin);
      f.standing = list.length;
      boxes += list.length;
    }
    if (boxes > 0) firstMarksDrawn();
    cards.reposition();
  }

  /** How many of the boxes drawn for a field's marks are on marks that still stand on the words they were found on. */
  const standing = (field: TextField) => boxesFor((marksByField.get(field) ?? []).filter((m) => fieldSpan(m))).length;

  /** The sentences' boxes, then the emphasis on their hedge words, drawn over them. */
  function boxesFor(list: Mark[]): Box[] {
    const active = cards.active;
    const sentences = list.flatMap((m) => rectsOf(m).map((r): Box => ({ ...r, kind: m.finding.category, active: m.key === active?.key })));
    const emphasis = list.flatMap((m) => m.emphasis.flatMap((e, i) => emphasisRects(m, i, e.range).map((r): Box => ({ ...r, kind: 'emphasis', active: false }))));
    return [...sentences, ...emphasis];
  }

  const visibleRects = (range: Range) => [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
  const emphasisKey = (mark: Mark, i: number) => `${mark.key}#${i}`;
  const emphasisRects = (mark: Mark, i: number, range: Range | null): ViewportRect[] => (range ? visibleRects(range) : fieldRects.get(emphasisKey(mark, i)) ?? []);

  function rectsOf(mark: Mark): ViewportRect[] {
    if (mark.range) return visibleRects(mark.range);
    return fieldRects.get(mark.key) ?? [];
  }

  const cards = new CardController(doc, {
    rectsOf,
    redraw: () => {
      drawHighlights();
      scheduleLayout();
    },
    renderCard: async (props) => {
      layer.card = props;
      const container = await cardContainer();
      if (props && keepCardReachable(container, cardHome!)) render(null, container);
      paintLayer(container);
    },
    announce: (text) => {
      void cardContainer().then((container) => {
        // The same words again are still news (the walk came round): a change the region reports.
        layer.announcement = text === layer.announcement.trim() ? `${text} ` : text;
        paintLayer(container);
      });
    },
    actionsFor: (mark, close) => cardActions(mark, close),
    findElsewhere: () => abilities.findElsewhere(),
    reveal: (mark) => {
      const span = fieldSpan(mark);
      if (span) {
        span.field.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        // A field far from where the view was has no mirror yet: it gets one, laid over it, to scroll by. One near
        // it is laid over it again: keystrokes that move no mark leave the mirror as it was.
        const f = fields.get(span.field) ?? addLayer(span.field);
        const geometry = f.mirror.measure();
        f.mirror.apply(geometry, f.layer.origin());
        f.mirror.scrollAs(geometry);
        f.mirror.reveal(span.start);
      } else {
        mark.range?.startContainer.parentElement?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
      }
    },
  });

  const words = abilities.words;
  function cardActions(mark: Mark, close: () => void): CardAction[] {
    const actions: CardAction[] = [];
    const suggestion = mark.finding.suggestion;
    if (suggestion) {
      actions.push({
        label: words('cardCopy'),
        run: () => view.navigator.clipboard.writeText(suggestion).then(
          () => undefined,
          () => words('cardNoClipboard'),
        ),
      });
      // A need with no provision asks for wording in another section: there is nothing here to replace.
      const target = rewritesSentence(mark.finding) ? fixTarget(mark) : null;
      if (target) {
        actions.push({
          label: words('cardReplace'),
          run: async () => {
            const result = await applyFix(target.target, target.expected, suggestion);
            if (result === 'replaced') {
              close();
              schedulePass(0);
              return;
            }
            return words(result === 'changed-meanwhile' ? 'cardChangedMeanwhile' : 'cardNotAccepted');
          },
        });
      }
    }
    actions.push({
      label: words('cardIgnoreHere'),
      run: () => {
        ignoredHere.add(hereKey(mark));
        rebuild(true);
        return undefined;
      },
    });
    // The site's settings keep the hedges' lexicon phrases or the sentence's hash: plan text is never stored beyond the page.
    for (const phrase of new Set(mark.emphasis.map((e) => e.span.phrase))) {
      actions.push({
        label: words('cardIgnorePhrase', phrase),
        run: () => {
          abilities.ignore({ phrases: [phrase] });
          rebuild(true);
          return undefined;
        },
      });
    }
    actions.push({
      label: words('cardIgnoreSentence'),
      run: () => {
        abilities.ignore({ sentences: [hashOf(mark)] });
        rebuild(true);
        return undefined;
      },
    });
    return actions;
  }

  /** What Replace rewrites: the finding's sentence (its suggestion is that sentence rewritten), in an editable field only. */
  function fixTarget(mark: Mark): { target: FixTarget; expected: string } | null {
    const s = mark.source;
    const { start, end } = mark.finding;
    const expected = s.text.slice(start, end);
    if (s.kind === 'field') return { target: { kind: 'field', field: s.field, start: s.start + start, end: s.start + end }, expected };
    const root = mark.range ? editableRootOf(mark.range.startContainer) : null;
    const range = root ? rangeForSpan(s.block, start, end) : null;
    return root && range ? { target: { kind: 'range', root, range }, expected } : null;
  }

  let cardMount: Promise<HTMLElement> | null = null;
  /** Where the card's host was mounted: it goes back there when no modal dialog needs it. */
  let cardHome: Element | null = null;
  /** What the card's shadow root shows: the open card, and the live region's words. */
  const layer: { card: Omit<CardProps, 'words'> | null; announcement: string } = { card: null, announcement: '' };
  const paintLayer = (container: HTMLElement) => render(h(CardLayer, { ...layer, words: abilities.words }), container);
  // The live region is put in place (empty) when the card's host is: a screen reader only reports changes to one it knows.
  const cardContainer = () =>
    (cardMount ??= abilities.mountCard().then((container) => {
      cardHome = (container.getRootNode() as ShadowRoot).host.parentElement ?? doc.documentElement;
      paintLayer(container);
      return container;
    }));

  /**
   * A form field's edits are not DOM mutations: each one the page has is heard on its own input events (re-read
   * it, realign its mirror now). Every other edit reaches the mutation observer alone: a listener on the whole
   * document would be called, across worlds, on every keystroke in a contenteditable too.
   */
  const heardFields = new WeakSet<TextField>();
  let heardList: TextField[] | null = null;
  function listenToField(field: TextField): void {
    if (heardFields.has(field)) return;
    heardFields.add(field);
    field.addEventListener(
      'input',
      () => {
        reader.typedIn(field);
        edited();
        // Typing after a field's marks moves none of them (its text sits at its start edge; a scroll or a resize is
        // heard on its own): only a keystroke that changes which marks stand on their words lays the field out. In a
        // long form each layout on a keystroke is another layout of the whole form.
        const f = fields.get(field);
        if (f && (!f.mirror.anchoredAtStart() || f.standing !== standing(field))) scheduleLayout(field);
      },
      { passive: true, signal },
    );
  }

  const resizes = new ResizeObserver(() => scheduleLayout());
  const isOwn = (node: Node) => node.nodeType === 1 && (OWN_HOST_TAGS.has((node as Element).tagName) || (node as Element).id === 'plan-lens-highlight-styles');
  const mutations = new MutationObserver((records) => {
    let relevant = false;
    for (const r of records) {
      if (isOwn(r.target) || (r.type !== 'characterData' && ![...r.addedNodes, ...r.removedNodes].some((n) => !isOwn(n)))) continue;
      // Only the blocks under a changed node are read again.
      reader.changed(r.target);
      relevant = true;
    }
    if (relevant) edited();
  });
  mutations.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });

  const on = <K extends keyof DocumentEventMap>(target: Document | Window, type: K, listener: (e: DocumentEventMap[K]) => void) =>
    target.addEventListener(type, listener as EventListener, { capture: true, passive: type !== 'keydown', signal });
  on(doc, 'scroll', () => scheduleLayout());
  on(view, 'resize', () => scheduleLayout());
  on(doc, 'mousemove', byUser((e) => cards.pointerAt(e.clientX, e.clientY)));
  on(doc, 'pointerup', byUser((e) => cards.tap(e.clientX, e.clientY)));
  on(doc, 'keydown', byUser((e) => cards.keydown(e)));
  on(doc, 'pointerdown', byUser((e) => cards.pointerDown(e.target)));
  on(doc, 'selectionchange', byUser(() => cards.selectionChanged()));
  doc.fonts?.addEventListener('loadingdone', () => scheduleLayout(), { signal });

  signal.addEventListener('abort', () => {
    clearTimeout(passTimer);
    cancelAnimationFrame(layoutFrame);
    mutations.disconnect();
    resizes.disconnect();
    cards.close(false);
    highlights?.remove();
    rangeBoxes?.remove();
    for (const f of fields.values()) f.layer.remove();
    void cardMount?.then((c) => render(null, c));
    // Switched off on this site: the badge should not keep counting marks that are gone.
    if (shownCount > 0) abilities.reportCount(0, 0);
  });

  void pass();
  return {
    checkPage() {
      forced = true;
      checkAsked = true;
      rebuild();
      schedulePass(0);
    },
    refresh: () => rebuild(true),
    recheck() {
      knownIds = null;
      schedulePass(0);
    },
    partOfPlan() {
      if (inPlanTab) return;
      inPlanTab = true;
      rebuild();
    },
    nextFinding() {
      if (marks.length === 0) return false;
      view.focus();
      return cards.jump();
    },
    async blockBefore(el) {
      await firstRead;
      let before: string | null = null;
      for (const s of sources) {
        const node = s.kind === 'field' ? s.field : s.block.element;
        if (!(node.compareDocumentPosition(el) & 4) /* FOLLOWING */) break;
        before = s.id;
      }
      return before;
    },
    showPassage(block, start, end, words) {
      const source = sources.find((s) => s.id === block);
      // The panel's copy of the text has a block's own line breaks as spaces.
      const passage = source && source.text.slice(start, end).replace(/\n/g, ' ') === words ? passageOf(source, start, end) : null;
      if (!passage) return false;
      view.focus();
      const mark = marks.find((m) => m.source === source && m.finding.start === start && m.finding.end === end);
      if (mark) cards.goTo(mark);
      else {
        // A finding of the whole page that this frame's own marks do not show: select it all the same.
        selectPassage(doc, passage);
        revealPassage(passage);
      }
      return true;
    },
  };
}

/** Whether two lists hold the same marks, in the same order: marks of unchanged text and reports are kept objects. */
function sameMarks(a: readonly Mark[] | undefined, b: readonly Mark[] | undefined): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  return a.every((m, i) => m === b[i]);
}
