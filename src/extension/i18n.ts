// Plan Lens's own words (menus, badge titles, its pages, the card's buttons) in the browser's language: en_GB by
// default, en_US where the browser speaks American English (public/_locales; a missing en_US message falls back).
import { browser, type WxtBrowser } from 'wxt/browser';
import british from '../../public/_locales/en_GB/messages.json';
import american from '../../public/_locales/en_US/messages.json';
import type { MessageName, Words } from '../page/words';

export type { MessageName };

const AMERICAN: Partial<Record<MessageName, { message: string }>> = american;

/**
 * The named messages of a browser, in its language (the worker's modules take theirs as a parameter). Chromium
 * sometimes hands an extension an empty message bundle for a whole run (seen with an unpacked build: every
 * getMessage gives ''), which would leave every label and button blank; the bundled words of the browser's
 * language stand in, chosen as the browser chooses them, so a page is never wordless and says the same either way.
 */
export const wordsOf = (from: WxtBrowser): Words => {
  let bundled: ((name: MessageName) => string) | undefined;
  const inLanguage = (name: MessageName) => {
    bundled ??= /^en-US$/i.test(from.i18n.getUILanguage()) ? (n) => (AMERICAN[n] ?? british[n]).message : (n) => british[n].message;
    return bundled(name);
  };
  return (name, ...substitutions) => from.i18n.getMessage(name, substitutions) || substitute(inLanguage(name), substitutions);
};

export const t: Words = wordsOf(browser);

/** getMessage's `$1`…`$9` (and `$$` for a dollar sign), for the bundled words. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
