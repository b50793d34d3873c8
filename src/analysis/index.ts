// The analyser's public surface. Pure: no DOM, no browser API; runs in Node and in the service worker.
// Steps: structure (labels, sections, jurisdiction, plan type) → per-block judgement of each item by its role
// (cached by text + context + options) → document-level structure (B↔F coverage, target count).
import { DEFAULT_OPTIONS, type Block, type BlockKind, type Finding, type Jurisdiction, type Options, type PlanType, type Role } from './types';
import type { Item } from './item';
import { segment } from './segment';
import { choosePlanType, isInstruction, itemRole, jurisdictionVotes, labelOfKind, planNames, readLabel, readRow, type Label, type RowShape } from './structure';
import { quotedSpans, wordCount, type Span } from './text';
import { foldInto } from './finding';
import { message, rule, severityOf, whyOf } from './rules/catalogue';

const CHECK_LIMIT = rule('CHECK-LIMIT');
import { findBlanks, maskBlanks } from './blanks';
import { judgeItem, type Read } from './pipeline';
import { readerLoaded, readSyntax, type Syntax } from './reader/syntax';
import { areasOf, checkCoverage, meetsEducationalNeeds, checkCspPersons, checkReviewDate, checkTargetCount, type CoverageEntry, type SectionAt, type UnitSummary } from './rules/plan-structure';

export * from './types';
export { loadReader, readerLoaded } from './reader/syntax';
export type { CoverageEntry } from './rules/plan-structure';

export interface BlockReport {
  id: string;
  /** The exact text the findings were computed on: callers drop results whose text has since changed. */
  text: string;
  findings: Finding[];
}

export interface SectionFound {
  /** The heading or label as written, e.g. "Section F: Special educational provision". */
  name: string;
  role: Role;
  /** Id of the block where the section starts. */
  blockId: string;
}

export interface Counts {
  error: number;
  warning: number;
  info: number;
  needs: number;
  outcomes: number;
  targets: number;
  provisions: number;
}

export interface Report {
  planType: PlanType;
  jurisdiction: Jurisdiction | 'unknown';
  /** True when the text reads as an SEN plan; pages that are not plans are left alone. */
  isPlan: boolean;
  blocks: BlockReport[];
  /** Sections recognised, in document order. */
  sections: SectionFound[];
  /** Each area of need in the needs section and whether any provision addresses it (empty without both sections). */
  coverage: CoverageEntry[];
  counts: Counts;
}

// ---- per-block caches ----

/**
 * A bounded cache in two generations: hits move an entry to the young one, and when the young one is full the old
 * one is dropped. The blocks of the document being edited are touched on every call and stay; the drafts a
 * keystroke left behind age out. One lookup per hit, unlike a strict LRU's delete-and-reinsert.
 * A generation holds at least one call's worth (`reserve`): a document of more blocks than that would lose half its
 * entries at every call and be judged again nearly whole on every keystroke (a portal form of 5,000 fields and their
 * labels, 9,290 blocks, took 300 ms an edit instead of 30). Up to RESERVE_CAP, so memory stays bounded whatever a page holds.
 */
interface Generations<V> {
  get(k: string): V | undefined;
  set(k: string, v: V): void;
  /** Makes room for `n` entries touched in one call. */
  reserve(n: number): void;
}
/** The most entries one generation is grown to hold (a document of more blocks is judged in full at each call, as before). */
const RESERVE_CAP = 25_000;
function generations<V>(min: number): Generations<V> {
  let max = min;
  let young = new Map<string, V>();
  let old = new Map<string, V>();
  const set = (k: string, v: V): void => {
    if (young.size >= max) {
      old = young;
      young = new Map();
    }
    young.set(k, v);
  };
  return {
    get(k) {
      const y = young.get(k);
      if (y !== undefined) return y;
      const o = old.get(k);
      if (o !== undefined) {
        old.delete(k);
        set(k, o);
      }
      return o;
    },
    set,
    reserve(n) {
      max = Math.max(max, Math.min(n, RESERVE_CAP));
    },
  };
}

interface BlockResult {
  findings: Finding[];
  units: UnitSummary[];
}

/** What a block's text says whatever its neighbours: read once per distinct text, then only aggregated. */
interface Scan {
  label: Label | undefined;
  row: RowShape;
  /** Jurisdiction vocabulary counts, a section code counting 3 (Section F → England, 2B.2 → Wales, Part 3 → NI). */
  votes: [Jurisdiction, number][];
  plans: PlanType[];
  words: number;
  /** Second-person words (you, your): articles and emails address their reader, plans do not. */
  second: number;
  /** The block judged in each context it has been seen in (section role, plan, options), newest last. */
  judged: Map<string, BlockResult>;
}
const SECOND_PERSON = /\b(?:you|your|you're|you’re|you'll|yours)\b/gi;
/** Contexts kept per text: enough for a block moving between sections or a settings change and back. */
const CONTEXTS_PER_TEXT = 4;

/**
 * The characters of a block that are judged. No real plan paragraph is this long; past it, a page's text (a 100 KB
 * run of "!") would cost every other tab its turn. The rest of the block gets a note saying it was not checked.
 */
export const MAX_BLOCK_CHARS = 20_000;
/** A sentence longer than this (about 150 words) is judged in pieces of at most this length, cut at a space. */
const MAX_ITEM_CHARS = 1_000;

function scan(cache: Generations<Scan>, whole: string): Scan {
  const cached = cache.get(whole);
  if (cached) return cached;
  const text = whole.length > MAX_BLOCK_CHARS ? whole.slice(0, MAX_BLOCK_CHARS) : whole;
  const label = readLabel(text);
  const votes = jurisdictionVotes(text);
  if (label?.jurisdiction) votes[label.jurisdiction] = (votes[label.jurisdiction] ?? 0) + 3;
  const s: Scan = {
    label,
    row: readRow(text),
    votes: Object.entries(votes) as [Jurisdiction, number][],
    plans: planNames(text),
    words: wordCount(text),
    second: (text.match(SECOND_PERSON) ?? []).length,
    judged: new Map(),
  };
  cache.set(whole, s);
  return s;
}

/**
 * A paragraph of up to this many words and sentences is one item, so a schedule or a reviewer named in its
 * second sentence counts (FP-FREQUENT-PLUS-NUMBER); longer text is judged sentence by sentence.
 */
const ITEM_WORDS = 150;
const ITEM_SENTENCES = 6;

interface BlockContext {
  role: Role | undefined;
  label: Label | undefined;
  personsByWhom: boolean;
  jurisdiction: Jurisdiction | 'unknown';
  planType: PlanType;
}

/** A unit cut into pieces of at most MAX_ITEM_CHARS, each ending at a space where there is one. */
function pieces(text: string, unit: Span): Span[] {
  if (unit.end - unit.start <= MAX_ITEM_CHARS) return [unit];
  const out: Span[] = [];
  let start = unit.start;
  while (start < unit.end) {
    let end = Math.min(unit.end, start + MAX_ITEM_CHARS);
    if (end < unit.end) {
      const space = text.lastIndexOf(' ', end);
      if (space > start + MAX_ITEM_CHARS / 2) end = space;
    }
    // Never cut a surrogate pair in two.
    if (end < unit.end && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
    if (end <= start) end = Math.min(unit.end, start + MAX_ITEM_CHARS);
    out.push({ start, end, text: text.slice(start, end) });
    start = end;
    while (start < unit.end && text[start] === ' ') start++;
  }
  return out;
}

function itemsOf(text: string, from: number): Span[] {
  const content = text.slice(from, Math.max(from, MAX_BLOCK_CHARS));
  const units = segment(content).map((u) => ({ ...u, start: u.start + from, end: u.end + from }));
  if (units.length <= 1 || (units.length <= ITEM_SENTENCES && wordCount(content) <= ITEM_WORDS)) {
    const first = units[0];
    const last = units[units.length - 1];
    return first && last ? pieces(text, { start: first.start, end: last.end, text: text.slice(first.start, last.end) }) : [];
  }
  return units.flatMap((u) => pieces(text, u));
}

function judgeBlock(text: string, ctx: BlockContext, options: Options, read: Read | undefined): BlockResult {
  const from = ctx.label ? Math.min(ctx.label.contentStart, text.length) : 0;
  const quotes = quotedSpans(text);
  const findings: Finding[] = [];
  const units: BlockResult['units'] = [];
  const review = checkReviewDate(text, ctx);
  if (review) return { findings: disabled(review.rule, options) ? [] : [review], units: [] };
  const spans: { span: Span; quoted: boolean }[] = [];
  for (const span of itemsOf(text, from)) {
    spans.push({ span, quoted: false });
    // An instruction's quoted wording is a support in its own right ("Add: 'OT to review/advise … each term'.").
    // A fragment being inserted or deleted ("Insert the words 'weekly, for 30 minutes'") is no support of its own.
    if (isInstruction(span.text) && !/^\s*(?:please\s+)?(?:delete|remove|omit|strike|insert the words?|replace the words?)\b/i.test(span.text)) {
      for (const q of quotes) {
        if (q.start < span.start || q.end > span.end || wordCount(q.text) < 5) continue;
        spans.push({ span: { start: q.start + 1, end: q.end - 1, text: text.slice(q.start + 1, q.end - 1) }, quoted: true });
      }
    }
  }
  for (const { span, quoted } of spans) {
    // A piece of an overlong run of text is no sentence a plan writes: the lexicons judge it, the reader does not.
    const piece = span.end - span.start >= MAX_ITEM_CHARS / 2 && !/[.!?]['’"”)]*$/.test(span.text);
    const role: Role = itemRole(span.text, ctx.role);
    const blanks = findBlanks(span.text);
    const item: Item = {
      ...span,
      block: text,
      role,
      jurisdiction: ctx.jurisdiction,
      planType: ctx.planType,
      personsByWhom: ctx.personsByWhom,
      label: ctx.label && !ctx.label.heading ? text.slice(0, ctx.label.contentStart) : '',
      // Inside a quoted support, its own words are the plan's: the quote marks around it guard nothing.
      quotes: quoted ? [] : quotes,
      options,
      scanText: maskBlanks(span.text, blanks),
      blanks,
    };
    // A row's first cell or an inline label ("Reading | …", "Literacy support: …") names the need the item is for.
    units.push({ start: span.start, end: span.end, role, areas: role === 'need' || role === 'provision' ? areasOf(`${item.label} ${item.scanText}`) : [] });
    const one = judgeItem(item, piece ? undefined : read);
    if (one) findings.push(one);
  }
  if (text.length > MAX_BLOCK_CHARS && !disabled(CHECK_LIMIT.id, options)) {
    const place = { jurisdiction: ctx.jurisdiction, planType: ctx.planType };
    findings.push({
      rule: CHECK_LIMIT.id,
      category: CHECK_LIMIT.category,
      severity: severityOf(CHECK_LIMIT, { ...place, role: 'other' }),
      start: MAX_BLOCK_CHARS,
      end: text.length,
      message: message(CHECK_LIMIT, 'limit', ctx.jurisdiction, { count: MAX_BLOCK_CHARS.toLocaleString('en-GB') }),
      why: whyOf(CHECK_LIMIT, place),
    });
  }
  return { findings, units };
}

function chooseJurisdiction(scanned: readonly Scan[], options: Options): Jurisdiction | 'unknown' {
  if (options.jurisdiction !== 'auto') return options.jurisdiction;
  const total: Partial<Record<Jurisdiction, number>> = {};
  for (const s of scanned) for (const [j, n] of s.votes) total[j] = (total[j] ?? 0) + n;
  let best: Jurisdiction | 'unknown' = 'unknown';
  let top = 0;
  for (const [j, n] of Object.entries(total) as [Jurisdiction, number][]) {
    if (n > top) {
      best = j;
      top = n;
    }
  }
  return best;
}

function disabled(rule: string, options: Options): boolean {
  return options.disabledRules.some((d) => rule === d || rule.startsWith(`${d}-`));
}

/**
 * Articles and guides about plans talk to their reader ("your child") under their plan-like headings; a plan
 * talks about one child. Only text under a section counts, so a covering letter around a plan does not.
 */
function addressesReader(underSections: readonly Scan[]): boolean {
  let words = 0;
  let second = 0;
  for (const s of underSections) {
    words += s.words;
    second += s.second;
  }
  return words >= 150 && second / words >= 0.01;
}

/** A sentence in text that is not a plan keeps only its hedge words, as a hint: nothing there is provision. */
function hintOnly(f: Finding): Finding[] {
  const spans = f.spans ?? [];
  if (!spans.length) return [];
  return [{ rule: spans[0]!.rule, category: 'hedge', severity: 'info', start: f.start, end: f.end, message: spans.map((s) => s.message).join(' '), why: f.why, spans }];
}

function byPosition(a: Finding, c: Finding): number {
  return a.start - c.start || c.end - a.end || a.rule.localeCompare(c.rule);
}

const PLAN_ROLES: ReadonlySet<Role> = new Set(['need', 'outcome', 'target', 'provision']);

export interface Analyzer {
  analyze(blocks: Block[], options?: Partial<Options>): Report;
}

/**
 * An analyser with its own caches. Each distinct block text is read once (label, vocabulary, words) and judged
 * once per context; a call then only aggregates those per-block facts, so an edit costs the changed block plus a
 * walk over the cached facts. The answer is always the same as a fresh analyser's.
 */
export function createAnalyzer(settings: AnalyzerSettings = {}): Analyzer {
  const syntax = generations<Syntax>(5000);
  const read: Read | undefined =
    settings.reader === false
      ? undefined
      : (text) => {
          let s = syntax.get(text);
          if (!s) {
            s = readSyntax(text);
            syntax.set(text, s);
          }
          return s;
        };
  const caches: Caches = { scans: generations<Scan>(5000), syntax, contextKeys: generations<string>(200), read };
  return {
    analyze: (blocks, options = {}) => {
      // Judged without the reader, an item it would have read gets the lexicons' verdict: never cache that as the answer.
      if (read && !readerLoaded()) throw new Error('the compromise reader is not loaded: await loadReader() before analysing');
      return analyzeWith(caches, blocks, options);
    },
  };
}

export interface AnalyzerSettings {
  /**
   * The compromise reader reads each item the lexical pass cannot settle (default on). Off, the analyser judges on
   * the lexicons alone: the evaluation compares the two to show what the reader earns.
   */
  reader?: boolean;
}

interface Caches {
  read: Read | undefined;
  scans: Generations<Scan>;
  /** The reader's readings of the items the lexical pass could not settle, by item text. */
  syntax: Generations<Syntax>;
  /**
   * One string per section context across calls: a judgement is then found by the very key string it was stored
   * under, which a Map compares by identity instead of character by character.
   */
  contextKeys: Generations<string>;
}

const shared = createAnalyzer();

/** Analyses a document's blocks with the shared analyser (its caches serve every caller in this context). */
export function analyze(blocks: Block[], options: Partial<Options> = {}): Report {
  return shared.analyze(blocks, options);
}

function analyzeWith(caches: Caches, blocks: Block[], options: Partial<Options>): Report {
  const opts: Options = { ...DEFAULT_OPTIONS, ...options };
  // A block has one or two items to read, rarely more.
  caches.scans.reserve(blocks.length);
  caches.syntax.reserve(2 * blocks.length);
  const scanned = blocks.map((b) => scan(caches.scans, b.text));
  const jurisdiction = chooseJurisdiction(scanned, opts);
  const plans = new Set<PlanType>();
  for (const s of scanned) for (const p of s.plans) plans.add(p);
  const planType = choosePlanType(plans, jurisdiction);
  // A block is judged by its text in a context: its section, the plan, the options that change judgement.
  const documentKey = JSON.stringify([jurisdiction, planType, opts.customPhrases, opts.allowedPhrases, opts.disabledRules, opts.assumePlan]);
  const sectionKeys = new Map<Label | undefined, string>();

  const sections: SectionFound[] = [];
  const sectionsAt: SectionAt[] = [];
  const units: UnitSummary[][] = [];
  const educational: boolean[] = [];
  const perBlock: Finding[][] = [];
  let current: Label | undefined;
  // Whether the current section's provision can meet a need: read once per section, not per block.
  let currentEducational = true;
  const underSections: Scan[] = [];
  blocks.forEach((b, i) => {
    const label = labelOfKind(scanned[i]!.label, b.text, b.kind, current, scanned[i]!.row, i + 1 < blocks.length);
    if (current || label?.persistent) underSections.push(scanned[i]!);
    if (label?.persistent) {
      current = label;
      currentEducational = meetsEducationalNeeds(label.name);
      sections.push({ name: label.name, role: label.role, blockId: b.id });
      sectionsAt.push({ block: i, text: b.text, role: label.role, personsByWhom: label.personsByWhom });
    }
    if (label?.heading) {
      perBlock.push([]);
      units.push([]);
      educational.push(false);
      return;
    }
    const active = label ?? current;
    educational.push(currentEducational);
    const role = active?.role;
    const personsByWhom = active?.personsByWhom ?? false;
    // Most blocks have no label of their own: they share their section's key string, built once per call.
    let key = label ? undefined : sectionKeys.get(current);
    if (key === undefined) {
      key = `${role ?? '-'}|${personsByWhom}|${label ? label.contentStart : -1}|${documentKey}`;
      if (!label) {
        const same = caches.contextKeys.get(key);
        if (same === undefined) caches.contextKeys.set(key, key);
        else key = same;
        sectionKeys.set(current, key);
      }
    }
    const judged = scanned[i]!.judged;
    let result = judged.get(key);
    if (!result) {
      result = judgeBlock(b.text, { role, label, personsByWhom, jurisdiction, planType }, opts, caches.read);
      result.findings.sort(byPosition);
      if (judged.size >= CONTEXTS_PER_TEXT) judged.delete(judged.keys().next().value!);
      judged.set(key, result);
    }
    perBlock.push(result.findings);
    units.push(result.units);
  });

  const ids = blocks.map((b) => b.id);
  const plan = { jurisdiction, planType };
  const { coverage, findings: coverageFindings } = checkCoverage(units, ids, educational, plan);
  const placed = [...coverageFindings, checkTargetCount(units, plan), checkCspPersons(sectionsAt, plan)];
  // Document-level findings join the finding on their sentence, in a copy: the cached per-block list stays as judged.
  for (const p of placed) {
    if (!p || disabled(p.finding.rule, opts)) continue;
    const list = perBlock[p.block]!;
    const at = list.findIndex((f) => f.start === p.finding.start && f.end === p.finding.end);
    perBlock[p.block] = at < 0 ? [...list, p.finding].sort(byPosition) : list.map((f, i) => (i === at ? foldInto(f, p.finding) : f));
  }

  // A plan has a section only a plan would have (Section F, Measurable annual goals), or at least two kinds of
  // plan section under plain headings ("Targets", "Support"). Articles about plans have neither.
  const planSections = scanned.filter((s) => s.label?.persistent && PLAN_ROLES.has(s.label.role)).map((s) => s.label!);
  const structured = planSections.some((l) => l.specific) || new Set(planSections.map((l) => l.role)).size >= 2;
  const isPlan = opts.assumePlan || (structured && !addressesReader(underSections));

  const counts: Counts = { error: 0, warning: 0, info: 0, needs: 0, outcomes: 0, targets: 0, provisions: 0 };
  for (const list of units) {
    for (const u of list) {
      if (u.role === 'need') counts.needs++;
      else if (u.role === 'outcome') counts.outcomes++;
      else if (u.role === 'target') counts.targets++;
      else if (u.role === 'provision') counts.provisions++;
    }
  }
  const out: BlockReport[] = blocks.map((b, i) => {
    let findings = perBlock[i]!;
    // Text that does not read as a plan is left alone (FP-POLICY-PROSE): only its hedge phrases stay, as hints
    // for a user who asks to check the page anyway.
    if (!isPlan) findings = findings.flatMap(hintOnly);
    // The statutory minimum: only what fails the legal test of the plan's jurisdiction and section.
    if (opts.strictness === 'statutory') findings = findings.filter((f) => f.severity === 'error');
    for (const f of findings) counts[f.severity]++;
    // A fresh array per answer: the cached list is never handed out to be changed.
    return { id: b.id, text: b.text, findings: findings === perBlock[i] ? findings.slice() : findings };
  });
  return { planType, jurisdiction, isPlan, blocks: out, sections, coverage, counts };
}

/** A finding placed `by` characters further on, its hedge words with it. */
export function shifted(f: Finding, by: number): Finding {
  const moved: Finding = { ...f, start: f.start + by, end: f.end + by };
  if (f.spans) moved.spans = f.spans.map((s) => ({ ...s, start: s.start + by, end: s.end + by }));
  return moved;
}

/**
 * Convenience for callers with one string (CLI, review page): blocks are lines; offsets are into `text`.
 * `kinds[i]`, where the caller knows it (a heading or table row in a Word or HTML file), is line i's block kind.
 */
export function analyzeText(
  text: string,
  options: Partial<Options> = {},
  kinds: readonly (BlockKind | undefined)[] = [],
  analyzer: Analyzer = shared,
): { report: Report; findings: Finding[] } {
  const blocks: Block[] = [];
  const starts: number[] = [];
  let pos = 0;
  for (const para of text.split('\n')) {
    const kind = kinds[blocks.length];
    blocks.push(kind ? { id: String(blocks.length), text: para, kind } : { id: String(blocks.length), text: para });
    starts.push(pos);
    pos += para.length + 1;
  }
  const report = analyzer.analyze(blocks, options);
  const findings = report.blocks.flatMap((b, i) => b.findings.map((f) => shifted(f, starts[i]!)));
  return { report, findings };
}
