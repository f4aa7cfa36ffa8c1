import { localDateOf, isCalendarDate } from '../model/dates';
import type { HistoryFact, ObservationBatch, PersonRef, TaskObservation } from '../model/observation';
import type { IDBPObjectStore, IDBPTransaction } from 'idb';
import { groupBy } from '../group-by';
import type { HistoryDb } from './db';
import { identityKey } from './identity';
import type { ContractorRecord, EventType, HistoryEvent, LeewayDB, TaskRecord } from './schema';

type BatchTx = IDBPTransaction<LeewayDB, ('contractors' | 'tasks' | 'events')[], 'readwrite'>;

export interface ApplyResult {
  tasksAdded: number;
  tasksChanged: number;
  eventsAdded: number;
  /** The tasks whose record or events this batch changed (what derived histories must read again). */
  touchedTasks: string[];
}

/**
 * Records one batch of observations in a single transaction: either all of it lands or none of it
 * (a service worker stopped mid-write leaves the store as it was).
 *
 * Idempotent: observations are diffed against the stored task, and every event has a deterministic id,
 * so the same batch applied twice adds nothing the second time.
 */
export async function applyBatch(db: HistoryDb, batch: ObservationBatch): Promise<ApplyResult> {
  const tx = db.transaction(['contractors', 'tasks', 'events'], 'readwrite');
  try {
    return await writeBatch(tx, batch);
  } catch (error) {
    abortQuietly(tx);
    throw error;
  }
}

/**
 * Any failure part-way (a full disk, a bug) must not let the transaction commit what came before it:
 * abort explicitly, and keep the transaction's own rejection from surfacing as an unhandled one.
 */
export function abortQuietly(tx: { abort(): void; done: Promise<void> }): void {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already aborted (the request that failed did it) or finished.
  }
}

/**
 * Queues one request per item and waits for all of them. When queuing throws part-way (a key IndexedDB
 * cannot store), the requests already queued are aborted with the transaction: their rejections are
 * expected, so they are silenced rather than reported as unhandled.
 */
export async function queueAll<T, R>(items: readonly T[], request: (item: T) => Promise<R>): Promise<R[]> {
  const queued: Promise<R>[] = [];
  try {
    for (const item of items) queued.push(request(item));
  } catch (error) {
    for (const q of queued) q.catch(() => {});
    throw error;
  }
  return Promise.all(queued);
}

async function writeBatch(tx: BatchTx, batch: ObservationBatch): Promise<ApplyResult> {
  const result: ApplyResult = { tasksAdded: 0, tasksChanged: 0, eventsAdded: 0, touchedTasks: [] };
  const touched = new Set<string>();
  await upsertContractors(tx.objectStore('contractors'), collectPeople(batch), batch.observedAt);

  const tasks = tx.objectStore('tasks');
  const previous = await queueAll(batch.tasks, (t) => tasks.get(t.key));
  const factsByTask = groupBy(batch.facts, (fact) => fact.taskKey);

  // Every event the batch implies, once each (a fact listed twice, a task observed twice in one batch).
  const implied = new Map<string, HistoryEvent>();
  const imply = (event: HistoryEvent) => {
    if (!implied.has(event.id)) implied.set(event.id, event);
  };
  for (const fact of batch.facts) imply(eventFromFact(fact));
  const records: TaskRecord[] = [];
  for (const [i, observation] of batch.tasks.entries()) {
    const before = previous[i];
    const { record, changes } = mergeObservation(before, observation, factsByTask.get(observation.key) ?? [], batch.observedAt);
    changes.forEach(imply);
    records.push(record);
    if (!before) result.tasksAdded++;
    else if (changes.length > 0 || !sameRecord(before, record)) result.tasksChanged++;
    else continue;
    touched.add(observation.key);
  }

  // Requests are queued together, not awaited one by one: each await is a round trip to the browser's database
  // process, and a 500-task part of a board (800 facts) was 4,000 of them in a row, two seconds during which the
  // views a page waits for queued behind it. Events already stored (a batch seen before) are left as they are.
  // A task the store did not have has no events there (a task and its events are written together), so its
  // events are not looked up: on a board's first visit that was 110–200 ms of a 500-task part's write. They are
  // put rather than added, so that an event left without its task could not abort the batch.
  const events = tx.objectStore('events');
  const newTasks = new Set(batch.tasks.filter((_, i) => previous[i] === undefined).map((t) => t.key));
  const candidates = [...implied.values()];
  const known = candidates.filter((event) => !newTasks.has(event.taskKey));
  const stored = await queueAll(known, (event) => events.getKey(event.id));
  const storedIds = new Set(known.filter((_, i) => stored[i] !== undefined).map((event) => event.id));
  const fresh = candidates.filter((event) => !storedIds.has(event.id));
  await queueAll(fresh, (event) => (newTasks.has(event.taskKey) ? events.put(event) : events.add(event)));
  await queueAll(records, (record) => tasks.put(record));
  result.eventsAdded = fresh.length;
  for (const event of fresh) touched.add(event.taskKey);
  result.touchedTasks = [...touched];

  await tx.done;
  return result;
}

function collectPeople(batch: ObservationBatch): PersonRef[] {
  const people = new Map<string, PersonRef>();
  for (const task of batch.tasks) for (const p of task.assignees) people.set(identityKey(p), p);
  for (const fact of batch.facts) if (fact.person) people.set(identityKey(fact.person), fact.person);
  return [...people.values()];
}

/**
 * New people get a record; a renamed one keeps theirs with the shown name updated. The look-ups are queued together
 * and so are the writes: awaited one by one, a board's seven people were 14 round trips to the database in a row,
 * each waiting its turn in a service worker busy taking in the board's other parts (the first part of a board,
 * whose views the chips on screen wait for, spent 56–77 ms on them in two timed first visits; 9–47 ms queued).
 */
async function upsertContractors(
  store: IDBPObjectStore<LeewayDB, ('contractors' | 'tasks' | 'events')[], 'contractors', 'readwrite'>,
  people: PersonRef[],
  now: string,
): Promise<void> {
  const byHandle = store.index('byHandle');
  const found = await queueAll(people, (person) => byHandle.get(identityKey(person)));
  const writes = new Map<string, ContractorRecord>();
  for (const [i, person] of people.entries()) {
    const handleKey = identityKey(person);
    const stored = found[i];
    if (!stored) {
      writes.set(handleKey, {
        id: handleKey,
        name: person.displayName || person.handle,
        identities: [{ site: person.site, handle: person.handle, displayName: person.displayName }],
        identityKeys: [handleKey],
        createdAt: now,
      });
      continue;
    }
    // Two identities of one contractor (linked) are found as two copies of one record: both renames go in one.
    const existing = writes.get(stored.id) ?? stored;
    const identity = existing.identities.find((i) => identityKey(i) === handleKey);
    // A renamed person keeps their contractor record; only the shown name follows the site.
    if (identity && person.displayName && identity.displayName !== person.displayName) {
      identity.displayName = person.displayName;
      if (existing.identities.length === 1) existing.name = person.displayName;
      writes.set(existing.id, existing);
    }
  }
  await queueAll([...writes.values()], (record) => store.put(record));
}

function eventFromFact(fact: HistoryFact): HistoryEvent {
  const site = fact.taskKey.split(':', 1)[0];
  const type: EventType =
    fact.kind === 'due-changed' ? (fact.oldDue ? 'due-changed' : 'due-set') : fact.kind;
  const isDue = fact.kind === 'due-changed';
  return {
    id: `json:${site}:${fact.factId}`,
    taskKey: fact.taskKey,
    type,
    at: fact.at,
    source: 'json',
    approximate: false,
    oldValue: isDue ? (fact.oldDue ?? null) : null,
    newValue: isDue ? (fact.newDue ?? null) : null,
    contractorId: fact.person ? identityKey(fact.person) : null,
  };
}

/** Two dues are the same when they fall on the same local calendar date. */
export function sameDue(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return a === b;
  return localDateOf(a) === localDateOf(b);
}

/** Keeps the more precise of two dues that name the same day: an instant beats a bare date. */
function preciseDue(stored: string | null, observed: string | null): string | null {
  if (stored && observed && sameDue(stored, observed) && isCalendarDate(observed)) return stored;
  return observed;
}

function mergeObservation(
  before: TaskRecord | undefined,
  obs: TaskObservation,
  facts: HistoryFact[],
  observedAt: string,
): { record: TaskRecord; changes: HistoryEvent[] } {
  const changes: HistoryEvent[] = [];
  const noticed = (type: EventType, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({
    id: [obs.key, type, observedAt, extra.contractorId ?? extra.newValue ?? ''].join('|'),
    taskKey: obs.key,
    type,
    at: observedAt,
    source: obs.source,
    // What the owner types in happens when they say it; what Leeway notices on a page happened earlier.
    approximate: obs.source !== 'owner',
    oldValue: null,
    newValue: null,
    contractorId: null,
    ...extra,
  });

  if (!before) changes.push({ ...noticed('first-seen'), id: `${obs.key}|first-seen` });

  // Due. Unreadable due text never erases a due we knew.
  const storedDue = before?.toldDue ?? null;
  const observedDue = obs.due === null && obs.dueUnparsed ? storedDue : obs.due;
  let toldDue = storedDue;
  if (!sameDue(storedDue, observedDue)) {
    const explained = facts.some((f) => f.kind === 'due-changed' && sameDue(f.newDue ?? null, observedDue));
    if (!explained) {
      changes.push(
        noticed(storedDue === null ? 'due-set' : 'due-changed', { oldValue: storedDue, newValue: observedDue }),
      );
    }
    toldDue = observedDue;
  } else {
    toldDue = preciseDue(storedDue, observedDue);
  }

  // Assignees.
  const assignees = obs.assignees.map(identityKey);
  const previousAssignees = new Set(before?.assignees ?? []);
  for (const id of assignees) {
    if (previousAssignees.has(id)) continue;
    if (facts.some((f) => f.kind === 'assigned' && f.person && identityKey(f.person) === id)) continue;
    changes.push(noticed('assigned', { contractorId: id }));
  }
  for (const id of previousAssignees) {
    if (assignees.includes(id)) continue;
    if (facts.some((f) => f.kind === 'unassigned' && f.person && identityKey(f.person) === id)) continue;
    changes.push(noticed('unassigned', { contractorId: id }));
  }

  // Done state. The site's exact completion time wins over the moment Leeway noticed it.
  const wasDone = before?.done ?? false;
  const latestCompletionFact = facts
    .filter((f) => f.kind === 'completed')
    .map((f) => f.at)
    .sort()
    .at(-1);
  let completedAt = before?.completedAt ?? null;
  if (obs.done) {
    completedAt = obs.completedAt ?? latestCompletionFact ?? (wasDone ? completedAt : null);
    if (!wasDone && !latestCompletionFact) {
      changes.push(
        obs.completedAt
          ? { ...noticed('completed'), at: obs.completedAt, approximate: false, id: `${obs.key}|completed|${obs.completedAt}` }
          : noticed('completed'),
      );
    }
  } else {
    if (wasDone && !facts.some((f) => f.kind === 'reopened')) changes.push(noticed('reopened'));
    completedAt = null;
  }

  const record: TaskRecord = {
    key: obs.key,
    site: obs.site,
    nativeId: obs.nativeId,
    title: obs.title,
    url: obs.url,
    board: obs.board ?? before?.board ?? null,
    list: obs.list ?? before?.list ?? null,
    assignees,
    toldDue,
    clientDue: before?.clientDue ?? null,
    ...(before?.stakes ? { stakes: before.stakes } : {}),
    progress: obs.progress ?? before?.progress ?? null,
    done: obs.done,
    completedAt,
    dueUnparsed: toldDue === null && (obs.dueUnparsed ?? false),
    dueText: obs.dueText ?? before?.dueText ?? null,
    firstSeenAt: before?.firstSeenAt ?? observedAt,
    lastSeenAt: observedAt,
    lastSource: obs.source,
  };
  return { record, changes };
}

function sameRecord(a: TaskRecord, b: TaskRecord): boolean {
  const { lastSeenAt: _a, ...restA } = a;
  const { lastSeenAt: _b, ...restB } = b;
  return JSON.stringify(restA) === JSON.stringify(restB);
}
