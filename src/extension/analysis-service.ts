// The worker side of analysis: remembers each document's block texts so a content script sends only
// the blocks that changed, runs the analyser over the whole document (plan type and sections depend
// on every block) in turns shared fairly with the other tabs (./turns.ts), and answers only with reports the
// content script does not have yet.
import type { Block, Options } from '../analysis';
import { inDocumentOrder, type FrameAnchor } from './frame-order';
import { createTurns, type Turns } from './turns';
import type { AnalyzeResponse, Request } from './messages';

type AnalyzeRequest = Extract<Request, { kind: 'analyze' }>;

/** Prefixes the ids of other frames' blocks read as context (a page's own ids never start with it). */
const CONTEXT_ID = '\u0000context:';

interface DocumentState {
  /** Block id → the block (its text and, where the page knows it, its kind). */
  texts: Map<string, Block>;
  /** The document's blocks in reading order, as of its last request that named them (null: none has yet), and as a set. */
  ids: string[] | null;
  current: Set<string>;
  /** Per block, the text + findings last answered, so unchanged reports are not sent again. */
  answered: Map<string, string>;
}

export interface AnalysisService {
  /** The frame's own documents only: a document id sent from another tab or frame names a document of its own. */
  analyze(request: AnalyzeRequest, tabId: number, frameId: number): Promise<AnalyzeResponse>;
  /** Whether the worker holds this document of the frame (false: its first request, or a restarted worker). */
  holds(tabId: number, frameId: number, doc: string): boolean;
  /** Whether some frame of the tab reads as a plan (an editor frame is then part of that plan). */
  isPlanTab(tabId: number): boolean;
  /** The frames of the tab that have asked for analysis, in frame-id order (gone frames included). */
  framesOf(tabId: number): number[];
  /** Drops the documents of a closed tab. */
  forgetTab(tabId: number): void;
  /** Every frame's blocks in the tab, in frame-id order (the top frame first), for the tab's whole-page report. */
  pageOf(tabId: number): { frame: number; blocks: Block[] }[];
  /** The tab started loading a page: its documents leave the page report until they speak again (a page
   *  that only changed its address keeps its content script, and its next request brings it back). */
  pageLeft(tabId: number): void;
  /** A child frame will ask its parent where it sits with `nonce` (src/page/frame-anchor.ts). */
  frameQuestion(tabId: number, frameId: number, nonce: string): void;
  /**
   * A parent frame answered the child that asked with `nonce`: it sits after the parent's block `after`, so
   * the page report reads the frames in document order. Returns the child's frame id, or null when no frame
   * of this tab asked with that nonce (or the parent has no document here).
   */
  anchorFrame(tabId: number, parentFrameId: number, nonce: string, after: string | null): number | null;
  /** Frames of the tab that asked where they sit and have no answer yet. */
  unplacedFrames(tabId: number): number[];
}

/**
 * `options`: the settings in force when each request is answered (the options page, the organisation's policy);
 * `turns`: the worker's one queue of analysis, which every tab shares.
 */
export function createAnalysisService(options: () => Partial<Options> = () => ({}), turns: Turns = createTurns()): AnalysisService {
  /**
   * Documents by tab, frame and the content script's document id ("tab:frame:doc"): the id alone is whatever a
   * message says, and a document is only ever read and written by the frame it came from.
   */
  const docs = new Map<string, DocumentState>();
  /** frame key ("tab:frame") → its current document key: a reloaded page replaces its old document. */
  const docOfFrame = new Map<string, string>();
  /** A child frame's question nonce → its frame key. */
  const questions = new Map<string, string>();
  /** tab → the frames whose own text reads as a plan. */
  const planFrames = new Map<number, Set<number>>();
  /** Documents of a page the tab has navigated away from, unless they have spoken since. */
  const left = new Set<string>();
  /** frame key → where the frame sits in its parent's text (the parent's document key), as the parent told it. */
  const anchors = new Map<string, FrameAnchor>();
  const framesOfTab = (tabId: number) =>
    [...docOfFrame.entries()]
      .filter(([f]) => f.startsWith(`${tabId}:`))
      .map(([f, doc]) => ({ frame: Number(f.slice(f.indexOf(':') + 1)), doc }))
      .sort((a, b) => a.frame - b.frame);

  /** Every frame's blocks in the tab, in document order. */
  function pageOf(tabId: number): { frame: number; blocks: Block[] }[] {
    return inDocumentOrder(
      framesOfTab(tabId).flatMap(({ frame, doc }) => {
        const state = docs.get(doc);
        const anchor = anchors.get(`${tabId}:${frame}`);
        return state?.ids && !left.has(doc) ? [{ frame, doc, blocks: state.ids.map((id) => state.texts.get(id)!), ...(anchor ? { anchor } : {}) }] : [];
      }),
    );
  }

  /**
   * A placed frame's blocks where they sit in the tab's text: an editor frame holding Section F is read as
   * provision under the parent's "Section F" heading, as the side panel reads it. Only the frame's own reports
   * go back; the other frames' blocks are context, under ids of their own.
   */
  const inPlace = (tabId: number, frameId: number): Block[] =>
    pageOf(tabId).flatMap((run) => (run.frame === frameId ? run.blocks : run.blocks.map((b) => ({ ...b, id: `${CONTEXT_ID}${run.frame}:${b.id}` }))));

  return {
    async analyze(request, tabId, frameId) {
      const frame = `${tabId}:${frameId}`;
      const key = `${frame}:${request.doc}`;
      const previous = docOfFrame.get(frame);
      if (previous !== undefined && previous !== key) {
        docs.delete(previous);
        left.delete(previous);
      }
      docOfFrame.set(frame, key);
      left.delete(key);
      let state = docs.get(key);
      if (!state) {
        state = { texts: new Map(), ids: null, current: new Set(), answered: new Map() };
        docs.set(key, state);
      }
      // Without ids, only the document's own blocks are kept: texts under other ids would never be let go.
      for (const block of request.changed) if (request.ids || state.current.has(block.id)) state.texts.set(block.id, block);
      // A request without ids means the ones this document sent last; a worker that was stopped and restarted has
      // forgotten them, and the texts: ask for them, don't guess.
      const ids = request.ids ?? state.ids;
      if (ids === null) return { kind: 'resend', ids: 'all' };
      const missing = ids.filter((id) => !state.texts.has(id));
      if (missing.length > 0) return { kind: 'resend', ids: missing };
      if (ids !== state.ids) {
        state.ids = ids;
        const current = (state.current = new Set(ids));
        for (const id of [...state.texts.keys()]) {
          if (!current.has(id)) {
            state.texts.delete(id);
            state.answered.delete(id);
          }
        }
      }
      const changed = new Set(request.changed.map((b) => b.id));
      // This request's own blocks as they are now: a later request of the frame may change or drop them while
      // this one waits its turn. A placed frame's context is read at each turn, as the other frames send it.
      const own = ids.map((id) => state.texts.get(id)!);
      const whole = await turns.run(tabId, () => (anchors.has(frame) ? inPlace(tabId, frameId) : own), (b) => changed.has(b.id), options);
      const report = { ...whole, blocks: whole.blocks.filter((b) => !b.id.startsWith(CONTEXT_ID)) };
      const blocks = report.blocks.filter((block) => {
        const answer = JSON.stringify([block.text, block.findings]);
        if (!changed.has(block.id) && state.answered.get(block.id) === answer) return false;
        state.answered.set(block.id, answer);
        return true;
      });
      const plans = planFrames.get(tabId) ?? new Set<number>();
      if (report.isPlan) plans.add(frameId);
      else plans.delete(frameId);
      planFrames.set(tabId, plans);
      // A TinyMCE frame holding Section F alone is still part of the plan its page shows.
      return { kind: 'analyzed', planType: report.planType, jurisdiction: report.jurisdiction, isPlan: plans.size > 0, blocks };
    },
    holds(tabId, frameId, doc) {
      return docs.has(`${tabId}:${frameId}:${doc}`);
    },
    isPlanTab(tabId) {
      return (planFrames.get(tabId)?.size ?? 0) > 0;
    },
    framesOf(tabId) {
      return framesOfTab(tabId).map((f) => f.frame);
    },
    forgetTab(tabId) {
      turns.forgetTab(tabId);
      planFrames.delete(tabId);
      for (const [frame, doc] of docOfFrame) {
        if (frame.startsWith(`${tabId}:`)) {
          docs.delete(doc);
          left.delete(doc);
          docOfFrame.delete(frame);
          anchors.delete(frame);
        }
      }
      for (const [nonce, frame] of questions) if (frame.startsWith(`${tabId}:`)) questions.delete(nonce);
    },
    pageOf,
    frameQuestion(tabId, frameId, nonce) {
      const frame = `${tabId}:${frameId}`;
      // A frame's new document asks with a new nonce: the old one answers nothing any more.
      for (const [old, f] of questions) if (f === frame) questions.delete(old);
      questions.set(nonce, frame);
    },
    anchorFrame(tabId, parentFrameId, nonce, after) {
      const child = questions.get(nonce);
      const parentDoc = docOfFrame.get(`${tabId}:${parentFrameId}`);
      if (!child?.startsWith(`${tabId}:`) || child === `${tabId}:${parentFrameId}` || parentDoc === undefined) return null;
      anchors.set(child, { parentDoc, after });
      return Number(child.slice(child.indexOf(':') + 1));
    },
    unplacedFrames(tabId) {
      return [...questions.values()].filter((f) => f.startsWith(`${tabId}:`) && !anchors.has(f)).map((f) => Number(f.slice(f.indexOf(':') + 1)));
    },
    pageLeft(tabId) {
      for (const { doc } of framesOfTab(tabId)) left.add(doc);
    },
  };
}
