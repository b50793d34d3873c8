// Plan Lens's own words (menus, badge titles, its pages, the card's buttons) in the browser's language: en_GB by
// default, en_US where the browser speaks American English (public/_locales; a missing en_US message falls back).
import { browser, type WxtBrowser } from 'wxt/browser';
import { bundledWords } from '../documents/words';
import type { MessageName, Words } from '../page/words';

export type { MessageName };

/**
 * The named messages of a browser, in its language (the worker's modules take theirs as a parameter). Chromium
 * sometimes hands an extension an empty message bundle for a whole run (seen with an unpacked build: every
 * getMessage gives ''), which would leave every label and button blank; the bundled words of the browser's
 * language stand in, chosen as the browser chooses them, so a page is never wordless and says the same either way.
 */
export const wordsOf = (from: WxtBrowser): Words => {
  let bundled: Words | undefined;
  return (name, ...substitutions) => from.i18n.getMessage(name, substitutions) || (bundled ??= bundledWords(from.i18n.getUILanguage()))(name, ...substitutions);
};

export const t: Words = wordsOf(browser);
