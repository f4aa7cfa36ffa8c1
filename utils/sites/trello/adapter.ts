import { readToEnd } from '@/utils/slices';
import type { GradualRead, PlacedTask, ReadContext, SiteAdapter, Snapshot } from '../adapter';
import { checkBoardJson, fetchCardSnapshot, streamBoardJson } from './json';
import { boardReader, toObservations, type DomCard, type DomDialog } from './reader';
import type { TaskObservation } from '@/utils/model/observation';
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

  readPage: (document, context) => readToEnd(readGradually(document, context)),

  readPageGradually: readGradually,

  async fetchSiteJson(route, sink) {
    let boardId = route.id;
    if (route.kind === 'card') {
      // A direct load of /c/… knows only the card; its JSON (one card, parsed here) names the board.
      const card = await fetchCardSnapshot(route.id);
      if (!card) return null;
      boardId = card.board.shortLink ?? card.board.id;
    }
    return streamBoardJson(boardId, sink);
  },

  async checkSiteJson(json): Promise<Snapshot | null> {
    const board = await checkBoardJson(json);
    if (!board) return null;
    return {
      observations: board.observations,
      facts: board.facts,
      scope: [board.board.id, board.board.shortLink ?? '', ...board.observations.map((o) => o.nativeId)].filter(Boolean),
    };
  },
};

/**
 * Reads the board a slice at a time, placing each card as it is read: placing 1,000 cards at the end (an observation
 * and a slot query each) was itself 25–35 ms on top of the last slice, and 5,000 made it a 140 ms task.
 */
function readGradually(document: Document, { today, pageUrl, only, containers }: ReadContext): GradualRead {
  /** One observation per card: a card shown twice (a mirror) shares the first one's. */
  const byShortLink = new Map<string, TaskObservation>();
  const placed: { item: DomCard | DomDialog; slot: Element }[] = [];
  const reader = boardReader(document, { today, pageUrl, only, containers }, (card) => {
    if (!byShortLink.has(card.shortLink)) {
      const observation = toObservations([card], null, { pageUrl, boardName: reader.boardName })[0];
      if (!observation) return;
      byShortLink.set(card.shortLink, observation);
    }
    placed.push({ item: card, slot: queryFirst(card.element, TRELLO_SELECTORS.chipSlot) ?? card.element });
  });
  return {
    readSome: reader.readSome,
    finish() {
      const read = reader.finish();
      if (read.dialog) {
        // The open dialog shows more than its card front (full members, the time of day): its observation wins.
        const { dialog } = read;
        const fronts = read.cards.filter((c) => c.shortLink === dialog.shortLink).slice(0, 1);
        const merged = toObservations(fronts, dialog, { pageUrl, boardName: read.boardName })[0];
        if (merged) {
          byShortLink.set(dialog.shortLink, merged);
          placed.push({ item: dialog, slot: queryFirst(dialog.element, TRELLO_SELECTORS.chipSlot) ?? dialog.element });
        }
      }
      const tasks: PlacedTask[] = [];
      for (const { item, slot } of placed) {
        const observation = byShortLink.get(item.shortLink);
        if (!observation) continue;
        tasks.push({
          key: observation.key,
          container: item.element,
          anchor: item.dueBadge,
          slot,
          people: item.members.map((m) => ({ contractorId: `trello:${m.username}`, element: m.element })),
          observation,
        });
      }
      return {
        tasks,
        health: {
          route: read.health.route,
          expectsTasks: read.health.route !== null,
          tasksFound: read.health.cardsFound,
          missing: { ...read.health.missing },
        },
      };
    },
  };
}
