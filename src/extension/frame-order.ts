// The tab's frames in document order: each child frame's blocks go where its parent told it it sits (after a
// given block of the parent); a frame that has not been placed (its parent runs no Plan Lens, or has not
// answered yet) follows the rest in frame-id order, the top frame first.
import type { Block } from '../analysis/index';

/** Where a child frame sits: after block `after` of the document `parentDoc` (null: before its first block). */
export interface FrameAnchor {
  parentDoc: string;
  after: string | null;
}

export interface FrameText {
  frame: number;
  doc: string;
  blocks: Block[];
  anchor?: FrameAnchor;
}

/** Runs of blocks, each from one frame, in reading order; a frame split around its child frames has several runs. */
export function inDocumentOrder(frames: readonly FrameText[]): { frame: number; blocks: Block[] }[] {
  const byDoc = new Map(frames.map((f) => [f.doc, f]));
  const children = new Map<string, FrameText[]>();
  for (const f of frames) {
    const parent = f.anchor && f.anchor.parentDoc !== f.doc ? byDoc.get(f.anchor.parentDoc) : undefined;
    if (parent) children.set(parent.doc, [...(children.get(parent.doc) ?? []), f]);
  }
  const placed = new Set([...children.values()].flat());
  const out: { frame: number; blocks: Block[] }[] = [];
  const seen = new Set<FrameText>();
  const emit = (f: FrameText) => {
    // A loop of anchors (a page playing tricks) stops at the first frame seen twice.
    if (seen.has(f)) return;
    seen.add(f);
    const at = (child: FrameText): number => {
      if (child.anchor!.after === null) return 0;
      const i = f.blocks.findIndex((b) => b.id === child.anchor!.after);
      // The block before the frame has gone since: the frame's text follows its parent's.
      return i < 0 ? f.blocks.length : i + 1;
    };
    const kids = (children.get(f.doc) ?? []).map((c) => ({ c, at: at(c) })).sort((a, b) => a.at - b.at || a.c.frame - b.c.frame);
    let from = 0;
    for (const { c, at: to } of kids) {
      if (to > from) out.push({ frame: f.frame, blocks: f.blocks.slice(from, to) });
      from = Math.max(from, to);
      emit(c);
    }
    if (f.blocks.length > from) out.push({ frame: f.frame, blocks: f.blocks.slice(from) });
  };
  for (const f of [...frames].sort((a, b) => a.frame - b.frame)) if (!placed.has(f)) emit(f);
  // Frames only reachable through a loop of anchors come last, in frame order.
  for (const f of [...frames].sort((a, b) => a.frame - b.frame)) emit(f);
  return out;
}
