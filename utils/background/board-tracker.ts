import { PageLeft } from './write-queue';

/** What became of a board's writes: all written, refused (a full disk, a failed write), or dropped as its page left. */
export type BoardOutcome = 'written' | 'refused' | 'left';

/** How long a settled board's outcome is kept for a page that has not asked yet (its page may be gone). */
const KEPT_AFTER_SETTLED_MS = 5 * 60_000;

/**
 * The boards whose parts wait in the write queue, by the id their page gave them, so the page can ask when the
 * last part is written (`board-written`): until then it holds back view reloads that every part's write would
 * otherwise set off. A board this worker never saw (it was stopped and started again, losing its queue) is
 * `unknown`, and the page sends its board again.
 */
export function createBoardTracker() {
  const outcomes = new Map<string, Promise<BoardOutcome>>();
  return {
    add(boardId: string, writes: Promise<void>[]): void {
      const outcome = Promise.all(writes).then(
        (): BoardOutcome => 'written',
        (error: unknown): BoardOutcome => (error instanceof PageLeft ? 'left' : 'refused'),
      );
      outcomes.set(boardId, outcome);
      void outcome.then(() => setTimeout(() => {
        if (outcomes.get(boardId) === outcome) outcomes.delete(boardId);
      }, KEPT_AFTER_SETTLED_MS));
    },
    /** Resolves once the board's writes are settled; `unknown` for a board this worker does not know. */
    async outcome(boardId: string): Promise<BoardOutcome | 'unknown'> {
      const outcome = outcomes.get(boardId);
      if (!outcome) return 'unknown';
      const settled = await outcome;
      outcomes.delete(boardId);
      return settled;
    },
  };
}
