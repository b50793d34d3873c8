import { describe, expect, it } from 'vitest';
import { inDocumentOrder, type FrameText } from '../../src/extension/frame-order';

const blocks = (...ids: string[]) => ids.map((id) => ({ id, text: id }));
const texts = (runs: { frame: number; blocks: { id: string }[] }[]) => runs.map((r) => `${r.frame}:${r.blocks.map((b) => b.id).join(',')}`);

describe('the tab’s frames in document order', () => {
  it('puts each child frame after the parent block it follows, a frame inside a frame too', () => {
    const frames: FrameText[] = [
      { frame: 0, doc: 'top', blocks: blocks('B', 'need', 'F', 'I', 'school') },
      { frame: 3, doc: 'editor', blocks: blocks('provision'), anchor: { parentDoc: 'top', after: 'F' } },
      { frame: 5, doc: 'inner', blocks: blocks('note'), anchor: { parentDoc: 'editor', after: null } },
      { frame: 7, doc: 'first', blocks: blocks('banner'), anchor: { parentDoc: 'top', after: null } },
    ];
    expect(texts(inDocumentOrder(frames))).toEqual(['7:banner', '0:B,need,F', '5:note', '3:provision', '0:I,school']);
  });

  it('reads unplaced frames after the rest in frame order, and survives a loop of anchors', () => {
    const frames: FrameText[] = [
      { frame: 2, doc: 'b', blocks: blocks('b1'), anchor: { parentDoc: 'c', after: 'c1' } },
      { frame: 0, doc: 'top', blocks: blocks('t1') },
      { frame: 4, doc: 'gone-parent', blocks: blocks('x1'), anchor: { parentDoc: 'no-such-doc', after: 'z' } },
      { frame: 3, doc: 'c', blocks: blocks('c1'), anchor: { parentDoc: 'b', after: 'b1' } },
    ];
    expect(texts(inDocumentOrder(frames))).toEqual(['0:t1', '4:x1', '2:b1', '3:c1']);
  });

  it('puts a frame whose block before it has gone after its parent’s text', () => {
    const frames: FrameText[] = [
      { frame: 0, doc: 'top', blocks: blocks('a', 'b') },
      { frame: 1, doc: 'editor', blocks: blocks('e'), anchor: { parentDoc: 'top', after: 'removed' } },
    ];
    expect(texts(inDocumentOrder(frames))).toEqual(['0:a,b', '1:e']);
  });
});
