// Google Docs draws its page on a canvas, so the text is not in the DOM. Three routes to it, best first:
//  1. live: Docs' annotated-text API, switched on by `_docs_annotate_canvas_by_ext` set to Plan Lens's own
//     extension id before Docs boots (MAIN world, document_start); follows edits, and "Go to" selects text.
//  2. export: a snapshot of the document as plain text from its export URL (fetched by the background).
//  3. docx: the user downloads the .docx and drops it into the review page.
// The MAIN-world half (`runAnnotatedTextBridge`) talks to the isolated half (`watchGoogleDocs`) by
// window messages, because only the page's world can call Docs and only the extension's can reach the worker.
import type { MessageName, Words } from '../page/words';

/** Plan Lens's Chrome id, fixed by the manifest `key` (wxt.config.ts); a unit test keeps the two in step. */
export const PLAN_LENS_CHROME_ID = 'dkjnaakmdcmeofhpcljobeojognknpbp';

const SOURCE = 'plan-lens-gdocs';

export type Route = 'waiting' | 'live' | 'export' | 'docx';

type BridgeMessage =
  | { source: typeof SOURCE; type: 'text'; text: string }
  | { source: typeof SOURCE; type: 'unavailable' }
  | { source: typeof SOURCE; type: 'select'; start: number; end: number };

interface AnnotatedText {
  getText(): string;
  setSelection(start: number, end: number): void;
}

interface DocsWindow extends Window {
  _docs_annotate_canvas_by_ext?: string;
  _docs_annotate_getAnnotatedText?: () => Promise<AnnotatedText> | AnnotatedText;
}

const isBridgeMessage = (data: unknown): data is BridgeMessage => typeof data === 'object' && data !== null && (data as { source?: unknown }).source === SOURCE;

/**
 * The two halves post to their own window: a message from anywhere else (a frame of the page, another window
 * that holds a reference to this one) is not the bridge's, whatever it says.
 */
const fromThisWindow = (win: Window, e: MessageEvent) => e.source === win && e.origin === win.location.origin;

/** Docs marks paragraph and section breaks with control characters: spaces keep every offset in place. */
export function cleanDocsText(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what Docs' text carries
  return text.replace(/[\u0000-\u0009\u000b-\u001f\u200b]/g, ' ');
}

export interface BridgeOptions {
  /** How often to look for the API and, once found, for edits. */
  pollMs?: number;
  /** How long after the page has loaded to wait for the API before calling it unavailable. */
  graceMs?: number;
}

/** MAIN world, document_start: ask Docs for annotated text, then relay the text whenever it changes. */
export function runAnnotatedTextBridge(win: Window, extensionId: string, { pollMs = 500, graceMs = 5_000 }: BridgeOptions = {}): () => void {
  const docs = win as DocsWindow;
  docs._docs_annotate_canvas_by_ext = extensionId;
  const post = (message: { type: 'text'; text: string } | { type: 'unavailable' }) => win.postMessage({ source: SOURCE, ...message }, win.location.origin);
  let annotated: AnnotatedText | undefined;
  let last: string | undefined;
  // Docs defines the API while it boots: count the wait only once the page has finished loading.
  let waitedSinceLoad = 0;
  let reportedUnavailable = false;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const tick = async () => {
    if (stopped) return;
    try {
      if (!annotated && typeof docs._docs_annotate_getAnnotatedText === 'function') annotated = await docs._docs_annotate_getAnnotatedText();
      if (annotated) {
        const text = cleanDocsText(annotated.getText());
        if (text !== last) post({ type: 'text', text });
        last = text;
      } else if (win.document.readyState === 'complete' && (waitedSinceLoad += pollMs) >= graceMs && !reportedUnavailable) {
        // Say so once, so the fallback starts; keep looking, more slowly, in case Docs offers its text later.
        post({ type: 'unavailable' });
        reportedUnavailable = true;
      }
    } catch {
      // Docs changed under us: treat as unavailable rather than retrying forever.
      post({ type: 'unavailable' });
      return;
    }
    timer = setTimeout(() => void tick(), reportedUnavailable && !annotated ? pollMs * 4 : pollMs);
  };

  const onMessage = (e: MessageEvent) => {
    if (!fromThisWindow(win, e) || !isBridgeMessage(e.data) || e.data.type !== 'select' || !annotated) return;
    annotated.setSelection(e.data.start, e.data.end);
  };
  win.addEventListener('message', onMessage);
  void tick();
  return () => {
    stopped = true;
    clearTimeout(timer);
    win.removeEventListener('message', onMessage);
  };
}

/** The plain-text export of the document open at `url`, keeping the signed-in account (/u/N/). */
export function exportUrlOf(url: string): string | null {
  const m = /^https:\/\/docs\.google\.com\/document\/(u\/\d+\/)?d\/([\w-]+)/.exec(url);
  return m ? `https://docs.google.com/document/${m[1] ?? ''}d/${m[2]}/export?format=txt` : null;
}

export interface DocsState {
  route: Route;
  /** The document's text on this route; offsets into it are what "Go to" takes (live route only). */
  text?: string;
  /** Why the route was chosen, when it is a fallback. */
  reason?: string;
}

export interface DocsCapabilities {
  /** Fetches this document's export with the user's Google session; rejects with a reason on any failure. */
  fetchExport(): Promise<string>;
  onState(state: DocsState): void;
}

/** Isolated world: follows the bridge, falls back to the export, then to the .docx, and says which. */
export function watchGoogleDocs(win: Window, capabilities: DocsCapabilities): { goTo: (start: number, end: number) => boolean; refresh: () => Promise<void>; stop: () => void } {
  let route: Route = 'waiting';
  const set = (state: DocsState) => {
    route = state.route;
    capabilities.onState(state);
  };

  const useExport = async (reason: string) => {
    // The worker exports the document at the address the browser gives for this frame (src/extension/tab-plans.ts).
    if (!exportUrlOf(win.location.href)) {
      set({ route: 'docx', reason: 'This page is not a Google Docs document Plan Lens can export.' });
      return;
    }
    try {
      const text = (await capabilities.fetchExport()).replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
      set({ route: 'export', text, reason });
    } catch (e) {
      set({ route: 'docx', reason: `${reason} The export did not work either (${(e as Error).message}).` });
    }
  };

  const onMessage = (e: MessageEvent) => {
    if (!fromThisWindow(win, e) || !isBridgeMessage(e.data)) return;
    if (e.data.type === 'text') set({ route: 'live', text: e.data.text });
    else if (e.data.type === 'unavailable' && route === 'waiting') void useExport('Google Docs did not offer its text to Plan Lens on this page.');
  };
  win.addEventListener('message', onMessage);
  set({ route: 'waiting' });

  return {
    goTo(start, end) {
      if (route !== 'live') return false;
      win.postMessage({ source: SOURCE, type: 'select', start, end }, win.location.origin);
      return true;
    },
    refresh: async () => {
      if (route === 'export' || route === 'docx') await useExport('Snapshot refreshed on request.');
    },
    stop: () => win.removeEventListener('message', onMessage),
  };
}

const ROUTE_LABELS: Record<DocsState['route'], MessageName> = { waiting: 'docsWaiting', live: 'docsLive', export: 'docsExport', docx: 'docsDocx' };

/** What the page badge and the side panel say about the route in use. */
export const routeLabel = (state: DocsState, words: Words): string => words(ROUTE_LABELS[state.route]);
