// The side panel's "Check this page" with a browser that answers as told: checked at once; or the tab's site asked
// for and the page checked once a grant lets the worker reach it; or, without host access requests, unreachable.
import { describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { checkFromPanel } from '../../src/extension/check-page';

/** The worker answers each check with the next of `reached` (or throws it); `ask` is Chrome's host access request. */
function fakeBrowser(reached: (boolean | Error)[], ask?: () => Promise<void>) {
  const onAdded = new Set<() => void>();
  const checks: unknown[] = [];
  const browser = {
    runtime: {
      sendMessage: async (message: unknown) => {
        checks.push(message);
        const answer = reached.shift() ?? false;
        if (answer instanceof Error) throw answer;
        return answer;
      },
    },
    permissions: {
      onAdded: { addListener: (l: () => void) => onAdded.add(l), removeListener: (l: () => void) => onAdded.delete(l) },
      ...(ask ? { addHostAccessRequest: ask } : {}),
    },
  } as unknown as WxtBrowser;
  const grant = async () => {
    for (const l of [...onAdded]) l();
    await new Promise((r) => setTimeout(r, 0));
  };
  return { browser, checks, onAdded, grant };
}

describe('the side panel’s "Check this page"', () => {
  it('asks the worker to check the tab, and is done when it could', async () => {
    const { browser, checks, onAdded } = fakeBrowser([true], vi.fn());
    expect(await checkFromPanel(browser, 7, new AbortController().signal, () => undefined)).toBe('checked');
    expect(checks).toEqual([{ kind: 'plan-lens/check-tab', tabId: 7 }]);
    expect(onAdded.size).toBe(0);
  });

  it('where the page cannot be reached, asks for the tab’s site and checks the page once a grant reaches it', async () => {
    const ask = vi.fn(async () => undefined);
    const checked = vi.fn();
    // Unreached; a grant for another site (still unreached); a worker that did not answer; then reached.
    const { browser, checks, onAdded, grant } = fakeBrowser([false, false, new Error('no worker'), true], ask);
    expect(await checkFromPanel(browser, 7, new AbortController().signal, checked)).toBe('asked');
    expect(ask).toHaveBeenCalledWith({ tabId: 7 });
    await grant();
    await grant();
    expect(checked).not.toHaveBeenCalled();
    await grant();
    expect(checked).toHaveBeenCalledOnce();
    expect(checks).toHaveLength(4);
    // Once checked it stops listening for grants.
    expect(onAdded.size).toBe(0);
  });

  it('stops waiting for a grant when the panel moves on', async () => {
    const stop = new AbortController();
    const checked = vi.fn();
    const { browser, onAdded } = fakeBrowser([false, true], async () => undefined);
    expect(await checkFromPanel(browser, 7, stop.signal, checked)).toBe('asked');
    stop.abort();
    expect(onAdded.size).toBe(0);
    expect(checked).not.toHaveBeenCalled();
  });

  it('is unreachable where the browser cannot ask for a site (Firefox) or refuses to', async () => {
    expect(await checkFromPanel(fakeBrowser([false]).browser, 7, new AbortController().signal, () => undefined)).toBe('unreachable');
    const refusing = fakeBrowser([false], () => Promise.reject(new Error('No tab with id: 7')));
    expect(await checkFromPanel(refusing.browser, 7, new AbortController().signal, () => undefined)).toBe('unreachable');
    expect(refusing.onAdded.size).toBe(0);
  });
});
