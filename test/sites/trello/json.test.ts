import { afterEach, describe, expect, it, vi } from 'vitest';
import { HistoryFactSchema, TaskObservationSchema } from '@/utils/model/observation';
import { checkBoardJson, fetchBoardSnapshot, fetchCardSnapshot, streamBoardJson, type FetchLike } from '@/utils/sites/trello/json';
import { PIECE_CHARS } from '@/utils/sites/stream-text';
import { trelloAdapter } from '@/utils/sites/trello/adapter';
import { generateBoardJson, generateBoardModel } from '../../fixtures/trello/generate-board';
import { fixtureText } from './fixtures';

type Route = { status?: number; body: string; type?: string } | 'network-error';

const json = (value: unknown): Route => ({ body: JSON.stringify(value), type: 'application/json' });
const file = (name: string): Route => ({ body: fixtureText(name), type: name.endsWith('.json') ? 'application/json' : 'text/html' });

const GOOD: Record<string, Route> = {
  '/1/boards/Kx7pQ2mN': file('json/board.json'),
  '/1/boards/Kx7pQ2mN/cards': file('json/cards.json'),
  '/1/boards/Kx7pQ2mN/lists': file('json/lists.json'),
  '/1/boards/Kx7pQ2mN/actions': file('json/actions.json'),
  '/1/cards/AbC123xy': file('json/card-AbC123xy.json'),
};

/** A fake `fetch` serving routes by path, recording every request. */
function fakeFetch(routes: Record<string, Route>) {
  const calls: { url: string; init: RequestInit }[] = [];
  const impl: FetchLike = async (url, init) => {
    calls.push({ url, init });
    const route = routes[new URL(url).pathname] ?? { status: 404, body: 'Not Found', type: 'text/plain' };
    if (route === 'network-error') throw new TypeError('Failed to fetch');
    return new Response(route.body, { status: route.status ?? 200, headers: { 'content-type': route.type ?? 'text/plain' } });
  };
  return { impl, calls };
}

describe('fetchBoardSnapshot', () => {
  it('turns good responses into observations, facts and the board', async () => {
    const { impl, calls } = fakeFetch(GOOD);
    const snapshot = (await fetchBoardSnapshot('Kx7pQ2mN', impl))!;
    expect(snapshot).not.toBeNull();
    expect(snapshot.board).toEqual({ id: '674e1f2a9c3b4d5e6f708190', name: 'Client Site Launch', shortLink: 'Kx7pQ2mN' });

    expect(calls.map((c) => c.url).sort()).toEqual([
      'https://trello.com/1/boards/Kx7pQ2mN/actions?filter=createCard,updateCard:due,updateCard:dueComplete,addMemberToCard,removeMemberFromCard&limit=1000&fields=id,type,date,data&memberCreator=false',
      'https://trello.com/1/boards/Kx7pQ2mN/cards?filter=visible&fields=id,idShort,shortLink,name,idList,idMembers,due,start,dueComplete,dateLastActivity,closed,url,badges&members=true&member_fields=fullName,username',
      'https://trello.com/1/boards/Kx7pQ2mN/lists?fields=id,name',
      'https://trello.com/1/boards/Kx7pQ2mN?fields=id,name,shortLink',
    ]);
    for (const call of calls) expect(call.init.credentials).toBe('include');

    const { observations, facts } = snapshot;
    // The mirror card (Mr8XcV1z) lives on another board, so this board's JSON has the other eight.
    expect(observations.map((o) => o.nativeId)).toEqual(['AbC123xy', 'Qw9RtY12', 'Zz7LmN00', 'Pr4sT8vW', 'Hn2KdL5q', 'Ym6VbC3x', 'Tg5HjK9e', 'Wq3ErT7y']);
    for (const o of observations) expect(TaskObservationSchema.safeParse(o).success).toBe(true);
    expect(observations[1]).toEqual({
      key: 'trello:Qw9RtY12',
      site: 'trello',
      nativeId: 'Qw9RtY12',
      title: 'Pricing page',
      url: 'https://trello.com/c/Qw9RtY12',
      board: 'Client Site Launch',
      list: 'In progress',
      assignees: [
        { site: 'trello', handle: 'benok', displayName: 'Ben Okafor' },
        { site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' },
      ],
      due: '2026-12-08T12:00:00.000Z',
      done: false,
      completedAt: null,
      source: 'json',
    });
    const done = observations.find((o) => o.nativeId === 'Zz7LmN00')!;
    expect([done.done, done.completedAt]).toEqual([true, '2026-11-27T10:30:00.000Z']); // the latest of two completions
    expect(observations.find((o) => o.nativeId === 'Ym6VbC3x')?.due).toBe('2026-12-15T12:00:00.000Z');
    expect(observations.find((o) => o.nativeId === 'Pr4sT8vW')?.assignees[0]?.displayName).toBe('María José (MJ) Núñez');

    for (const f of facts) expect(HistoryFactSchema.safeParse(f).success).toBe(true);
    const byId = new Map(facts.map((f) => [f.factId, f]));
    expect(facts).toHaveLength(17); // 18 actions minus the list move
    expect(byId.has('6750a0059c3b4d5e6f70a005')).toBe(false);
    expect(byId.get('6750a0019c3b4d5e6f70a001')).toEqual({
      taskKey: 'trello:AbC123xy',
      factId: '6750a0019c3b4d5e6f70a001',
      kind: 'due-changed',
      at: '2026-11-30T16:20:00.000Z',
      oldDue: '2026-12-05T12:00:00.000Z',
      newDue: '2026-12-10T12:00:00.000Z',
    });
    expect(byId.get('6750a00a9c3b4d5e6f70a00a')).toMatchObject({ kind: 'due-changed', oldDue: null, newDue: '2026-12-05T12:00:00.000Z' });
    // Action without shortLink: mapped through the card id.
    expect(byId.get('6750a0089c3b4d5e6f70a008')).toMatchObject({ taskKey: 'trello:Pr4sT8vW', kind: 'due-changed' });
    expect(['6750a0029c3b4d5e6f70a002', '6750a0039c3b4d5e6f70a003', '6750a0049c3b4d5e6f70a004'].map((id) => byId.get(id)?.kind)).toEqual([
      'completed',
      'reopened',
      'completed',
    ]);
    expect(byId.get('6750a0099c3b4d5e6f70a009')).toMatchObject({
      kind: 'assigned',
      person: { site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' },
    });
    expect(byId.get('6750a0079c3b4d5e6f70a007')).toMatchObject({ kind: 'unassigned', taskKey: 'trello:Qw9RtY12', person: { handle: 'chenwei' } });
    // A member no longer on any card: no username to name them by.
    expect(byId.get('6750a0069c3b4d5e6f70a006')).toMatchObject({ kind: 'unassigned' });
    expect(byId.get('6750a0069c3b4d5e6f70a006')?.person).toBeUndefined();
    expect(facts.filter((f) => f.kind === 'created')).toHaveLength(8);
  });

  it('matches the generated 200-card board', async () => {
    const today = '2026-12-01';
    const model = generateBoardModel({ cards: 200, seed: 3, today });
    const data = generateBoardJson({ cards: 200, seed: 3, today });
    const base = `/1/boards/${model.shortLink}`;
    const { impl } = fakeFetch({ [base]: json(data.board), [`${base}/cards`]: json(data.cards), [`${base}/lists`]: json(data.lists), [`${base}/actions`]: json(data.actions) });
    const snapshot = (await fetchBoardSnapshot(model.shortLink, impl))!;
    expect(snapshot.observations).toHaveLength(200);
    for (const card of model.cards) {
      const o = snapshot.observations.find((x) => x.nativeId === card.shortLink)!;
      expect([o.due, o.done, o.assignees.map((a) => a.handle)]).toEqual([card.due, card.dueComplete, card.members.map((m) => m.username)]);
      if (card.dueComplete) expect(o.completedAt).not.toBeNull();
    }
    expect(snapshot.facts.filter((f) => f.kind === 'created')).toHaveLength(200);
  });

  describe('returns null, never throws', () => {
    const withCards = (route: Route) => ({ ...GOOD, '/1/boards/Kx7pQ2mN/cards': route });
    const everywhere = (route: Route) => Object.fromEntries(Object.keys(GOOD).map((k) => [k, route]));
    it.each<[string, Record<string, Route>]>([
      ['401 everywhere', everywhere({ status: 401, body: 'unauthorized permission requested' })],
      ['403 on cards', withCards({ status: 403, body: 'forbidden' })],
      ['404 board', { ...GOOD, '/1/boards/Kx7pQ2mN': { status: 404, body: 'The requested resource was not found.' } }],
      ['HTML login page with 200', everywhere(file('json/login-page.html'))],
      ['garbage body', withCards({ body: '}{ not json', type: 'application/json' })],
      ['empty body', withCards({ body: '' })],
      ['cards wrapped in an object', withCards(json({ cards: JSON.parse(fixtureText('json/cards.json')) }))],
      ['cards missing required fields', withCards(json([{ id: 'x' }, { name: 'no shortLink' }]))],
      ['due that is not a date', withCards(json([{ id: 'a', shortLink: 'AbC123xy', name: 'n', due: 'tomorrow-ish' }]))],
      ['board without id', { ...GOOD, '/1/boards/Kx7pQ2mN': json({ name: 'Client Site Launch' }) }],
      ['board as null', { ...GOOD, '/1/boards/Kx7pQ2mN': json(null) }],
      ['network error', withCards('network-error')],
    ])('%s', async (_name, routes) => {
      await expect(fetchBoardSnapshot('Kx7pQ2mN', fakeFetch(routes).impl)).resolves.toBeNull();
    });

    it('a fetch that throws synchronously', async () => {
      const impl: FetchLike = () => {
        throw new Error('sync');
      };
      await expect(fetchBoardSnapshot('Kx7pQ2mN', impl)).resolves.toBeNull();
    });

    it('a board id that is not a shortLink or id, without fetching', async () => {
      const { impl, calls } = fakeFetch(GOOD);
      for (const bad of ['', '../../evil', 'Kx7pQ2mN?x=1', 'Kx7pQ2mN/cards']) await expect(fetchBoardSnapshot(bad, impl)).resolves.toBeNull();
      expect(calls).toHaveLength(0);
    });
  });

  it('degrades without lists or actions, and drops single bad cards', async () => {
    const cards = JSON.parse(fixtureText('json/cards.json')) as unknown[];
    const { impl } = fakeFetch({
      ...GOOD,
      '/1/boards/Kx7pQ2mN/cards': json([...cards, { id: 'broken', shortLink: 'nope' }]),
      '/1/boards/Kx7pQ2mN/lists': { status: 500, body: 'oops' },
      '/1/boards/Kx7pQ2mN/actions': { body: '<html>login</html>', type: 'text/html' },
    });
    const snapshot = (await fetchBoardSnapshot('Kx7pQ2mN', impl))!;
    expect(snapshot.observations).toHaveLength(8);
    expect(snapshot.observations.every((o) => o.list === null)).toBe(true);
    expect(snapshot.facts).toEqual([]);
    expect(snapshot.observations.find((o) => o.nativeId === 'Zz7LmN00')?.completedAt).toBeNull();
  });

  it('skips closed cards', async () => {
    const cards = JSON.parse(fixtureText('json/cards.json')) as { closed: boolean }[];
    cards[0]!.closed = true;
    const { impl } = fakeFetch({ ...GOOD, '/1/boards/Kx7pQ2mN/cards': json(cards) });
    expect((await fetchBoardSnapshot('Kx7pQ2mN', impl))?.observations).toHaveLength(7);
  });
});

describe('fetchCardSnapshot', () => {
  it('returns the card and its board for a direct /c/ load', async () => {
    const { impl, calls } = fakeFetch(GOOD);
    const snapshot = (await fetchCardSnapshot('AbC123xy', impl))!;
    expect(calls[0]?.url).toBe(
      'https://trello.com/1/cards/AbC123xy?fields=id,idShort,shortLink,name,idList,idMembers,due,start,dueComplete,dateLastActivity,closed,url,badges&members=true&member_fields=fullName,username&board=true&board_fields=name,shortLink',
    );
    expect(calls[0]?.init.credentials).toBe('include');
    expect(snapshot.board.shortLink).toBe('Kx7pQ2mN');
    expect(snapshot.observation).toMatchObject({
      key: 'trello:AbC123xy',
      title: 'Homepage hero',
      board: 'Client Site Launch',
      list: null,
      due: '2026-12-10T12:00:00.000Z',
      assignees: [{ site: 'trello', handle: 'anaruiz', displayName: 'Ana Ruiz' }],
      source: 'json',
    });
  });

  it.each<[string, Route]>([
    ['401', { status: 401, body: 'unauthorized card permission requested' }],
    ['login page', file('json/login-page.html')],
    ['card without board', json({ ...JSON.parse(fixtureText('json/card-AbC123xy.json')), board: undefined })],
    ['network error', 'network-error'],
  ])('null on %s', async (_name, route) => {
    await expect(fetchCardSnapshot('AbC123xy', fakeFetch({ '/1/cards/AbC123xy': route }).impl)).resolves.toBeNull();
  });
});

/** A sink that keeps what it is given, as the background does, piece by piece. */
function collecting() {
  const pieces = new Map<string, string[]>();
  const sink = async (name: string, piece: string) => {
    pieces.set(name, [...(pieces.get(name) ?? []), piece]);
  };
  const texts = (names: string[]) => Object.fromEntries(names.map((n) => [n, (pieces.get(n) ?? []).join('')]));
  return { sink, pieces, texts };
}

describe('the page streams, the background checks (streamBoardJson, checkBoardJson)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('the page passes the responses on as they came, parsing nothing, in pieces', async () => {
    const { sink, pieces, texts } = collecting();
    const complete = (await streamBoardJson('Kx7pQ2mN', sink, fakeFetch(GOOD).impl))!;
    expect(complete).toEqual(['board', 'cards', 'lists', 'actions']);
    expect(texts(complete)).toEqual({
      board: fixtureText('json/board.json'),
      cards: fixtureText('json/cards.json'),
      lists: fixtureText('json/lists.json'),
      actions: fixtureText('json/actions.json'),
    });
    expect(pieces.get('cards')!.every((p) => p.length <= PIECE_CHARS)).toBe(true);
    // The background's check of those texts is the whole board.
    expect(await checkBoardJson(texts(complete))).toEqual(await fetchBoardSnapshot('Kx7pQ2mN', fakeFetch(GOOD).impl));
  });

  it('a 5,000-card board goes in pieces of at most 256 K characters', async () => {
    const data = generateBoardJson({ cards: 5000, seed: 3, today: '2026-12-01' });
    const { impl } = fakeFetch({ '/1/boards/Brd50000': json(data.board), '/1/boards/Brd50000/cards': json(data.cards) });
    const { sink, pieces, texts } = collecting();
    expect(await streamBoardJson('Brd50000', sink, impl)).toEqual(['board', 'cards']);
    expect(pieces.get('cards')!.length).toBeGreaterThan(8);
    expect(pieces.get('cards')!.every((p) => p.length <= PIECE_CHARS)).toBe(true);
    expect(JSON.parse(texts(['cards']).cards!)).toEqual(data.cards);
  });

  it('an extra that could not be fetched is left out; a required one makes the whole null', async () => {
    const noLists = await streamBoardJson('Kx7pQ2mN', collecting().sink, fakeFetch({ ...GOOD, '/1/boards/Kx7pQ2mN/lists': 'network-error' }).impl);
    expect(noLists).toEqual(['board', 'cards', 'actions']);
    expect(await streamBoardJson('Kx7pQ2mN', collecting().sink, fakeFetch({ ...GOOD, '/1/boards/Kx7pQ2mN/cards': { status: 401, body: 'no' } }).impl)).toBeNull();
  });

  it('a direct load of a card streams its board for the background, with the page’s own fetch', async () => {
    const { impl, calls } = fakeFetch(GOOD);
    vi.stubGlobal('fetch', impl);
    const { sink, texts } = collecting();
    const complete = (await trelloAdapter.fetchSiteJson!({ kind: 'card', id: 'AbC123xy' }, sink))!;
    expect(texts(complete).cards).toBe(fixtureText('json/cards.json'));
    expect(calls.map((c) => new URL(c.url).pathname)).toEqual(expect.arrayContaining(['/1/cards/AbC123xy', '/1/boards/Kx7pQ2mN/cards']));
    expect(calls.every((c) => c.init.credentials === 'include')).toBe(true);
    const snapshot = await trelloAdapter.checkSiteJson!(texts(complete));
    expect(snapshot?.scope).toEqual(expect.arrayContaining(['674e1f2a9c3b4d5e6f708190', 'Kx7pQ2mN', 'AbC123xy']));
    expect(snapshot?.observations).toHaveLength(8);
  });
});
