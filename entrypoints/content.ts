// Per document (every frame, about:blank editor frames included): starts Plan Lens's page layer with
// the browser abilities it needs, honours the site's setting (automatic, always, off), and answers
// "Check this page".
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAnalysisClient, sendWithRetry } from '../src/extension/analysis-client';
import { isTabCommand, type Request } from '../src/extension/messages';
import { isShowPassageRequest } from '../src/extension/tab-plan-messages';
import { addIgnoredPhrase, loadSiteSettings, siteOf, watchSiteSettings, type SiteSettings } from '../src/extension/site-settings';
import { CARD_CSS } from '../src/page/card';
import { answerChildFrames, askParentFrame } from '../src/page/frame-anchor';
import { startPlanLens, type PlanLensPage } from '../src/page/plan-lens';
import { PLAN_SURFACES, siteFor } from '../src/sites/site';

export default defineContentScript({
  // Elsewhere it runs only where the user granted the site (site-access.ts) or asked (check-page.ts).
  matches: PLAN_SURFACES,
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  async main(ctx) {
    const site = siteOf(location);
    let settings = await loadSiteSettings(browser.storage.local, site);
    let running: { page: PlanLensPage; stop: AbortController } | null = null;
    /** This document's id with the worker: one per frame and page load. */
    const doc = crypto.randomUUID();

    const start = () => {
      const stop = new AbortController();
      ctx.signal.addEventListener('abort', () => stop.abort());
      const page = startPlanLens(document, abilities(ctx, doc, site, () => settings), stop.signal, siteFor(location).textRoots);
      if (settings.mode === 'always') page.checkPage();
      running = { page, stop };
    };
    const apply = () => {
      if (settings.mode === 'off') {
        running?.stop.abort();
        running = null;
      } else if (!running) start();
      else if (settings.mode === 'always') running.page.checkPage();
      else running.page.refresh();
    };
    watchSiteSettings(browser, site, (next) => ((settings = next), apply()), ctx.signal);
    apply();
    // The side panel reads the tab's frames in document order: tell child frames where they sit, learn where this one does.
    answerChildFrames(window, doc, (frame) => running?.page.blockBefore(frame) ?? null, ctx.signal);
    askParentFrame(window, (anchor) => void sendWithRetry(send, { kind: 'frame-anchor', ...anchor }).catch(() => undefined), ctx.signal);

    browser.runtime.onMessage.addListener((message) => {
      if (isShowPassageRequest(message)) return Promise.resolve(running?.page.showPassage(message.block, message.start, message.end, message.words) ?? false);
      if (!isTabCommand(message)) return undefined;
      if (message.kind === 'plan-in-tab') {
        running?.page.partOfPlan();
        return undefined;
      }
      if (message.kind === 'next-finding') return Promise.resolve(running?.page.nextFinding() ?? false);
      // The user asked on this page: that overrides "off" until the page is reloaded.
      if (!running) start();
      running!.page.checkPage();
      return Promise.resolve(true);
    });
  },
});

const send = (request: Request) => browser.runtime.sendMessage(request);

function abilities(ctx: ContentScriptContext, doc: string, site: string, settings: () => SiteSettings) {
  return {
    analyze: createAnalysisClient(send, doc),
    reportCount: (count: number) => void sendWithRetry(send, { kind: 'count', count }).catch(() => undefined),
    mountCard: async () => {
      const ui = await createShadowRootUi(ctx, {
        name: 'plan-lens-card',
        position: 'inline',
        // Beside the body, not in it: in an iframe editor (TinyMCE) the body is the editable content, and a
        // card inside it would be part of what the user edits, undoes and submits.
        anchor: () => document.documentElement,
        css: CARD_CSS,
        onMount: (container) => container,
      });
      ui.mount();
      return ui.mounted!;
    },
    ignoredPhrases: () => settings().ignoredPhrases,
    ignorePhrase: (phrase: string) => {
      settings().ignoredPhrases.add(phrase);
      void addIgnoredPhrase(browser.storage.local, site, phrase);
    },
    findElsewhere: () => void send({ kind: 'find-elsewhere' }).catch(() => undefined),
  };
}
