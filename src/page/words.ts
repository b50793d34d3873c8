// Plan Lens's own words in the page (the card's labels and buttons): named messages from public/_locales, looked up
// by whoever starts the page layer (the content script asks the browser, in the browser's language). The page
// layer uses no extension API, so the lookup is passed in.
import british from '../../public/_locales/en_GB/messages.json';
import american from '../../public/_locales/en_US/messages.json';
import type { MessageName, Words } from '../analysis/words';

export type { MessageName, Words };

const AMERICAN: Partial<Record<MessageName, { message: string }>> = american;

/**
 * The bundled words of a language, as the browser would give them: American English for en-US (a message it does
 * not differ in falls back to the British), British for any other. For Node (the CLI, tests) and for a browser
 * whose message bundle came up empty.
 */
export function bundledWords(language: string): Words {
  const us = /^en-US$/i.test(language);
  return (name, ...substitutions) => substitute(((us && AMERICAN[name]) || british[name]).message, substitutions);
}

/** getMessage's `$1`…`$9` (and `$$` for a dollar sign), for the bundled words. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}

/** "13 sentences need work", as the side panel and the toolbar button's title say it. */
export const toFixWords = (words: Words, n: number): string => (n === 0 ? words('toFixNone') : `${n} ${words(n === 1 ? 'toFixOne' : 'toFixMany')}`);
