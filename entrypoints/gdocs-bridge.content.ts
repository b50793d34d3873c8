// Google Docs, page world, before Docs boots: ask for annotated text under Plan Lens's own extension id
// (never another vendor's), and relay the text to the isolated content script (gdocs.content.ts).
import { defineContentScript } from 'wxt/utils/define-content-script';
import { PLAN_LENS_CHROME_ID, runAnnotatedTextBridge } from '../src/sites/google-docs';

export default defineContentScript({
  matches: ['https://docs.google.com/document/*'],
  world: 'MAIN',
  runAt: 'document_start',
  main() {
    // chrome.runtime does not exist in the page world, so the id is the one pinned by the manifest key.
    runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID);
  },
});
