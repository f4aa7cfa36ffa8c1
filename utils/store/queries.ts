import type { HistoryDb } from './db';
import type { ContractorRecord, HistoryEvent, TaskRecord } from './schema';

export async function getTasks(db: HistoryDb, keys: readonly string[]): Promise<TaskRecord[]> {
  const tx = db.transaction('tasks');
  const found = await Promise.all(keys.map((k) => tx.store.get(k)));
  return found.filter((t): t is TaskRecord => t !== undefined);
}

export function getAllTasks(db: HistoryDb): Promise<TaskRecord[]> {
  return db.getAll('tasks');
}

export async function getContractors(db: HistoryDb, ids: readonly string[]): Promise<ContractorRecord[]> {
  const tx = db.transaction('contractors');
  const found = await Promise.all(ids.map((id) => tx.store.index('byHandle').get(id)));
  return found.filter((c): c is ContractorRecord => c !== undefined);
}

export function getAllContractors(db: HistoryDb): Promise<ContractorRecord[]> {
  return db.getAll('contractors');
}

/** Events of each task, oldest first. */
export async function getEventsByTask(
  db: HistoryDb,
  keys: readonly string[],
): Promise<Map<string, HistoryEvent[]>> {
  const index = db.transaction('events').store.index('byTask');
  const lists = await Promise.all(keys.map((k) => index.getAll(k)));
  return new Map(keys.map((k, i) => [k, sortEvents(lists[i] ?? [])]));
}

export function sortEvents(events: HistoryEvent[]): HistoryEvent[] {
  return [...events].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** Every task a contractor has been assigned, with its events: the raw material of their track record. */
export async function getContractorWork(
  db: HistoryDb,
  contractorId: string,
): Promise<{ task: TaskRecord; events: HistoryEvent[] }[]> {
  const tasks = await db.getAllFromIndex('tasks', 'byAssignee', contractorId);
  const events = await getEventsByTask(
    db,
    tasks.map((t) => t.key),
  );
  return tasks.map((task) => ({ task, events: events.get(task.key) ?? [] }));
}
