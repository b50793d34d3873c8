// Plan Lens's runtime.onMessage listeners answer with a promise (webextension-polyfill sends its value back to
// the sender) or return undefined to leave the message to another listener. Chrome's types declare every such
// listener as returning void, which would hide a promise nobody handles; this is the one place that says a
// listener's promise is its answer.
import type { Browser, WxtBrowser } from 'wxt/browser';

export type MessageAnswer = (message: unknown, sender: Browser.runtime.MessageSender) => Promise<unknown> | undefined;

/** Listens for runtime messages with `answer`; returns the function that stops listening. */
export function answerMessages(browser: WxtBrowser, answer: MessageAnswer): () => void {
  const listener = answer as (message: unknown, sender: Browser.runtime.MessageSender) => void;
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}
