import { words } from '../dom/words';
import { describe, expect, it, vi } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { CHECK_FILE_MENU, CHECK_SELECTION_COMMAND, CHECK_SELECTION_MENU, registerSelectionReview, takeHandover } from '../../src/extension/selection-review';

type Listener = (...args: never[]) => unknown;

/** Just the browser surface selection-review uses, recording what it does. */
function fakeBrowser(pageSelection: string | Error) {
  const listeners: Record<string, Listener> = {};
  const session = new Map<string, unknown>();
  const opened: string[] = [];
  const menus: unknown[] = [];
  const on = (name: string) => ({ addListener: (l: Listener) => void (listeners[name] = l) });
  const browser = {
    runtime: { onInstalled: on('installed'), getURL: (p: string) => `chrome-extension://id${p}` },
    i18n: { getMessage: (name: Parameters<typeof words>[0], substitutions: string[] = []) => words(name, ...substitutions) },
    contextMenus: { create: (m: unknown) => menus.push(m), onClicked: on('menu') },
    commands: { onCommand: on('command') },
    scripting: {
      executeScript: async () => {
        if (pageSelection instanceof Error) throw pageSelection;
        return [{ result: '' }, { result: pageSelection }];
      },
    },
    storage: {
      session: {
        set: async (items: Record<string, unknown>) => Object.entries(items).forEach(([k, v]) => session.set(k, v)),
        get: async (key: string) => (session.has(key) ? { [key]: session.get(key) } : {}),
        remove: async (key: string) => void session.delete(key),
      },
    },
    tabs: { create: async ({ url }: { url: string }) => void opened.push(url) },
  };
  registerSelectionReview(browser as unknown as WxtBrowser);
  const fire = (name: string, ...args: unknown[]) => (listeners[name] as (...a: unknown[]) => unknown)(...args);
  return { browser: browser as unknown as WxtBrowser, fire, opened, menus, session };
}

describe('Check selected text with Plan Lens', () => {
  it('adds the menu items on install: selections, and a file from the toolbar button', async () => {
    const { fire, menus, opened } = fakeBrowser('');
    fire('installed');
    expect(menus).toEqual([
      { id: CHECK_SELECTION_MENU, title: 'Check selected text with Plan Lens', contexts: ['selection'] },
      { id: CHECK_FILE_MENU, title: 'Check a PDF or Word file…', contexts: ['action'] },
    ]);
    fire('menu', { menuItemId: CHECK_FILE_MENU }, { id: 2 });
    await vi.waitFor(() => expect(opened).toEqual(['chrome-extension://id/review.html']));
  });

  it('opens the review page with the selection as read from the page (keeping line breaks), handed over once', async () => {
    const { browser, fire, opened } = fakeBrowser('Section F\nSam will have access to SALT.');
    fire('menu', { menuItemId: CHECK_SELECTION_MENU, selectionText: 'Section F Sam will have access to SALT.' }, { id: 7, title: 'Draft plan' });
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    const hash = new URL(opened[0]!).hash;
    expect(opened[0]).toMatch(/^chrome-extension:\/\/id\/review\.html#handover=[\w-]+$/);
    expect(await takeHandover(browser, hash)).toEqual({ text: 'Section F\nSam will have access to SALT.', name: 'Selection from “Draft plan”' });
    expect(await takeHandover(browser, hash)).toBeUndefined();
  });

  it('falls back to the menu’s own selection text where the page cannot be scripted', async () => {
    const { browser, fire, opened } = fakeBrowser(new Error('Cannot access a chrome:// URL'));
    fire('menu', { menuItemId: CHECK_SELECTION_MENU, selectionText: 'as required' }, { id: 7 });
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(await takeHandover(browser, new URL(opened[0]!).hash)).toEqual({ text: 'as required', name: 'Selected text' });
  });

  it('the keyboard command reads the selection; with none, opens the page saying so', async () => {
    const { browser, fire, opened } = fakeBrowser('   ');
    fire('command', CHECK_SELECTION_COMMAND, { id: 3, title: 'Mail' });
    await vi.waitFor(() => expect(opened).toHaveLength(1));
    expect(await takeHandover(browser, new URL(opened[0]!).hash)).toMatchObject({ text: '', notice: expect.stringContaining('Nothing was selected') });
    fire('command', 'something-else', { id: 3 });
    expect(opened).toHaveLength(1);
  });
});
