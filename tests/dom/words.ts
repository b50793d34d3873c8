// The British English messages, looked up as the browser does ($1… filled in), for page-layer tests.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import messages from '../../public/_locales/en_GB/messages.json';
import type { MessageName, Words } from '../../src/page/words';

export const words: Words = (name, ...substitutions) => messages[name].message.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');

/** The fake browser's i18n.getMessage (which it lacks) answering as a British browser does. */
export const speakBritish = () =>
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name, substitutions) => words(name as MessageName, ...[substitutions ?? []].flat().map(String)));
