// The typed messages between content scripts and the service worker. One union per direction, each
// message tagged by `kind`, so a handler is a `switch` the compiler checks.
import type { Block, BlockKind, BlockReport, Jurisdiction, PlanType } from '../analysis';

/** Content script → service worker. */
export type Request =
  | {
      kind: 'analyze';
      /** One text document per frame and page load, so two tabs' paragraphs never mix. */
      doc: string;
      /**
       * Every block the document has now, in reading order; left out when they are the ids of the document's last
       * request that was answered (a long form has thousands, and a pause in typing changes none).
       */
      ids?: string[];
      /** Only the blocks whose text changed since the last answer (or that the worker asked for). */
      changed: Block[];
    }
  /** How many sentences this document underlines, and how many of them fail the legal test (errors). */
  | { kind: 'count'; count: number; errors: number }
  /** Next finding asked for in a frame without marks: move to a frame of the tab that has some. */
  | { kind: 'find-elsewhere' }
  /** A child frame is about to ask its parent where it sits, with this nonce (src/page/frame-anchor.ts). */
  | { kind: 'frame-question'; nonce: string }
  /** A parent frame's answer: the child frame that asked with `nonce` sits after this block of the parent's. */
  | { kind: 'frame-anchor'; nonce: string; after: string | null };

export type AnalyzeResponse =
  | {
      kind: 'analyzed';
      planType: PlanType;
      jurisdiction: Jurisdiction | 'unknown';
      isPlan: boolean;
      /** Reports for blocks whose findings are new to this document; other blocks keep what they had. */
      blocks: BlockReport[];
    }
  /** The worker was restarted and lost these blocks' text (`all`: the whole document, its ids too): send them again. */
  | { kind: 'resend'; ids: string[] | 'all' };

/**
 * Service worker → content script: the user asked to check the page (toolbar button, context menu);
 * a frame of the tab turned out to hold a plan, so every frame's text is part of it; the keyboard
 * walk through findings moves into this frame; the user granted or took back sites (match patterns)
 * while the page was open; another frame of the tab started Plan Lens, so a child frame asks its parent
 * where it sits again; or the worker has learnt where this frame sits, and reads its text there now.
 */
export type TabCommand =
  | { kind: 'check-page' }
  | { kind: 'plan-in-tab' }
  | { kind: 'next-finding' }
  /** The settings in force changed (options page, import, policy): the worker judges differently now. */
  | { kind: 'settings-changed' }
  | { kind: 'site-access'; origins: string[]; granted: boolean }
  | { kind: 'ask-parent' }
  | { kind: 'placed' };

// A message's fields are checked as well as its kind: a handler then reads only what its type says is there.
const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;
/** Ids and nonces are short: a content script makes them (random, a few dozen characters). */
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0 && value.length <= 100;
const BLOCK_KINDS: ReadonlySet<unknown> = new Set<BlockKind>(['heading', 'row', 'header-row', 'item']);
const isBlock = (value: unknown): value is Block => isRecord(value) && isId(value.id) && typeof value.text === 'string' && (value.kind === undefined || BLOCK_KINDS.has(value.kind));

export function isRequest(value: unknown): value is Request {
  if (!isRecord(value)) return false;
  switch (value.kind) {
    case 'analyze':
      return isId(value.doc) && (value.ids === undefined || (Array.isArray(value.ids) && value.ids.every(isId))) && Array.isArray(value.changed) && value.changed.every(isBlock);
    case 'count':
      return Number.isSafeInteger(value.count) && (value.count as number) >= 0 && Number.isSafeInteger(value.errors) && (value.errors as number) >= 0 && (value.errors as number) <= (value.count as number);
    case 'find-elsewhere':
      return true;
    case 'frame-question':
      return isId(value.nonce);
    case 'frame-anchor':
      return isId(value.nonce) && (value.after === null || isId(value.after));
    default:
      return false;
  }
}

export function isTabCommand(value: unknown): value is TabCommand {
  if (!isRecord(value)) return false;
  if (value.kind === 'site-access') return Array.isArray(value.origins) && value.origins.every((o) => typeof o === 'string') && typeof value.granted === 'boolean';
  return ['check-page', 'plan-in-tab', 'next-finding', 'settings-changed', 'ask-parent', 'placed'].includes(value.kind as string);
}
