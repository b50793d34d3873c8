// Who sent a message, as the browser reports it. A message's own fields are whatever its sender chose to put
// there (a page can take over a renderer, and with it a content script's messages), so every handler asks the
// browser's `sender` instead: which extension, tab, frame and address the message came from.
import { exportUrlOf } from '../sites/google-docs';

/** runtime.onMessage's sender, the fields Plan Lens reads. */
export interface Sender {
  id?: string;
  url?: string;
  tab?: { id?: number; title?: string };
  frameId?: number;
}

/** This extension: its id, and the origin its own pages are served from (runtime.getURL('/')). */
export interface ExtensionSelf {
  id: string;
  origin: string;
}

export interface ContentScriptSender {
  tabId: number;
  frameId: number;
  /** The address of the frame's document. */
  url: string;
  title: string;
}

/** The tab and frame of a message from one of Plan Lens's content scripts; null from anyone else (its own pages included). */
export function contentScriptOf(sender: Sender, self: ExtensionSelf): ContentScriptSender | null {
  const tabId = sender.tab?.id;
  const { frameId, url } = sender;
  if (sender.id !== self.id || typeof tabId !== 'number' || tabId < 0 || typeof frameId !== 'number' || frameId < 0) return null;
  if (typeof url !== 'string' || url.startsWith(self.origin)) return null;
  return { tabId, frameId, url, title: sender.tab?.title ?? '' };
}

/** The tab and export address of a message from the top frame of a Google Docs document; null from anywhere else. */
export function docsDocumentOf(sender: Sender, self: ExtensionSelf): (ContentScriptSender & { exportUrl: string }) | null {
  const from = contentScriptOf(sender, self);
  const exportUrl = from && from.frameId === 0 ? exportUrlOf(from.url) : null;
  return from && exportUrl ? { ...from, exportUrl } : null;
}

/** Whether a message to a content script came from Plan Lens itself (its worker or one of its pages). */
export const fromPlanLens = (sender: Sender, extensionId: string): boolean => sender.id === extensionId;

/** Whether a message came from one of Plan Lens's own pages (the side panel, the options or review page). */
export const fromOwnPage = (sender: Sender, self: ExtensionSelf): boolean => sender.id === self.id && typeof sender.url === 'string' && sender.url.startsWith(self.origin);
