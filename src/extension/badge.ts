// The toolbar badge: how many findings the tab shows, summed over its frames. Counts live in
// storage.session so a restarted service worker still adds a frame's new count to the others'.
import type { WxtBrowser } from 'wxt/browser';

type FrameCounts = Record<string, number>;

const key = (tabId: number) => `badge:${tabId}`;

export interface Badge {
  setFrameCount(tabId: number, frameId: number, count: number): Promise<number>;
  clearTab(tabId: number): Promise<void>;
}

export function createBadge(browser: WxtBrowser): Badge {
  const show = async (tabId: number, total: number) => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#7c2d12' });
    await browser.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
  };
  const read = async (tabId: number) => (await browser.storage.session.get(key(tabId)))[key(tabId)] as FrameCounts | undefined;
  // Frames report at the same moment; each update reads, changes and writes the stored counts, so
  // they run one after another, or one frame's write would undo another's.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(update: () => Promise<T>): Promise<T> => {
    const next = queue.then(update, update);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    setFrameCount: (tabId, frameId, count) =>
      serially(async () => {
        const counts: FrameCounts = { ...(await read(tabId)), [frameId]: count };
        await browser.storage.session.set({ [key(tabId)]: counts });
        const total = Object.values(counts).reduce((a, b) => a + b, 0);
        await show(tabId, total);
        return total;
      }),
    clearTab: (tabId) =>
      serially(async () => {
        await browser.storage.session.remove(key(tabId));
        // The tab may be gone already (onRemoved): then there is no badge left to clear.
        await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
      }),
  };
}
