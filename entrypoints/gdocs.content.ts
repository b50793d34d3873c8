// Google Docs, extension world: follows the document's text by the best route available, sends it to the
// worker for the side panel, shows the route in a badge, and answers the side panel's "Go to".
import { browser } from 'wxt/browser';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendWithRetry } from '../src/extension/analysis-client';
import { answerMessages } from '../src/extension/answer-messages';
import { wordsOf } from '../src/extension/i18n';
import { fromPlanLens } from '../src/extension/senders';
import { isGoToRequest, type ExportAnswer, type TabPlanRequest } from '../src/extension/tab-plan-messages';
import { watchGoogleDocs, type DocsState } from '../src/sites/google-docs';
import { STATUS_CSS, createDocsStatus, type DocsStatus } from '../src/sites/google-docs-status';

export default defineContentScript({
  matches: ['https://docs.google.com/document/*'],
  runAt: 'document_start',
  main(ctx) {
    // Retried while the worker is stopped or starting: a lost report would leave the side panel empty until an edit.
    const send = (request: TabPlanRequest) => sendWithRetry((r: TabPlanRequest) => browser.runtime.sendMessage(r), request);
    let status: DocsStatus | undefined;
    let shown: { state: DocsState; findings?: number } = { state: { route: 'waiting' } };
    const show = (state: DocsState, findings?: number) => {
      shown = { state, ...(findings === undefined ? {} : { findings }) };
      status?.update(state, findings);
    };

    const docs = watchGoogleDocs(window, {
      fetchExport: async () => {
        const answer = (await send({ kind: 'plan-lens/gdocs-export' })) as ExportAnswer;
        if (!answer.ok) throw new Error(answer.reason);
        return answer.text;
      },
      onState: (state) => {
        show(state);
        if (state.route === 'waiting') return;
        // The .docx route has no text, but the side panel still says why and offers the review page.
        void send({ kind: 'plan-lens/tab-plan', source: 'google-docs', route: state.route, ...(state.reason ? { reason: state.reason } : {}), text: state.text ?? '' }).then((findings) => {
          if (typeof findings === 'number') show(state, findings);
        });
      },
    });
    ctx.onInvalidated(docs.stop);

    answerMessages(browser, (message, sender) => {
      if (!fromPlanLens(sender, browser.runtime.id) || !isGoToRequest(message)) return undefined;
      return Promise.resolve(docs.goTo(message.start, message.end));
    });

    const mount = async () => {
      const ui = await createShadowRootUi(ctx, {
        name: 'plan-lens-docs-status',
        position: 'inline',
        anchor: () => document.body,
        css: STATUS_CSS,
        onMount: (container) => createDocsStatus(container, { refresh: () => void docs.refresh(), openReview: () => void send({ kind: 'plan-lens/open-review', from: 'gdocs' }), openPanel: () => void send({ kind: 'plan-lens/open-panel' }) }, wordsOf(browser)),
      });
      ui.mount();
      status = ui.mounted;
      status?.update(shown.state, shown.findings);
    };
    if (document.body) void mount();
    else document.addEventListener('DOMContentLoaded', () => void mount(), { once: true });
  },
});
