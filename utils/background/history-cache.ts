import { deriveDelivery, type DerivedDelivery } from '../history/deliveries';
import type { ContractorRecord, HistoryEvent, TaskRecord } from '../store/schema';

/** How the cache reads the store: a contractor's tasks, and the events of some tasks (oldest first). */
export interface HistoryReads {
  tasksOf(contractor: ContractorRecord): Promise<TaskRecord[]>;
  eventsOf(taskKeys: readonly string[]): Promise<Map<string, HistoryEvent[]>>;
}

/**
 * Each contractor's derived deliveries, kept between views, and under them each task's own delivery.
 *
 * Deriving a history reads every task of the contractor and every event of those tasks: on a 5,000-card board
 * of seven people, 5,000 reads of events, 0.1–1.8 s per person in Chromium. A board's first visit writes its
 * tasks in parts, and a view asked for between two parts had to derive them all again; now a write names the
 * tasks it touched (`changed(keys)`) and only those are read again. A write that may change anything (an
 * import, a link between identities, an owner's edit) forgets everything (`changed()`).
 *
 * A derivation that a write overtakes (started before it, finished after) is returned but not kept: it may
 * have read the store on either side of the write.
 */
export function createHistoryCache(reads: HistoryReads) {
  let revision = 0;
  const byContractor = new Map<string, DerivedDelivery[]>();
  /** Derivations on their way, shared by the views that want the same person meanwhile (several tabs, a reload). */
  const inFlight = new Map<string, Promise<DerivedDelivery[]>>();
  /** By task key, then contractor id (a task's delivery is read with its contractor's identities). */
  const byTask = new Map<string, Map<string, DerivedDelivery | null>>();

  async function derive(contractor: ContractorRecord, started: number): Promise<DerivedDelivery[]> {
    const tasks = await reads.tasksOf(contractor);
    const known = tasks.map((task) => byTask.get(task.key)?.get(contractor.id));
    const missing = tasks.filter((_, i) => known[i] === undefined);
    const events = missing.length > 0 ? await reads.eventsOf(missing.map((t) => t.key)) : new Map<string, HistoryEvent[]>();
    const fresh = new Map(missing.map((task) => [task.key, deriveDelivery(task, events.get(task.key) ?? [], contractor.identityKeys)]));
    const deliveries = tasks
      .map((task, i) => (known[i] !== undefined ? known[i] : fresh.get(task.key)))
      .filter((d): d is DerivedDelivery => d !== null && d !== undefined);
    if (started === revision) {
      for (const [key, delivery] of fresh) {
        const perContractor = byTask.get(key) ?? new Map<string, DerivedDelivery | null>();
        perContractor.set(contractor.id, delivery);
        byTask.set(key, perContractor);
      }
      byContractor.set(contractor.id, deliveries);
    }
    return deliveries;
  }

  return {
    historyOf(contractor: ContractorRecord): Promise<DerivedDelivery[]> {
      const cached = byContractor.get(contractor.id);
      if (cached) return Promise.resolve(cached);
      const pending = inFlight.get(contractor.id);
      if (pending) return pending;
      const derivation = derive(contractor, revision).finally(() => {
        if (inFlight.get(contractor.id) === derivation) inFlight.delete(contractor.id);
      });
      inFlight.set(contractor.id, derivation);
      return derivation;
    },

    /** The history changed: in the tasks named, or anywhere when none are. */
    changed(taskKeys?: Iterable<string>): void {
      revision++;
      byContractor.clear();
      // A derivation under way may miss this write: views from now on start their own.
      inFlight.clear();
      if (taskKeys === undefined) byTask.clear();
      else for (const key of taskKeys) byTask.delete(key);
    },
  };
}
