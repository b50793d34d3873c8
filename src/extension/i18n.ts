// Plan Lens's own words (menus, badge titles, its pages, the card's buttons) in the browser's language: en_GB by
// default, en_US where the browser speaks American English (public/_locales; a missing en_US message falls back).
import { browser } from 'wxt/browser';
import messages from '../../public/_locales/en_GB/messages.json';

export type MessageName = keyof typeof messages;

/**
 * The message in the browser's language. Chromium sometimes hands an extension an empty message bundle for a whole
 * run (seen with an unpacked build: every getMessage gives ''), which would leave every label and button blank; the
 * default locale's own words, bundled here, stand in so a page is never wordless.
 */
export function t(name: MessageName, ...substitutions: string[]): string {
  return browser.i18n.getMessage(name, substitutions) || substitute(messages[name].message, substitutions);
}

/** getMessage's `$1`…`$9` (and `$$` for a dollar sign), for the bundled words. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
