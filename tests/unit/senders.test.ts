import { describe, expect, it } from 'vitest';
import { contentScriptOf, docsDocumentOf, fromOwnPage, fromPlanLens } from '../../src/extension/senders';

const SELF = { id: 'plan-lens-id', origin: 'chrome-extension://plan-lens-id/' };

describe('who sent a message, by the browser’s account', () => {
  it('a content script of Plan Lens in a tab: its tab, frame and address', () => {
    expect(contentScriptOf({ id: SELF.id, url: 'https://portal.example/plan', tab: { id: 3, title: 'Plan' }, frameId: 2 }, SELF)).toEqual({ tabId: 3, frameId: 2, url: 'https://portal.example/plan', title: 'Plan' });
    // Another extension, Plan Lens's own page in a tab, or a sender without a tab or frame is not one.
    expect(contentScriptOf({ id: 'other', url: 'https://portal.example/plan', tab: { id: 3 }, frameId: 0 }, SELF)).toBeNull();
    expect(contentScriptOf({ id: SELF.id, url: `${SELF.origin}sidepanel.html`, tab: { id: 3 }, frameId: 0 }, SELF)).toBeNull();
    expect(contentScriptOf({ id: SELF.id, url: 'https://portal.example/plan', frameId: 0 }, SELF)).toBeNull();
    expect(contentScriptOf({ id: SELF.id, url: 'https://portal.example/plan', tab: { id: 3 } }, SELF)).toBeNull();
  });

  it('a Google Docs document’s top frame, with the export address of the document it shows', () => {
    const top = { id: SELF.id, url: 'https://docs.google.com/document/u/0/d/abc/edit', tab: { id: 3 }, frameId: 0 };
    expect(docsDocumentOf(top, SELF)?.exportUrl).toBe('https://docs.google.com/document/u/0/d/abc/export?format=txt');
    expect(docsDocumentOf({ ...top, frameId: 1 }, SELF)).toBeNull();
    expect(docsDocumentOf({ ...top, url: 'https://docs.google.com.evil.example/document/d/abc/edit' }, SELF)).toBeNull();
  });

  it('a command to a content script: only from Plan Lens itself', () => {
    expect(fromPlanLens({ id: SELF.id }, SELF.id)).toBe(true);
    expect(fromPlanLens({ id: 'other' }, SELF.id)).toBe(false);
    expect(fromPlanLens({}, SELF.id)).toBe(false);
  });

  it('a request to check a tab: only from one of Plan Lens’s own pages, not its content scripts or a page', () => {
    expect(fromOwnPage({ id: SELF.id, url: `${SELF.origin}sidepanel.html?tab=3` }, SELF)).toBe(true);
    // A content script can be taken over with its page: it may not have any tab checked.
    expect(fromOwnPage({ id: SELF.id, url: 'https://portal.example/plan', tab: { id: 3 }, frameId: 0 }, SELF)).toBe(false);
    expect(fromOwnPage({ id: 'other', url: 'chrome-extension://other/panel.html' }, SELF)).toBe(false);
    expect(fromOwnPage({ id: SELF.id }, SELF)).toBe(false);
  });
});
