// Plan Lens's own words (menus, badge titles, its pages, the card's buttons) in the browser's language: en_GB by
// default, en_US where the browser speaks American English (public/_locales; a missing en_US message falls back).
import { browser, type WxtBrowser } from 'wxt/browser';
import messages from '../../public/_locales/en_GB/messages.json';
import type { MessageName, Words } from '../page/words';

export type { MessageName };

/**
 * The named messages of a browser, in its language (the worker's modules take theirs as a parameter). Chromium
 * sometimes hands an extension an empty message bundle for a whole run (seen with an unpacked build: every
 * getMessage gives ''), which would leave every label and button blank; the default locale's own words, bundled
 * here, stand in so a page is never wordless.
 */
export const wordsOf =
  (from: WxtBrowser): Words =>
  (name, ...substitutions) =>
    from.i18n.getMessage(name, substitutions) || substitute(messages[name].message, substitutions);

export const t: Words = wordsOf(browser);

/** getMessage's `$1`…`$9` (and `$$` for a dollar sign), for the bundled words. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
