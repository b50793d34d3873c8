import { describe, expect, it } from 'vitest';
import { onGesture } from './gesture-script';

const refusal = new Error('Cannot access contents of the page. Extension manifest must request permission to access the respective host.');

/** A scripting call that is refused `times` times, then answers. */
function refusedFirst(times: number) {
  let calls = 0;
  const run = async () => {
    calls++;
    if (calls <= times) throw refusal;
    return 'selected text';
  };
  return { run, calls: () => calls };
}

describe('a script run on a user gesture', () => {
  const waits: number[] = [];
  const wait = async (ms: number) => void waits.push(ms);

  it('is tried again while Chrome has not yet applied the gesture\'s grant', async () => {
    const call = refusedFirst(2);
    await expect(onGesture(call.run, wait)).resolves.toBe('selected text');
    expect(call.calls()).toBe(3);
  });

  it('gives up after a few short waits when access stays refused', async () => {
    waits.length = 0;
    const call = refusedFirst(Infinity);
    await expect(onGesture(call.run, wait)).rejects.toThrow(/Cannot access contents/);
    expect(call.calls()).toBe(4);
    expect(waits.reduce((a, b) => a + b, 0)).toBeLessThan(1_000);
  });

  it('does not retry any other failure (a closed tab, a page no extension may script)', async () => {
    let calls = 0;
    const run = async () => {
      calls++;
      throw new Error('No tab with id: 7.');
    };
    await expect(onGesture(run, wait)).rejects.toThrow('No tab with id');
    expect(calls).toBe(1);
  });
});
