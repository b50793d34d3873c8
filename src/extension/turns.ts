// One service worker analyses every tab, and its analyser is synchronous: a page with a huge text would hold up
// every other tab's marks until it was done. So analysis runs in turns. A turn analyses one tab's document up to
// a bounded number of new characters, then the worker is let go (a task boundary: it answers other messages),
// and the tabs with work take turns round-robin. A tab's huge page delays another tab's answer by one turn.
//
// The analyser needs the whole document (plan type, jurisdiction and sections depend on every block), so a turn
// analyses the document's start up to where the turn's budget ends: the blocks before are in the analyser's
// per-block cache by then and cost a lookup, and the last turn's call on the whole document is the answer, the
// same as a single call's. A block's judgement is cached under the document's jurisdiction and plan type as the
// start read so far decides them: when a later block changes those (rare: a plan's heading decides them at its
// start), that turn judges the start again, and is longer than its budget.
import { analyze as analyzeBlocks, type Block, type Options, type Report } from '../analysis';

/** New characters analysed in one turn (at least one block, however long). */
export const TURN_CHARS = 10_000;

export interface Turns {
  /**
   * Analyses a tab's document in turns and resolves with the whole document's report. `blocks` is read at each
   * turn (other frames' text may change meanwhile); `isNew` says which blocks the analyser has not seen in this
   * document: only their characters count against a turn's budget.
   */
  run(tabId: number, blocks: () => Block[], isNew: (block: Block) => boolean, options?: () => Partial<Options>): Promise<Report>;
  /** The tab closed: its work still waiting is dropped (its requests fail). */
  forgetTab(tabId: number): void;
}

interface Job {
  blocks: () => Block[];
  isNew: (block: Block) => boolean;
  options: () => Partial<Options>;
  /** How many of the document's blocks earlier turns analysed. */
  done: number;
  resolve(report: Report): void;
  reject(error: unknown): void;
}

const nextTask = (turn: () => void) => void setTimeout(turn, 0);

export function createTurns(analyze: (blocks: Block[], options: Partial<Options>) => Report = analyzeBlocks, next: (turn: () => void) => void = nextTask): Turns {
  /** Each tab's waiting work, first come first served. The map's order is the round's: a tab that had a turn goes
   *  to the back, and the next turn is the first tab's other than the one that just had one (a tab that asks
   *  after the round was set does not wait for that tab's next turn). */
  const queues = new Map<number, Job[]>();
  let lastTab: number | undefined;
  let scheduled = false;

  const schedule = () => {
    if (scheduled || queues.size === 0) return;
    scheduled = true;
    next(turn);
  };

  function turn(): void {
    scheduled = false;
    if (queues.size === 0) return;
    const tabId = [...queues.keys()].find((t) => t !== lastTab) ?? lastTab!;
    lastTab = tabId;
    const queue = queues.get(tabId)!;
    const job = queue[0]!;
    try {
      const blocks = job.blocks();
      let end = job.done;
      for (let spent = 0; end < blocks.length && (end === job.done || spent < TURN_CHARS); end++) {
        if (job.isNew(blocks[end]!)) spent += blocks[end]!.text.length;
      }
      if (end < blocks.length) {
        // The document's start, judged now so that the next turns and the answer find it cached.
        analyze(blocks.slice(0, end), job.options());
        job.done = end;
      } else {
        queue.shift();
        job.resolve(analyze(blocks, job.options()));
      }
    } catch (error) {
      queue.shift();
      job.reject(error);
    }
    queues.delete(tabId);
    if (queue.length > 0) queues.set(tabId, queue);
    schedule();
  }

  return {
    run(tabId, blocks, isNew, options = () => ({})) {
      return new Promise<Report>((resolve, reject) => {
        const queue = queues.get(tabId);
        const job: Job = { blocks, isNew, options, done: 0, resolve, reject };
        if (queue) queue.push(job);
        else queues.set(tabId, [job]);
        schedule();
      });
    },
    forgetTab(tabId) {
      for (const job of queues.get(tabId) ?? []) job.reject(new Error('Plan Lens: the tab closed'));
      queues.delete(tabId);
    },
  };
}
