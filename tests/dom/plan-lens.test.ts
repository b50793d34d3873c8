import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyze, type Block } from '../../src/analysis';
import { words } from './words';
import { startPlanLens, type PageAbilities } from '../../src/page/plan-lens';

let controller: AbortController;
/** An event as the browser makes it for the user's own input (happy-dom makes none trusted). */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
const wholePage = (doc: Document) => [doc.body];
/** The user types `value` into a field: its value, then the input event a browser fires for it. */
function typeInto(field: HTMLTextAreaElement, value: string): void {
  field.value = value;
  field.dispatchEvent(new InputEvent('input', { bubbles: true }));
}
afterEach(() => controller?.abort());

function abilities(isPlan: boolean, hold?: () => Promise<void>) {
  const counts: number[] = [];
  const calls: { blocks: Block[]; changed: string[] }[] = [];
  const a: PageAbilities = {
    async analyze(blocks, changed) {
      calls.push({ blocks, changed: [...changed] });
      const report = { isPlan, blocks: analyze(blocks).blocks };
      await hold?.();
      return report;
    },
    reportCount: (n) => counts.push(n),
    // As content.ts mounts it: a container in a closed shadow root beside the page's content.
    mountCard: async () => document.documentElement.appendChild(document.createElement('plan-lens-card')).attachShadow({ mode: 'closed' }).appendChild(document.createElement('div')),
    ignored: () => ({ phrases: new Set(), sentences: new Set() }),
    ignore: () => undefined,
    findElsewhere: () => undefined,
    checked: () => undefined,
    words,
  };
  return { a, counts, calls };
}

describe('Plan Lens in a document', () => {
  it('leaves text that does not read as a plan unmarked until the user asks', async () => {
    document.body.innerHTML = '<p>Members have access to the gym.</p>';
    const { a, counts, calls } = abilities(false);
    controller = new AbortController();
    const page = startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(calls.length).toBe(1));
    await vi.waitFor(() => expect(counts.at(-1)).toBe(0));
    page.checkPage();
    await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
  });

  it('drops a result computed on text that has changed since, and asks again for the new text only', async () => {
    document.body.innerHTML = '<p id="a">Sam will have access to a laptop.</p><p>Reviewed termly.</p>';
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const { a, counts, calls } = abilities(true, () => (calls.length === 1 ? gate : Promise.resolve()));
    controller = new AbortController();
    startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(calls.length).toBe(1));
    // The user edits while the first answer is on its way: that answer is about words no longer there.
    document.querySelector('#a')!.textContent = 'Sam will use a laptop in every lesson.';
    release();
    await vi.waitFor(() => expect(calls.length).toBe(2));
    expect(calls[1]!.changed).toHaveLength(1);
    await vi.waitFor(() => expect(counts.at(-1)).toBe(0));
    expect(counts).not.toContain(1);
  });

  it('"Go to" from the side panel selects the words in a textarea, and refuses once they have been typed over', async () => {
    document.body.innerHTML = '<textarea>Targets\nSam will have access to a laptop.</textarea>';
    const field = document.querySelector('textarea')!;
    const { a, calls } = abilities(true);
    controller = new AbortController();
    const page = startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(calls.length).toBe(1));
    const line = calls[0]!.blocks.find((b) => b.text.includes('access to'))!;
    const start = line.text.indexOf('have access to');
    expect(page.showPassage(line.id, start, start + 'have access to'.length, 'have access to')).toBe(true);
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toBe('have access to');
    // The user has changed those words since the panel's copy was made: nothing is selected in their place.
    field.value = 'Targets\nSam will use a laptop in every lesson.';
    field.setSelectionRange(0, 0);
    expect(page.showPassage(line.id, start, start + 'have access to'.length, 'have access to')).toBe(false);
    expect(field.selectionEnd).toBe(0);
  });

  it('hears typing in a textarea that was empty, or read-only, when the page was first read', async () => {
    document.body.innerHTML = '<textarea id="empty"></textarea><textarea id="locked" readonly>Sam will have access to a laptop.</textarea>';
    const { a, calls } = abilities(true);
    controller = new AbortController();
    performance.clearMarks('plan-lens:read');
    startPlanLens(document, a, controller.signal, wholePage);
    // Nothing to check yet, so nothing is asked: the page has been read once.
    await vi.waitFor(() => expect(performance.getEntriesByName('plan-lens:read')).toHaveLength(1));
    expect(calls).toEqual([]);
    const empty = document.querySelector<HTMLTextAreaElement>('#empty')!;
    typeInto(empty, 'Sam will be supported when needed.');
    await vi.waitFor(() => expect(calls.at(-1)!.blocks.map((b) => b.text)).toEqual(['Sam will be supported when needed.']));
    // Made editable by the portal (an attribute change, which no observer here watches), then typed in.
    const locked = document.querySelector<HTMLTextAreaElement>('#locked')!;
    locked.readOnly = false;
    typeInto(locked, 'Sam will have access to a laptop when needed.');
    await vi.waitFor(() => expect(calls.at(-1)!.blocks.map((b) => b.text)).toContain('Sam will have access to a laptop when needed.'));
  });

  it('a run of edits gets one analysis, once they pause', async () => {
    document.body.innerHTML = '<p id="a">Sam will have access to a laptop.</p>';
    const { a, calls } = abilities(true);
    controller = new AbortController();
    startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(calls.length).toBe(1));
    const text = document.querySelector('#a')!.firstChild as Text;
    for (const word of [' It', ' is', ' checked', ' weekly.']) {
      text.appendData(word);
      await new Promise((r) => setTimeout(r, 60));
    }
    await vi.waitFor(() => expect(calls.length).toBe(2));
    expect(calls[1]!.blocks[0]!.text).toBe('Sam will have access to a laptop. It is checked weekly.');
    await new Promise((r) => setTimeout(r, 400));
    expect(calls).toHaveLength(2);
  });

  it('a field typed in after a marked sentence keeps its mark until the answer; typing into the sentence drops it at once', async () => {
    document.body.innerHTML = '<h2>Section F: Special educational provision</h2><textarea>Sam will have access to a laptop.</textarea>';
    const field = document.querySelector('textarea')!;
    let release!: () => void;
    const { a, counts, calls } = abilities(true, () => (calls.length > 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve()));
    controller = new AbortController();
    startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(counts.at(-1)).toBe(1));
    // Typing after the sentence: while the answer is awaited the sentence is where it was, and so is its mark.
    typeInto(field, 'Sam will have access to a laptop. It is checked weekly.');
    await vi.waitFor(() => expect(calls.length).toBe(2));
    expect(counts.at(-1)).toBe(1);
    release();
    await vi.waitFor(() => expect(performance.getEntriesByName('plan-lens:answered').length).toBeGreaterThan(0));
    // Typing into it: the mark is about words no longer there.
    typeInto(field, 'Sam will have a laptop. It is checked weekly.');
    await vi.waitFor(() => expect(calls.length).toBe(3));
    expect(counts.at(-1)).toBe(0);
    release();
  });

  it('a slow typist gets one analysis at the pause, not one between keys', async () => {
    document.body.innerHTML = '<textarea>Sam reads daily.</textarea>';
    const field = document.querySelector('textarea')!;
    const { a, calls } = abilities(true);
    controller = new AbortController();
    startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(calls.length).toBe(1));
    // Keys 320 ms apart: each gap is longer than the shortest pause (250 ms), but it is this typist's rhythm.
    for (const word of [' He', ' is', ' helped', ' by', ' a', ' friend.']) {
      typeInto(field, field.value + word);
      await new Promise((r) => setTimeout(r, 320));
    }
    await new Promise((r) => setTimeout(r, 800));
    // The first gap cannot know the rhythm yet: at most one analysis on the way, then one at the pause.
    expect(calls.length).toBeLessThanOrEqual(3);
    expect(calls.at(-1)!.blocks.map((b) => b.text)).toEqual(['Sam reads daily. He is helped by a friend.']);
  });

  it('walks to a finding on the user’s Alt+Shift+J only, not on one a page’s script dispatches', async () => {
    document.body.innerHTML = '<textarea>Section F: Special educational provision\nSam will have access to a laptop as required.</textarea>';
    const field = document.querySelector('textarea')!;
    const { a, counts } = abilities(true);
    controller = new AbortController();
    startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(counts.at(-1)).toBeGreaterThan(0));
    field.setSelectionRange(0, 0);
    const shortcut = () => new KeyboardEvent('keydown', { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true, cancelable: true });
    const made = shortcut();
    document.dispatchEvent(made);
    expect(made.defaultPrevented).toBe(false);
    expect(field.selectionEnd).toBe(0);
    document.dispatchEvent(trusted(shortcut()));
    expect(field.value.slice(field.selectionStart, field.selectionEnd)).toContain('access to');
  });

  it('Enter opens the walk’s card only while the finding is still selected: after a click or a moved caret it types', async () => {
    document.body.innerHTML = '<p>Elsewhere</p><textarea>Section F: Special educational provision\nSam will have access to a laptop as required.</textarea>';
    const field = document.querySelector('textarea')!;
    const { a, counts } = abilities(true);
    controller = new AbortController();
    startPlanLens(document, a, controller.signal, wholePage);
    await vi.waitFor(() => expect(counts.at(-1)).toBeGreaterThan(0));
    const walk = () => {
      field.setSelectionRange(0, 0);
      document.dispatchEvent(trusted(new KeyboardEvent('keydown', { key: 'J', code: 'KeyJ', altKey: true, shiftKey: true, bubbles: true, cancelable: true })));
      expect(field.value.slice(field.selectionStart, field.selectionEnd)).toContain('access to');
    };
    const enter = () => {
      const e = trusted(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
      field.dispatchEvent(e);
      return e.defaultPrevented;
    };
    // A click elsewhere: Enter is the editor's again.
    walk();
    document.querySelector('p')!.dispatchEvent(trusted(new PointerEvent('pointerdown', { bubbles: true })));
    expect(enter()).toBe(false);
    // The caret moved off the finding (an arrow key, the page's own script): the same.
    walk();
    field.setSelectionRange(3, 3);
    document.dispatchEvent(trusted(new Event('selectionchange')));
    expect(enter()).toBe(false);
    walk();
    field.setSelectionRange(3, 3);
    expect(enter()).toBe(false);
    // Still on the finding: Enter opens its card, and typing does not reach the field.
    walk();
    expect(enter()).toBe(true);
  });
});

