import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '@/utils/store/apply-batch';
import { openHistoryDb } from '@/utils/store/db';
import { DB_VERSION } from '@/utils/store/schema';
import { batch, freshIndexedDb, observation } from './helpers';

beforeEach(freshIndexedDb);

describe('history database', () => {
  it('creates every store and index from version 0', async () => {
    const db = await openHistoryDb();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['contractors', 'events', 'tasks']);
    const tx = db.transaction(['tasks', 'events', 'contractors']);
    expect([...tx.objectStore('tasks').indexNames].sort()).toEqual(['byAssignee', 'bySite']);
    expect([...tx.objectStore('events').indexNames].sort()).toEqual(['byAt', 'byTask']);
    expect([...tx.objectStore('contractors').indexNames]).toEqual(['byHandle']);
    db.close();
  });

  it('keeps everything across a reopen (a service worker restart)', async () => {
    const first = await openHistoryDb();
    await applyBatch(first, batch([observation()]));
    first.close();
    const again = await openHistoryDb();
    expect(await again.count('tasks')).toBe(1);
    expect(await again.count('events')).toBe(3);
    again.close();
  });
});
