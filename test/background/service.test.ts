import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createHistoryService } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { batch, freshIndexedDb, observation } from '../store/helpers';
import { testDeps } from './deps';

let db: HistoryDb;
const log = vi.fn();
const changed = vi.fn();
const saveHealth = vi.fn();
const now = new Date('2026-03-03T12:00:00.000Z');

const service = () => createHistoryService(testDeps({ db: async () => db, now: () => now, onHistoryChanged: changed, saveHealth, log }));

beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
  log.mockReset();
  changed.mockReset();
});

describe('history service', () => {
  it.each([
    ['not an object', 42],
    ['unknown type', { type: 'drop-database' }],
    ['batch without tasks', { type: 'observe', batch: { site: 'trello', pageUrl: 'x', observedAt: '2026-03-01T00:00:00Z', facts: [] } }],
    ['bad client deadline', { type: 'set-client-due', taskKey: 'trello:a', clientDue: '5 March' }],
    ['impossible date', { type: 'set-client-due', taskKey: 'trello:a', clientDue: '2026-02-31' }],
  ])('rejects a malformed message (%s) with a reason, without throwing, and logs it', async (_name, message) => {
    const reply = await service().handle(message);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^rejected message: /) });
    expect(log).toHaveBeenCalledOnce();
    expect(await db.count('tasks')).toBe(0);
  });

  it('keeps a health report per tab', async () => {
    const report = {
      site: 'trello', pageUrl: 'https://trello.com/b/Brd12345/x', route: 'board', expectsTasks: true, tasksFound: 0,
      missing: {}, json: 'unavailable', jsonTasks: null, at: '2026-03-03T12:00:00.000Z',
    };
    expect(await service().handle({ type: 'report-health', report }, { tabId: 7 })).toEqual({ ok: true });
    expect(saveHealth).toHaveBeenCalledWith(7, report);
  });

  it('answers an observation batch with views for its tasks and people', async () => {
    const reply = await service().handle({ type: 'observe', batch: batch([observation()]) });
    expect(reply.ok).toBe(true);
    if (!reply.ok || !('views' in reply)) throw new Error('expected views');
    expect(reply.views.tasks).toEqual([
      expect.objectContaining({ key: 'trello:AbC123xy', toldDue: '2026-03-05', zone: 'yellow', clientDue: null, bufferDays: null }),
    ]);
    expect(reply.views.contractors).toEqual([expect.objectContaining({ id: 'trello:anaruiz', grade: 'new', n: 0 })]);
    expect(changed).toHaveBeenCalledOnce();
  });

  it('zones follow the told due until forecasting knows better: red past due, yellow within 2 days, green later, done', async () => {
    const tasks = [
      observation({ key: 'trello:Late0001', nativeId: 'Late0001', due: '2026-03-02T17:00:00.000Z' }),
      observation({ key: 'trello:Soon0001', nativeId: 'Soon0001', due: '2026-03-05' }),
      observation({ key: 'trello:Later001', nativeId: 'Later001', due: '2026-03-20' }),
      observation({ key: 'trello:Done0001', nativeId: 'Done0001', due: '2026-03-02', done: true }),
      observation({ key: 'trello:NoDue001', nativeId: 'NoDue001', due: null }),
    ];
    const reply = await service().handle({ type: 'observe', batch: batch(tasks) });
    if (!reply.ok || !('views' in reply)) throw new Error('expected views');
    expect(Object.fromEntries(reply.views.tasks.map((t) => [t.key, t.zone]))).toEqual({
      'trello:Late0001': 'red',
      'trello:Soon0001': 'yellow',
      'trello:Later001': 'green',
      'trello:Done0001': 'done',
      'trello:NoDue001': 'none',
    });
  });

  it('records a client deadline and shows the buffer in working days', async () => {
    await service().handle({ type: 'observe', batch: batch([observation()]) });
    // Told Thu 5 March, client Tue 10 March: Fri, Mon, Tue = 3 working days.
    const reply = await service().handle({ type: 'set-client-due', taskKey: 'trello:AbC123xy', clientDue: '2026-03-10' });
    expect(reply).toMatchObject({ ok: true, task: { clientDue: '2026-03-10', bufferDays: 3 } });
    const overview = await service().handle({ type: 'get-overview' });
    expect(overview).toMatchObject({ ok: true, overview: { tasks: [{ key: 'trello:AbC123xy', clientDue: '2026-03-10' }] } });
    const events = await db.getAllFromIndex('events', 'byTask', 'trello:AbC123xy');
    expect(events.filter((e) => e.type === 'client-due-set')).toEqual([
      expect.objectContaining({ oldValue: null, newValue: '2026-03-10', source: 'owner' }),
    ]);
  });

  it('counts deliveries on the badge from the event log', async () => {
    const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
    const done = (id: string, due: string, completedAt: string) =>
      observation({ key: `trello:${id}`, nativeId: id, assignees: [ana], due, done: true, completedAt });
    const facts = ['T0000001', 'T0000002', 'T0000003'].map((id, i) => ({
      taskKey: `trello:${id}`, factId: `c${i}`, kind: 'created' as const, at: '2026-02-01T09:00:00.000Z',
    }));
    const reply = await service().handle({
      type: 'observe',
      batch: batch(
        [
          done('T0000001', '2026-02-10T17:00:00.000Z', '2026-02-09T12:00:00.000Z'),
          done('T0000002', '2026-02-12T17:00:00.000Z', '2026-02-12T10:00:00.000Z'),
          done('T0000003', '2026-02-14T17:00:00.000Z', '2026-02-18T10:00:00.000Z'),
          // Open and already past its told due: counted as late.
          observation({ key: 'trello:T0000004', nativeId: 'T0000004', assignees: [ana], due: '2026-02-20T17:00:00.000Z' }),
        ],
        { facts },
      ),
    });
    if (!reply.ok || !('views' in reply)) throw new Error('expected views');
    const badge = reply.views.contractors[0]!;
    expect(badge).toMatchObject({ id: 'trello:anaruiz', n: 4 });
    // Bayesian: 2 of 4 on time is pulled toward the 70% prior, not shown as a bare 50%.
    expect(badge.onTimeRate).toBeGreaterThan(0.5);
    expect(badge.onTimeRate).toBeLessThan(0.7);
    expect(badge.evidence).toMatch(/\S/);
  });

  it('with a client deadline: suggests a told date, the live chance and its zone, and says why', async () => {
    const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
    const day = (n: number, time: string) => new Date(Date.UTC(2026, 0, n)).toISOString().slice(0, 10) + time;
    // Six past deliveries in January: four a day early, two two days late.
    const past = [1, 2, 3, 4, 5, 6].map((i) =>
      observation({
        key: `trello:Past000${i}`, nativeId: `Past000${i}`, assignees: [ana],
        due: day(5 * i, 'T17:00:00.000Z'), done: true,
        completedAt: day(5 * i + (i % 3 === 0 ? 2 : -1), 'T10:00:00.000Z'),
      }),
    );
    const created = past.map((o, i) => ({ taskKey: o.key, factId: `c${i}`, kind: 'created' as const, at: `2026-01-0${1 + (i % 3)}T09:00:00.000Z` }));
    await service().handle({ type: 'observe', batch: batch([...past, observation({ assignees: [ana] })], { facts: created }) });
    const reply = await service().handle({ type: 'set-client-due', taskKey: 'trello:AbC123xy', clientDue: '2026-03-13' });
    if (!reply.ok || !("task" in reply) || !reply.task) throw new Error(`no task view: ${JSON.stringify(reply)}`);
    const view = reply.task;
    expect(view.suggestedTold).toMatch(/^2026-03-\d{2}$/);
    expect(view.suggestedTold! < '2026-03-13').toBe(true);
    expect(view.suggestedTold! >= '2026-03-03').toBe(true);
    expect(view.chance).toBeGreaterThan(0);
    expect(view.chance).toBeLessThanOrEqual(1);
    expect(['green', 'yellow', 'red']).toContain(view.zone);
    expect(view.why).toMatch(/Based on 6 past deliveries by Ana Ruiz/);
    // The told due on the site (5 March) against the client's 13 March: 6 working days.
    expect(view.bufferDays).toBe(6);
  });

  it('critical stakes aim higher: an earlier suggested told date than low stakes', async () => {
    const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
    await service().handle({ type: 'observe', batch: batch([observation({ assignees: [ana] })]) });
    await service().handle({ type: 'set-client-due', taskKey: 'trello:AbC123xy', clientDue: '2026-03-31' });
    const suggested = async (stakes: 'normal' | 'critical' | 'low') => {
      await service().handle({ type: 'set-stakes', taskKey: 'trello:AbC123xy', stakes });
      const reply = await service().handle({ type: 'get-views', taskKeys: ['trello:AbC123xy'], contractorIds: [] });
      if (!reply.ok || !('views' in reply)) throw new Error('no views');
      return reply.views.tasks[0]!;
    };
    const low = await suggested('low');
    const critical = await suggested('critical');
    expect(low).toMatchObject({ stakes: 'low', target: 0.7 });
    expect(critical).toMatchObject({ stakes: 'critical', target: 0.95 });
    expect(critical.suggestedTold! < low.suggestedTold!).toBe(true);
    const events = await db.getAllFromIndex('events', 'byTask', 'trello:AbC123xy');
    expect(events.filter((e) => e.type === 'stakes-set').map((e) => e.newValue).sort()).toEqual(['critical', 'low']);
  });

  it('checkpoints: the owner marks one missed (or met), and the checklist progress decides the rest', async () => {
    // Assigned 1 March (Sun → counts from Mon), told due 20 March: checkpoints at about 25/50/75%.
    const facts = [{ taskKey: 'trello:AbC123xy', factId: 'c1', kind: 'created' as const, at: '2026-02-23T09:00:00.000Z' }];
    await service().handle({ type: 'observe', batch: batch([observation({ due: '2026-03-20T17:00:00.000Z', progress: 0.1 })], { facts }) });
    const view = async () => {
      const reply = await service().handle({ type: 'get-views', taskKeys: ['trello:AbC123xy'], contractorIds: [] });
      if (!reply.ok || !('views' in reply)) throw new Error('no views');
      return reply.views.tasks[0]!;
    };
    const before = await view();
    expect(before.checkpoints.length).toBeGreaterThanOrEqual(1);
    const past = before.checkpoints.filter((c) => c.date < '2026-03-03');
    expect(past.length).toBeGreaterThan(0);
    // 10% done at a 25% checkpoint: missed, by the site's own progress.
    expect(past[0]!.status).toBe('missed');
    await service().handle({ type: 'mark-checkpoint', taskKey: 'trello:AbC123xy', date: past[0]!.date, status: 'met' });
    const after = await view();
    expect(after.checkpoints.find((c) => c.date === past[0]!.date)?.status).toBe('met');
  });
});

describe('views on a busy page', () => {
  const other = (key: string, handle: string) =>
    observation({ key: `trello:${key}`, nativeId: key, url: `https://trello.com/c/${key}`, assignees: [{ site: 'trello', handle, displayName: handle }] });

  it('answers an observed batch with views for only the tasks asked for (the ones on screen)', async () => {
    const reply = await service().handle({
      type: 'observe',
      batch: batch([other('Card0001', 'ana'), other('Card0002', 'ben'), other('Card0003', 'ana')]),
      viewsFor: ['trello:Card0002'],
    });
    if (!reply.ok || !('views' in reply)) throw new Error('no views');
    expect(reply.views.tasks.map((t) => t.key)).toEqual(['trello:Card0002']);
    expect(await db.count('tasks')).toBe(3);
  });

  it('writes the parts a page hands over one at a time, and a task asked about while its part waits is written first', async () => {
    const one = service();
    const parts = [0, 1, 2].map((p) => batch(Array.from({ length: 40 }, (_, i) => other(`P${p}C${String(i).padStart(4, '0')}`, 'ana'))));
    const finished: string[] = [];
    const handed = parts.map((part, p) => one.handle({ type: 'observe', batch: part }).then((reply) => (finished.push(`part ${p}`), reply)));
    const views = one.handle({ type: 'get-views', taskKeys: ['trello:P2C0007'], contractorIds: [] }).then((reply) => (finished.push('views'), reply));
    const reply = await views;
    if (!reply.ok || !('views' in reply)) throw new Error('no views');
    expect(reply.views.tasks.map((t) => t.key)).toEqual(['trello:P2C0007']);
    await Promise.all(handed);
    // The views came before the last part was written whole, and every task was written.
    expect(finished.indexOf('views')).toBeLessThan(finished.indexOf('part 2'));
    expect(await db.count('tasks')).toBe(120);
  });

  it('a contractor record kept between requests follows every change of the history', async () => {
    const one = service();
    const record = async () => {
      const reply = await one.handle({ type: 'get-views', taskKeys: [], contractorIds: ['trello:anaruiz'] });
      if (!reply.ok || !('views' in reply)) throw new Error('no views');
      return reply.views.contractors[0]!;
    };
    // Told due 2026-02-20, delivered on time, seen by the same service before and after.
    await one.handle({ type: 'observe', batch: batch([observation({ due: '2026-02-20T17:00:00.000Z' })], { observedAt: '2026-02-10T10:00:00.000Z' }) });
    expect((await record()).n).toBe(1);
    expect((await record()).n).toBe(1);
    const second = observation({ key: 'trello:Card0009', nativeId: 'Card0009', url: 'https://trello.com/c/Card0009', due: '2026-02-25T17:00:00.000Z' });
    await one.handle({ type: 'observe', batch: batch([second], { observedAt: '2026-02-11T10:00:00.000Z' }) });
    expect((await record()).n).toBe(2);
  });
});
