import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHistoryService } from '@/utils/background/service';
import { openHistoryDb, type HistoryDb } from '@/utils/store/db';
import { SITE_ADAPTERS } from '@/utils/sites/registry';
import { generateBoardJson } from '../fixtures/trello/generate-board';
import { freshIndexedDb } from '../store/helpers';
import { testDeps } from './deps';

let db: HistoryDb;
beforeEach(async () => {
  freshIndexedDb();
  db = await openHistoryDb();
});

const service = () =>
  createHistoryService(
    testDeps({
      db: async () => db,
      now: () => new Date('2026-12-01T12:00:00.000Z'),
      // As the background wires it: each site's own check.
      siteJsonChecker: (site) => SITE_ADAPTERS.find((a) => a.site === site)?.checkSiteJson,
    }),
  );

/** A generated board's four responses, as the page fetches them: texts, unparsed. */
function boardTexts(cards: number) {
  const data = generateBoardJson({ cards, seed: 5, today: '2026-12-01' });
  const texts = { board: JSON.stringify(data.board), cards: JSON.stringify(data.cards), lists: JSON.stringify(data.lists), actions: JSON.stringify(data.actions) };
  return { data, texts };
}

type Service = ReturnType<typeof service>;

/** The final message of a board whose responses were sent in `responses` pieces each. */
const done = (responses: Record<string, number>, viewsFor: string[], boardId = 'board-1', site = 'trello') => ({
  type: 'site-json',
  site,
  pageUrl: 'https://trello.com/b/Brd12345/x',
  observedAt: '2026-12-01T12:00:00.000Z',
  boardId,
  responses,
  viewsFor,
});

/** Sends a board as the page does: each response in pieces (the last piece first, to show order does not matter), then `site-json`. */
async function send(one: Service, json: Record<string, string>, viewsFor: string[], boardId = 'board-1', site = 'trello') {
  const responses: Record<string, number> = {};
  for (const [name, text] of Object.entries(json)) {
    const pieces = text.match(/[^]{1,100000}/g) ?? [];
    responses[name] = pieces.length;
    for (const index of [...pieces.keys()].reverse()) {
      expect(await one.handle({ type: 'site-json-piece', boardId, name, index, text: pieces[index] })).toEqual({ ok: true });
    }
  }
  return one.handle(done(responses, viewsFor, boardId, site));
}

describe('a board sent as site JSON', () => {
  it('is checked and written in the background: the tasks on screen first, with their views; then the rest', async () => {
    const { data, texts } = boardTexts(1200);
    const keys = (data.cards as { shortLink: string }[]).map((c) => `trello:${c.shortLink}`);
    const onScreen = [keys[600]!, keys[3]!];
    const one = service();
    const reply = await send(one, texts, onScreen);
    if (!reply.ok || !('board' in reply) || !reply.board) throw new Error(`expected a board: ${JSON.stringify(reply).slice(0, 200)}`);
    expect(reply.board.keys.split('\n').sort()).toEqual([...keys].sort());
    expect(reply.board.scope.split('\n')).toEqual(expect.arrayContaining([data.board.id, data.board.shortLink]));
    expect(reply.views.tasks.map((t) => t.key).sort()).toEqual([...onScreen].sort());
    // The tasks on screen are in the history when the answer comes; the rest follow, in parts.
    const early = await db.count('tasks');
    expect(early).toBeGreaterThanOrEqual(2);
    expect(early).toBeLessThan(1200);
    expect(await one.handle({ type: 'board-written', boardId: 'board-1' })).toEqual({ ok: true, outcome: 'written' });
    expect(await db.count('tasks')).toBe(1200);
    const firstSeen = (await db.getAll('events')).filter((e) => e.type === 'first-seen');
    expect(firstSeen).toHaveLength(1200);
  });

  it('a board the background does not know (it was stopped since) is unknown, so the page sends it again', async () => {
    expect(await service().handle({ type: 'board-written', boardId: 'never-sent' })).toEqual({ ok: true, outcome: 'unknown' });
  });

  it.each<[string, Record<string, string>, string]>([
    ['the login page instead of JSON', { board: '<!DOCTYPE html><html>Log in to Trello</html>', cards: '<html></html>' }, 'trello'],
    ['cards that are not cards', { board: '{"id":"674e1f2a9c3b4d5e6f708190","name":"B","shortLink":"Kx7pQ2mN"}', cards: '[{"what":1}]' }, 'trello'],
    ['truncated JSON', { board: '{"id":"674e', cards: '[' }, 'trello'],
    ['a site that sends no JSON', { cards: '[]' }, 'upwork'],
  ])('that does not check (%s) is answered with no board, and nothing is written', async (_name, json, site) => {
    const reply = await send(service(), json, [], 'board-2', site);
    expect(reply).toEqual({ ok: true, board: null, views: { tasks: [], contractors: [] } });
    expect(await db.count('tasks')).toBe(0);
  });

  it('with a piece missing (the worker was stopped while they came) is incomplete, so the page sends it again; nothing is written', async () => {
    const one = service();
    const { texts } = boardTexts(20);
    await one.handle({ type: 'site-json-piece', boardId: 'b3', name: 'board', index: 0, text: texts.board });
    await one.handle({ type: 'site-json-piece', boardId: 'b3', name: 'cards', index: 1, text: texts.cards });
    const reply = await one.handle(done({ board: 1, cards: 2 }, [], 'b3'));
    expect(reply).toEqual({ ok: true, board: null, views: { tasks: [], contractors: [] }, incomplete: true });
    expect(await db.count('tasks')).toBe(0);
  });

  it('keeps a board of lists and actions it cannot read: the cards, without list names or history', async () => {
    const { texts } = boardTexts(20);
    const one = service();
    const reply = await send(one, { ...texts, lists: 'garbage', actions: '{"not":"a list"}' }, []);
    if (!reply.ok || !('board' in reply) || !reply.board) throw new Error('expected a board');
    expect(reply.board.keys.split('\n')).toHaveLength(20);
    expect(await one.handle({ type: 'board-written', boardId: 'board-1' })).toEqual({ ok: true, outcome: 'written' });
    const tasks = await db.getAll('tasks');
    expect(tasks).toHaveLength(20);
    expect(tasks.every((t) => t.list === null && t.board !== null)).toBe(true);
    // No fact from the site's history: only what Leeway saw itself.
    expect((await db.getAll('events')).filter((e) => e.id.startsWith('json:'))).toEqual([]);
  });

  it.each([
    ['a piece over 4 M characters', { type: 'site-json-piece', boardId: 'b', name: 'cards', index: 0, text: 'x'.repeat(4 * 1024 * 1024 + 1) }],
    ['a piece that is not text', { type: 'site-json-piece', boardId: 'b', name: 'cards', index: 0, text: 42 }],
    ['a piece with a negative index', { type: 'site-json-piece', boardId: 'b', name: 'cards', index: -1, text: '[' }],
    ['no board id', { ...done({ cards: 1 }, []), boardId: '' }],
    ['a count that is not a number', done({ cards: 'many' as unknown as number }, [])],
  ])('rejects a malformed message (%s)', async (_name, message) => {
    const reply = await service().handle(message);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/^rejected message: /) });
  });
});
