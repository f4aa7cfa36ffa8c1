import { localDateOf } from '../../utils/model/dates';
import { todayIso } from '../support/extension';
import { boardPath, demoProject, pageFor, serveAsana } from '../support/fake-asana';
import { expect, openPopup, test } from '../support/test';

const chipOf = (gid: string) => `[data-leeway="task"][data-task-key="asana:${gid}"]`;

test('Asana board: JSON gives exact dues and resolves initials-only cards to people', async ({ context }) => {
  const fake = await serveAsana(context, demoProject(todayIso()));
  const page = await context.newPage();
  await page.goto(boardPath(fake.project));
  const tasks = fake.project.tasks;
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(tasks.length);
  for (const t of tasks) {
    const chip = page.locator(`.BoardCardLayout[data-task-id="${t.gid}"] ${chipOf(t.gid)}`);
    await expect(chip).toHaveCount(1);
    if (t.dueOn) await expect(chip).toHaveAttribute('data-told-due', t.dueAt ? localDateOf(t.dueAt) : t.dueOn);
    else await expect(chip).toHaveAttribute('data-zone', 'none');
    if (t.completed) await expect(chip).toHaveAttribute('data-zone', 'done');
  }
  for (const t of tasks.filter((x) => x.assignee)) {
    await expect(page.locator(`.BoardCardLayout[data-task-id="${t.gid}"] [data-leeway="contractor"]`)).toHaveAttribute(
      'data-contractor',
      `asana:${t.assignee!.gid}`,
    );
  }
  expect(fake.apiRequests.length).toBeGreaterThan(0);
  expect(fake.apiRequests.every((r) => r.allowHeader === '1')).toBe(true);
});

test.describe('Asana without its JSON', () => {
  test('relative due texts (Today, Tomorrow, weekdays) resolve against today from the DOM alone', async ({ context }) => {
    const fake = await serveAsana(context, demoProject(todayIso()), { json: 'unauthorized' });
    const page = await context.newPage();
    await page.goto(boardPath(fake.project));
    await expect(page.locator('[data-leeway="task"]')).toHaveCount(fake.project.tasks.length);
    const shown = await page.locator('.DueDate-dateSpan').allTextContents();
    expect(shown).toEqual(expect.arrayContaining(['Today', 'Tomorrow', expect.stringMatching(/^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day$/)]));
    for (const t of fake.project.tasks.filter((x) => x.dueOn)) {
      await expect(page.locator(chipOf(t.gid))).toHaveAttribute('data-told-due', t.dueOn!);
    }
  });
});

test('Asana SPA: board → list view → task pane keeps one chip per task and annotates the pane', async ({ context }) => {
  const fake = await serveAsana(context, demoProject(todayIso()));
  const { project } = fake;
  const page = await context.newPage();
  await page.goto(boardPath(project));
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(project.tasks.length);

  // Asana swaps views without a reload: a new URL and a re-rendered body.
  const swap = async (path: string) =>
    page.evaluate(
      ({ path, html }) => {
        history.pushState({}, '', path);
        document.body.innerHTML = new DOMParser().parseFromString(html, 'text/html').body.innerHTML;
      },
      { path, html: pageFor(project, path) },
    );
  await swap(`/0/${project.gid}/list`);
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(project.tasks.length);
  const task = project.tasks.find((t) => t.assignee && t.dueOn && !t.completed)!;
  await swap(`/0/${project.gid}/${task.gid}`);
  const paneChip = page.locator(`.TaskPane ${chipOf(task.gid)}`);
  await expect(paneChip).toHaveCount(1);
  await expect(paneChip).toHaveAttribute('data-told-due', task.dueOn!);
});

test('Asana tasks reach the popup, with the assignee named', async ({ context, extensionId }) => {
  const fake = await serveAsana(context, demoProject(todayIso()));
  const page = await context.newPage();
  await page.goto(boardPath(fake.project));
  await expect(page.locator('[data-leeway="task"]')).toHaveCount(fake.project.tasks.length);
  const task = fake.project.tasks.find((t) => t.assignee && !t.completed && t.dueOn)!;
  const popup = await openPopup(context, extensionId);
  await expect(popup.locator(`[data-task-key="asana:${task.gid}"]`)).toContainText(task.assignee!.name);
});
