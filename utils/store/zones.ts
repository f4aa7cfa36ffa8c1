/**
 * Zone transitions in the event log (`zone-changed`, oldValue → newValue), written by the background's
 * recompute. The log itself is the memory of each task's last zone, read and written in one transaction,
 * so a transition is recorded once however often (or concurrently) the recompute runs.
 *
 * source: 'leeway'. The event is Leeway's own exact record of when it saw the change (approximate: false), not
 * something the owner did, a site's record or a page reading.
 */
import type { IDBPIndex } from 'idb';
import type { HistoryDb } from './db';
import type { HistoryEvent, LeewayDB } from './schema';
import type { Zone } from '../messages/views';

/** Zones worth a line in the log. 'none' (no due date) says nothing about progress, so it is skipped. */
const LOGGED: ReadonlySet<Zone> = new Set(['green', 'yellow', 'red', 'done']);

export interface ZoneTransition {
  taskKey: string;
  from: Zone | null;
  to: Zone;
}

/** The task's last logged zone, from its events. */
export function lastZone(events: readonly HistoryEvent[]): Zone | null {
  let last: HistoryEvent | null = null;
  for (const e of events) if (e.type === 'zone-changed' && (!last || e.at > last.at || (e.at === last.at && e.id > last.id))) last = e;
  return (last?.newValue as Zone | undefined) ?? null;
}

/**
 * Logs every task whose zone differs from its last logged one. A task first seen already done gets no line
 * (there was no transition to see); `done` is logged only after a zone was.
 */
export async function recordZones(db: HistoryDb, zones: readonly { taskKey: string; zone: Zone }[], at: string): Promise<ZoneTransition[]> {
  const tx = db.transaction('events', 'readwrite');
  const eventsByTask = await eventsOfTasks(tx.store.index('byTask'), zones.map((z) => z.taskKey));
  const transitions: ZoneTransition[] = [];
  zones.forEach(({ taskKey, zone }) => {
    if (!LOGGED.has(zone)) return;
    const from = lastZone(eventsByTask.get(taskKey) ?? []);
    if (from === zone || (from === null && zone === 'done')) return;
    transitions.push({ taskKey, from, to: zone });
  });
  await Promise.all(
    transitions.map((t) =>
      tx.store.put({
        id: `${t.taskKey}|zone-changed|${at}`,
        taskKey: t.taskKey,
        type: 'zone-changed',
        at,
        source: 'leeway',
        approximate: false,
        oldValue: t.from,
        newValue: t.to,
        contractorId: null,
      }),
    ),
  );
  await tx.done;
  return transitions;
}

/** Up to this many tasks, their events are read with a request each (see `eventsOfTasks`). */
const ONE_REQUEST_EACH_UP_TO = 50;

/**
 * The events of these tasks, by task: a few tasks one request each; many (a recompute covers every open task) in
 * one request over the range of their keys, filtered here, instead of a request per task (1,000 on a big board).
 * The zone step of a recompute took 260–680 ms in the service worker on a 1,000-card board either way, mostly
 * waiting for the board's batch writes to let go of the events store; the single read is not timed on its own.
 */
async function eventsOfTasks(
  index: IDBPIndex<LeewayDB, ['events'], 'events', 'byTask', 'readwrite'>,
  taskKeys: readonly string[],
): Promise<Map<string, HistoryEvent[]>> {
  const byTask = new Map<string, HistoryEvent[]>(taskKeys.map((key) => [key, []]));
  if (taskKeys.length <= ONE_REQUEST_EACH_UP_TO) {
    const lists = await Promise.all(taskKeys.map((key) => index.getAll(key)));
    taskKeys.forEach((key, i) => byTask.set(key, lists[i] ?? []));
    return byTask;
  }
  const sorted = [...taskKeys].sort();
  for (const event of await index.getAll(IDBKeyRange.bound(sorted[0]!, sorted.at(-1)!))) byTask.get(event.taskKey)?.push(event);
  return byTask;
}
