// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { asanaAdapter } from '@/utils/sites/asana/adapter';
import { FIXTURE_TODAY, PANE_URL, fixtureDocument, parseHtml } from './fixtures';

describe('Asana subtask progress', () => {
  it('reads the open pane’s ticked subtasks as the task’s progress', () => {
    const { tasks } = asanaAdapter.readPage(fixtureDocument('board-pane.html'), { today: FIXTURE_TODAY, pageUrl: PANE_URL });
    const pane = tasks.find((t) => t.container.matches('.TaskPane'));
    // The fixture pane has one subtask, ticked.
    expect(pane?.observation.progress).toBe(1);
  });

  it('counts ticked and open subtasks, and says nothing without subtasks', () => {
    const doc = fixtureDocument('board-pane.html');
    const grid = doc.querySelector('.SubtaskGrid .TaskList')!;
    const open = grid.firstElementChild!.cloneNode(true) as Element;
    open.setAttribute('data-task-id', '1205000000000998');
    open.querySelector('[role="checkbox"]')!.setAttribute('aria-checked', 'false');
    grid.append(open);
    const { tasks } = asanaAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: PANE_URL });
    expect(tasks.find((t) => t.container.matches('.TaskPane'))?.observation.progress).toBe(0.5);

    const bare = parseHtml(doc.documentElement.outerHTML);
    bare.querySelector('.SubtaskGrid')!.remove();
    const read = asanaAdapter.readPage(bare, { today: FIXTURE_TODAY, pageUrl: PANE_URL });
    expect(read.tasks.find((t) => t.container.matches('.TaskPane'))?.observation.progress).toBeUndefined();
  });
});
