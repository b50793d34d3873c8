// The service worker's answer to every content-script request: a plain function, so tests call it
// directly with a fake browser instead of going through runtime.onMessage.
import type { AnalysisService } from './analysis-service';
import type { Badge } from './badge';
import type { AnalyzeResponse, Request } from './messages';

export interface Sender {
  tab?: { id?: number; title?: string };
  frameId?: number;
}

export interface Services {
  analysis: AnalysisService;
  badge: Badge;
  /** Tells every frame of the tab that the tab shows a plan (frames that answered earlier learn it now). */
  announcePlan(tabId: number): void;
  /** A frame's text was analysed: the tab's whole-page report for the side panel follows. */
  pageChanged(tabId: number, title: string): void;
  /** Moves the keyboard walk through findings into a frame; resolves false if it has no marks (or is gone). */
  walkInto(tabId: number, frameId: number): Promise<boolean>;
}

export async function handleRequest(request: Request, sender: Sender, services: Services): Promise<AnalyzeResponse | number | boolean> {
  const tabId = sender.tab?.id ?? -1;
  const frameId = sender.frameId ?? 0;
  switch (request.kind) {
    case 'analyze': {
      const wasPlan = services.analysis.isPlanTab(tabId);
      const answer = services.analysis.analyze(request, tabId, frameId);
      if (!wasPlan && tabId >= 0 && services.analysis.isPlanTab(tabId)) services.announcePlan(tabId);
      if (tabId >= 0 && answer.kind === 'analyzed') services.pageChanged(tabId, sender.tab?.title ?? '');
      return answer;
    }
    case 'count':
      return tabId < 0 ? request.count : services.badge.setFrameCount(tabId, frameId, request.count);
    case 'frame-anchor':
      if (tabId < 0) return false;
      services.analysis.anchorFrame(tabId, frameId, { parentDoc: request.parentDoc, after: request.after });
      services.pageChanged(tabId, sender.tab?.title ?? '');
      return true;
    case 'find-elsewhere': {
      // The frames after the asking one first, wrapping round; the first that has marks takes the walk.
      const frames = tabId < 0 ? [] : services.analysis.framesOf(tabId).filter((f) => f !== frameId);
      for (const f of [...frames.filter((f) => f > frameId), ...frames.filter((f) => f < frameId)]) {
        if (await services.walkInto(tabId, f)) return true;
      }
      return false;
    }
  }
}
