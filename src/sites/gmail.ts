// Gmail: message bodies (`div.a3s`, stable for years across Gmail's obfuscated classes) and compose
// bodies (`g_editable`); everything else on the page is Gmail's own interface.
import type { Site } from './site';

export const gmail: Site = {
  name: 'gmail',
  textRoots: (doc) => [...doc.querySelectorAll('div.a3s, [g_editable="true"][contenteditable="true"]')],
};
