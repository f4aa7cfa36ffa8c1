/**
 * Schema migrations (issue #7): a database saved by every earlier schema version opens with the current
 * `openHistoryDb()` with nothing lost.
 *
 * Each `test/fixtures/db/v<N>.json` is a frozen dump of a version-N database: its stores and indexes
 * (`schema`) and every record (`stores`). The test builds that database with raw IndexedDB — not with
 * Leeway's own upgrade code, which is what is under test — then opens it the current way and checks
 * every record is still there, field for field (an upgrade may add fields, never drop or change one,
 * unless `expectedAfterUpgrade` below says how).
 *
 * Adding schema version 2:
 * 1. Bump DB_VERSION and add step 2 to `upgradeSteps` in utils/store/db.ts (never edit step 1).
 * 2. Keep v1.json as it is (it stands for databases already on owners' machines; never regenerate it).
 * 3. Save a dump of a fresh v2 database as test/fixtures/db/v2.json, same shape as v1.json (`version`,
 *    `schema` with every store's keyPath and indexes, `stores` with the records), so v3 can test it.
 * 4. If step 2 rewrites records (renames a field, say), add to `expectedAfterUpgrade` how a v1 record
 *    looks afterwards; the test then checks that instead of the unchanged record.
 */
import 'fake-indexeddb/auto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openHistoryDb } from '@/utils/store/db';
import { DB_NAME, DB_VERSION } from '@/utils/store/schema';
import { freshIndexedDb } from './helpers';

interface DbFixture {
  version: number;
  schema: Record<string, { keyPath: string; indexes: { name: string; keyPath: string; multiEntry?: boolean }[] }>;
  stores: Record<string, Record<string, unknown>[]>;
}

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/db');
const fixtures = readdirSync(FIXTURES)
  .filter((f) => /^v\d+\.json$/.test(f))
  .map((f) => JSON.parse(readFileSync(path.join(FIXTURES, f), 'utf8')) as DbFixture)
  .sort((a, b) => a.version - b.version);

/** Per fixture version and store: how a record of that version looks after every upgrade step since. None yet. */
const expectedAfterUpgrade: Record<number, Partial<Record<string, (record: Record<string, unknown>) => Record<string, unknown>>>> = {};

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

/** Writes a fixture as an old Leeway would have left it, with raw IndexedDB only. */
async function saveOldDatabase(fixture: DbFixture): Promise<void> {
  const open = indexedDB.open(DB_NAME, fixture.version);
  open.onupgradeneeded = () => {
    const db = open.result;
    for (const [name, { keyPath, indexes }] of Object.entries(fixture.schema)) {
      const store = db.createObjectStore(name, { keyPath });
      for (const index of indexes) store.createIndex(index.name, index.keyPath, { multiEntry: index.multiEntry ?? false });
    }
  };
  const db = await request(open);
  const tx = db.transaction(Object.keys(fixture.stores), 'readwrite');
  for (const [name, records] of Object.entries(fixture.stores)) for (const r of records) tx.objectStore(name).put(r);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

beforeEach(() => freshIndexedDb());

describe('schema migrations', () => {
  it('has a fixture for every schema version up to the current one', () => {
    expect(fixtures.map((f) => f.version)).toEqual(Array.from({ length: DB_VERSION }, (_, i) => i + 1));
  });

  for (const fixture of fixtures) {
    it(`a version ${fixture.version} database opens at version ${DB_VERSION} with every record intact`, async () => {
      await saveOldDatabase(fixture);
      const db = await openHistoryDb();
      expect(db.version).toBe(DB_VERSION);
      for (const [name, records] of Object.entries(fixture.stores)) {
        const store = name as 'contractors' | 'tasks' | 'events';
        expect(records.length, `${name} in the fixture`).toBeGreaterThan(0);
        expect(await db.count(store), name).toBe(records.length);
        const keyPath = fixture.schema[name]!.keyPath;
        const upgrade = expectedAfterUpgrade[fixture.version]?.[name] ?? ((r) => r);
        for (const record of records) {
          const stored = await db.get(store, record[keyPath] as string);
          expect(stored, `${name} ${String(record[keyPath])}`).toMatchObject(upgrade(record));
        }
      }
      // The indexes Leeway queries by still find the old records.
      const someTask = fixture.stores.tasks?.find((t) => (t.assignees as string[]).length > 0);
      if (someTask) {
        const byAssignee = await db.getAllFromIndex('tasks', 'byAssignee', (someTask.assignees as string[])[0]!);
        expect(byAssignee.map((t) => t.key)).toContain(someTask.key);
      }
      const someEvent = fixture.stores.events?.[0];
      if (someEvent) expect((await db.getAllFromIndex('events', 'byTask', someEvent.taskKey as string)).length).toBeGreaterThan(0);
      const someContractor = fixture.stores.contractors?.[0];
      if (someContractor) {
        const handle = (someContractor.identityKeys as string[])[0]!;
        expect((await db.getFromIndex('contractors', 'byHandle', handle))?.id).toBe(someContractor.id);
      }
      db.close();
    });
  }
});
