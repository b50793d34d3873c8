// The messages around per-tab plan reports, apart from the worker code so content scripts and the side panel
// import them without bundling the analyser.
import type { Finding, Report } from '../analysis/index';
import type { Route } from '../sites/google-docs';

/** What the side panel shows for one tab. */
export interface TabPlan {
  source: 'google-docs';
  route: Route;
  reason?: string;
  title: string;
  text: string;
  report: Report;
  findings: Finding[];
  /** True when "Go to" can select text in the page (the live Docs route). */
  canGoTo: boolean;
}

export type TabPlanRequest =
  /** Content script → worker: the tab's plan text now (answer: the number of findings). */
  | { kind: 'plan-lens/tab-plan'; source: 'google-docs'; route: Route; reason?: string; text: string }
  /** Content script → worker: fetch a Google Docs export with the user's session (answer: ExportAnswer). */
  | { kind: 'plan-lens/gdocs-export'; url: string }
  /** Content script → worker: open the review page for a document Plan Lens could not read in place. */
  | { kind: 'plan-lens/open-review'; from: 'gdocs' }
  /** Content script → worker: show this tab's report (the user clicked in the page). */
  | { kind: 'plan-lens/open-panel' };

/** Side panel → content script in a tab: select a finding's text in the page (answer: whether it could). */
export type GoToRequest = { kind: 'plan-lens/go-to'; start: number; end: number };

export type ExportAnswer = { ok: true; text: string } | { ok: false; reason: string };

export const tabPlanKey = (tabId: number) => `tab-plan:${tabId}`;

export const isTabPlanRequest = (m: unknown): m is TabPlanRequest =>
  typeof m === 'object' && m !== null && ['plan-lens/tab-plan', 'plan-lens/gdocs-export', 'plan-lens/open-review', 'plan-lens/open-panel'].includes((m as { kind?: string }).kind ?? '');

export const isGoToRequest = (m: unknown): m is GoToRequest => typeof m === 'object' && m !== null && (m as { kind?: string }).kind === 'plan-lens/go-to';
