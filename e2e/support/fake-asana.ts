/** Serves a fixture project for https://app.asana.com: board, list and task-pane pages, and `/api/1.0` JSON. */
import type { BrowserContext } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  addDays,
  asanaJsonKey,
  generateProjectModel,
  renderBoardPage,
  renderListPage,
  renderProjectJson,
  type FixtureProject,
} from '../../test/fixtures/asana/generate-project';

const SKIN = `<style>${readFileSync(new URL('./asana-skin.css', import.meta.url), 'utf8')}</style>`;

export interface FakeAsana {
  project: FixtureProject;
  json: 'ok' | 'unauthorized';
  apiRequests: { path: string; allowHeader: string | undefined }[];
}

/**
 * A dozen tasks around today, with completions and due-date changes in their stories; the first three
 * open tasks are due today, tomorrow and in four days, so the page shows Asana's relative texts.
 */
export function demoProject(today: string): FixtureProject {
  const project = { ...generateProjectModel({ tasks: 14, seed: 7, today }), name: 'Website Relaunch' };
  const open = project.tasks.filter((t) => !t.completed);
  [0, 1, 4].forEach((days, i) => {
    const task = open[i];
    if (!task) return;
    task.dueOn = addDays(today, days);
    task.dueAt = null;
    task.stories = task.stories.filter((s) => s.resource_subtype !== 'due_date_changed');
  });
  return project;
}

export async function serveAsana(
  context: BrowserContext,
  project: FixtureProject,
  options: { json?: 'ok' | 'unauthorized'; mangle?: (html: string) => string } = {},
): Promise<FakeAsana> {
  const fake: FakeAsana = { project, json: options.json ?? 'ok', apiRequests: [] };
  const responses = renderProjectJson(project);
  await context.route('https://app.asana.com/**', async (route) => {
    const url = new URL(route.request().url());
    if (url.pathname.startsWith('/api/')) {
      fake.apiRequests.push({ path: url.pathname, allowHeader: route.request().headers()['x-allow-asana-client'] });
      if (fake.json === 'unauthorized') return route.fulfill({ status: 401, contentType: 'application/json', body: '{"errors":[{"message":"Not Authorized"}]}' });
      const body = responses[asanaJsonKey(url.href)];
      return body === undefined
        ? route.fulfill({ status: 404, contentType: 'application/json', body: '{"errors":[{"message":"Unknown object"}]}' })
        : route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    }
    const html = pageFor(project, url.pathname).replace('</head>', `${SKIN}</head>`);
    return route.fulfill({ contentType: 'text/html; charset=utf-8', body: options.mangle ? options.mangle(html) : html });
  });
  return fake;
}

export function pageFor(project: FixtureProject, path: string): string {
  const [, , projectGid, view] = path.split('/');
  if (projectGid === project.gid && view === 'list') return renderListPage(project);
  if (projectGid === project.gid && view && /^\d+$/.test(view)) return renderBoardPage(project, { openTaskGid: view });
  return renderBoardPage(project);
}

export function boardPath(project: FixtureProject): string {
  return `https://app.asana.com/0/${project.gid}/board`;
}
