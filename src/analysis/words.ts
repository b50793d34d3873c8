// The names of Plan Lens's own words (public/_locales) and the lookup that gives them in the reader's language.
// Only the types live here, below every layer that shows words: each layer is handed its lookup by the one above
// (the browser's i18n in the extension, the bundled British words in Node), and no layer here reads a locale.
import type messages from '../../public/_locales/en_GB/messages.json';

export type MessageName = keyof typeof messages;
export type Words = (name: MessageName, ...substitutions: string[]) => string;
