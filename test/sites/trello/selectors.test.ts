// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TRELLO_SELECTORS as S, closestFirst, queryAllFirst, queryFirst } from '@/utils/sites/trello/selectors';
import { FIXTURES, fixtureDocument } from './fixtures';

const count = (root: ParentNode, list: readonly string[]) => queryAllFirst(root, list).length;

describe('Trello selectors', () => {
  it('every selector entry carries a dated or UI-era comment', () => {
    const source = readFileSync(join(FIXTURES, '../../../utils/sites/trello/selectors.ts'), 'utf8');
    const entries = source.split('\n').filter((line) => /^\s+'.*',/.test(line));
    expect(entries.length).toBeGreaterThan(20);
    for (const line of entries) expect(line).toMatch(/\/\/ .*(20\d\d|legacy)/);
  });

  it('new UI board: finds cards, lists, badges, members, board name; no dialog', () => {
    const doc = fixtureDocument('board-new-ui.html');
    expect(count(doc, S.cardItem)).toBe(9);
    expect(doc.querySelectorAll('a.list-card')).toHaveLength(0);
    expect(count(doc, S.cardNameLink)).toBe(9);
    expect(count(doc, S.listName)).toBe(4);
    expect(count(doc, S.dueBadge)).toBe(8);
    expect(count(doc, S.dueBadgeCompleted)).toBe(1);
    expect(count(doc, S.cardMembers)).toBe(11); // card-front members; the mirror member is separate
    expect(doc.querySelectorAll('[data-testid="mirror-card-member"]')).toHaveLength(1);
    expect(queryFirst(doc, S.boardName)?.textContent).toBe('Client Site Launch');
    expect(queryFirst(doc, S.cardDialog)).toBeNull();
  });

  it('legacy board: the fallbacks find the same things', () => {
    const doc = fixtureDocument('board-legacy-ui.html');
    expect(doc.querySelectorAll('li[data-testid="list-card"]')).toHaveLength(0);
    expect(count(doc, S.cardItem)).toBe(8);
    expect(count(doc, S.listName)).toBe(4);
    expect(count(doc, S.dueBadge)).toBe(7);
    expect(count(doc, S.dueBadgeCompleted)).toBe(1);
    expect(count(doc, S.cardMembers)).toBe(11);
    expect(queryFirst(doc, S.boardName)?.textContent).toBe('Client Site Launch');
    const card = queryFirst(doc, S.cardItem)!;
    expect(closestFirst(card, S.listColumn)?.classList.contains('js-list-content')).toBe(true);
  });

  it('card dialog: title, members and due inside the dialog', () => {
    const doc = fixtureDocument('card-dialog.html');
    const dialog = queryFirst(doc, S.cardDialog)!;
    expect(dialog).not.toBeNull();
    expect((queryFirst(dialog, S.dialogTitle) as HTMLTextAreaElement).value).toBe('Homepage hero');
    expect(count(dialog, S.dialogMembers)).toBe(1);
    expect(queryFirst(dialog, S.dialogDue)?.textContent).toBe('Dec 10, 12:00 PM');
    expect(count(doc, S.cardItem)).toBe(9);
  });

  it('queryFirst/queryAllFirst take the first entry that matches and skip invalid selectors', () => {
    const doc = fixtureDocument('board-new-ui.html');
    expect(queryFirst(doc, ['[[not a selector', '.nothing-here', 'h1'])?.tagName).toBe('H1');
    expect(queryAllFirst(doc, ['[[not a selector', 'h2[data-testid="list-name"]', 'li'])).toHaveLength(4);
    expect(queryFirst(doc, ['.nothing-here'])).toBeNull();
    expect(queryAllFirst(doc, [])).toEqual([]);
  });
});
