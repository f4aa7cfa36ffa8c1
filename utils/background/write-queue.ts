import type { ObservationBatch } from '../model/observation';

/** The page a batch came from: its tab, and the document the tab showed (a reload is a new document). */
export interface Sender {
  tabId: number;
  documentId: string;
}

/** A batch not written because its tab moved on to another document before its turn. */
export class PageLeft extends Error {
  constructor() {
    super('not written: the page that sent it was left, and the page after it reads its site afresh');
    this.name = 'PageLeft';
  }
}

/**
 * The pages' observations, written one batch at a time, in the order they came.
 *
 * A big board comes in parts all at once: handed over by its page (`utils/content/snapshot-parts.ts`), so that the
 * page need not hold what waits to be written, or split here from the site JSON the page sent unparsed
 * (`board-batches.ts`). Opening a transaction for each part as it arrives would line them all up in
 * IndexedDB, which runs transactions over the same stores in the order they were opened: a page's views, asked
 * for meanwhile, would wait for the whole board. Here a part's transaction is opened only once the one before it
 * is done, so a read waits for one part at most, and the tasks a page asks about while they still wait are
 * written next (`bringForward`), each with its own facts.
 *
 * Each write is all or nothing; a batch split by `bringForward` is settled when all of its pieces are.
 *
 * Parts still waiting when their tab shows another document (a reload, another board) are dropped: that
 * document reads its site afresh, and writing the old page's observations after the new one's would record
 * every change made in between as changed back. (Before the background queued them, the page that was left
 * simply never sent them.)
 */
export function createWriteQueue(write: (batch: ObservationBatch) => Promise<void>) {
  /** One `add`: settled once every piece of its batch is written (or failed with the first error). */
  interface Arrival {
    piecesLeft: number;
    error?: unknown;
    resolve: () => void;
    reject: (error: unknown) => void;
  }
  interface Piece {
    batch: ObservationBatch;
    arrival: Arrival;
    from: Sender | undefined;
    /** Resolved when this piece is written or has failed (what `bringForward` waits for). */
    done: Promise<void>;
    finish: () => void;
  }

  const waiting: Piece[] = [];
  let writing = false;
  /** Reads a page waits for (its views): the next write starts once they are done (see `holdWhile`). */
  const holds = new Set<Promise<unknown>>();

  function piece(batch: ObservationBatch, arrival: Arrival, from: Sender | undefined): Piece {
    let finish!: () => void;
    const done = new Promise<void>((resolve) => (finish = resolve));
    return { batch, arrival, from, done, finish };
  }

  function settle(arrival: Arrival, error?: unknown): void {
    if (error !== undefined && arrival.error === undefined) arrival.error = error;
    if (--arrival.piecesLeft > 0) return;
    if (arrival.error === undefined) arrival.resolve();
    else arrival.reject(arrival.error);
  }

  function dropWhere(isLeft: (from: Sender) => boolean): void {
    for (let i = waiting.length - 1; i >= 0; i--) {
      const queued = waiting[i]!;
      if (!queued.from || !isLeft(queued.from)) continue;
      waiting.splice(i, 1);
      settle(queued.arrival, new PageLeft());
      queued.finish();
    }
  }

  /** A message from a page: what waits from documents its tab no longer shows is dropped. */
  function heardFrom(page: Sender): void {
    dropWhere((from) => from.tabId === page.tabId && from.documentId !== page.documentId);
  }

  async function drain(): Promise<void> {
    if (writing) return;
    writing = true;
    try {
      while (waiting.length > 0) {
        // A task's turn first, so that whoever waited for the last write starts its read (and holds the queue),
        // then those reads. The next piece is taken only now: until then `bringForward` can still move it.
        await new Promise((resolve) => setTimeout(resolve, 0));
        while (holds.size > 0) await Promise.all(holds);
        const next = waiting.shift();
        if (!next) break;
        try {
          await write(next.batch);
          settle(next.arrival);
        } catch (error) {
          settle(next.arrival, error ?? new Error('write failed'));
        }
        next.finish();
      }
    } finally {
      writing = false;
    }
  }

  return {
    /**
     * Queues a batch; resolves once all of it is written, rejects with the first failure of any piece (or
     * `PageLeft` when its page was replaced before it was written).
     */
    add(batch: ObservationBatch, from?: Sender): Promise<void> {
      if (from) heardFrom(from);
      return new Promise<void>((resolve, reject) => {
        waiting.push(piece(batch, { piecesLeft: 1, resolve, reject }, from));
        void drain();
      });
    },

    heardFrom,

    /**
     * Runs a read a page is waiting for before the next write starts. Views are read in several transactions after
     * their tasks are written; without this, the next part's transaction, opened in between, would make each of
     * them wait for a whole part (0.5–1 s on a big board).
     */
    holdWhile<T>(read: Promise<T>): Promise<T> {
      const hold: Promise<unknown> = read.catch(() => {}).finally(() => holds.delete(hold));
      holds.add(hold);
      return read;
    },

    /** A page says it is being left (sooner than its tab's next document would): what it left waiting is dropped. */
    left(page: Sender): void {
      dropWhere((from) => from.tabId === page.tabId && from.documentId === page.documentId);
    },

    /**
     * Moves the waiting tasks among `taskKeys` (with their facts) to the front of the queue, and resolves once
     * they are written. Tasks already written, being written, or never queued are not waited for: a read opened
     * after this resolves sees them (a transaction in progress is finished before a later one reads).
     */
    bringForward(taskKeys: Iterable<string>): Promise<void> {
      const wanted = new Set(taskKeys);
      if (wanted.size === 0 || waiting.length === 0) return Promise.resolve();
      const front: Piece[] = [];
      for (let i = 0; i < waiting.length; i++) {
        const queued = waiting[i]!;
        const { tasks, facts } = queued.batch;
        if (!tasks.some((t) => wanted.has(t.key))) continue;
        const kept = { ...queued.batch, tasks: tasks.filter((t) => !wanted.has(t.key)), facts: facts.filter((f) => !wanted.has(f.taskKey)) };
        if (kept.tasks.length === 0 && kept.facts.length === 0) {
          // The whole piece is wanted: it moves as it is.
          front.push(queued);
          waiting.splice(i--, 1);
          continue;
        }
        const pulled = { ...queued.batch, tasks: tasks.filter((t) => wanted.has(t.key)), facts: facts.filter((f) => wanted.has(f.taskKey)) };
        queued.arrival.piecesLeft++;
        front.push(piece(pulled, queued.arrival, queued.from));
        queued.batch = kept;
      }
      waiting.unshift(...front);
      void drain();
      return Promise.all(front.map((p) => p.done)).then(() => {});
    },
  };
}
