import type { TaskObservation } from '../model/observation';
import type { Snapshot } from '../sites/adapter';

type Facts = Snapshot['facts'];

/**
 * Sends a snapshot of the site's JSON to the background in parts: the tasks on screen first, so their chips
 * need not wait for the background to take in the whole board; the rest in parts of `partSize` (each its own
 * all-or-nothing transaction), so that views asked for meanwhile are answered between them, with the cards
 * scrolled into view meanwhile at the front of the next part.
 *
 * Each task's facts travel with it; facts of tasks the snapshot does not list (closed cards) go with the first
 * part. Every observation is sent exactly once, whatever comes near the screen while a part is on its way.
 * Resolves when the first part is answered; `rest` when everything is.
 */
export function sendSnapshotInParts(
  snapshot: Pick<Snapshot, 'observations' | 'facts'>,
  options: {
    partSize: number;
    /** Whether a task's card is (or has been) near the screen; asked again before every part. */
    isWanted: (key: string) => boolean;
    send: (observations: TaskObservation[], facts: Facts) => Promise<void>;
    /** Stops before the next part (the content script was invalidated). */
    stopped?: () => boolean;
  },
): { first: Promise<void>; rest: Promise<void> } {
  const { partSize, isWanted, send, stopped = () => false } = options;
  const listed = new Set(snapshot.observations.map((o) => o.key));
  const factsByTask = new Map<string, Facts>();
  const unlisted: Facts = [];
  for (const fact of snapshot.facts) {
    if (!listed.has(fact.taskKey)) unlisted.push(fact);
    else if (factsByTask.has(fact.taskKey)) factsByTask.get(fact.taskKey)!.push(fact);
    else factsByTask.set(fact.taskKey, [fact]);
  }
  // Each task's facts are let go once sent: a big board's parts take a while, and the page holds what waits.
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
  const rest = first.then(async () => {
    while (remaining.length > 0 && !stopped()) {
      const ordered = [...remaining.filter((o) => isWanted(o.key)), ...remaining.filter((o) => !isWanted(o.key))];
      const part = ordered.slice(0, partSize);
      remaining = ordered.slice(partSize);
      await send(part, factsOf(part));
    }
  });
  return { first, rest };
}
