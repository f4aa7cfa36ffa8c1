import type { GradualRead, PageRead, PlacedTask, SiteAdapter, Snapshot } from '../adapter';
import { fetchBoardSnapshot, fetchCardSnapshot } from './json';
import { boardReader, toObservations, type BoardRead, type DomCard, type DomDialog } from './reader';
import { matchTrelloRoute } from './routes';
import { queryFirst, TRELLO_SELECTORS } from './selectors';

/** Trello: JSON (`/1/…`) for which cards exist and their exact dates; the DOM for placement and as fallback. */
export const trelloAdapter: SiteAdapter = {
  site: 'trello',
  matches: ['https://trello.com/*'],

  route(url) {
    const match = matchTrelloRoute(url);
    return match ? { kind: match.kind, id: match.shortLink } : null;
  },

  readPage(document, context) {
    const gradual = readGradually(document, context);
    while (gradual.step(() => false));
    return gradual.finish();
  },

  readPageGradually: readGradually,

  async snapshot(route): Promise<Snapshot | null> {
    let boardId = route.id;
    if (route.kind === 'card') {
      // A direct load of /c/… knows only the card; its JSON names the board.
      const card = await fetchCardSnapshot(route.id);
      if (!card) return null;
      boardId = card.board.shortLink ?? card.board.id;
    }
    const board = await fetchBoardSnapshot(boardId);
    if (!board) return null;
    return {
      observations: board.observations,
      facts: board.facts,
      scope: [board.board.id, board.board.shortLink ?? '', ...board.observations.map((o) => o.nativeId)].filter(Boolean),
    };
  },
};

function readGradually(document: Document, { today, pageUrl }: { today: string; pageUrl: string }): GradualRead {
  const reader = boardReader(document, { today, pageUrl });
  return { step: (timeUp) => reader.readSome(timeUp), finish: () => placeBoard(reader.finish(), pageUrl) };
}

/** Where each card's chip and badges go, with the observation it carries. */
function placeBoard(read: BoardRead, pageUrl: string): PageRead {
  const observations = new Map(
    toObservations(read.cards, read.dialog, { pageUrl, boardName: read.boardName }).map((o) => [o.nativeId, o]),
  );
  const place = (item: DomCard | DomDialog): PlacedTask | null => {
    const observation = observations.get(item.shortLink);
    if (!observation) return null;
    return {
      key: observation.key,
      container: item.element,
      anchor: item.dueBadge,
      slot: queryFirst(item.element, TRELLO_SELECTORS.chipSlot) ?? item.element,
      people: item.members.map((m) => ({ contractorId: `trello:${m.username}`, element: m.element })),
      observation,
    };
  };
  const tasks = [...read.cards, ...(read.dialog ? [read.dialog] : [])]
    .map(place)
    .filter((t): t is PlacedTask => t !== null);
  return {
    tasks,
    health: {
      route: read.health.route,
      expectsTasks: read.health.route !== null,
      tasksFound: read.health.cardsFound,
      missing: { ...read.health.missing },
    },
  };
}
