// The content script's side of analysis: sends only changed blocks, resends what a restarted worker
// forgot, and retries while the service worker is stopped or starting (MV3 stops idle workers; a
// message in flight then fails with "message port closed" or "receiving end does not exist").
import type { Block, BlockReport } from '../analysis';
import type { AnalyzeResponse, Request } from './messages';

export type Send<R = Request> = (request: R) => Promise<unknown>;

/** Waits between attempts: the worker is usually back within a few hundred milliseconds. */
const RETRY_DELAYS_MS = [50, 100, 200, 400, 800, 1600, 3200];

const isAnalyzeResponse = (value: unknown): value is AnalyzeResponse =>
  typeof value === 'object' && value !== null && ['analyzed', 'resend'].includes((value as { kind?: string }).kind ?? '');

export async function sendWithRetry<R>(send: Send<R>, request: R, wait = (ms: number) => new Promise((r) => setTimeout(r, ms))): Promise<unknown> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await send(request);
      // No answer at all means no listener was ready yet: as good as a failed send.
      if (answer !== undefined) return answer;
      if (attempt >= RETRY_DELAYS_MS.length) throw new Error('Plan Lens: the service worker did not answer');
    } catch (error) {
      if (attempt >= RETRY_DELAYS_MS.length) throw error;
    }
    await wait(RETRY_DELAYS_MS[attempt]!);
  }
}

export function createAnalysisClient(send: Send, doc: string, wait?: (ms: number) => Promise<unknown>) {
  /** The ids of the last request the worker answered, which a request with the same ones leaves out; null when unsure. */
  let answeredIds: string[] | null = null;
  return async (blocks: Block[], changed: ReadonlySet<string>): Promise<{ isPlan: boolean; blocks: BlockReport[] }> => {
    const ids = blocks.map((b) => b.id);
    const sameIds = answeredIds?.length === ids.length && ids.every((id, i) => id === answeredIds![i]);
    let request: Request = { kind: 'analyze', doc, ...(sameIds ? {} : { ids }), changed: blocks.filter((b) => changed.has(b.id)) };
    // Twice is enough: a resend only happens after the worker restarted, and it then has everything.
    for (let round = 0; round < 3; round++) {
      // A request that fails may still have reached the worker: until an answer says which ids it holds, send them.
      answeredIds = null;
      const answer: unknown = await sendWithRetry(send, request, wait);
      if (!isAnalyzeResponse(answer)) throw new Error('Plan Lens: unexpected answer from the service worker');
      if (answer.kind === 'analyzed') {
        answeredIds = ids;
        return { isPlan: answer.isPlan, blocks: answer.blocks };
      }
      const wanted = answer.ids === 'all' ? null : new Set(answer.ids);
      request = { kind: 'analyze', doc, ids, changed: blocks.filter((b) => !wanted || wanted.has(b.id) || changed.has(b.id)) };
    }
    throw new Error('Plan Lens: the service worker kept forgetting the document');
  };
}
