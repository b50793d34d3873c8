// The typed messages between content scripts and the service worker. One union per direction, each
// message tagged by `kind`, so a handler is a `switch` the compiler checks.
import type { Block, BlockReport, Jurisdiction, PlanType } from '../analysis';
import type { FrameAnchor } from '../page/frame-anchor';

/** Content script → service worker. */
export type Request =
  | {
      kind: 'analyze';
      /** One text document per frame and page load, so two tabs' paragraphs never mix. */
      doc: string;
      /** Every block the document has now, in reading order. */
      ids: string[];
      /** Only the blocks whose text changed since the last answer (or that the worker asked for). */
      changed: Block[];
    }
  | { kind: 'count'; count: number }
  /** Next finding asked for in a frame without marks: move to a frame of the tab that has some. */
  | { kind: 'find-elsewhere' }
  /** A child frame learnt from its parent where it sits in the parent's text (src/page/frame-anchor.ts). */
  | ({ kind: 'frame-anchor' } & FrameAnchor);

export type AnalyzeResponse =
  | {
      kind: 'analyzed';
      planType: PlanType;
      jurisdiction: Jurisdiction | 'unknown';
      isPlan: boolean;
      /** Reports for blocks whose findings are new to this document; other blocks keep what they had. */
      blocks: BlockReport[];
    }
  /** The worker was restarted and lost these blocks' text: send them again. */
  | { kind: 'resend'; ids: string[] };

/**
 * Service worker → content script: the user asked to check the page (toolbar button, context menu);
 * a frame of the tab turned out to hold a plan, so every frame's text is part of it; the keyboard
 * walk through findings moves into this frame; or the user granted or took back sites (match patterns)
 * while the page was open.
 */
export type TabCommand =
  | { kind: 'check-page' }
  | { kind: 'plan-in-tab' }
  | { kind: 'next-finding' }
  /** The settings in force changed (options page, import, policy): the worker judges differently now. */
  | { kind: 'settings-changed' }
  | { kind: 'site-access'; origins: string[]; granted: boolean };

export function isRequest(value: unknown): value is Request {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'analyze' || kind === 'count' || kind === 'find-elsewhere' || kind === 'frame-anchor';
}

export function isTabCommand(value: unknown): value is TabCommand {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === 'site-access') {
    const { origins, granted } = value as { origins?: unknown; granted?: unknown };
    return Array.isArray(origins) && origins.every((o) => typeof o === 'string') && typeof granted === 'boolean';
  }
  return kind === 'check-page' || kind === 'plan-in-tab' || kind === 'next-finding' || kind === 'settings-changed';
}
