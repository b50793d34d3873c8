// The side panel's report for ordinary pages (portal read views, forms, editors, webmail): the text every
// frame's content script sent for analysis, put together in frame order and analysed as one plan, kept in
// storage.session under the tab's key as the page changes. The analyser's per-block cache makes the whole-page
// pass cheap; writes wait for typing to pause.
import type { WxtBrowser } from 'wxt/browser';
import { analyzeText, loadReader, type Block, type Options, type Report } from '../analysis/index';
import { tabPlanKey, type PagePlan, type TabPlan } from './tab-plan-messages';

export interface FrameBlocks {
  frame: number;
  blocks: Block[];
}

/** What the panel needs of a report: everything but the per-block copy of text and findings. */
export function reportSummary(report: Report): TabPlan['report'] {
  const { planType, jurisdiction, isPlan, sections, coverage, counts } = report;
  return { planType, jurisdiction, isPlan, sections, coverage, counts };
}

/** One plan from all frames' blocks: one line per block, so the report's block ids are line numbers. A page that
 *  does not read as a plan keeps only the verdict: its text stays out of storage (every page visited would
 *  otherwise be copied there), and the panel has nothing to list for it. */
export function pagePlan(frames: readonly FrameBlocks[], title: string, options: Partial<Options> = {}): PagePlan {
  const lines = frames.flatMap((f) => f.blocks.map((b) => ({ frame: f.frame, block: b.id })));
  // Preformatted text keeps its line breaks in a block: spaces keep the block on its line and every offset in place.
  const text = frames.flatMap((f) => f.blocks.map((b) => b.text.replace(/\n/g, ' '))).join('\n');
  // Each block keeps the kind the page gave it (heading, table row), so the panel agrees with the marks.
  const { report, findings } = analyzeText(text, options, frames.flatMap((f) => f.blocks.map((b) => b.kind)));
  if (!report.isPlan) return { source: 'page', title, text: '', report: reportSummary(report), findings: [], lines: [] };
  return { source: 'page', title, text, report: reportSummary(report), findings, lines };
}

export interface TabReports {
  /** A frame of the tab sent changed text: rewrite the tab's report once the changes pause. */
  changed: (tabId: number, title: string) => void;
  /** The tab closed. */
  forget: (tabId: number) => void;
}

/** Typing settles before the report is rewritten (the page's own marks already follow every pause). */
const WRITE_DELAY_MS = 300;

/** `options`: the settings in force (src/extension/settings.ts). */
export function createTabReports(browser: WxtBrowser, pageOf: (tabId: number) => FrameBlocks[], options: () => Partial<Options>, delayMs = WRITE_DELAY_MS): TabReports {
  const timers = new Map<number, ReturnType<typeof setTimeout>>();
  const titles = new Map<number, string>();
  /** The text, placement and settings last written per tab: the same give the same findings, so they are not written again. */
  const written = new Map<number, string>();

  async function write(tabId: number): Promise<void> {
    timers.delete(tabId);
    const key = tabPlanKey(tabId);
    const frames = pageOf(tabId).filter((f) => f.blocks.length > 0);
    const stored = (await browser.storage.session.get(key))[key] as TabPlan | undefined;
    // A Google Docs document reaches the panel by its own route; the Docs page's other frames (menus, about:blank
    // helpers) do not replace it. A page of text in the top frame does: the tab has left Docs.
    if (stored?.source === 'google-docs' && !frames.some((f) => f.frame === 0)) return;
    if (!frames.length) {
      written.delete(tabId);
      if (stored) await browser.storage.session.remove(key);
      return;
    }
    await loadReader();
    const judgedBy = options();
    const plan = pagePlan(frames, titles.get(tabId) ?? '', judgedBy);
    const signature = JSON.stringify([plan.title, plan.text, plan.lines, judgedBy]);
    if (stored && written.get(tabId) === signature) return;
    written.set(tabId, signature);
    await browser.storage.session.set({ [key]: plan });
  }

  return {
    changed(tabId, title) {
      if (title) titles.set(tabId, title);
      clearTimeout(timers.get(tabId));
      timers.set(
        tabId,
        setTimeout(() => void write(tabId).catch(() => undefined), delayMs),
      );
    },
    forget(tabId) {
      clearTimeout(timers.get(tabId));
      timers.delete(tabId);
      titles.delete(tabId);
      written.delete(tabId);
    },
  };
}
