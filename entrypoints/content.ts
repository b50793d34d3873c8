// Per document (every frame, about:blank editor frames included): starts Plan Lens's page layer with
// the browser abilities it needs, and answers "Check this page".
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { createAnalysisClient, sendWithRetry } from '../src/extension/analysis-client';
import { isTabCommand, type Request } from '../src/extension/messages';
import { CARD_CSS } from '../src/page/card';
import { startPlanLens } from '../src/page/plan-lens';

export default defineContentScript({
  matches: ['<all_urls>'],
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  main(ctx) {
    const send = (request: Request) => browser.runtime.sendMessage(request);
    const page = startPlanLens(
      document,
      {
        analyze: createAnalysisClient(send, crypto.randomUUID()),
        reportCount: (count) => void sendWithRetry(send, { kind: 'count', count }).catch(() => undefined),
        mountCard: async () => {
          const ui = await createShadowRootUi(ctx, {
            name: 'plan-lens-card',
            position: 'inline',
            anchor: () => document.body ?? document.documentElement,
            css: CARD_CSS,
            onMount: (container) => container,
          });
          ui.mount();
          return ui.mounted!;
        },
      },
      ctx.signal,
    );
    browser.runtime.onMessage.addListener((message) => {
      if (!isTabCommand(message)) return undefined;
      page.checkPage();
      return Promise.resolve(true);
    });
  },
});
