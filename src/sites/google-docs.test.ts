// @vitest-environment-options { "url": "https://docs.google.com/document/u/1/d/plan-doc/edit" }
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { words } from '../../tests/dom/words';
import { PLAN_LENS_CHROME_ID, cleanDocsText, exportUrlOf, routeLabel, runAnnotatedTextBridge, watchGoogleDocs, type DocsState } from './google-docs';

/** Chrome's id for an extension: the first 128 bits of SHA-256 of its public key, as letters a–p. */
function chromeIdOf(base64Key: string): string {
  const hex = createHash('sha256').update(Buffer.from(base64Key, 'base64')).digest('hex').slice(0, 32);
  return [...hex].map((h) => String.fromCharCode(97 + parseInt(h, 16))).join('');
}

type DocsGlobals = { _docs_annotate_canvas_by_ext?: string; _docs_annotate_getAnnotatedText?: () => Promise<unknown> };

const stops: (() => void)[] = [];
// A message a window posts to itself comes from that window, as in browsers; happy-dom names an inner window
// object as the source instead.
beforeEach(() => {
  vi.spyOn(window, 'postMessage').mockImplementation((data: unknown) => {
    setTimeout(() => window.dispatchEvent(new MessageEvent('message', { data, origin: location.origin, source: window })));
  });
});
afterEach(() => {
  vi.restoreAllMocks();
  stops.splice(0).forEach((stop) => stop());
  delete (window as DocsGlobals)._docs_annotate_getAnnotatedText;
});

function fakeDocs(initial: string) {
  const doc = { text: initial, selections: [] as [number, number][] };
  (window as DocsGlobals)._docs_annotate_getAnnotatedText = async () => ({ getText: () => doc.text, setSelection: (s: number, e: number) => doc.selections.push([s, e]) });
  return doc;
}

function watch(fetchExport: () => Promise<string> = () => Promise.reject(new Error('offline'))) {
  const states: DocsState[] = [];
  const docs = watchGoogleDocs(window, { fetchExport, onState: (s) => states.push(s) });
  stops.push(docs.stop);
  return { docs, states, last: () => states.at(-1)! };
}

describe('Google Docs', () => {
  it("asks for annotated text under Plan Lens's own id, the one the manifest key gives", () => {
    const key = /const CHROME_KEY =\s*'([^']+)'/.exec(readFileSync('wxt.config.ts', 'utf8'))![1]!;
    expect(chromeIdOf(key)).toBe(PLAN_LENS_CHROME_ID);
    stops.push(runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID, { pollMs: 5 }));
    expect((window as DocsGlobals)._docs_annotate_canvas_by_ext).toBe(PLAN_LENS_CHROME_ID);
  });

  it('reads the live text, follows edits, and "Go to" selects in the document', async () => {
    const doc = fakeDocs('Section F\u0003\nSam will have access to SALT.\n');
    const { docs, last } = watch();
    stops.push(runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID, { pollMs: 5 }));
    await vi.waitFor(() => expect(last()).toEqual({ route: 'live', text: 'Section F \nSam will have access to SALT.\n' }));
    doc.text = 'Section F\nSam will have speech and language therapy weekly.\n';
    await vi.waitFor(() => expect(last().text).toBe(doc.text));
    expect(docs.goTo(10, 13)).toBe(true);
    await vi.waitFor(() => expect(doc.selections).toEqual([[10, 13]]));
  });

  it('falls back to the export when Docs does not share its text, and says so', async () => {
    let requested = 0;
    const { last, states } = watch(async () => {
      requested++;
      return '\ufeffSection F\r\nSam will have access to SALT.';
    });
    stops.push(runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID, { pollMs: 5, graceMs: 20 }));
    await vi.waitFor(() => expect(last().route).toBe('export'));
    expect(states[0]).toEqual({ route: 'waiting' });
    expect(last().text).toBe('Section F\nSam will have access to SALT.');
    expect(requested).toBe(1);
  });

  it('moves from the snapshot to the live text when Docs offers it late', async () => {
    const { last } = watch(async () => 'Section F\nSam will have access to SALT.');
    stops.push(runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID, { pollMs: 5, graceMs: 20 }));
    await vi.waitFor(() => expect(last().route).toBe('export'));
    fakeDocs('Section F\nSam will have speech and language therapy weekly.');
    await vi.waitFor(() => expect(last()).toEqual({ route: 'live', text: 'Section F\nSam will have speech and language therapy weekly.' }));
  });

  it('ends at "check the downloaded .docx" when the export fails too', async () => {
    const { docs, last } = watch(() => Promise.reject(new Error('Google asked to sign in')));
    stops.push(runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID, { pollMs: 5, graceMs: 20 }));
    await vi.waitFor(() => expect(last().route).toBe('docx'));
    expect(last().reason).toContain('Google asked to sign in');
    expect(routeLabel(last(), words)).toContain('.docx');
    expect(docs.goTo(0, 1)).toBe(false);
  });

  it('hears the bridge only from its own window: not from a frame of the page, whatever the message says', async () => {
    const { last } = watch(async () => 'exported');
    const frame = document.body.appendChild(document.createElement('iframe'));
    const forged = { source: 'plan-lens-gdocs', type: 'text', text: 'Section F\nforged text' };
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: location.origin, source: frame.contentWindow }));
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: location.origin }));
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: 'https://evil.example', source: window }));
    expect(last()).toEqual({ route: 'waiting' });
    window.dispatchEvent(new MessageEvent('message', { data: forged, origin: location.origin, source: window }));
    expect(last()).toEqual({ route: 'live', text: 'Section F\nforged text' });
    frame.remove();
  });

  it('selects in Docs only for "Go to" posted in its own window', async () => {
    const doc = fakeDocs('Section F\nSam will have access to SALT.');
    const { last } = watch();
    stops.push(runAnnotatedTextBridge(window, PLAN_LENS_CHROME_ID, { pollMs: 5 }));
    await vi.waitFor(() => expect(last().route).toBe('live'));
    const frame = document.body.appendChild(document.createElement('iframe'));
    window.dispatchEvent(new MessageEvent('message', { data: { source: 'plan-lens-gdocs', type: 'select', start: 0, end: 9 }, origin: location.origin, source: frame.contentWindow }));
    window.dispatchEvent(new MessageEvent('message', { data: { source: 'plan-lens-gdocs', type: 'select', start: 1, end: 9 }, origin: location.origin, source: window }));
    expect(doc.selections).toEqual([[1, 9]]);
    frame.remove();
  });

  it('builds the export address for the signed-in account', () => {
    expect(exportUrlOf('https://docs.google.com/document/d/abc-123_X/edit?tab=t.0')).toBe('https://docs.google.com/document/d/abc-123_X/export?format=txt');
    expect(exportUrlOf('https://docs.google.com/document/u/2/d/abc/edit')).toBe('https://docs.google.com/document/u/2/d/abc/export?format=txt');
    expect(exportUrlOf('https://docs.google.com/spreadsheets/d/abc/edit')).toBeNull();
  });

  it('keeps offsets when cleaning Docs control characters', () => {
    const raw = '\u0003Sam\u001chas\u000baccess\n';
    expect(cleanDocsText(raw)).toHaveLength(raw.length);
    expect(cleanDocsText(raw)).toBe(' Sam has access\n');
  });
});
