// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { TaskObservationSchema } from '@/utils/model/observation';
import { asanaAdapter, createAsanaAdapter } from '@/utils/sites/asana/adapter';
import { BOARD_URL, FIXTURE_TODAY, LIST_URL, MY_TASKS_URL, PANE_URL, PROJECT, fakeFetch, fixtureDocument, staticResponses } from './fixtures';

const NOW = () => new Date('2026-12-01T12:00:00.000Z');

describe('asanaAdapter.route', () => {
  it('maps URLs to route kinds and ids', () => {
    expect(asanaAdapter.site).toBe('asana');
    expect(asanaAdapter.matches).toEqual(['https://app.asana.com/*']);
    expect(asanaAdapter.route(BOARD_URL)).toEqual({ kind: 'project', id: PROJECT });
    expect(asanaAdapter.route(PANE_URL)).toEqual({ kind: 'task', id: '1205000000000202' });
    expect(asanaAdapter.route('https://app.asana.com/0/search?q=x&child=1205000000000202')).toEqual({ kind: 'search', id: '1205000000000202' });
    expect(asanaAdapter.route('https://app.asana.com/-/login')).toBeNull();
  });
});

describe('asanaAdapter.readPage', () => {
  it('places board cards: chip after the due container or in the action buttons; no invented people', () => {
    const doc = fixtureDocument('board.html');
    const { tasks, health } = asanaAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: BOARD_URL });
    expect(tasks).toHaveLength(9);
    for (const t of tasks) {
      expect(t.container.matches('.BoardCardLayout')).toBe(true);
      expect(t.container.contains(t.slot)).toBe(true);
      expect(t.slot.matches('.BoardCardLayout-actionButtons')).toBe(true);
      if (t.anchor) expect(t.anchor.matches('.DueDateContainer')).toBe(true);
      expect(t.people).toEqual([]); // initials only, no JSON read yet
      expect(t.observation.assignees).toEqual([]);
      expect(TaskObservationSchema.safeParse(t.observation).success).toBe(true);
    }
    expect(tasks.find((t) => t.key === 'asana:1205000000000206')?.anchor).toBeNull();
    expect(tasks.find((t) => t.key === 'asana:1205000000000202')?.observation).toEqual({
      key: 'asana:1205000000000202',
      site: 'asana',
      nativeId: '1205000000000202',
      title: 'Fix checkout bug',
      url: 'https://app.asana.com/0/0/1205000000000202/f',
      board: 'Website Relaunch',
      list: 'Doing',
      assignees: [],
      due: '2026-11-22',
      dueText: 'Nov 22',
      dueUnparsed: false,
      done: false,
      source: 'dom',
    });
    expect(health).toEqual({
      route: 'project',
      expectsTasks: true,
      tasksFound: 9,
      missing: { gid: 0, title: 0, due: 1, done: 0, item: 0, assignee: 8 },
    });
  });

  it('names list-row assignees by name handle and places chips in the due cell', () => {
    const { tasks, health } = asanaAdapter.readPage(fixtureDocument('list.html'), { today: FIXTURE_TODAY, pageUrl: LIST_URL });
    expect(tasks).toHaveLength(9);
    const dana = tasks.find((t) => t.key === 'asana:1205000000000204')!;
    expect(dana.observation.assignees).toEqual([{ site: 'asana', handle: 'name:Dana Vel', displayName: 'Dana Vel' }]);
    expect(dana.people.map((p) => p.contractorId)).toEqual(['asana:name:Dana Vel']);
    expect(dana.people[0]!.element.matches('.SpreadsheetAssigneeCell-assigneeDisplay')).toBe(true);
    expect(dana.anchor?.matches('.SpreadsheetMutableDateCell-dueDateDisplay')).toBe(true);
    const noDue = tasks.find((t) => t.key === 'asana:1205000000000206')!;
    expect([noDue.anchor, noDue.slot.matches('.SpreadsheetTaskRow-dueDateCell'), noDue.people]).toEqual([null, true, []]);
    expect(health.missing.assignee).toBe(0);
  });

  it('reads My Tasks without expecting assignees', () => {
    const { tasks, health } = asanaAdapter.readPage(fixtureDocument('my-tasks.html'), { today: FIXTURE_TODAY, pageUrl: MY_TASKS_URL });
    expect(tasks.map((t) => [t.key, t.observation.board, t.observation.list, t.slot.className])).toEqual([
      ['asana:1205000000000207', 'Website Relaunch', 'Recently assigned', 'MyTasksTaskRow-dueDate'],
      ['asana:1205000000000208', 'Website Relaunch', 'Do today', 'MyTasksTaskRow-dueDate'],
      ['asana:1205000000000209', 'Website Relaunch', 'Do later', 'MyTasksTaskRow-dueDate'],
    ]);
    expect(health).toMatchObject({ route: 'my-tasks', expectsTasks: true, tasksFound: 3, missing: { assignee: 0 } });
  });

  it('adds the open pane as its own placement and lets its full name name the card too', () => {
    const { tasks, health } = asanaAdapter.readPage(fixtureDocument('board-pane.html'), { today: FIXTURE_TODAY, pageUrl: PANE_URL });
    const open = tasks.filter((t) => t.key === 'asana:1205000000000202');
    expect(open.map((t) => t.container.className.split(' ')[0])).toEqual(['BoardCardLayout', 'TaskPane']);
    const [card, pane] = open as [(typeof open)[0], (typeof open)[0]];
    expect(pane.anchor?.id).toBe('task_pane_due_date_input');
    expect(pane.slot.matches('.TaskPaneFields-dueDateContainer')).toBe(true);
    expect(pane.people.map((p) => [p.contractorId, p.element.id])).toEqual([['asana:name:Dana Vel', 'task_pane_assignee_input']]);
    expect(card.people.map((p) => p.contractorId)).toEqual(['asana:name:Dana Vel']);
    expect(card.observation).toBe(pane.observation);
    expect(health).toMatchObject({ route: 'task', expectsTasks: true, tasksFound: 10, missing: { assignee: 7 } });
  });

  it('clips a huge title and reports an unrelated page as expecting nothing', () => {
    const doc = fixtureDocument('board.html');
    doc.querySelector('.BoardCard-taskName')!.textContent = 'y'.repeat(50_000);
    const { tasks } = asanaAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: BOARD_URL });
    expect(tasks).toHaveLength(9);
    expect(tasks[0]!.observation.title).toHaveLength(5000);
    const home = asanaAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: 'https://app.asana.com/0/home/1205000000000001' });
    expect(home.health).toMatchObject({ route: 'home', expectsTasks: false });
    expect(asanaAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: 'https://app.asana.com/-/login' }).health.expectsTasks).toBe(false);
  });
});

describe('asanaAdapter.snapshot', () => {
  it('reads a project, and then names initials-only board cards by gid', async () => {
    const { impl } = fakeFetch(staticResponses());
    const adapter = createAsanaAdapter({ fetchImpl: impl, now: NOW });
    const snapshot = (await adapter.snapshot!({ kind: 'project', id: PROJECT }))!;
    expect(snapshot.observations).toHaveLength(9);
    expect(snapshot.facts).toHaveLength(18);
    expect(snapshot.scope).toEqual([PROJECT, ...['201', '202', '203', '204', '205', '206', '207', '208', '209'].map((n) => `1205000000000${n}`)]);

    const { tasks, health } = adapter.readPage(fixtureDocument('board.html'), { today: FIXTURE_TODAY, pageUrl: BOARD_URL });
    const card = tasks.find((t) => t.key === 'asana:1205000000000202')!;
    expect(card.observation.assignees).toEqual([{ site: 'asana', handle: '1205000000000011', displayName: 'Dana Vel' }]);
    expect(card.people.map((p) => [p.contractorId, p.element.classList.contains('AvatarPhoto')])).toEqual([['asana:1205000000000011', true]]);
    expect(health.missing.assignee).toBe(0);
    // A name printed in the DOM gets the gid the JSON gave that name.
    const list = adapter.readPage(fixtureDocument('list.html'), { today: FIXTURE_TODAY, pageUrl: LIST_URL });
    expect(list.tasks.find((t) => t.key === 'asana:1205000000000201')?.people[0]?.contractorId).toBe('asana:1205000000000012');
  });

  it('reads a task route as the task plus its project', async () => {
    const { impl } = fakeFetch(staticResponses());
    const adapter = createAsanaAdapter({ fetchImpl: impl, now: NOW });
    const snapshot = (await adapter.snapshot!({ kind: 'task', id: '1205000000000202' }))!;
    expect(snapshot.scope[0]).toBe(PROJECT);
    expect(snapshot.scope).toContain('1205000000000202');
    expect(snapshot.observations).toHaveLength(9);
    expect(new Set(snapshot.facts.map((f) => f.factId)).size).toBe(snapshot.facts.length);
  });

  it('falls back to the task alone when its project cannot be read', async () => {
    const routes: Record<string, unknown> = { ...staticResponses() };
    delete routes[`/api/1.0/projects/${PROJECT}/tasks`];
    const adapter = createAsanaAdapter({ fetchImpl: fakeFetch(routes).impl, now: NOW });
    const snapshot = (await adapter.snapshot!({ kind: 'task', id: '1205000000000202' }))!;
    expect(snapshot.scope).toEqual(['1205000000000202']);
    expect(snapshot.observations.map((o) => o.nativeId)).toEqual(['1205000000000202']);
    expect(snapshot.facts.map((f) => f.kind)).toEqual(['created', 'assigned', 'due-changed', 'due-changed']);
  });

  it('returns null when nothing is readable, or for routes without JSON', async () => {
    const adapter = createAsanaAdapter({ fetchImpl: fakeFetch({}).impl, now: NOW });
    expect(await adapter.snapshot!({ kind: 'project', id: PROJECT })).toBeNull();
    expect(await adapter.snapshot!({ kind: 'task', id: '1205000000000202' })).toBeNull();
    const good = createAsanaAdapter({ fetchImpl: fakeFetch(staticResponses()).impl, now: NOW });
    expect(await good.snapshot!({ kind: 'home', id: '' })).toBeNull();
    expect(await good.snapshot!({ kind: 'search', id: '' })).toBeNull();
  });
});
