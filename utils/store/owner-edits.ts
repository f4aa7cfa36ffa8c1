import type { HistoryDb } from './db';
import type { EventType, HistoryEvent, Stakes, TaskRecord } from './schema';

/** An event the owner caused: exact, at the time they did it. The id carries the value, so nothing is overwritten. */
function ownerEvent(id: string, taskKey: string, type: EventType, at: string, oldValue: string | null, newValue: string | null): HistoryEvent {
  return { id, taskKey, type, at, source: 'owner', approximate: false, oldValue, newValue, contractorId: null };
}

/** Records (or clears, with null) the owner's private client deadline, with an event in the same transaction. */
export async function setClientDue(
  db: HistoryDb,
  taskKey: string,
  clientDue: string | null,
  now: string,
): Promise<TaskRecord | null> {
  const tx = db.transaction(['tasks', 'events'], 'readwrite');
  const task = await tx.objectStore('tasks').get(taskKey);
  if (!task) {
    await tx.done;
    return null;
  }
  if (task.clientDue !== clientDue) {
    await tx.objectStore('events').put(ownerEvent(`${taskKey}|client-due-set|${now}|${clientDue ?? 'none'}`, taskKey, 'client-due-set', now, task.clientDue, clientDue));
    task.clientDue = clientDue;
    await tx.objectStore('tasks').put(task);
  }
  await tx.done;
  return task;
}

/** The owner marks a hand-tracked task delivered (or reopens it): exact, owner-sourced events. */
export async function setDone(db: HistoryDb, taskKey: string, done: boolean, now: string): Promise<TaskRecord | null> {
  const tx = db.transaction(['tasks', 'events'], 'readwrite');
  const task = await tx.objectStore('tasks').get(taskKey);
  if (task && task.done !== done) {
    const type = done ? 'completed' : 'reopened';
    await tx.objectStore('events').put(ownerEvent(`${taskKey}|${type}|${now}`, taskKey, type, now, null, null));
    task.done = done;
    task.completedAt = done ? now : null;
    task.lastSeenAt = now;
    await tx.objectStore('tasks').put(task);
  }
  await tx.done;
  return task ?? null;
}

/** Excludes a task's delivery from its contractor's record (or takes that back), with the owner's reason. */
export async function setExcluded(db: HistoryDb, taskKey: string, excluded: boolean, reason: string | null, now: string): Promise<void> {
  const tx = db.transaction(['tasks', 'events'], 'readwrite');
  const task = await tx.objectStore('tasks').get(taskKey);
  if (task) {
    const type = excluded ? 'excluded' : 'exclusion-cleared';
    await tx.objectStore('events').put(ownerEvent(`${taskKey}|${type}|${now}|${reason ?? ''}`, taskKey, type, now, null, excluded ? reason : null));
  }
  await tx.done;
}

/** The owner's word on a site task: delivered (though the site does not show it) or accepted. Once each. */
export async function markTask(db: HistoryDb, taskKey: string, mark: 'owner-delivered' | 'accepted', now: string): Promise<boolean> {
  const tx = db.transaction(['tasks', 'events'], 'readwrite');
  const task = await tx.objectStore('tasks').get(taskKey);
  const already = task ? (await tx.objectStore('events').index('byTask').getAll(taskKey)).some((e) => e.type === mark) : false;
  if (task && !already) {
    await tx.objectStore('events').put(ownerEvent(`${taskKey}|${mark}|${now}`, taskKey, mark, now, null, null));
  }
  await tx.done;
  return task !== undefined;
}

/** How much rides on a task: the target chance its suggested told date aims for. */
export async function setStakes(db: HistoryDb, taskKey: string, stakes: Stakes, now: string): Promise<boolean> {
  const tx = db.transaction(['tasks', 'events'], 'readwrite');
  const task = await tx.objectStore('tasks').get(taskKey);
  if (task && (task.stakes ?? 'normal') !== stakes) {
    await tx.objectStore('events').put(ownerEvent(`${taskKey}|stakes-set|${now}|${stakes}`, taskKey, 'stakes-set', now, task.stakes ?? 'normal', stakes));
    await tx.objectStore('tasks').put({ ...task, stakes });
  }
  await tx.done;
  return task !== undefined;
}

/** The owner's word on a checkpoint: met or missed (where the site shows no progress to tell). */
export async function markCheckpoint(db: HistoryDb, taskKey: string, date: string, status: 'met' | 'missed', now: string): Promise<boolean> {
  const tx = db.transaction(['tasks', 'events'], 'readwrite');
  const task = await tx.objectStore('tasks').get(taskKey);
  if (task) {
    const value = `${date}|${status}`;
    await tx.objectStore('events').put(ownerEvent(`${taskKey}|checkpoint-marked|${now}|${value}`, taskKey, 'checkpoint-marked', now, null, value));
  }
  await tx.done;
  return task !== undefined;
}
