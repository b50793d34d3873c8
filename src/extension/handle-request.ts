// The service worker's answer to every content-script request: a plain function, so tests call it
// directly with a fake browser instead of going through runtime.onMessage.
import { loadReader } from '../analysis/index';
import type { AnalysisService } from './analysis-service';
import type { Badge } from './badge';
import type { AnalyzeResponse, Request, TabCommand } from './messages';
import { contentScriptOf, type ExtensionSelf, type Sender } from './senders';

export interface Services {
  /** Plan Lens's own id and origin: only its content scripts' requests are answered. */
  self: ExtensionSelf;
  analysis: AnalysisService;
  badge: Badge;
  /** Tells every frame of the tab that the tab shows a plan (frames that answered earlier learn it now). */
  announcePlan(tabId: number): void;
  /** A frame's text was analysed: the tab's whole-page report for the side panel follows. */
  pageChanged(tabId: number, title: string): void;
  /** Moves the keyboard walk through findings into a frame; resolves false if it has no marks (or is gone). */
  walkInto(tabId: number, frameId: number): Promise<boolean>;
  /** Sends a command to one frame of a tab (it may be gone: then nothing happens). */
  tellFrame(tabId: number, frameId: number, command: TabCommand): void;
}

/** Answers a request from one of Plan Lens's content scripts; anything else gets no answer (undefined). */
export async function handleRequest(request: Request, sender: Sender, services: Services): Promise<AnalyzeResponse | number | boolean | undefined> {
  // The tab and frame are the browser's word, never the message's: a frame reads and writes only its own documents.
  const from = contentScriptOf(sender, services.self);
  if (!from) return undefined;
  const { tabId, frameId } = from;
  switch (request.kind) {
    case 'analyze': {
      // The reader is imported on a worker's first analysis, not when it starts for other events.
      await loadReader();
      const wasPlan = services.analysis.isPlanTab(tabId);
      const fresh = !services.analysis.holds(tabId, frameId, request.doc);
      const answer = await services.analysis.analyze(request, tabId, frameId);
      if (!wasPlan && services.analysis.isPlanTab(tabId)) services.announcePlan(tabId);
      // A document new here may be the parent that child frames asked before it listened: they ask again.
      if (fresh) for (const f of services.analysis.unplacedFrames(tabId)) if (f !== frameId) services.tellFrame(tabId, f, { kind: 'ask-parent' });
      if (answer.kind === 'analyzed') services.pageChanged(tabId, from.title);
      return answer;
    }
    case 'count':
      return services.badge.setFrameCount(tabId, frameId, request.count, request.errors);
    case 'frame-question':
      services.analysis.frameQuestion(tabId, frameId, request.nonce);
      return true;
    case 'frame-anchor': {
      const child = services.analysis.anchorFrame(tabId, frameId, request.nonce, request.after);
      if (child === null) return false;
      services.pageChanged(tabId, from.title);
      // The child's text now reads under its parent's section: it asks for analysis again.
      services.tellFrame(tabId, child, { kind: 'placed' });
      return true;
    }
    case 'find-elsewhere': {
      // The frames after the asking one first, wrapping round; the first that has marks takes the walk.
      const frames = services.analysis.framesOf(tabId).filter((f) => f !== frameId);
      for (const f of [...frames.filter((f) => f > frameId), ...frames.filter((f) => f < frameId)]) {
        if (await services.walkInto(tabId, f)) return true;
      }
      return false;
    }
  }
}
