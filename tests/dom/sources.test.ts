import { describe, expect, it, vi } from 'vitest';
import { SourceReader } from '../../src/page/sources';
import { collectTextBlocks } from '../../src/page/text-blocks';

const wholePage = (doc: Document) => [doc.body];
const texts = (sources: { text: string }[]) => sources.map((s) => s.text);

async function readerOver(html: string) {
  const body = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body;
  document.body.replaceWith(document.adoptNode(body));
  const reader = new SourceReader(document, wholePage);
  const first = await reader.read();
  return { reader, first };
}

describe('SourceReader reads again only the blocks under a change', () => {
  it('an edit in one paragraph re-reads that paragraph; the others keep their sources', async () => {
    const { reader, first } = await readerOver('<p>One is here.</p><p id="b">Two is here.</p><p>Three is here.</p>');
    expect(reader.lastReadCount).toBe(3);
    const text = document.querySelector('#b')!.firstChild as Text;
    text.data = 'Two was edited.';
    reader.changed(text);
    const second = await reader.read();
    expect(reader.lastReadCount).toBe(1);
    expect(texts(second)).toEqual(['One is here.', 'Two was edited.', 'Three is here.']);
    expect(second[0]).toBe(first[0]);
    expect(second[2]).toBe(first[2]);
    expect(second[1]!.id).toBe(first[1]!.id);
  });

  it('a paragraph added inside a section is read in reading order; a removed one is gone', async () => {
    const { reader } = await readerOver('<p>Before.</p><div id="s"><p>First.</p><p id="last">Last.</p></div><p>After.</p>');
    const section = document.querySelector('#s')!;
    const added = document.createElement('p');
    added.textContent = 'Middle.';
    section.insertBefore(added, document.querySelector('#last'));
    reader.changed(section);
    expect(texts(await reader.read())).toEqual(['Before.', 'First.', 'Middle.', 'Last.', 'After.']);
    expect(reader.lastReadCount).toBe(3);
    document.querySelector('#last')!.remove();
    reader.changed(section);
    expect(texts(await reader.read())).toEqual(['Before.', 'First.', 'Middle.', 'After.']);
  });

  it('a new block where there was none goes by document order', async () => {
    const { reader } = await readerOver('<p>Before.</p><div id="empty"></div><p>After.</p>');
    const empty = document.querySelector('#empty')!;
    empty.innerHTML = '<p>New.</p>';
    reader.changed(empty);
    expect(texts(await reader.read())).toEqual(['Before.', 'New.', 'After.']);
  });

  it('after any sequence of edits, reads what a whole read of the page reads', async () => {
    const { reader } = await readerOver('<div id="a"><p>A one.</p><p>A two.</p></div><ul id="l"><li>Item one.</li></ul><p id="p">Plain <b>bold</b> text.</p><table><tr><td>Need one.</td><td id="c">Provision.</td></tr></table>');
    const edits: (() => Node)[] = [
      () => ((document.querySelector('#p b')!.firstChild as Text).data = 'strong', document.querySelector('#p b')!.firstChild!),
      () => document.querySelector('#l')!.appendChild(Object.assign(document.createElement('li'), { textContent: 'Item two.' })).parentNode!,
      () => (document.querySelector('#a p')!.remove(), document.querySelector('#a')!),
      () => (document.querySelector('#a')!.insertAdjacentHTML('afterbegin', '<p>A zero.</p>'), document.querySelector('#a')!),
      () => ((document.querySelector('#c')!.firstChild as Text).data = 'Weekly provision.', document.querySelector('#c')!.firstChild!),
    ];
    for (const edit of edits) {
      reader.changed(edit());
      const incremental = texts(await reader.read());
      expect(incremental).toEqual(collectTextBlocks(document.body, () => false).map((b) => b.text));
    }
  });
});

describe('SourceReader in a form', () => {
  it('reads again the fields typed in; a value a script set is read within the sweep interval; nothing new is the same read', async () => {
    const { reader, first } = await readerOver('<textarea id="a">Sam will have access to a laptop.</textarea><textarea id="b">Weekly reading.</textarea>');
    const [a, b] = [document.querySelector<HTMLTextAreaElement>('#a')!, document.querySelector<HTMLTextAreaElement>('#b')!];
    expect(await reader.read()).toBe(first);
    a.value = 'Sam will use a laptop.';
    reader.typedIn(a);
    // A script's value, with no input event, waits for the sweep.
    b.value = 'Daily reading.';
    const typed = await reader.read();
    expect(texts(typed)).toEqual(['Sam will use a laptop.', 'Weekly reading.']);
    expect(typed[1]).toBe(first[1]);
    const now = performance.now();
    const clock = vi.spyOn(performance, 'now').mockReturnValue(now + 5_000);
    try {
      expect(texts(await reader.read())).toEqual(['Sam will use a laptop.', 'Daily reading.']);
    } finally {
      clock.mockRestore();
    }
  });
});
