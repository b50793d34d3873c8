// Where a frame's text sits in its parent's: an editor frame between "Section F" and "Section I" holds Section F's
// provision. Each frame's content script reads only its own document, so the parent tells each child frame the
// block just before it; the child passes that on to the worker, which reads the tab's frames in document order.
// Window messages carry no plan text: a document id and a block id.

const SOURCE = 'plan-lens/frame-anchor';

/** Where a child frame sits: after block `after` of document `parentDoc` (null: before its first block). */
export interface FrameAnchor {
  parentDoc: string;
  after: string | null;
}

type AnchorMessage = { source: typeof SOURCE; type: 'where' } | ({ source: typeof SOURCE; type: 'here' } & FrameAnchor);

const isAnchorMessage = (data: unknown): data is AnchorMessage => typeof data === 'object' && data !== null && (data as { source?: unknown }).source === SOURCE;

/** Parent side: tells every child frame where it sits now, and again whenever one asks (a frame loaded later). */
export function answerChildFrames(win: Window, parentDoc: string, blockBefore: (frame: Element) => Promise<string | null> | null, signal: AbortSignal): void {
  const frames = () => [...win.document.querySelectorAll('iframe, frame')] as HTMLIFrameElement[];
  const tell = async (frame: HTMLIFrameElement) => {
    // The answer waits for the page's first read, which may take several tasks on a long page.
    const message: AnchorMessage = { source: SOURCE, type: 'here', parentDoc, after: await blockBefore(frame) };
    if (signal.aborted) return;
    // Any origin: the child may be another site's editor; the message says nothing about the plan's words.
    frame.contentWindow?.postMessage(message, '*');
  };
  win.addEventListener(
    'message',
    (e) => {
      if (!isAnchorMessage(e.data) || e.data.type !== 'where') return;
      const frame = frames().find((f) => f.contentWindow === e.source);
      if (frame) void tell(frame);
    },
    { signal },
  );
  for (const frame of frames()) void tell(frame);
}

/** Child side: asks the parent frame where this one sits; `onAnchor` gets each answer from the parent. */
export function askParentFrame(win: Window, onAnchor: (anchor: FrameAnchor) => void, signal: AbortSignal): void {
  if (win.parent === win) return;
  win.addEventListener(
    'message',
    (e) => {
      if (e.source !== win.parent || !isAnchorMessage(e.data) || e.data.type !== 'here') return;
      if (typeof e.data.parentDoc === 'string' && (e.data.after === null || typeof e.data.after === 'string')) onAnchor({ parentDoc: e.data.parentDoc, after: e.data.after });
    },
    { signal },
  );
  const ask: AnchorMessage = { source: SOURCE, type: 'where' };
  win.parent.postMessage(ask, '*');
}
