import { openDB, type IDBPDatabase, type IDBPTransaction, type StoreNames } from 'idb';
import { DB_NAME, DB_VERSION, type LeewayDB } from './schema';

export type HistoryDb = IDBPDatabase<LeewayDB>;
type UpgradeTx = IDBPTransaction<LeewayDB, StoreNames<LeewayDB>[], 'versionchange'>;

/**
 * Upgrade steps, one per schema version. Step N takes a database at version N-1 to version N.
 * Running every step from `oldVersion` upward gives each older database the current shape.
 */
const upgradeSteps: Record<number, (db: HistoryDb, tx: UpgradeTx) => void> = {
  1: (db) => {
    const contractors = db.createObjectStore('contractors', { keyPath: 'id' });
    // One entry per identity, e.g. "trello:anaruiz", so a site handle finds its contractor.
    contractors.createIndex('byHandle', 'identityKeys', { multiEntry: true });
    const tasks = db.createObjectStore('tasks', { keyPath: 'key' });
    tasks.createIndex('byAssignee', 'assignees', { multiEntry: true });
    tasks.createIndex('bySite', 'site');
    const events = db.createObjectStore('events', { keyPath: 'id' });
    events.createIndex('byTask', 'taskKey');
    events.createIndex('byAt', 'at');
  },
};

export function openHistoryDb(
  options: { name?: string; version?: number; onBlocking?: () => void } = {},
): Promise<HistoryDb> {
  const { name = DB_NAME, version = DB_VERSION, onBlocking } = options;
  return openDB<LeewayDB>(name, version, {
    upgrade(db, oldVersion, newVersion, tx) {
      for (let step = oldVersion + 1; step <= (newVersion ?? version); step++) {
        const run = upgradeSteps[step];
        if (!run) throw new Error(`No upgrade step to schema version ${step}`);
        run(db, tx);
      }
    },
    // A newer version of Leeway wants to upgrade: the owner closes this connection and reopens lazily.
    blocking: onBlocking,
  });
}
