// Plan Lens's bundled words (public/_locales), looked up as the browser would: for Node, which has no browser (the
// CLI, tests), and for a browser whose message bundle came up empty (src/extension/i18n.ts).
import british from '../../public/_locales/en_GB/messages.json';
import american from '../../public/_locales/en_US/messages.json';
import type { MessageName, Words } from '../analysis/words';

const AMERICAN: Partial<Record<MessageName, { message: string }>> = american;

/** The words of a language: American English for en-US (where it does not differ, the British), British otherwise. */
export function bundledWords(language: string): Words {
  const us = /^en-US$/i.test(language);
  return (name, ...substitutions) => substitute(((us && AMERICAN[name]) || british[name]).message, substitutions);
}

/** British English, the default locale: what the CLI prints and an error's own message says. */
export const BRITISH: Words = bundledWords('en-GB');

/** getMessage's `$1`…`$9` (and `$$` for a dollar sign), for the bundled words. */
function substitute(message: string, substitutions: string[]): string {
  return message.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
