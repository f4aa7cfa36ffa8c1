import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyBatch } from '@/utils/store/apply-batch';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { linkIdentity } from '@/utils/store/links';
import { getAllContractors, getEventsByTask, getTasks } from '@/utils/store/queries';
import { batch, freshIndexedDb, observation } from './helpers';

let db: HistoryDb;
beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
});

const eventTypes = async (key = 'trello:AbC123xy') =>
  ((await getEventsByTask(db, [key])).get(key) ?? []).map((e) => e.type);

describe('applyBatch', () => {
  it('records a new task, its contractor and the first events', async () => {
    const result = await applyBatch(db, batch([observation()]));
    expect(result).toEqual({ tasksAdded: 1, tasksChanged: 0, eventsAdded: 3, touchedTasks: ['trello:AbC123xy'] });
    const [task] = await getTasks(db, ['trello:AbC123xy']);
    expect(task).toMatchObject({ toldDue: '2026-03-05T17:00:00.000Z', assignees: ['trello:anaruiz'], done: false });
    expect(await eventTypes()).toEqual(['assigned', 'due-set', 'first-seen']);
    const [ana] = await getAllContractors(db);
    expect(ana).toMatchObject({ id: 'trello:anaruiz', name: 'Ana Ruiz', identities: [{ site: 'trello', handle: 'anaruiz' }] });
  });

  it('looks up no stored event for tasks new to the store, and every event of the others', async () => {
    const lookups = { count: 0 };
    const getKey = IDBObjectStore.prototype.getKey;
    IDBObjectStore.prototype.getKey = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      if (this.name === 'events') lookups.count++;
      return getKey.call(this, query);
    };
    try {
      const fact = { taskKey: 'trello:AbC123xy', factId: 'a1', kind: 'created' as const, at: '2026-02-20T08:00:00.000Z' };
      const first = await applyBatch(db, batch([observation()], { facts: [fact] }));
      expect(lookups.count).toBe(0);
      expect(first.eventsAdded).toBe(4);
      const again = await applyBatch(db, batch([observation()], { facts: [fact] }));
      expect(lookups.count).toBe(1);
      expect(again.eventsAdded).toBe(0);
      expect(await db.count('events')).toBe(4);
    } finally {
      IDBObjectStore.prototype.getKey = getKey;
    }
  });

  it('is idempotent: the same observation twice adds nothing', async () => {
    await applyBatch(db, batch([observation()]));
    const again = await applyBatch(db, batch([observation()]));
    const later = await applyBatch(db, batch([observation()], { observedAt: '2026-03-02T10:00:00.000Z' }));
    expect(again.eventsAdded).toBe(0);
    expect(later.eventsAdded).toBe(0);
    // Nothing touched: the background keeps every derived history it has.
    expect(again.touchedTasks).toEqual([]);
    expect(later.touchedTasks).toEqual([]);
    expect(await eventTypes()).toHaveLength(3);
  });

  it('logs due changes old → new and completion, and keeps the log append-only', async () => {
    await applyBatch(db, batch([observation()]));
    await applyBatch(db, batch([observation({ due: '2026-03-09T17:00:00.000Z' })], { observedAt: '2026-03-04T09:00:00.000Z' }));
    await applyBatch(db, batch([observation({ due: '2026-03-09T17:00:00.000Z', done: true })], { observedAt: '2026-03-08T09:00:00.000Z' }));
    await applyBatch(db, batch([observation({ due: '2026-03-09T17:00:00.000Z', done: false })], { observedAt: '2026-03-10T09:00:00.000Z' }));
    const events = (await getEventsByTask(db, ['trello:AbC123xy'])).get('trello:AbC123xy') ?? [];
    const change = events.find((e) => e.type === 'due-changed');
    expect(change).toMatchObject({ oldValue: '2026-03-05T17:00:00.000Z', newValue: '2026-03-09T17:00:00.000Z', source: 'json' });
    expect(events.map((e) => e.type)).toEqual(['assigned', 'due-set', 'first-seen', 'due-changed', 'completed', 'reopened']);
    const [task] = await getTasks(db, ['trello:AbC123xy']);
    expect(task).toMatchObject({ done: false, completedAt: null });
  });

  it('a DOM read of the same day does not count as a due change, and keeps the exact instant', async () => {
    await applyBatch(db, batch([observation()]));
    const dom = observation({ due: '2026-03-05', source: 'dom' });
    const result = await applyBatch(db, batch([dom], { observedAt: '2026-03-02T10:00:00.000Z' }));
    expect(result.eventsAdded).toBe(0);
    const [task] = await getTasks(db, ['trello:AbC123xy']);
    expect(task?.toldDue).toBe('2026-03-05T17:00:00.000Z');
  });

  it('unreadable due text never erases a known due; unknown due is flagged', async () => {
    await applyBatch(db, batch([observation()]));
    await applyBatch(db, batch([observation({ due: null, dueUnparsed: true, dueText: 'Someday', source: 'dom' })]));
    expect((await getTasks(db, ['trello:AbC123xy']))[0]).toMatchObject({ toldDue: '2026-03-05T17:00:00.000Z', dueUnparsed: false });
    const fresh = observation({ key: 'trello:Zz7LmN00', nativeId: 'Zz7LmN00', due: null, dueUnparsed: true, dueText: 'Someday', source: 'dom' });
    await applyBatch(db, batch([fresh]));
    expect((await getTasks(db, ['trello:Zz7LmN00']))[0]).toMatchObject({ toldDue: null, dueUnparsed: true, dueText: 'Someday' });
  });

  it('stores site facts once, with their exact times, and does not double them with noticed changes', async () => {
    const facts = [
      { taskKey: 'trello:AbC123xy', factId: 'a1', kind: 'due-changed' as const, at: '2026-02-20T08:00:00.000Z', oldDue: null, newDue: '2026-03-05T17:00:00.000Z' },
      { taskKey: 'trello:AbC123xy', factId: 'a2', kind: 'completed' as const, at: '2026-03-04T15:30:00.000Z' },
    ];
    const first = batch([observation({ done: true, completedAt: '2026-03-04T15:30:00.000Z' })], { facts });
    await applyBatch(db, first);
    await applyBatch(db, first);
    const events = (await getEventsByTask(db, ['trello:AbC123xy'])).get('trello:AbC123xy') ?? [];
    expect(events.filter((e) => e.type === 'completed')).toEqual([
      expect.objectContaining({ at: '2026-03-04T15:30:00.000Z', approximate: false, source: 'json' }),
    ]);
    expect(events.filter((e) => e.type === 'due-set')).toHaveLength(1);
    expect((await getTasks(db, ['trello:AbC123xy']))[0]?.completedAt).toBe('2026-03-04T15:30:00.000Z');
  });

  it('names the tasks it touched: changed records, and tasks whose facts brought new events', async () => {
    const other = observation({ key: 'trello:Zz7LmN00', nativeId: 'Zz7LmN00' });
    await applyBatch(db, batch([observation(), other]));
    // Only the first changes; a fact arrives for a task the batch does not list (a closed card).
    const closedFact = { taskKey: 'trello:Cl0sed00', factId: 'c1', kind: 'completed' as const, at: '2026-03-02T08:00:00.000Z' };
    const result = await applyBatch(
      db,
      batch([observation({ due: '2026-03-09T17:00:00.000Z' }), other], { observedAt: '2026-03-04T09:00:00.000Z', facts: [closedFact] }),
    );
    expect(result.touchedTasks.sort()).toEqual(['trello:AbC123xy', 'trello:Cl0sed00']);
  });

  it('a fact listed twice and a task observed twice in one batch are stored once', async () => {
    const fact = { taskKey: 'trello:AbC123xy', factId: 'a1', kind: 'due-changed' as const, at: '2026-02-20T08:00:00.000Z', oldDue: null, newDue: '2026-03-05T17:00:00.000Z' };
    const result = await applyBatch(db, batch([observation(), observation()], { facts: [fact, fact] }));
    expect(result).toMatchObject({ tasksAdded: 2, eventsAdded: 3 });
    // The due comes from the fact (exact, from the site), not from a change Leeway noticed.
    expect(await eventTypes()).toEqual(['due-set', 'assigned', 'first-seen']);
    expect(await db.count('events')).toBe(3);
  });

  it('records assignment changes per contractor', async () => {
    await applyBatch(db, batch([observation()]));
    const ben = { site: 'trello' as const, handle: 'benok', displayName: 'Ben Okafor' };
    await applyBatch(db, batch([observation({ assignees: [ben] })], { observedAt: '2026-03-02T10:00:00.000Z' }));
    const events = (await getEventsByTask(db, ['trello:AbC123xy'])).get('trello:AbC123xy') ?? [];
    expect(events.filter((e) => e.type === 'assigned').map((e) => e.contractorId)).toEqual(['trello:anaruiz', 'trello:benok']);
    expect(events.filter((e) => e.type === 'unassigned').map((e) => e.contractorId)).toEqual(['trello:anaruiz']);
  });

  it('keeps one record per contractor: a renamed person keeps theirs, and two linked identities renamed at once both keep their new names', async () => {
    const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
    const anaOnAsana = { site: 'asana' as const, handle: '1201', displayName: 'Ana R.' };
    await applyBatch(db, batch([observation({ assignees: [ana] }), observation({ key: 'asana:1', site: 'asana', nativeId: '1', assignees: [anaOnAsana] })]));
    expect((await getAllContractors(db)).map((c) => c.id).sort()).toEqual(['asana:1201', 'trello:anaruiz']);
    await linkIdentity(db, 'trello:anaruiz', 'asana:1201', '2026-03-01T11:00:00.000Z');

    // One batch names both identities of the one contractor, each under a new name.
    await applyBatch(
      db,
      batch(
        [
          observation({ assignees: [{ ...ana, displayName: 'Ana Ruiz-Vega' }] }),
          observation({ key: 'asana:1', site: 'asana', nativeId: '1', assignees: [{ ...anaOnAsana, displayName: 'Ana Ruiz-Vega (Asana)' }] }),
        ],
        { observedAt: '2026-03-02T10:00:00.000Z' },
      ),
    );
    const contractors = await getAllContractors(db);
    expect(contractors).toHaveLength(1);
    expect(contractors[0]!.identities.map((i) => i.displayName)).toEqual(['Ana Ruiz-Vega', 'Ana Ruiz-Vega (Asana)']);
    expect(contractors[0]!.identityKeys).toEqual(['trello:anaruiz', 'asana:1201']);
  });

  it('a batch that fails part-way writes nothing (one transaction)', async () => {
    const good = observation({ key: 'trello:Good0001', nativeId: 'Good0001' });
    // A key that IndexedDB cannot store aborts the transaction after the first task was written.
    const bad = { ...observation(), key: undefined as unknown as string };
    await expect(applyBatch(db, batch([good, bad]))).rejects.toBeTruthy();
    expect(await getTasks(db, ['trello:Good0001'])).toEqual([]);
    expect(await db.count('events')).toBe(0);
  });
});
