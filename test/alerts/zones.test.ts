import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { lastZone, recordZones } from '@/utils/store/zones';
import { freshIndexedDb } from '../store/helpers';

let db: HistoryDb;
beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
});

const zoneEvents = async (taskKey = 'trello:A') =>
  (await db.getAllFromIndex('events', 'byTask', taskKey)).filter((e) => e.type === 'zone-changed').sort((a, b) => (a.at < b.at ? -1 : 1));

describe('zone-changed events', () => {
  it('writes one event per real transition, never a repeat', async () => {
    const sequence = ['green', 'green', 'yellow', 'none', 'yellow', 'red', 'red', 'done', 'done'] as const;
    for (const [i, zone] of sequence.entries()) {
      await recordZones(db, [{ taskKey: 'trello:A', zone }], `2026-03-0${i + 1}T10:00:00.000Z`);
    }
    const events = await zoneEvents();
    expect(events.map((e) => [e.oldValue, e.newValue])).toEqual([
      [null, 'green'],
      ['green', 'yellow'],
      ['yellow', 'red'],
      ['red', 'done'],
    ]);
    expect(events[0]).toMatchObject({ type: 'zone-changed', source: 'leeway', approximate: false, contractorId: null, at: '2026-03-01T10:00:00.000Z' });
    expect(lastZone(events)).toBe('done');
  });

  it('records nothing for a task first seen already done', async () => {
    expect(await recordZones(db, [{ taskKey: 'trello:A', zone: 'done' }], '2026-03-01T10:00:00.000Z')).toEqual([]);
    expect(await zoneEvents()).toEqual([]);
  });

  it('stays single when two recomputes race', async () => {
    await Promise.all([
      recordZones(db, [{ taskKey: 'trello:A', zone: 'red' }], '2026-03-01T10:00:00.000Z'),
      recordZones(db, [{ taskKey: 'trello:A', zone: 'red' }], '2026-03-01T10:00:01.000Z'),
    ]);
    expect(await zoneEvents()).toHaveLength(1);
  });
});
