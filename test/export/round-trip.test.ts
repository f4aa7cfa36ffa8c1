import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/settings';
import { batch, freshIndexedDb, observation } from '../store/helpers';
import { testDeps } from '../background/deps';

let db: HistoryDb;
let settings: Settings;
const now = new Date('2026-03-03T12:00:00.000Z');
const service = () =>
  createHistoryService(testDeps({ db: async () => db, settings: async () => settings, now: () => now, saveSettings: async (s) => void (settings = s) }));

async function exportText(): Promise<string> {
  const reply = await service().handle({ type: 'export-history' });
  if (!reply.ok || !('json' in reply)) throw new Error('export failed');
  return reply.json;
}

async function dump() {
  const tx = db.transaction(['contractors', 'tasks', 'events']);
  const all = await Promise.all([tx.objectStore('contractors').getAll(), tx.objectStore('tasks').getAll(), tx.objectStore('events').getAll()]);
  return { contractors: all[0], tasks: all[1], events: all[2] };
}

async function seed() {
  const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
  await service().handle({
    type: 'observe',
    batch: batch(
      [
        observation({ key: 'trello:T0000001', nativeId: 'T0000001', due: '2026-02-10T17:30:00.123Z', done: true, completedAt: '2026-02-09T11:22:33.456Z', assignees: [ana] }),
        observation({ key: 'trello:T0000002', nativeId: 'T0000002', due: '2026-03-05', source: 'dom', dueText: 'Mar 5' }),
      ],
      { facts: [{ taskKey: 'trello:T0000001', factId: 'a1', kind: 'completed', at: '2026-02-09T11:22:33.456Z' }] },
    ),
  });
  await service().handle({ type: 'set-client-due', taskKey: 'trello:T0000002', clientDue: '2026-03-10' });
}

beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
  settings = { ...DEFAULT_SETTINGS, reviewMarginDays: 2 };
});

describe('export and import', () => {
  it('round-trips the whole store exactly, settings included', async () => {
    await seed();
    const before = await dump();
    const text = await exportText();
    const file = JSON.parse(text);
    expect(file).toMatchObject({ format: 'leeway-export', version: 1, exportedAt: now.toISOString() });
    expect(file.tasks[0]).toMatchObject({ assignees: ['trello:anaruiz'], assignedAt: expect.any(String) });

    freshIndexedDb();
    db = await openHistoryDb();
    settings = DEFAULT_SETTINGS;
    const reply = await service().handle({ type: 'import-history', text });
    expect(reply).toMatchObject({ ok: true, summary: { tasks: 2, newEvents: before.events.length } });
    expect(await dump()).toEqual(before);
    expect(settings.reviewMarginDays).toBe(2);
    // Every instant, to the millisecond.
    expect(await exportText()).toBe(text);
  });

  it('importing the same file twice adds nothing', async () => {
    await seed();
    const text = await exportText();
    const before = await dump();
    const again = await service().handle({ type: 'import-history', text });
    expect(again).toMatchObject({ ok: true, summary: { newEvents: 0 } });
    expect(await dump()).toEqual(before);
  });

  it('a file without events gets the events its task fields imply, and they count for the badge', async () => {
    const text = JSON.stringify({
      format: 'leeway-export', version: 1, exportedAt: '2026-03-01T00:00:00Z',
      contractors: [{ id: 'c1', name: 'Ben Okafor', identities: [{ site: 'trello', handle: 'benok', displayName: 'Ben Okafor' }] }],
      tasks: [1, 2, 3, 4].map((i) => ({
        key: `trello:Old0000${i}`, site: 'trello', title: `Old ${i}`, url: `https://trello.com/c/Old0000${i}`, assignees: ['c1'],
        assignedAt: `2026-01-0${i}T09:00:00Z`, toldDue: `2026-01-1${i}T17:00:00Z`, clientDue: null, done: true,
        completedAt: i === 4 ? '2026-01-20T10:00:00Z' : `2026-01-1${i}T10:00:00Z`,
      })),
      events: [],
    });
    const reply = await service().handle({ type: 'import-history', text });
    expect(reply).toMatchObject({ ok: true, summary: { tasks: 4, contractors: 1 } });
    const views = await service().handle({ type: 'get-views', taskKeys: [], contractorIds: ['trello:benok'] });
    expect(views).toMatchObject({ ok: true, views: { contractors: [{ id: 'trello:benok', contractorId: 'c1', n: 4 }] } });
    // 3 of 4 on time, shrunk toward the 70% prior.
    const ben = (views as { views: { contractors: { onTimeRate: number }[] } }).views.contractors[0]!;
    expect(ben.onTimeRate).toBeGreaterThan(0.7);
    expect(ben.onTimeRate).toBeLessThan(0.75);
    const second = await service().handle({ type: 'import-history', text });
    expect(second).toMatchObject({ ok: true, summary: { newEvents: 0 } });
  });

  it.each([
    ['truncated JSON', (t: string) => t.slice(0, t.length / 2), /not valid JSON; it may be truncated/],
    ['a foreign file', () => JSON.stringify({ name: 'my-todo-app', items: [] }), /not a Leeway export \(its format is missing\)/],
    ['another format', () => JSON.stringify({ format: 'trello-export' }), /not a Leeway export \(its format is "trello-export"\)/],
    ['a newer version', (t: string) => t.replace('"version": 1', '"version": 2'), /newer Leeway \(export version 2\); update Leeway/],
    ['a bad instant', (t: string) => t.replace('"2026-02-09T11:22:33.456Z"', '"yesterday"'), /damaged: .*: /],
    ['a missing field', (t: string) => t.replace(/"title": "[^"]*",/, ''), /damaged: tasks\.\d+\.title/],
    ['an unknown contractor', (t: string) => t.replace(/"assignees": \[\n\s*"trello:anaruiz"/, '"assignees": ["nobody"'), /tasks\.\d+\.assignees\.0: no contractor "nobody"/],
    ['a huge number', (t: string) => t.replace('"version": 1', '"version": 1e400'), /newer Leeway|damaged/],
    ['bad settings', (t: string) => t.replace('"reviewMarginDays": 2', '"reviewMarginDays": -5'), /settings\.reviewMarginDays/],
    ['not an object', () => '[1,2,3]', /not a Leeway export/],
  ])('rejects %s whole, with a message, changing nothing', async (_name, corrupt, message) => {
    await seed();
    const good = await exportText();
    const before = await dump();
    const reply = await service().handle({ type: 'import-history', text: corrupt(good) });
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(message) });
    expect(await dump()).toEqual(before);
  });

  it('ignores __proto__ keys instead of polluting anything', async () => {
    await seed();
    const text = (await exportText()).replace('"format": "leeway-export",', '"format": "leeway-export", "__proto__": { "polluted": true },');
    const reply = await service().handle({ type: 'import-history', text });
    expect(reply.ok).toBe(true);
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('exports deliveries as CSV, defusing formulas from page text', async () => {
    await seed();
    await service().handle({
      type: 'observe',
      batch: batch([observation({ key: 'trello:T0000003', nativeId: 'T0000003', title: '=HYPERLINK("x")', done: true, completedAt: '2026-02-20T10:00:00.000Z', due: '2026-02-18T10:00:00.000Z' })], {
        facts: [{ taskKey: 'trello:T0000003', factId: 'c3', kind: 'created', at: '2026-02-01T10:00:00.000Z' }],
      }),
    });
    const reply = await service().handle({ type: 'export-deliveries-csv' });
    if (!reply.ok || !('csv' in reply)) throw new Error('csv failed');
    const lines = reply.csv.trim().split('\r\n');
    expect(lines[0]).toBe('contractor,task,site,assigned_on,told_due,delivered_on,days_late,approximate');
    expect(lines).toContain(`Ana Ruiz,"'=HYPERLINK(""x"")",trello,2026-02-01,2026-02-18,2026-02-20,2,no`);
  });

  it('erases everything', async () => {
    await seed();
    await service().handle({ type: 'erase-history' });
    expect(await dump()).toEqual({ contractors: [], tasks: [], events: [] });
  });
});
