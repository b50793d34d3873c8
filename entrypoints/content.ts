// Per document (every frame, about:blank editor frames included): starts Plan Lens's page layer with
// the browser abilities it needs, honours the site's setting (automatic, always, off), and answers
// "Check this page".
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createAnalysisClient, sendWithRetry } from '../src/extension/analysis-client';
import { answerMessages } from '../src/extension/answer-messages';
import { isTabCommand, type Request } from '../src/extension/messages';
import { isShowPassageRequest } from '../src/extension/tab-plan-messages';
import { coveredBy } from '../src/extension/site-access';
import { changeIgnored, loadSiteSettings, siteOf, siteUrl, watchSiteSettings, type SiteSettings } from '../src/extension/site-settings';
import { t } from '../src/extension/i18n';
import { CARD_CSS } from '../src/page/card';
import { fromPlanLens, type Sender } from '../src/extension/senders';
import { showNotice } from '../src/page/notice';
import { answerChildFrames, parentQuestion } from '../src/page/frame-anchor';
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
    let settings: SiteSettings | undefined;
    /** The user took the site's grant back while this page was open (site-access.ts); "Check this page" still works. */
    let withdrawn = false;
    let running: { page: PlanLensPage; stop: AbortController } | null = null;
    /** This document's id with the worker: one per frame and page load. */
    const doc = crypto.randomUUID();
    const mountCard = cardMount(ctx);

    const start = () => {
      // A newer copy of this script started in this document (an injection racing the registered script,
      // say) while this one was reading its settings: WXT invalidated this one, and the newer one runs.
      if (ctx.isInvalid) return;
      const stop = new AbortController();
      ctx.onInvalidated(() => stop.abort());
      const page = startPlanLens(document, abilities(doc, site, () => settings!, mountCard), stop.signal, siteFor(location).textRoots);
      if (settings!.mode === 'always') page.checkPage();
      running = { page, stop };
    };
    const stop = () => {
      running?.stop.abort();
      running = null;
    };
    /** Brings the page in line with the site's mode and grant. */
    const follow = () => {
      if (settings!.mode === 'off' || withdrawn) stop();
      else if (!running) start();
      else if (settings!.mode === 'always') running.page.checkPage();
      else running.page.refresh();
    };
    // Watched before the first read, so a choice made while it is read is not missed (reads answer in order).
    const first = loadSiteSettings(browser, site);
    watchSiteSettings(
      browser,
      site,
      (next) => {
        const modeChanged = next.mode !== settings?.mode;
        settings = next;
        // Only a change of mode switches Plan Lens on or off; an ignored phrase just redraws.
        if (modeChanged) follow();
        else running?.page.refresh();
      },
      ctx.signal,
    );
    settings = await first;
    if (ctx.isInvalid) return;
    follow();
    // The side panel reads the tab's frames in document order: a child frame asks its parent where it sits, and
    // the parent tells the worker (src/page/frame-anchor.ts).
    answerChildFrames(
      window,
      (frame) => running?.page.blockBefore(frame) ?? null,
      (nonce, after) => void sendWithRetry(send, { kind: 'frame-anchor', nonce, after }).catch(() => undefined),
      ctx.signal,
    );
    const askParent = parentQuestion(window, crypto.randomUUID().replace(/-/g, ''), (nonce) => sendWithRetry(send, { kind: 'frame-question', nonce }));
    void askParent().catch(() => undefined);

    // Any answer tells the worker a copy runs here, so it injects none (src/extension/check-page.ts).
    const onMessage = (message: unknown, sender: Sender) => {
      if (!fromPlanLens(sender, browser.runtime.id)) return undefined;
      if (isShowPassageRequest(message)) return Promise.resolve(running?.page.showPassage(message.block, message.start, message.end, message.words) ?? false);
      if (!isTabCommand(message)) return undefined;
      switch (message.kind) {
        case 'plan-in-tab':
          running?.page.partOfPlan();
          return undefined;
        case 'settings-changed':
          running?.page.recheck();
          return undefined;
        case 'next-finding':
          return Promise.resolve(running?.page.nextFinding() ?? false);
        case 'ask-parent':
          void askParent().catch(() => undefined);
          return undefined;
        case 'placed':
          running?.page.recheck();
          return undefined;
        case 'site-access':
          if (coveredBy(message.origins, siteUrl(location))) {
            withdrawn = !message.granted;
            if (withdrawn) stop();
            // A granted site runs by its mode; a page the user asked to check keeps running.
            else if (!running) follow();
          }
          return Promise.resolve(true);
        case 'check-page':
          // The user asked on this page: that overrides "off" (and a withdrawn grant) until the page is reloaded.
          withdrawn = false;
          if (!running) start();
          running?.page.checkPage();
          return Promise.resolve(true);
      }
    };
    ctx.onInvalidated(answerMessages(browser, onMessage));
  },
});

const send = (request: Request) => browser.runtime.sendMessage(request);

/** The card's host, put into the page once per copy: turned off and on again, Plan Lens reuses it. */
function cardMount(ctx: ContentScriptContext): () => Promise<HTMLElement> {
  let mounted: Promise<HTMLElement> | undefined;
  const mount = async () => {
    const ui = await createShadowRootUi(ctx, {
      name: 'plan-lens-card',
      position: 'inline',
      // Closed: the page's scripts cannot reach into the card (its words, its buttons) through the host.
      mode: 'closed',
      // Beside the body, not in it: in an iframe editor (TinyMCE) the body is the editable content, and a
      // card inside it would be part of what the user edits, undoes and submits.
      anchor: () => document.documentElement,
      css: CARD_CSS,
      onMount: (container) => container,
    });
    ui.mount();
    return ui.mounted!;
  };
  return () => (mounted ??= mount());
}

function abilities(doc: string, site: string, settings: () => SiteSettings, mountCard: () => Promise<HTMLElement>) {
  return {
    analyze: createAnalysisClient(send, doc),
    reportCount: (count: number, errors: number) => void sendWithRetry(send, { kind: 'count', count, errors }).catch(() => undefined),
    mountCard,
    words: t,
    highlightsInherit: !import.meta.env.FIREFOX,
    ignored: () => settings().ignored,
    ignore: (what: { phrases?: string[]; sentences?: string[] }) => {
      // Hidden at once here; every other tab of the site learns it from storage.
      for (const p of what.phrases ?? []) settings().ignored.phrases.add(p);
      for (const s of what.sentences ?? []) settings().ignored.sentences.add(s);
      void changeIgnored(browser.storage.local, site, what);
    },
    findElsewhere: () => void send({ kind: 'find-elsewhere' }).catch(() => undefined),
    checked: ({ isPlan, marks }: { isPlan: boolean; marks: number }) => {
      // Said once per tab, by its top frame; a plan with underlines needs no words.
      if (window !== window.top || (isPlan && marks > 0)) return;
      showNotice(document, isPlan ? t('checkedNothing') : t('checkedNotPlan', String(marks)));
    },
  };
}
