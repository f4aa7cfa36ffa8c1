import { describe, expect, it } from 'vitest';
import { HistoryFactSchema, TaskObservationSchema } from '@/utils/model/observation';
import { fetchProjectSnapshot, fetchTaskSnapshot, LIMITS } from '@/utils/sites/asana/json';
import { generateProjectModel, renderProjectJson } from '../../fixtures/asana/generate-project';
import { PROJECT, fakeFetch, fixtureText, staticResponses } from './fixtures';

const NOW = new Date('2026-12-01T12:00:00.000Z');
const PAGE1 = `/api/1.0/projects/${PROJECT}/tasks`;
const PAGE2 = `${PAGE1}?offset=eyJwYWdlIjo2${PROJECT}`;

describe('fetchProjectSnapshot', () => {
  it('reads every page, the project, and the stories of a bounded set of tasks', async () => {
    const { impl, calls } = fakeFetch(staticResponses());
    const snapshot = (await fetchProjectSnapshot(PROJECT, { fetchImpl: impl, now: NOW }))!;
    expect(snapshot).not.toBeNull();
    expect(snapshot.project).toEqual({ gid: PROJECT, name: 'Website Relaunch' });
    expect(snapshot.complete).toBe(true);

    for (const call of calls) {
      expect(call.init.credentials).toBe('include');
      expect((call.init.headers as Record<string, string>)['X-Allow-Asana-Client']).toBe('1');
      expect(call.url.startsWith('https://app.asana.com/api/1.0/')).toBe(true);
    }
    const paths = calls.map((c) => new URL(c.url));
    const taskPages = paths.filter((u) => u.pathname === PAGE1);
    expect(taskPages.map((u) => u.searchParams.get('offset'))).toEqual([null, `eyJwYWdlIjo2${PROJECT}`]);
    expect(taskPages[0]!.searchParams.get('opt_fields')).toContain('memberships.section.name');
    expect(taskPages[0]!.searchParams.get('limit')).toBe('100');
    // Stories: open tasks with a due (7) + the one completed recently; not the task without a due.
    const storyTasks = paths.filter((u) => u.pathname.endsWith('/stories')).map((u) => u.pathname.split('/')[4]).sort();
    expect(storyTasks).toEqual(['201', '202', '203', '204', '205', '207', '208', '209'].map((n) => `1205000000000${n}`));

    const { observations, facts } = snapshot;
    expect(observations.map((o) => o.nativeId.slice(-3))).toEqual(['201', '202', '203', '204', '205', '206', '207', '208', '209']);
    for (const o of observations) expect(TaskObservationSchema.safeParse(o).success).toBe(true);
    expect(observations[1]).toEqual({
      key: 'asana:1205000000000202',
      site: 'asana',
      nativeId: '1205000000000202',
      title: 'Fix checkout bug',
      url: `https://app.asana.com/0/${PROJECT}/1205000000000202`,
      board: 'Website Relaunch',
      list: 'Doing',
      assignees: [{ site: 'asana', handle: '1205000000000011', displayName: 'Dana Vel' }],
      due: '2026-11-22T12:00:00.000Z',
      done: false,
      completedAt: null,
      source: 'json',
    });
    expect(observations[2]).toMatchObject({ done: true, completedAt: '2026-11-27T10:30:00.000Z', due: '2026-11-27', list: 'Done' });
    expect(observations[4]!.due).toBe('2026-12-15'); // the DOM shows unparseable text; JSON has the date
    expect(observations[5]).toMatchObject({ assignees: [], due: null });

    for (const f of facts) expect(HistoryFactSchema.safeParse(f).success).toBe(true);
    expect(facts).toHaveLength(9 + 9); // a creation per task + 9 tracked stories (the comment is ignored)
    const byId = new Map(facts.map((f) => [f.factId, f]));
    expect(byId.has('1205000000000904')).toBe(false);
    expect(byId.get('created:1205000000000206')).toEqual({ taskKey: 'asana:1205000000000206', factId: 'created:1205000000000206', kind: 'created', at: '2026-11-16T09:00:00.000Z' });
    expect(byId.get('1205000000000912')).toEqual({ taskKey: 'asana:1205000000000202', factId: '1205000000000912', kind: 'due-changed', at: '2026-11-11T09:02:00.000Z', oldDue: null, newDue: '2026-11-18' });
    expect(byId.get('1205000000000913')).toMatchObject({ kind: 'due-changed', oldDue: '2026-11-18', newDue: '2026-11-22T12:00:00.000Z' });
    expect(byId.get('1205000000000902')).toEqual({
      taskKey: 'asana:1205000000000201',
      factId: '1205000000000902',
      kind: 'unassigned',
      at: '2026-11-12T10:00:00.000Z',
      person: { site: 'asana', handle: '1205000000000013', displayName: 'Ben Okafor' },
    });
    expect(['921', '922', '923'].map((n) => byId.get(`1205000000000${n}`)?.kind)).toEqual(['completed', 'reopened', 'completed']);
  });

  it('caps story requests on a big project and stops paging at the page cap', async () => {
    const project = generateProjectModel({ tasks: 250, seed: 3, today: '2026-12-01' });
    const { impl, calls } = fakeFetch(renderProjectJson(project, { pageSize: 10 }));
    const snapshot = (await fetchProjectSnapshot(project.gid, { fetchImpl: impl, now: NOW }))!;
    expect(snapshot.observations).toHaveLength(LIMITS.taskPages * 10);
    expect(snapshot.complete).toBe(false);
    expect(calls.filter((c) => c.url.includes('/stories')).length).toBe(LIMITS.storyTasks);
  });

  it.each<[string, Record<string, unknown>]>([
    ['401 on the first page', { [PAGE1]: { status: 401, body: '{"errors":[{"message":"Not Authorized"}]}', type: 'application/json' } }],
    ['403 on the first page', { [PAGE1]: { status: 403, body: '{"errors":[]}', type: 'application/json' } }],
    ['the HTML login page', { [PAGE1]: { body: fixtureText('json/login-page.html'), type: 'text/html' } }],
    ['garbage', { [PAGE1]: { body: '{"data": [tr', type: 'application/json' } }],
    ['a schema mismatch (no data envelope)', { [PAGE1]: [{ gid: '1205000000000201', name: 'x' }] }],
    ['a schema mismatch (tasks without gids)', { [PAGE1]: { data: [{ id: 1, title: 'x' }], next_page: null } }],
    ['a network error', { [PAGE1]: 'network-error' }],
    ['a failing second page', { [PAGE2]: { status: 500, body: 'oops' } }],
  ])('returns null on %s', async (_name, overrides) => {
    const { impl } = fakeFetch({ ...staticResponses(), ...overrides });
    expect(await fetchProjectSnapshot(PROJECT, { fetchImpl: impl, now: NOW })).toBeNull();
  });

  it('keeps the tasks when only stories or the project name fail', async () => {
    const routes: Record<string, unknown> = { ...staticResponses() };
    delete routes[`/api/1.0/projects/${PROJECT}`];
    routes['/api/1.0/tasks/1205000000000202/stories'] = { body: '<html>', type: 'text/html' };
    const { impl } = fakeFetch(routes);
    const snapshot = (await fetchProjectSnapshot(PROJECT, { fetchImpl: impl, now: NOW }))!;
    expect(snapshot.project.name).toBe('Website Relaunch'); // from the memberships
    expect(snapshot.observations).toHaveLength(9);
    expect(snapshot.facts.filter((f) => f.taskKey === 'asana:1205000000000202' && f.kind !== 'created')).toEqual([]);
  });

  it('refuses a non-gid without fetching', async () => {
    const { impl, calls } = fakeFetch({});
    expect(await fetchProjectSnapshot('../../users/me', { fetchImpl: impl })).toBeNull();
    expect(calls).toEqual([]);
  });
});

describe('fetchTaskSnapshot', () => {
  it('reads one task, its stories and its project', async () => {
    const { impl, calls } = fakeFetch(staticResponses());
    const snapshot = (await fetchTaskSnapshot('1205000000000203', { fetchImpl: impl }))!;
    expect(snapshot.projectGid).toBe(PROJECT);
    expect(snapshot.observation).toMatchObject({ key: 'asana:1205000000000203', board: 'Website Relaunch', list: 'Done', done: true, source: 'json' });
    expect(snapshot.facts.map((f) => f.kind)).toEqual(['created', 'completed', 'reopened', 'completed']);
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(['/api/1.0/tasks/1205000000000203', '/api/1.0/tasks/1205000000000203/stories']);
    for (const call of calls) expect((call.init.headers as Record<string, string>)['X-Allow-Asana-Client']).toBe('1');
  });

  it.each<[string, unknown]>([
    ['404', undefined],
    ['HTML', { body: '<!DOCTYPE html><html></html>', type: 'text/html' }],
    ['a schema mismatch', { data: { gid: 'abc', name: 5 } }],
    ['a network error', 'network-error'],
  ])('returns null on %s', async (_name, route) => {
    const routes: Record<string, unknown> = { ...staticResponses() };
    if (route === undefined) delete routes['/api/1.0/tasks/1205000000000203'];
    else routes['/api/1.0/tasks/1205000000000203'] = route;
    const { impl } = fakeFetch(routes);
    expect(await fetchTaskSnapshot('1205000000000203', { fetchImpl: impl })).toBeNull();
  });
});
