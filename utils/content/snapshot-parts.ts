import type { TaskObservation } from '../model/observation';
import type { Snapshot } from '../sites/adapter';
import { HAND_OVER_TASK_MS } from '../messages/client';
import { runInSlices } from '../slices';

type Facts = Snapshot['facts'];
type Board = Pick<Snapshot, 'observations' | 'facts'>;

/** What became of a part handed over: written, refused by the background (a full disk), or never answered. */
export type HandOverOutcome = 'written' | 'refused' | 'unanswered';

/**
 * For sites whose JSON the page reads itself (`SiteAdapter.snapshot`: Asana; Trello sends its JSON unparsed, and the
 * background splits it the same way, `utils/background/board-batches.ts`).
 *
 * Sends a snapshot of the site's JSON to the background in parts: the tasks on screen first, kept until they are
 * answered, so their chips need not wait for the background to take in the whole board; then, from the next task
 * on, the rest in parts of `partSize` (each its own all-or-nothing transaction), as many a task as fit in
 * HAND_OVER_TASK_MS, each let go of at once.
 *
 * The page does not hold what waits to be written (about 0.6 KB a task, megabytes on a big board, for the 7–10 s a
 * 5,000-card board takes to write): the background queues the parts and writes them in order, and writes first
 * the tasks a page asks views of meanwhile (`utils/background/write-queue.ts`). Parts that get no answer (the
 * service worker was stopped with them waiting) are read again from the site (`readAgain`) and sent again after
 * each of `retryDelaysMs`: the page keeps only their keys.
 *
 * Each task's facts travel with it; facts of tasks the snapshot does not list (closed cards) go with the first
 * part. Every observation is handed over once per attempt. Resolves `first` when the first part is answered;
 * `rest` when every part is.
 */
export function sendSnapshotInParts(
  snapshot: Board,
  options: {
    partSize: number;
    /** Whether a task's card is (or has been) near the screen; asked again before every part. */
    isWanted: (key: string) => boolean;
    /** The first part: resolves once it is answered. */
    send: (observations: TaskObservation[], facts: Facts) => Promise<void>;
    /** A later part: the caller keeps nothing of it once this returns. */
    handOver: (observations: TaskObservation[], facts: Facts) => Promise<HandOverOutcome>;
    /** The site's JSON read again, for parts that got no answer (null: it could not be read). */
    readAgain?: () => Promise<Board | null>;
    retryDelaysMs?: readonly number[];
    /** Stops before the next part (the content script was invalidated). */
    stopped?: () => boolean;
  },
): { first: Promise<void>; rest: Promise<void> } {
  const { partSize, isWanted, send, handOver, readAgain, retryDelaysMs = [], stopped = () => false } = options;
  const listed = new Set(snapshot.observations.map((o) => o.key));
  const unlisted: Facts = [];
  let factsByTask = factsOfListed(snapshot.facts, listed, unlisted);
  // Each task's facts are let go once sent.
  const factsOf = (part: TaskObservation[]) =>
    part.flatMap((o) => {
      const facts = factsByTask.get(o.key) ?? [];
      factsByTask.delete(o.key);
      return facts;
    });

  // Split once, before the first part goes: a card that comes near while it is on its way must stay in the
  // rest (splitting after it would leave that task out of both, and out of the history).
  const firstPart = snapshot.observations.filter((o) => isWanted(o.key));
  let remaining = snapshot.observations.filter((o) => !isWanted(o.key));
  const first = firstPart.length > 0 || unlisted.length > 0 ? send(firstPart, [...unlisted, ...factsOf(firstPart)]) : Promise.resolve();

  // The rest is handed over from the next task on, without waiting for the first part's answer: the background
  // writes parts in the order they came (the first part, naming the cards on screen, goes first anyway), and the
  // page would hold the whole board while the first part's views are worked out.
  const rest = (async () => {
    for (let attempt = 0; ; attempt++) {
      const unanswered = new Set<string>();
      const handedOver: Promise<void>[] = [];
      // Parts follow one another in a task for up to HAND_OVER_TASK_MS, each put into a message as it goes. One part
      // a task, a 5,000-card board's ten later parts took ten of the page's turns, each after its frame (100–300 ms
      // while the owner scrolls), and the page held what was not handed over yet.
      await runInSlices(
        (timeUp) => {
          while (remaining.length > 0 && !stopped()) {
            // The cards that came near meanwhile lead the next part.
            const ordered = [...remaining.filter((o) => isWanted(o.key)), ...remaining.filter((o) => !isWanted(o.key))];
            const part = ordered.slice(0, partSize);
            remaining = ordered.slice(partSize);
            const keys = part.map((o) => o.key);
            handedOver.push(
              handOver(part, factsOf(part)).then((outcome) => {
                if (outcome === 'unanswered') for (const key of keys) unanswered.add(key);
              }),
            );
            if (timeUp()) break;
          }
          return remaining.length > 0 && !stopped();
        },
        { budgetMs: HAND_OVER_TASK_MS, stopped },
      );
      await Promise.all(handedOver);
      const delay = retryDelaysMs[attempt];
      if (unanswered.size === 0 || stopped() || delay === undefined || !readAgain) return;
      await new Promise((resolve) => setTimeout(resolve, delay));
      const again = await readAgain().catch(() => null);
      if (!again || stopped()) return;
      remaining = again.observations.filter((o) => unanswered.has(o.key));
      // Facts of unlisted tasks (closed cards) went with the first part, which has retries of its own.
      factsByTask = factsOfListed(again.facts, unanswered, []);
    }
  })();
  // Settled once the first part is answered too (its retries included).
  return { first, rest: Promise.all([first, rest]).then(() => {}) };
}

/** The facts of the listed tasks, by task; the others are put in `unlisted`. */
function factsOfListed(facts: Facts, listed: ReadonlySet<string>, unlisted: Facts): Map<string, Facts> {
  const byTask = new Map<string, Facts>();
  for (const fact of facts) {
    if (!listed.has(fact.taskKey)) unlisted.push(fact);
    else if (byTask.has(fact.taskKey)) byTask.get(fact.taskKey)!.push(fact);
    else byTask.set(fact.taskKey, [fact]);
  }
  return byTask;
}
