// The toolbar badge: how many findings the tab shows, summed over its frames. Counts live in
// storage.session so a restarted service worker still adds a frame's new count to the others'.
import type { WxtBrowser } from 'wxt/browser';

type FrameCounts = Record<string, number>;

const key = (tabId: number) => `badge:${tabId}`;

export interface Badge {
  setFrameCount(tabId: number, frameId: number, count: number): Promise<number>;
  /** The frames of the tab that show marks, in frame-id order (the top frame first). */
  framesWithMarks(tabId: number): Promise<number[]>;
  clearTab(tabId: number): Promise<void>;
}

export function createBadge(browser: WxtBrowser): Badge {
  const show = async (tabId: number, total: number) => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: '#7c2d12' });
    await browser.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
  };
  const read = async (tabId: number) => (await browser.storage.session.get(key(tabId)))[key(tabId)] as FrameCounts | undefined;
  return {
    async framesWithMarks(tabId) {
      return Object.entries((await read(tabId)) ?? {})
        .filter(([, n]) => n > 0)
        .map(([frame]) => Number(frame))
        .sort((a, b) => a - b);
    },
    async setFrameCount(tabId, frameId, count) {
      const stored = await read(tabId);
      const counts: FrameCounts = { ...stored, [frameId]: count };
      await browser.storage.session.set({ [key(tabId)]: counts });
      const total = Object.values(counts).reduce((a, b) => a + b, 0);
      await show(tabId, total);
      return total;
    },
    async clearTab(tabId) {
      await browser.storage.session.remove(key(tabId));
      // The tab may be gone already (onRemoved): then there is no badge left to clear.
      await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
    },
  };
}
