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

  it('reads a whole board (one request over the range of its keys) with the same answers as task by task', async () => {
    const keys = Array.from({ length: 80 }, (_, i) => `trello:T${String(i).padStart(3, '0')}`);
    // Every other task already logged green; a task between them that is not asked about was logged red.
    await recordZones(db, keys.filter((_, i) => i % 2 === 0).map((taskKey) => ({ taskKey, zone: 'green' as const })), '2026-03-01T10:00:00.000Z');
    await recordZones(db, [{ taskKey: 'trello:T040x', zone: 'red' }], '2026-03-01T10:00:00.000Z');
    const transitions = await recordZones(db, keys.map((taskKey) => ({ taskKey, zone: 'green' as const })), '2026-03-02T10:00:00.000Z');
    expect(transitions.map((t) => t.taskKey)).toEqual(keys.filter((_, i) => i % 2 === 1));
    expect(transitions.every((t) => t.from === null && t.to === 'green')).toBe(true);
    // The unasked task's red is neither read as someone else's zone nor logged again.
    expect(await zoneEvents('trello:T040x')).toHaveLength(1);
    expect(await zoneEvents('trello:T041')).toHaveLength(1);
  });
});
