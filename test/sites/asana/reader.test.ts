// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { asanaDomReader, readAsanaDom, type DomAsanaTask } from '@/utils/sites/asana/reader';
import { generateProjectModel, renderListPage } from '../../fixtures/asana/generate-project';
import { BOARD_URL, FIXTURE_TODAY, LIST_URL, MY_TASKS_URL, PANE_URL, fixtureDocument, fixtureText, parseHtml } from './fixtures';

/** The comparable part of an item (elements reduced to whether they exist). */
function summary(item: DomAsanaTask) {
  return {
    title: item.title,
    section: item.section,
    project: item.project,
    assigneeName: item.assigneeName,
    avatar: item.assigneeElement !== null,
    dueText: item.dueText,
    due: item.due,
    dueUnparsed: item.dueUnparsed,
    done: item.done,
  };
}

const base = { project: 'Website Relaunch', dueUnparsed: false, done: false };
/** Board cards, in page order; names are not on cards (initials only). */
const BOARD = {
  '1205000000000206': { ...base, title: 'Analytics setup', section: 'To do', assigneeName: null, avatar: false, dueText: null, due: null },
  '1205000000000207': { ...base, title: 'Launch checklist', section: 'To do', assigneeName: null, avatar: true, dueText: 'Today', due: '2026-12-01' },
  '1205000000000208': { ...base, title: 'Year-end report', section: 'To do', assigneeName: null, avatar: true, dueText: 'Jan 8, 2027', due: '2027-01-08' },
  '1205000000000201': { ...base, title: 'Write onboarding emails', section: 'Doing', assigneeName: null, avatar: true, dueText: 'Thursday', due: '2026-12-03' },
  '1205000000000202': { ...base, title: 'Fix checkout bug', section: 'Doing', assigneeName: null, avatar: true, dueText: 'Nov 22', due: '2026-11-22' },
  '1205000000000209': { ...base, title: 'Invoice reminders', section: 'Doing', assigneeName: null, avatar: true, dueText: 'Yesterday', due: '2026-11-30' },
  '1205000000000204': { ...base, title: 'Pricing table copy <img src=x onerror=alert(1)>', section: 'Review', assigneeName: null, avatar: true, dueText: 'Tomorrow', due: '2026-12-02' },
  '1205000000000205': { ...base, title: 'Client feedback round', section: 'Review', assigneeName: null, avatar: true, dueText: 'Prochainement', due: null, dueUnparsed: true },
  '1205000000000203': { ...base, title: 'Logo refresh', section: 'Done', assigneeName: null, avatar: true, dueText: 'Nov 27', due: '2026-11-27', done: true },
};
const NAMES: Record<string, string | null> = {
  '1205000000000206': null,
  '1205000000000207': 'Ana Ruiz',
  '1205000000000208': 'Ana Ruiz',
  '1205000000000201': 'Chen Li',
  '1205000000000202': 'Dana Vel',
  '1205000000000209': 'Ana Ruiz',
  '1205000000000204': 'Dana Vel',
  '1205000000000205': 'Chen Li',
  '1205000000000203': 'Ben Okafor',
};
const NO_MISSING = { gid: 0, title: 0, due: 0, done: 0, item: 0 };

const byGid = (items: DomAsanaTask[]) => Object.fromEntries(items.map((i) => [i.gid, summary(i)]));

describe('readAsanaDom on the board', () => {
  const read = readAsanaDom(fixtureDocument('board.html'), { today: FIXTURE_TODAY, pageUrl: BOARD_URL });

  it('reads every card with its fields, in page order', () => {
    expect(read.items.map((i) => i.gid)).toEqual(Object.keys(BOARD));
    expect(byGid(read.items)).toEqual(BOARD);
    expect(read).toMatchObject({ route: 'project', found: 9, projectName: 'Website Relaunch', missing: { ...NO_MISSING, due: 1 } });
  });

  it('points at the card, its due container and its avatar', () => {
    for (const item of read.items) {
      expect(item.kind).toBe('card');
      expect(item.element.matches('.BoardCardLayout[data-task-id]')).toBe(true);
      if (item.dueText) expect(item.dueElement?.matches('.DueDateContainer')).toBe(true);
      else expect(item.dueElement).toBeNull();
      if (item.assigneeElement) expect(item.assigneeElement.matches('.AvatarPhoto')).toBe(true);
    }
  });

  it('keeps an HTML-looking title as text', () => {
    const card = read.items.find((i) => i.gid === '1205000000000204')!;
    expect(card.element.querySelector('img')).toBeNull();
    expect(card.title).toContain('<img');
  });
});

describe('readAsanaDom on the list view', () => {
  const read = readAsanaDom(fixtureDocument('list.html'), { today: FIXTURE_TODAY, pageUrl: LIST_URL });

  it('reads rows with full assignee names, taking gids from the details links', () => {
    const expected = Object.fromEntries(
      Object.entries(BOARD).map(([gid, card]) => [gid, { ...card, assigneeName: NAMES[gid], avatar: NAMES[gid] !== null }]),
    );
    expect(byGid(read.items)).toEqual(expected);
    expect(read).toMatchObject({ route: 'project', found: 9, missing: { ...NO_MISSING, due: 1 } });
    for (const item of read.items) {
      expect(item.kind).toBe('row');
      expect(item.element.matches('.SpreadsheetRow')).toBe(true);
      if (item.assigneeElement) expect(item.assigneeElement.matches('.SpreadsheetAssigneeCell-assigneeDisplay')).toBe(true);
      if (item.dueText) expect(item.dueElement?.matches('.SpreadsheetMutableDateCell-dueDateDisplay')).toBe(true);
    }
  });
});

describe('readAsanaDom on My Tasks', () => {
  const read = readAsanaDom(fixtureDocument('my-tasks.html'), { today: FIXTURE_TODAY, pageUrl: MY_TASKS_URL });

  it("reads the viewer's rows with their My Tasks section and the project pill", () => {
    expect(read.route).toBe('my-tasks');
    expect(read.items.map((i) => [i.kind, i.gid, i.title, i.section, i.project, i.dueText, i.due, i.assigneeElement])).toEqual([
      ['my-tasks-row', '1205000000000207', 'Launch checklist', 'Recently assigned', 'Website Relaunch', 'Today', '2026-12-01', null],
      ['my-tasks-row', '1205000000000208', 'Year-end report', 'Do today', 'Website Relaunch', 'Jan 8, 2027', '2027-01-08', null],
      ['my-tasks-row', '1205000000000209', 'Invoice reminders', 'Do later', 'Website Relaunch', 'Yesterday', '2026-11-30', null],
    ]);
    expect(read.missing).toEqual(NO_MISSING);
  });
});

describe('readAsanaDom with the task pane open over the board', () => {
  const read = readAsanaDom(fixtureDocument('board-pane.html'), { today: FIXTURE_TODAY, pageUrl: PANE_URL });

  it('reads the pane as its own item, without its subtasks', () => {
    expect(read.route).toBe('task');
    expect(read.found).toBe(10);
    const pane = read.items.find((i) => i.kind === 'pane')!;
    expect(pane.element.matches('.TaskPane')).toBe(true);
    expect(pane.gid).toBe('1205000000000202');
    expect(summary(pane)).toEqual({ ...BOARD['1205000000000202'], assigneeName: 'Dana Vel', avatar: true });
    expect(pane.assigneeElement?.id).toBe('task_pane_assignee_input');
    expect(pane.dueElement?.id).toBe('task_pane_due_date_input');
    // The subtask's data-task-id and its checked checkbox are not items and not the pane's state.
    expect(read.items.some((i) => i.gid === '1205000000000999')).toBe(false);
    expect(read.items.filter((i) => i.kind === 'card')).toHaveLength(9);
  });

  it('takes the gid from the URL when the pane lost its data-task-id, and reads "No due date" as no due', () => {
    const doc = fixtureDocument('board-pane.html');
    const pane = doc.querySelector('.TaskPane')!;
    pane.removeAttribute('data-task-id');
    const due = doc.getElementById('task_pane_due_date_input')!;
    due.className = 'DueDateTokenButton DueDateTokenButton--empty';
    due.innerHTML = '<span class="DueDateTokenButton-label">No due date</span>';
    const item = readAsanaDom(doc, { today: FIXTURE_TODAY, pageUrl: PANE_URL }).items.find((i) => i.kind === 'pane')!;
    expect([item.gid, item.dueText, item.due, item.dueElement]).toEqual(['1205000000000202', null, null, null]);
  });
});

describe('asanaDomReader: the same read, a slice at a time', () => {
  it('with the pane open over the board: one item per step, then the pane, as readAsanaDom reads it', () => {
    const doc = fixtureDocument('board-pane.html');
    const reader = asanaDomReader(doc, { today: FIXTURE_TODAY, pageUrl: PANE_URL });
    let steps = 1;
    while (reader.readSome(() => true)) steps++;
    // The nine cards are read in steps; the pane is read by finish.
    expect(steps).toBe(9);
    expect(reader.finish()).toEqual(readAsanaDom(doc, { today: FIXTURE_TODAY, pageUrl: PANE_URL }));
  });

  it('`only` reads just the cards it accepts, each as the whole read reads it, and the pane regardless', () => {
    const doc = fixtureDocument('board-pane.html');
    const whole = readAsanaDom(doc, { today: FIXTURE_TODAY, pageUrl: PANE_URL });
    const cards = whole.items.filter((item) => item.kind === 'card');
    const picked = new Set([cards[1]!.element, cards[4]!.element]);
    const reader = asanaDomReader(doc, { today: FIXTURE_TODAY, pageUrl: PANE_URL, only: (element) => picked.has(element) });
    while (reader.readSome(() => false));
    const read = reader.finish();
    expect(read.items).toEqual(whole.items.filter((item) => item.kind !== 'card' || picked.has(item.element)));
    expect(read.items.filter((item) => item.kind === 'card')).toHaveLength(2);
    expect(read.items.some((item) => item.kind === 'pane')).toBe(true);
  });

  it('on a 200-row list, reads on until time is up', () => {
    const project = generateProjectModel({ tasks: 200, seed: 7, today: FIXTURE_TODAY });
    const doc = parseHtml(renderListPage(project));
    const pageUrl = `https://app.asana.com/0/${project.gid}/list`;
    const reader = asanaDomReader(doc, { today: FIXTURE_TODAY, pageUrl });
    let calls = 0;
    expect(reader.readSome(() => ++calls >= 50)).toBe(true);
    expect(reader.readSome(() => false)).toBe(false);
    const read = reader.finish();
    expect(read.items).toHaveLength(200);
    expect(read).toEqual(readAsanaDom(doc, { today: FIXTURE_TODAY, pageUrl }));
  }, 60_000);
});

describe('readAsanaDom on a generated 1,000-row list', () => {
  it('reads every row quickly', () => {
    const project = generateProjectModel({ tasks: 1000, seed: 7, today: FIXTURE_TODAY });
    const doc = parseHtml(renderListPage(project));
    const started = performance.now();
    const read = readAsanaDom(doc, { today: FIXTURE_TODAY, pageUrl: `https://app.asana.com/0/${project.gid}/list` });
    const elapsed = performance.now() - started;
    expect(read.items).toHaveLength(1000);
    expect(read.missing).toEqual(NO_MISSING);
    expect(new Set(read.items.map((i) => i.gid)).size).toBe(1000);
    const withDue = project.tasks.filter((t) => t.dueOn);
    expect(read.items.filter((i) => i.due !== null)).toHaveLength(withDue.length);
    for (const task of withDue.slice(0, 50)) expect(read.items.find((i) => i.gid === task.gid)?.due).toBe(task.dueOn);
    // happy-dom is ~100x slower than a browser; this bound only catches accidental quadratic work.
    expect(elapsed).toBeLessThan(15_000);
  }, 60_000);
});

describe('readAsanaDom on mangled markup', () => {
  it('degrades health instead of throwing', () => {
    const doc = fixtureDocument('board.html');
    const cards = Array.from(doc.querySelectorAll('.BoardCardLayout'));
    cards[0]!.setAttribute('data-task-id', 'not-a-gid'); // → missing gid
    cards[1]!.querySelector('.BoardCard-taskName')!.remove(); // → missing title (fallback row has no text)
    cards[1]!.querySelector('.BoardCardLayout-titleAndIndicator')!.remove(); // (with its checkbox → missing done)
    cards[2]!.querySelector('.DueDate-dateSpan')!.textContent = '☃︎ 31 Smarch'; // → unparsed due
    const box = cards[3]!.querySelector('[role="checkbox"]')!; // → missing completion
    box.removeAttribute('aria-checked');
    box.querySelector('svg')!.removeAttribute('class');
    cards[4]!.querySelector('.BoardCard-taskName')!.textContent = 'x'.repeat(100_000); // huge title
    // A node whose text cannot be read (the reader's own code throws, not a selector): → item error.
    Object.defineProperty(cards[5]!.querySelector('.BoardCard-taskName')!, 'textContent', { get: () => { throw new Error('boom'); } });
    doc.querySelector('.TopbarPageHeaderStructure-title')!.remove();

    const read = readAsanaDom(doc, { today: FIXTURE_TODAY, pageUrl: BOARD_URL });
    expect(read.found).toBe(9);
    expect(read.items).toHaveLength(7);
    expect(read.missing).toEqual({ gid: 1, title: 1, due: 2, done: 2, item: 1 });
    expect(read.projectName).toBeNull();
    expect(read.items.find((i) => i.gid === '1205000000000202')?.title).toHaveLength(100_000);
  });

  it('returns nothing (and does not throw) on an unrelated or empty page', () => {
    for (const html of ['', '<p>Log in</p>', fixtureText('json/login-page.html')]) {
      const read = readAsanaDom(parseHtml(html), { today: FIXTURE_TODAY, pageUrl: 'https://app.asana.com/-/login' });
      expect(read).toEqual({ items: [], projectName: null, route: null, found: 0, missing: NO_MISSING });
    }
  });

  it('survives a bad today', () => {
    const read = readAsanaDom(fixtureDocument('board.html'), { today: 'garbage', pageUrl: BOARD_URL });
    expect(read.items).toHaveLength(9);
    expect(read.items.every((i) => i.due === null)).toBe(true);
    expect(read.missing.due).toBe(8);
  });
});
