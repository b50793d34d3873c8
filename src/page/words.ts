// Plan Lens's own words in the page (the card's labels and buttons): named messages from public/_locales, looked up
// by whoever starts the page layer (the content script asks the browser, in the browser's language). The page
// layer uses no extension API, so the lookup is passed in.
import type { MessageName, Words } from '../analysis/words';

export type { MessageName, Words };

/** "13 sentences need work", as the side panel and the toolbar button's title say it. */
export const toFixWords = (words: Words, n: number): string => (n === 0 ? words('toFixNone') : `${n} ${words(n === 1 ? 'toFixOne' : 'toFixMany')}`);
