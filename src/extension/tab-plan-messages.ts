// The messages around per-tab plan reports, apart from the worker code so content scripts and the side panel
// import them without bundling the analyser.
import type { Finding, Report } from '../analysis/index';
import type { Route } from '../sites/google-docs';

/** What every tab's report holds: the plan text as analysed (one block per line), and findings as offsets into it. */
interface PlanBase {
  title: string;
  text: string;
  /** The whole-document report; `blocks` is left out, the findings below carry the same information. */
  report: Omit<Report, 'blocks'>;
  findings: Finding[];
}

/** A Google Docs document, read by one of the Docs routes. */
export interface DocsPlan extends PlanBase {
  source: 'google-docs';
  route: Route;
  reason?: string;
  /** True when "Go to" can select text in the page (the live Docs route). */
  canGoTo: boolean;
}

/** Where a line of a page plan's text was read: the frame and the block id the content script gave it. */
export interface PlacedLine {
  frame: number;
  block: string;
}

/** Any other page: the text of all its frames, in frame order, as their content scripts read it. */
export interface PagePlan extends PlanBase {
  source: 'page';
  /** One per line of `text`. */
  lines: PlacedLine[];
}

/** What the side panel shows for one tab. */
export type TabPlan = DocsPlan | PagePlan;

export type TabPlanRequest =
  /** Content script → worker: the tab's plan text now (answer: the number of findings). */
  | { kind: 'plan-lens/tab-plan'; source: 'google-docs'; route: Route; reason?: string; text: string }
  /** Content script → worker: fetch the export of the Google Docs document the asking tab shows, with the user's
   *  session (answer: ExportAnswer). The address is the browser's (the sender's), never the message's. */
  | { kind: 'plan-lens/gdocs-export' }
  /** Content script → worker: open the review page for a document Plan Lens could not read in place. */
  | { kind: 'plan-lens/open-review'; from: 'gdocs' }
  /** Content script → worker: show this tab's report (the user clicked in the page). */
  | { kind: 'plan-lens/open-panel' };

/** Side panel → content script in a tab: select a finding's text in the page (answer: whether it could). */
export type GoToRequest = { kind: 'plan-lens/go-to'; start: number; end: number };

/** Side panel → the content script of one frame: select, reveal and open a finding's passage in a block it read.
 *  `words` is what the panel quotes: if the block's text has changed there since, the answer is false. */
export type ShowPassageRequest = { kind: 'plan-lens/show-passage'; block: string; start: number; end: number; words: string };

export type ExportAnswer = { ok: true; text: string } | { ok: false; reason: string };

export const TAB_PLAN_PREFIX = 'tab-plan:';
export const tabPlanKey = (tabId: number) => `${TAB_PLAN_PREFIX}${tabId}`;

const ROUTES: readonly unknown[] = ['waiting', 'live', 'export', 'docx'] satisfies Route[];

/** The message's kind and every field its handler reads. */
export function isTabPlanRequest(m: unknown): m is TabPlanRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  switch (r.kind) {
    case 'plan-lens/tab-plan':
      return r.source === 'google-docs' && ROUTES.includes(r.route) && typeof r.text === 'string' && (r.reason === undefined || typeof r.reason === 'string');
    case 'plan-lens/open-review':
      return r.from === 'gdocs';
    case 'plan-lens/gdocs-export':
    case 'plan-lens/open-panel':
      return true;
    default:
      return false;
  }
}

const isOffset = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const hasSpan = (r: Record<string, unknown>) => isOffset(r.start) && isOffset(r.end) && r.start <= r.end;

export const isShowPassageRequest = (m: unknown): m is ShowPassageRequest =>
  typeof m === 'object' && m !== null && (m as Record<string, unknown>).kind === 'plan-lens/show-passage' && hasSpan(m as Record<string, unknown>) && typeof (m as ShowPassageRequest).block === 'string' && typeof (m as ShowPassageRequest).words === 'string';

export const isGoToRequest = (m: unknown): m is GoToRequest => typeof m === 'object' && m !== null && (m as Record<string, unknown>).kind === 'plan-lens/go-to' && hasSpan(m as Record<string, unknown>);
