// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { trelloAdapter } from '@/utils/sites/trello/adapter';
import { readBoard, toObservations } from '@/utils/sites/trello/reader';
import { adapterForUrl } from '@/utils/sites/registry';
import { BOARD_URL, DIALOG_URL, FIXTURE_TODAY, fixtureDocument } from './fixtures';

describe('trelloAdapter.readPage', () => {
  it('places one task per card, chips after the due badge or in the badge row, badges after avatars', () => {
    const doc = fixtureDocument('board-new-ui.html');
    const { tasks, health } = trelloAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: BOARD_URL });
    expect(tasks.map((t) => t.key)).toContain('trello:AbC123xy');
    expect(tasks).toHaveLength(doc.querySelectorAll('li[data-testid="list-card"]').length);
    for (const t of tasks) {
      expect(t.container.matches('li[data-testid="list-card"]')).toBe(true);
      expect(t.container.contains(t.slot)).toBe(true);
      if (t.anchor) expect(t.anchor.getAttribute('data-testid')).toMatch(/^badge-due-date/);
      for (const p of t.people) expect(p.contractorId).toMatch(/^trello:[a-z0-9_]+$/);
    }
    const noDue = tasks.find((t) => t.key === 'trello:Hn2KdL5q');
    expect(noDue?.anchor).toBeNull();
    expect(health).toMatchObject({ route: 'board', tasksFound: tasks.length });
  });

  it.each([
    ['board-new-ui.html', BOARD_URL],
    ['board-legacy-ui.html', BOARD_URL],
    ['card-dialog.html', DIALOG_URL],
  ])('%s: each card placed as it is read carries what a whole read of the board says about it', (file, pageUrl) => {
    const doc = fixtureDocument(file);
    const { tasks } = trelloAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl });
    // The reference: the whole board read, one observation per card (the dialog's winning over its front).
    const read = readBoard(doc, { today: FIXTURE_TODAY, pageUrl });
    const observations = new Map(toObservations(read.cards, read.dialog, { pageUrl, boardName: read.boardName }).map((o) => [o.key, o]));
    const items = [...read.cards, ...(read.dialog ? [read.dialog] : [])];
    expect(tasks.map((t) => t.container)).toEqual(items.map((i) => i.element));
    for (const task of tasks) expect(task.observation).toEqual(observations.get(task.key));
  });

  it('adds the open card dialog as its own placement', () => {
    const doc = fixtureDocument('card-dialog.html');
    const { tasks } = trelloAdapter.readPage(doc, { today: FIXTURE_TODAY, pageUrl: DIALOG_URL });
    const inDialog = tasks.filter((t) => t.container.matches('[role="dialog"]'));
    expect(inDialog.map((t) => t.key)).toEqual(['trello:AbC123xy']);
  });

  it('routes board and card URLs, and nothing else', () => {
    expect(trelloAdapter.route(BOARD_URL)).toEqual({ kind: 'board', id: 'Kx7pQ2mN' });
    expect(trelloAdapter.route(DIALOG_URL)).toEqual({ kind: 'card', id: 'AbC123xy' });
    expect(trelloAdapter.route('https://trello.com/u/anaruiz/boards')).toBeNull();
    expect(adapterForUrl('https://trello.com/b/Kx7pQ2mN')).toBe(trelloAdapter);
    expect(adapterForUrl('https://example.com/b/Kx7pQ2mN')).toBeNull();
  });
});
