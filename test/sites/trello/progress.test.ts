// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { readBoard, toObservations } from '@/utils/sites/trello/reader';
import { fetchBoardSnapshot } from '@/utils/sites/trello/json';
import { BOARD_URL, FIXTURE_TODAY, fixtureDocument, fixtureText } from './fixtures';

describe('Trello checklist progress', () => {
  it('reads "2/5" on a card front as 40% done, and nothing where there is no checklist', () => {
    const read = readBoard(fixtureDocument('board-new-ui.html'), { today: FIXTURE_TODAY, pageUrl: BOARD_URL });
    const observations = toObservations(read.cards, read.dialog, { pageUrl: BOARD_URL, boardName: read.boardName });
    const byKey = new Map(observations.map((o) => [o.nativeId, o]));
    expect(byKey.get('Qw9RtY12')?.progress).toBeCloseTo(0.4);
    expect(byKey.get('AbC123xy')?.progress).toBeUndefined();
  });

  it('reads checklist counts from the JSON badges', async () => {
    const cards = JSON.parse(fixtureText('json/cards.json')) as { shortLink: string; badges?: object }[];
    const withBadges = cards.map((c) => (c.shortLink === 'AbC123xy' ? { ...c, badges: { checkItems: 4, checkItemsChecked: 3 } } : c));
    const bodies: Record<string, unknown> = {
      board: JSON.parse(fixtureText('json/board.json')),
      cards: withBadges,
      lists: JSON.parse(fixtureText('json/lists.json')),
      actions: JSON.parse(fixtureText('json/actions.json')),
    };
    const fetchImpl = async (url: string) => {
      const part = /\/boards\/[^/?]+\/(cards|lists|actions)/.exec(url)?.[1] ?? 'board';
      return new Response(JSON.stringify(bodies[part]), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const snapshot = await fetchBoardSnapshot('Kx7pQ2mN', fetchImpl);
    const hero = snapshot?.observations.find((o) => o.nativeId === 'AbC123xy');
    expect(hero?.progress).toBeCloseTo(0.75);
    expect(snapshot?.observations.find((o) => o.nativeId === 'Qw9RtY12')?.progress).toBeUndefined();
  });
});
