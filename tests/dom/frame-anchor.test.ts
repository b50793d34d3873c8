import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerChildFrames, parentQuestion } from '../../src/page/frame-anchor';

const QUESTION = { source: 'plan-lens/frame-anchor', type: 'where', nonce: 'n1' };
let controller: AbortController;
/** happy-dom loads no frames: each iframe gets a window-like object of its own, as in a browser. */
function frames(): HTMLIFrameElement[] {
  const list = [...document.querySelectorAll('iframe')];
  for (const f of list) Object.defineProperty(f, 'contentWindow', { value: { postMessage: () => undefined } });
  return list;
}

afterEach(() => {
  controller?.abort();
  document.body.innerHTML = '';
});

describe('frame anchoring between a parent frame and its child frames', () => {
  it('the parent answers a question from one of its own frames, to the worker, with the nonce it was asked with', async () => {
    document.body.innerHTML = '<p>Section F</p><iframe></iframe>';
    const [frame] = frames() as [HTMLIFrameElement];
    const answers: [string, string | null][] = [];
    controller = new AbortController();
    answerChildFrames(window, (el) => (el === frame ? Promise.resolve('block-before') : null), (nonce, after) => void answers.push([nonce, after]), controller.signal);
    // Not from a frame of this document (the page itself, another window), or not a question: no answer.
    window.dispatchEvent(new MessageEvent('message', { data: QUESTION, source: window }));
    window.dispatchEvent(new MessageEvent('message', { data: QUESTION }));
    window.dispatchEvent(new MessageEvent('message', { data: { ...QUESTION, nonce: 7 }, source: frame.contentWindow }));
    window.dispatchEvent(new MessageEvent('message', { data: QUESTION, source: frame.contentWindow }));
    await vi.waitFor(() => expect(answers).toEqual([['n1', 'block-before']]));
  });

  it('gives no answer while Plan Lens does not run in the parent', async () => {
    document.body.innerHTML = '<iframe></iframe>';
    const [frame] = frames() as [HTMLIFrameElement];
    const answer = vi.fn();
    controller = new AbortController();
    answerChildFrames(window, () => null, answer, controller.signal);
    window.dispatchEvent(new MessageEvent('message', { data: QUESTION, source: frame.contentWindow }));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(answer).not.toHaveBeenCalled();
  });

  it('the child gives the worker its nonce first, then asks its parent with the nonce alone, at the parent’s origin', async () => {
    const order: string[] = [];
    const posted: [unknown, string][] = [];
    const parent = { postMessage: (data: unknown, origin: string) => void (order.push('asked'), posted.push([data, origin])) };
    const child = { parent, location: { ancestorOrigins: ['https://portal.example'] } } as unknown as Window;
    const ask = parentQuestion(child, 'n1', async () => void order.push('registered'));
    await ask();
    await ask();
    expect(order).toEqual(['registered', 'asked', 'asked']);
    expect(posted[0]).toEqual([{ source: 'plan-lens/frame-anchor', type: 'where', nonce: 'n1' }, 'https://portal.example']);
  });

  it('a top-level document has no parent to ask', async () => {
    const register = vi.fn(async () => undefined);
    await parentQuestion(window, 'n1', register)();
    expect(register).not.toHaveBeenCalled();
  });
});
