// The British English messages, looked up as the browser does ($1… filled in), for page-layer tests.
import messages from '../../public/_locales/en_GB/messages.json';
import type { Words } from '../../src/page/words';

export const words: Words = (name, ...substitutions) => messages[name].message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
