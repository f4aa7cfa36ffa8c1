import { groupBy } from '../group-by';
import type { HistoryFact, ObservationBatch } from '../model/observation';
import type { Snapshot } from '../sites/adapter';

/** Where a board's batches came from (every batch of one board shares it). */
type BatchSource = Pick<ObservationBatch, 'site' | 'pageUrl' | 'observedAt'>;

/**
 * A board's snapshot, checked in the background, as the batches the write queue takes: first the tasks the page
 * shows (with the facts of tasks the snapshot does not list, closed cards), then the rest in parts of `partSize`.
 * Each part is a transaction of its own, so the page's views and other tabs' writes need not wait for the whole
 * board, and tasks that come near the screen meanwhile can be written first (`bringForward`). Each task's facts go
 * with it.
 */
export function boardBatches(
  snapshot: Pick<Snapshot, 'observations' | 'facts'>,
  onScreen: ReadonlySet<string>,
  partSize: number,
  source: BatchSource,
): { first: ObservationBatch; rest: ObservationBatch[] } {
  const listed = new Set(snapshot.observations.map((o) => o.key));
  const byTask = groupBy(snapshot.facts, (fact) => fact.taskKey);
  const unlisted = snapshot.facts.filter((fact) => !listed.has(fact.taskKey));
  const batchOf = (tasks: Snapshot['observations'], extraFacts: HistoryFact[] = []): ObservationBatch => ({
    site: source.site,
    pageUrl: source.pageUrl,
    observedAt: source.observedAt,
    tasks,
    facts: [...extraFacts, ...tasks.flatMap((t) => byTask.get(t.key) ?? [])],
  });

  const shown = snapshot.observations.filter((o) => onScreen.has(o.key));
  const others = snapshot.observations.filter((o) => !onScreen.has(o.key));
  const rest: ObservationBatch[] = [];
  for (let start = 0; start < others.length; start += partSize) rest.push(batchOf(others.slice(start, start + partSize)));
  return { first: batchOf(shown, unlisted), rest };
}
