import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { batch, freshIndexedDb, observation } from '../store/helpers';
import { testDeps } from './deps';

let db: HistoryDb;
const now = new Date('2026-03-03T12:00:00.000Z');
const service = () => createHistoryService(testDeps({ db: async () => db, now: () => now }));

const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
const anaUpwork = { site: 'upwork' as const, handle: '~01abc', displayName: 'Ana Ruíz' };

async function overview() {
  const reply = await service().handle({ type: 'get-overview' });
  if (!reply.ok || !('overview' in reply)) throw new Error('no overview');
  return reply.overview;
}

beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
  const done = (key: string, person: typeof ana | typeof anaUpwork, due: string, completedAt: string) =>
    observation({ key, nativeId: key.split(':')[1]!, site: person.site, assignees: [person], due, done: true, completedAt });
  const facts = (key: string) => [{ taskKey: key, factId: `created-${key}`, kind: 'created' as const, at: '2026-01-01T09:00:00.000Z' }];
  await service().handle({
    type: 'observe',
    batch: batch([done('trello:T1', ana, '2026-02-10T12:00:00.000Z', '2026-02-09T12:00:00.000Z')], { facts: facts('trello:T1') }),
  });
  await service().handle({
    type: 'observe',
    batch: batch(
      [
        done('upwork:c1:1', anaUpwork, '2026-02-12T12:00:00.000Z', '2026-02-15T12:00:00.000Z'),
        done('upwork:c1:2', anaUpwork, '2026-02-20T12:00:00.000Z', '2026-02-20T12:00:00.000Z'),
      ],
      { site: 'upwork', facts: [...facts('upwork:c1:1'), ...facts('upwork:c1:2')] },
    ),
  });
});

describe('one contractor across sites', () => {
  it('suggests linking people whose names match on different sites (accents and case aside)', async () => {
    expect((await overview()).linkSuggestions).toEqual([{ a: 'trello:anaruiz', b: 'upwork:~01abc', name: 'Ana Ruiz' }]);
  });

  it('linking merges the histories for badges on both sites; unlinking gives each its own back', async () => {
    await service().handle({ type: 'link-identity', into: 'trello:anaruiz', identityKey: 'upwork:~01abc' });
    const merged = await overview();
    expect(merged.contractors).toHaveLength(1);
    expect(merged.contractors[0]).toMatchObject({ n: 3, identities: [{ site: 'trello' }, { site: 'upwork' }] });
    expect(merged.linkSuggestions).toEqual([]);
    const views = await service().handle({ type: 'get-views', taskKeys: [], contractorIds: ['upwork:~01abc', 'trello:anaruiz'] });
    expect(views).toMatchObject({ ok: true, views: { contractors: [
      { id: 'upwork:~01abc', contractorId: 'trello:anaruiz', n: 3 },
      { id: 'trello:anaruiz', contractorId: 'trello:anaruiz', n: 3 },
    ] } });

    await service().handle({ type: 'unlink-identity', identityKey: 'upwork:~01abc' });
    const split = await overview();
    expect(split.contractors.map((c) => [c.id, c.n]).sort()).toEqual([['trello:anaruiz', 1], ['upwork:~01abc', 2]]);
  });

  it('unlinking the identity a record is named after keeps the rest under a new id', async () => {
    await service().handle({ type: 'link-identity', into: 'upwork:~01abc', identityKey: 'trello:anaruiz' });
    await service().handle({ type: 'unlink-identity', identityKey: 'upwork:~01abc' });
    const split = await overview();
    expect(split.contractors.map((c) => [c.id, c.n]).sort()).toEqual([['trello:anaruiz', 1], ['upwork:~01abc', 2]]);
  });
});

describe('tracking a page by hand', () => {
  it('creates a manual task for a known contractor, with its client deadline, counted in their history', async () => {
    const reply = await service().handle({
      type: 'track-manual',
      task: { title: 'Translate brochure', url: 'https://docs.example.com/d/1', assigneeKey: 'trello:anaruiz', newAssigneeName: null, toldDue: '2026-03-06', clientDue: '2026-03-10' },
    });
    expect(reply).toEqual({ ok: true, taskKey: expect.stringMatching(/^manual:id\d+$/) });
    const task = (await overview()).tasks.find((t) => t.site === 'manual');
    expect(task).toMatchObject({ title: 'Translate brochure', toldDue: '2026-03-06', clientDue: '2026-03-10', bufferDays: 2, board: 'docs.example.com', assignees: [{ id: 'trello:anaruiz', name: 'Ana Ruiz' }] });

    const key = (reply as { taskKey: string }).taskKey;
    expect(await service().handle({ type: 'set-done', taskKey: key, done: true })).toEqual({ ok: true });
    const events = await db.getAllFromIndex('events', 'byTask', key);
    expect(events.find((e) => e.type === 'completed')).toMatchObject({ source: 'owner', approximate: false, at: now.toISOString() });
    const anaView = (await overview()).contractors.find((c) => c.id === 'trello:anaruiz');
    expect(anaView?.n).toBe(2);
  });

  it('creates a new person by name, and refuses a task without a title', async () => {
    const reply = await service().handle({
      type: 'track-manual',
      task: { title: 'Logo', url: 'https://example.com', assigneeKey: null, newAssigneeName: 'Sam Field', toldDue: null, clientDue: null },
    });
    expect(reply.ok).toBe(true);
    expect((await overview()).contractors.map((c) => c.id)).toContain('manual:name:sam field');
    const bad = await service().handle({
      type: 'track-manual',
      task: { title: '  ', url: 'https://example.com', assigneeKey: null, newAssigneeName: null, toldDue: null, clientDue: null },
    });
    expect(bad).toMatchObject({ ok: false, error: expect.stringMatching(/task\.title: a title is needed/) });
  });

  it('site tasks are not marked done in Leeway', async () => {
    expect(await service().handle({ type: 'set-done', taskKey: 'trello:T1', done: false })).toMatchObject({ ok: false });
  });
});

describe('the owner marks site tasks', () => {
  it('delivered (the site does not show it) counts as the delivery once; accepted is recorded', async () => {
    const ana = { site: 'trello' as const, handle: 'anaruiz', displayName: 'Ana Ruiz' };
    await service().handle({
      type: 'observe',
      batch: batch([observation({ key: 'trello:Open0001', nativeId: 'Open0001', assignees: [ana], due: '2026-03-02T17:00:00.000Z' })], {
        facts: [{ taskKey: 'trello:Open0001', factId: 'c-open', kind: 'created', at: '2026-02-20T09:00:00.000Z' }],
      }),
    });
    const before = (await overview()).contractors.find((c) => c.id === 'trello:anaruiz');
    expect(await service().handle({ type: 'mark-task', taskKey: 'trello:Open0001', mark: 'delivered' })).toEqual({ ok: true });
    await service().handle({ type: 'mark-task', taskKey: 'trello:Open0001', mark: 'delivered' });
    expect(await service().handle({ type: 'mark-task', taskKey: 'trello:Open0001', mark: 'accepted' })).toEqual({ ok: true });
    const after = await overview();
    const task = after.tasks.find((t) => t.key === 'trello:Open0001');
    expect(task).toMatchObject({ zone: 'done', ownerDeliveredOn: '2026-03-03', acceptedOn: '2026-03-03' });
    const events = await db.getAllFromIndex('events', 'byTask', 'trello:Open0001');
    expect(events.filter((e) => e.type === 'owner-delivered')).toHaveLength(1);
    // Delivered a day after its told due: counted, late.
    const page = await service().handle({ type: 'get-contractor', contractorId: 'trello:anaruiz' });
    if (!page.ok || !('deliveries' in page)) throw new Error('no contractor page');
    expect(page.deliveries.find((d) => d.taskKey === 'trello:Open0001')).toMatchObject({ deliveredOn: '2026-03-03', slipDays: 1 });
    expect(after.contractors.find((c) => c.id === 'trello:anaruiz')?.n).toBe(before!.n);
    expect(await service().handle({ type: 'mark-task', taskKey: 'trello:Nope0000', mark: 'accepted' })).toMatchObject({ ok: false });
  });
});
