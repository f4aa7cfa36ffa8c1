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

/** The contractor record behind each site identity key (`trello:anaruiz`), where one exists. */
export async function getContractorsByIdentity(
  db: HistoryDb,
  identityKeys: readonly string[],
): Promise<Map<string, ContractorRecord>> {
  const index = db.transaction('contractors').store.index('byHandle');
  const found = await Promise.all(identityKeys.map((k) => index.get(k)));
  const byIdentity = new Map<string, ContractorRecord>();
  identityKeys.forEach((k, i) => {
    const record = found[i];
    if (record) byIdentity.set(k, record);
  });
  return byIdentity;
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

/** Every task assigned to any of a contractor's identities, once each. */
export async function getContractorTasks(db: HistoryDb, contractor: ContractorRecord): Promise<TaskRecord[]> {
  const perIdentity = await Promise.all(contractor.identityKeys.map((k) => db.getAllFromIndex('tasks', 'byAssignee', k)));
  return [...new Map(perIdentity.flat().map((t) => [t.key, t])).values()];
}

/** Every task assigned to any of a contractor's identities, with its events: the raw material of their track record. */
export async function getContractorWork(
  db: HistoryDb,
  contractor: ContractorRecord,
): Promise<{ task: TaskRecord; events: HistoryEvent[] }[]> {
  const tasks = await getContractorTasks(db, contractor);
  const events = await getEventsByTask(
    db,
    tasks.map((t) => t.key),
  );
  return tasks.map((task) => ({ task, events: events.get(task.key) ?? [] }));
}
