// The ways into the review page from the browser: "Check selected text with Plan Lens" (context menu and keyboard
// command, with the reader's selection) and "Check a PDF or Word file" (toolbar button menu). The text travels through storage.session (memory only, never synced) under a
// one-time key in the page's URL, so it is not left in history or on disk.
import type { WxtBrowser } from 'wxt/browser';
import { onGesture } from './gesture-script';
import { wordsOf } from './i18n';

export const CHECK_SELECTION_MENU = 'plan-lens-check-selection';
export const CHECK_FILE_MENU = 'plan-lens-check-file';
/** The manifest `commands` key (wxt.config.ts). */
export const CHECK_SELECTION_COMMAND = 'check-selection';

export interface Handover {
  text: string;
  name: string;
  /** Shown above the plan, e.g. which route brought the text here. */
  notice?: string;
  /** Opened to write the parent's requested amendments (from the side panel). */
  show?: 'amendments';
}

const storageKey = (id: string) => `handover:${id}`;

export async function openReviewWith(browser: WxtBrowser, handover: Handover): Promise<void> {
  const id = crypto.randomUUID();
  await browser.storage.session.set({ [storageKey(id)]: handover });
  await browser.tabs.create({ url: `${browser.runtime.getURL('/review.html')}#handover=${id}` });
}

/** Reads the handed-over text once: the key is removed as soon as the page has it. */
export async function takeHandover(browser: WxtBrowser, hash: string): Promise<Handover | undefined> {
  const id = /handover=([\w-]+)/.exec(hash)?.[1];
  if (!id) return undefined;
  const key = storageKey(id);
  const stored = (await browser.storage.session.get(key))[key] as Handover | undefined;
  await browser.storage.session.remove(key);
  return stored;
}

/** The selection in the active tab's focused frame, read on a user gesture (activeTab). */
async function selectionIn(browser: WxtBrowser, tabId: number): Promise<string> {
  const results = await onGesture(() =>
    browser.scripting.executeScript({
    target: { tabId, allFrames: true },
    func: () => {
      const active = document.activeElement;
      if (active instanceof HTMLTextAreaElement || (active instanceof HTMLInputElement && active.type === 'text')) {
        return active.value.slice(active.selectionStart ?? 0, active.selectionEnd ?? 0);
      }
      return document.getSelection()?.toString() ?? '';
    },
  }),
  );
  return results.map((r) => (typeof r.result === 'string' ? r.result : '')).sort((a, b) => b.length - a.length)[0] ?? '';
}

async function review(browser: WxtBrowser, text: string, title: string | undefined): Promise<void> {
  if (!text.trim()) return;
  await openReviewWith(browser, { text, name: title ? wordsOf(browser)('selectionFrom', title) : wordsOf(browser)('selectionUntitled') });
}

/** Wires the menu item and the command; call once from the service worker's start-up. */
export function registerSelectionReview(browser: WxtBrowser): void {
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({ id: CHECK_SELECTION_MENU, title: wordsOf(browser)('menuCheckSelection'), contexts: ['selection'] });
    browser.contextMenus.create({ id: CHECK_FILE_MENU, title: wordsOf(browser)('menuCheckFile'), contexts: ['action'] });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === CHECK_FILE_MENU) void browser.tabs.create({ url: browser.runtime.getURL('/review.html') });
    if (info.menuItemId !== CHECK_SELECTION_MENU) return;
    // selectionText flattens line breaks; re-read the selection from the page when we may, to keep paragraphs.
    const fromPage = tab?.id !== undefined ? selectionIn(browser, tab.id).catch(() => '') : Promise.resolve('');
    void fromPage.then((text) => review(browser, text || info.selectionText || '', tab?.title));
  });
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== CHECK_SELECTION_COMMAND || tab?.id === undefined) return;
    void selectionIn(browser, tab.id)
      .catch(() => '')
      .then((text) => (text.trim() ? review(browser, text, tab.title) : openReviewWith(browser, { text: '', name: '', notice: wordsOf(browser)('selectionNone') })));
  });
}
