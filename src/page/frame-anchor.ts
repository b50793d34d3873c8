// Where a frame's text sits in its parent's: an editor frame between "Section F" and "Section I" holds Section F's
// provision. Each frame's content script reads only its own document, so a child frame asks its parent, and the
// parent tells the worker (never the child) the block just before that frame. The window message carries only a
// random nonce, which the child gave the worker first: a frame that is not Plan Lens's (an advert, another site's
// page) can ask, but the worker ignores an answer to a nonce it was not given, and nothing about the parent's
// document or text goes back through the page.

const SOURCE = 'plan-lens/frame-anchor';

type Question = { source: typeof SOURCE; type: 'where'; nonce: string };

const isQuestion = (data: unknown): data is Question =>
  typeof data === 'object' && data !== null && (data as Question).source === SOURCE && (data as Question).type === 'where' && typeof (data as Question).nonce === 'string';

/**
 * Parent side: a child frame asked where it sits. `answer` gets the asking frame's nonce and the id of the last
 * block read before it (null if none); `blockBefore` is null while Plan Lens does not run in this document.
 */
export function answerChildFrames(
  win: Window,
  blockBefore: (frame: Element) => Promise<string | null> | null,
  answer: (nonce: string, after: string | null) => void,
  signal: AbortSignal,
): void {
  win.addEventListener(
    'message',
    (e) => {
      if (!isQuestion(e.data) || !e.source) return;
      const frame = [...win.document.querySelectorAll('iframe, frame')].find((f) => (f as HTMLIFrameElement).contentWindow === e.source);
      const before = frame ? blockBefore(frame) : null;
      const { nonce } = e.data;
      // The answer waits for the page's first read, which may take several tasks on a long page.
      if (before) void before.then((after) => signal.aborted || answer(nonce, after));
    },
    { signal },
  );
}

/**
 * Child side: the question, to ask now and again whenever the worker says the parent may answer it now. The
 * nonce is given to the worker (`register`) before the first question goes out.
 */
export function parentQuestion(win: Window, nonce: string, register: (nonce: string) => Promise<unknown>): () => Promise<void> {
  let registered: Promise<unknown> | undefined;
  return async () => {
    if (win.parent === win) return;
    registered ??= register(nonce).catch((error: unknown) => {
      registered = undefined;
      throw error;
    });
    await registered;
    const question: Question = { source: SOURCE, type: 'where', nonce };
    // To the parent's origin where the browser tells it (Chromium); Firefox does not, an opaque parent has none,
    // and the question carries nothing but the nonce.
    const origin = win.location.ancestorOrigins?.[0];
    win.parent.postMessage(question, origin && origin !== 'null' ? origin : '*');
  };
}
