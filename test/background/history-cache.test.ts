import { describe, expect, it } from 'vitest';
import { createHistoryCache } from '@/utils/background/history-cache';
import { deliveriesOf } from '@/utils/views/build-views';
import type { ContractorRecord, HistoryEvent, TaskRecord } from '@/utils/store/schema';

const ana: ContractorRecord = {
  id: 'trello:anaruiz',
  name: 'Ana Ruiz',
  identities: [{ site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' }],
  identityKeys: ['trello:anaruiz'],
  createdAt: '2026-01-01T00:00:00.000Z',
};

function task(n: number, overrides: Partial<TaskRecord> = {}): TaskRecord {
  const key = `trello:T${String(n).padStart(7, '0')}`;
  return {
    key,
    site: 'trello',
    nativeId: key.slice(7),
    title: `Task ${n}`,
    url: `https://trello.com/c/${key.slice(7)}`,
    board: 'Board',
    list: 'Doing',
    assignees: ['trello:anaruiz'],
    toldDue: `2026-02-${String(10 + (n % 15)).padStart(2, '0')}`,
    done: n % 3 !== 0,
    completedAt: null,
    firstSeenAt: '2026-01-20T09:00:00.000Z',
    lastSeenAt: '2026-02-27T09:00:00.000Z',
    ...overrides,
  } as TaskRecord;
}

function eventsFor(t: TaskRecord, deliveredOn: string): HistoryEvent[] {
  const event = (type: HistoryEvent['type'], at: string, extra: Partial<HistoryEvent> = {}): HistoryEvent => ({
    id: `${t.key}|${type}`,
    taskKey: t.key,
    type,
    at,
    source: 'json',
    approximate: false,
    oldValue: null,
    newValue: null,
    contractorId: null,
    ...extra,
  });
  const list = [
    event('first-seen', '2026-01-20T09:00:00.000Z'),
    event('assigned', '2026-01-20T09:00:00.000Z', { contractorId: 'trello:anaruiz' }),
    event('due-set', '2026-01-20T09:00:00.000Z', { newValue: t.toldDue }),
  ];
  if (t.done) list.push(event('completed', `${deliveredOn}T15:00:00.000Z`));
  return list;
}

/** A store of Ana's tasks and their events, counting what the cache reads. */
function store(count: number) {
  const tasks = Array.from({ length: count }, (_, i) => task(i + 1));
  const events = new Map(tasks.map((t) => [t.key, eventsFor(t, '2026-02-12')]));
  const reads = { tasks: 0, eventKeys: [] as string[][] };
  let gate: Promise<void> | null = null;
  return {
    tasks,
    events,
    reads,
    /** Holds the next reads until released (a derivation that a write overtakes). */
    hold(): () => void {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    cache: createHistoryCache({
      tasksOf: async () => {
        reads.tasks++;
        if (gate) await gate;
        return tasks.map((t) => ({ ...t }));
      },
      eventsOf: async (keys) => {
        reads.eventKeys.push([...keys]);
        return new Map(keys.map((k) => [k, events.get(k) ?? []]));
      },
    }),
  };
}

const expected = (s: ReturnType<typeof store>) => deliveriesOf(ana, s.tasks.map((t) => ({ task: t, events: s.events.get(t.key) ?? [] })));

describe('the derived-history cache', () => {
  it('derives what deliveriesOf derives, once, and shares a derivation asked for twice meanwhile', async () => {
    const s = store(12);
    const [a, b] = await Promise.all([s.cache.historyOf(ana), s.cache.historyOf(ana)]);
    expect(a).toEqual(expected(s));
    expect(a.length).toBeGreaterThan(0);
    expect(b).toBe(a);
    expect(await s.cache.historyOf(ana)).toBe(a);
    expect(s.reads.tasks).toBe(1);
    expect(s.reads.eventKeys).toHaveLength(1);
  });

  it('after a write that names its tasks, reads the events of those tasks only', async () => {
    const s = store(12);
    await s.cache.historyOf(ana);
    // Task 3 is delivered now, late.
    const third = s.tasks[2]!;
    Object.assign(third, { done: true });
    s.events.set(third.key, eventsFor(third, '2026-02-20'));
    s.cache.changed([third.key]);

    const after = await s.cache.historyOf(ana);
    expect(s.reads.eventKeys.at(-1)).toEqual([third.key]);
    expect(after).toEqual(expected(s));
    expect(after.find((d) => d.taskKey === third.key)?.deliveredOn).toBe('2026-02-20');
  });

  it('after a write that may change anything, reads everything again', async () => {
    const s = store(5);
    await s.cache.historyOf(ana);
    s.cache.changed();
    await s.cache.historyOf(ana);
    expect(s.reads.eventKeys.at(-1)).toHaveLength(5);
  });

  it('a derivation overtaken by a write is answered but not kept', async () => {
    const s = store(4);
    const release = s.hold();
    const overtaken = s.cache.historyOf(ana);
    s.cache.changed([s.tasks[0]!.key]);
    release();
    await overtaken;
    await s.cache.historyOf(ana);
    // Read whole again: nothing of the overtaken derivation was kept.
    expect(s.reads.tasks).toBe(2);
    expect(s.reads.eventKeys.at(-1)).toHaveLength(4);
  });
});
