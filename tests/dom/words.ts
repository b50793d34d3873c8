// The British English messages, looked up as the browser does ($1… filled in), for page-layer tests.
import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { bundledWords } from '../../src/documents/words';
import type { MessageName, Words } from '../../src/page/words';

export const words: Words = bundledWords('en-GB');
/** The same, as an American browser gives them. */
export const americanWords: Words = bundledWords('en-US');

/** The fake browser's i18n.getMessage (which it lacks) answering as a British browser does. */
export const speakBritish = () =>
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((name, substitutions) => words(name as MessageName, ...[substitutions ?? []].flat().map(String)));
