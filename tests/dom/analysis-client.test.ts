import { describe, expect, it } from 'vitest';
import { createAnalysisService } from '../../src/extension/analysis-service';
import { createAnalysisClient, sendWithRetry } from '../../src/extension/analysis-client';
import type { Request } from '../../src/extension/messages';

const noWait = () => Promise.resolve();

describe('content-script analysis client', () => {
  it('retries while the worker is unreachable, then gets its answer', async () => {
    let calls = 0;
    const send = async () => {
      calls++;
      if (calls < 3) throw new Error('Could not establish connection. Receiving end does not exist.');
      return 'ok';
    };
    expect(await sendWithRetry(send, { kind: 'count', count: 1, errors: 0 }, noWait)).toBe('ok');
    expect(calls).toBe(3);
  });

  it('gives up after its retries so the page can ask again on the next edit', async () => {
    await expect(sendWithRetry(() => Promise.reject(new Error('gone')), { kind: 'count', count: 1, errors: 0 }, noWait)).rejects.toThrow('gone');
  });

  it('sends only changed blocks, and everything a restarted worker asks for', async () => {
    let service = createAnalysisService();
    const sent: Request[] = [];
    const send = async (r: Request) => {
      sent.push(r);
      return r.kind === 'analyze' ? service.analyze(r, 1, 0) : undefined;
    };
    const analyze = createAnalysisClient(send, 'doc', noWait);
    const blocks = [
      { id: 'a', text: 'Sam will have access to a laptop.' },
      { id: 'b', text: 'Weekly reading with a teacher.' },
    ];
    await analyze(blocks, new Set(['a', 'b']));
    service = createAnalysisService(); // the worker was stopped and started again
    const answer = await analyze([blocks[0]!, { id: 'b', text: 'Regular reading.' }], new Set(['b']));
    expect(answer.blocks.map((b) => b.id).sort()).toEqual(['a', 'b']);
    const changedSent = sent.map((r) => (r.kind === 'analyze' ? r.changed.map((b) => b.id) : []));
    expect(changedSent).toEqual([['a', 'b'], ['b'], ['a', 'b']]);
  });

  it('leaves the ids out while they are those of the last answered request, and sends them after a failure', async () => {
    const service = createAnalysisService();
    const sent: Request[] = [];
    let down = false;
    const send = async (r: Request) => {
      if (down) throw new Error('Receiving end does not exist.');
      sent.push(r);
      return r.kind === 'analyze' ? service.analyze(r, 1, 0) : undefined;
    };
    const analyze = createAnalysisClient(send, 'doc', noWait);
    const a = { id: 'a', text: 'Sam will have access to a laptop.' };
    const b = { id: 'b', text: 'Weekly reading with a teacher.' };
    await analyze([a, b], new Set(['a', 'b']));
    await analyze([a, { ...b, text: 'Regular reading.' }], new Set(['b']));
    await analyze([a], new Set());
    await analyze([a], new Set());
    down = true;
    await expect(analyze([a], new Set())).rejects.toThrow();
    down = false;
    await analyze([a], new Set());
    const idsSent = sent.map((r) => (r.kind === 'analyze' ? r.ids : 'other'));
    expect(idsSent).toEqual([['a', 'b'], undefined, ['a'], undefined, ['a']]);
    // Without ids, the worker judged the document it was last told of.
    expect(service.pageOf(1)[0]!.blocks.map((x) => x.text)).toEqual([a.text]);
  });
});
