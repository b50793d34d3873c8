// The toolbar badge: how many sentences the tab underlines, summed over its frames; red when any of them fails the
// legal test, and its title says how many do, errors first. Counts live in storage.session so a restarted service
// worker still adds a frame's new count to the others'.
import type { WxtBrowser } from 'wxt/browser';
import { toFixWords, type Words } from '../page/words';
import { wordsOf } from './i18n';

type FrameCounts = Record<string, number>;

const key = (tabId: number) => `badge:${tabId}`;
const errorsKey = (tabId: number) => `badge-errors:${tabId}`;

/** Errors red, warnings only amber (both with white text at a contrast of 4.5:1 or more). */
const ERROR_COLOUR = '#b91c1c';
const WARNING_COLOUR = '#92400e';

/** "Plan Lens: 13 sentences need work (10 fail the legal test)". */
export function badgeTitle(words: Words, total: number, errors: number): string {
  if (total === 0) return words('extensionName');
  const sentences = toFixWords(words, total);
  return errors ? words('badgeTitleErrors', sentences, `${errors} ${words(errors === 1 ? 'errorsOne' : 'errorsMany')}`) : words('badgeTitle', sentences);
}

export interface Badge {
  setFrameCount(tabId: number, frameId: number, count: number, errors: number): Promise<number>;
  clearTab(tabId: number): Promise<void>;
}

export function createBadge(browser: WxtBrowser): Badge {
  const words = wordsOf(browser);
  const show = async (tabId: number, total: number, errors: number) => {
    await browser.action.setBadgeBackgroundColor({ tabId, color: errors > 0 ? ERROR_COLOUR : WARNING_COLOUR });
    await browser.action.setBadgeText({ tabId, text: total > 0 ? String(total) : '' });
    await browser.action.setTitle({ tabId, title: badgeTitle(words, total, errors) });
  };
  const read = async (tabId: number, k = key) => (await browser.storage.session.get(k(tabId)))[k(tabId)] as FrameCounts | undefined;
  const sum = (counts: FrameCounts) => Object.values(counts).reduce((a, b) => a + b, 0);
  // Frames report at the same moment; each update reads, changes and writes the stored counts, so
  // they run one after another, or one frame's write would undo another's.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(update: () => Promise<T>): Promise<T> => {
    const next = queue.then(update, update);
    queue = next.catch(() => undefined);
    return next;
  };
  return {
    setFrameCount: (tabId, frameId, count, errors) =>
      serially(async () => {
        const counts: FrameCounts = { ...(await read(tabId)), [frameId]: count };
        const errorCounts: FrameCounts = { ...(await read(tabId, errorsKey)), [frameId]: errors };
        await browser.storage.session.set({ [key(tabId)]: counts, [errorsKey(tabId)]: errorCounts });
        const total = sum(counts);
        await show(tabId, total, sum(errorCounts));
        return total;
      }),
    clearTab: (tabId) =>
      serially(async () => {
        await browser.storage.session.remove([key(tabId), errorsKey(tabId)]);
        // The tab may be gone already (onRemoved): then there is no badge left to clear.
        await browser.action.setBadgeText({ tabId, text: '' }).catch(() => undefined);
      }),
  };
}
